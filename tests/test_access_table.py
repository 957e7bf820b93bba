"""Every URL pattern, every role and a guest, GET and POST: the status each one gets.

The table is the access policy written down. A new URL pattern fails
`test_every_url_pattern_is_in_the_table` until it is given a row here. The records belong
to a review that the review officer neither leads nor works on, so the review officer's
column shows the object rule as well as the role's model permissions; Part 2 rows repeat the
report pages for an exempt report, which must not exist for a member without exempt access.

POSTs carry no form data: a page that may be changed answers with its form and error
messages (200) or sends the user back (302); one that may not answers 403, 404 or 405.
"""

from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from organisation import roles
from organisation.models import CalendarFeed, new_feed_token
from reports import services as report_services
from tests.crawl import every_pattern
from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    ChallengeEvidenceFactory,
    CommitteeFactory,
    CommitteeReportFactory,
    ExternalCommissionFactory,
    InspectionDocumentFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    KeyIssueFactory,
    MeetingFactory,
    MinuteItemFactory,
    OutcomeFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewDocumentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

GUEST = "guest"
COLUMNS = [GUEST, *roles.ROLES]  # guest, admin, BV officer, review officer, member, exempt

# GET rows
PAGE = (302, 200, 200, 200, 200, 200)  # every signed-in user reads it
OPEN = (200, 200, 200, 200, 200, 200)
EDIT = (302, 200, 200, 403, 403, 403)  # officers of the whole programme only
OFFICERS = (302, 200, 200, 200, 403, 403)  # review officers too
PART_2 = (302, 200, 200, 404, 404, 200)  # hidden, not just locked
PART_2_EDIT = (302, 200, 200, 404, 404, 403)

# POST rows
READ_ONLY = (302, 405, 405, 405, 405, 405)
NOT_FOR_MEMBERS = (302, 405, 405, 405, 403, 403)  # GET-only pages members may not open
SAVE = EDIT  # re-displayed with error messages
SAVE_OFFICERS = OFFICERS
SAVE_THEN_BACK = (302, 302, 302, 403, 403, 403)
ISSUE = (302, 302, 302, 403, 403, 403)

# route: (URL arguments as world attributes, GET row, POST row)
TABLE = {
    "home": ({}, PAGE, READ_ONLY),
    "search": ({}, PAGE, READ_ONLY),
    "timeline": ({}, PAGE, READ_ONLY),
    "calendar-feeds": ({}, PAGE, (302, 302, 302, 302, 302, 302)),
    "calendar-feed": ({"token": "feed_token", "slug": "feed_slug"}, OPEN, (405,) * 6),
    "login": ({}, (200, 302, 302, 302, 302, 302), (200, 302, 302, 302, 302, 302)),
    "logout": ({}, (302, 405, 405, 405, 405, 405), (302,) * 6),
    "password_change": ({}, PAGE, (302, 200, 200, 200, 200, 200)),
    "password_change_done": ({}, PAGE, READ_ONLY),
    "password_reset": ({}, OPEN, (200,) * 6),
    "password_reset_done": ({}, OPEN, (405,) * 6),
    "password_reset_confirm": ({"uidb64": "reset_uid", "token": "reset_token"}, OPEN, OPEN),
    "password_reset_complete": ({}, OPEN, (405,) * 6),
    # Reviews
    "reviews:review-list": ({}, PAGE, READ_ONLY),
    "reviews:review-create": ({}, OFFICERS, SAVE_OFFICERS),
    "reviews:review-detail": ({"pk": "review"}, PAGE, READ_ONLY),
    "reviews:review-update": ({"pk": "review"}, EDIT, SAVE),
    "reviews:review-status-update": ({"pk": "review"}, EDIT, SAVE),
    "reviews:review-history": ({"pk": "review"}, PAGE, READ_ONLY),
    "reviews:progress-create": ({"review_pk": "review"}, EDIT, SAVE),
    "reviews:progress-update": ({"review_pk": "review", "pk": "progress"}, EDIT, SAVE),
    "reviews:recommendation-create": ({"review_pk": "review"}, EDIT, SAVE),
    "reviews:recommendation-update": (
        {"review_pk": "review", "pk": "recommendation"},
        EDIT,
        SAVE,
    ),
    "reviews:outcome-create": ({"review_pk": "review"}, EDIT, SAVE),
    "reviews:outcome-update": ({"review_pk": "review", "pk": "outcome"}, EDIT, SAVE),
    "reviews:evidence-create": ({"review_pk": "review"}, EDIT, SAVE),
    "reviews:evidence-update": ({"review_pk": "review", "pk": "evidence"}, EDIT, SAVE),
    "reviews:document-create": ({"review_pk": "review"}, EDIT, SAVE),
    "reviews:document-download": (
        {"review_pk": "review", "pk": "review_document"},
        PAGE,
        READ_ONLY,
    ),
    "reviews:document-remove": (
        {"review_pk": "review", "pk": "review_document"},
        EDIT,
        SAVE_THEN_BACK,
    ),
    # Inspections
    "inspections:programme": ({}, PAGE, READ_ONLY),
    "inspections:inspection-list": ({}, PAGE, READ_ONLY),
    "inspections:inspection-create": ({}, EDIT, SAVE),
    "inspections:inspection-detail": ({"pk": "inspection"}, PAGE, READ_ONLY),
    "inspections:inspection-update": ({"pk": "inspection"}, EDIT, SAVE),
    "inspections:inspection-record-judgement": ({"pk": "inspection"}, EDIT, SAVE),
    "inspections:inspection-history": ({"pk": "inspection"}, PAGE, READ_ONLY),
    "inspections:document-create": ({"pk": "inspection"}, EDIT, SAVE),
    "inspections:document-download": (
        {"pk": "inspection", "document_pk": "inspection_document"},
        PAGE,
        READ_ONLY,
    ),
    "inspections:document-remove": (
        {"pk": "inspection", "document_pk": "inspection_document"},
        EDIT,
        SAVE_THEN_BACK,
    ),
    # Improvement plans
    "improvement_plans:plan-list": ({}, PAGE, READ_ONLY),
    "improvement_plans:plan-create": ({}, OFFICERS, SAVE_OFFICERS),
    "improvement_plans:plan-detail": ({"pk": "plan"}, PAGE, READ_ONLY),
    "improvement_plans:plan-update": ({"pk": "plan"}, EDIT, SAVE),
    "improvement_plans:plan-history": ({"pk": "plan"}, PAGE, READ_ONLY),
    "improvement_plans:keyissue-create": ({"pk": "plan"}, EDIT, SAVE),
    "improvement_plans:commission-create": ({"pk": "plan"}, EDIT, SAVE),
    "improvement_plans:plan-actions-from-inspection": ({"pk": "plan"}, EDIT, SAVE),
    "improvement_plans:keyissue-update": ({"pk": "key_issue"}, EDIT, SAVE),
    "improvement_plans:action-create": ({"pk": "key_issue"}, EDIT, SAVE),
    "improvement_plans:action-detail": ({"pk": "action"}, PAGE, READ_ONLY),
    "improvement_plans:action-update": ({"pk": "action"}, EDIT, SAVE),
    "improvement_plans:action-progress": ({"pk": "action"}, EDIT, SAVE),
    "improvement_plans:timelog-create": ({"pk": "action"}, EDIT, SAVE),
    "improvement_plans:action-history": ({"pk": "action"}, PAGE, READ_ONLY),
    "improvement_plans:my-action-list": ({}, PAGE, READ_ONLY),
    "improvement_plans:due-action-list": ({}, PAGE, READ_ONLY),
    "improvement_plans:staff-time-totals": ({}, PAGE, READ_ONLY),
    "improvement_plans:commission-list": ({}, PAGE, READ_ONLY),
    "improvement_plans:commission-update": ({"pk": "commission"}, EDIT, SAVE),
    # Committees, meetings and minutes
    "committees:committee-list": ({}, PAGE, READ_ONLY),
    "committees:committee-detail": ({"pk": "committee"}, PAGE, READ_ONLY),
    "committees:committee-update": ({"pk": "committee"}, EDIT, SAVE),
    "committees:committee-schedule": ({"pk": "committee"}, EDIT, SAVE),
    "committees:meeting-create": ({"pk": "committee"}, EDIT, SAVE),
    "committees:committee-calendar": ({"pk": "committee"}, PAGE, READ_ONLY),
    "committees:committee-history": ({"pk": "committee"}, PAGE, READ_ONLY),
    "committees:meeting-detail": ({"pk": "meeting"}, PAGE, READ_ONLY),
    "committees:meeting-minutes": ({"pk": "meeting"}, OFFICERS, SAVE_OFFICERS),
    "committees:meeting-history": ({"pk": "meeting"}, PAGE, READ_ONLY),
    "reports:agenda-pack": ({"pk": "meeting"}, PAGE, READ_ONLY),
    # Committee reports
    "reports:report-list": ({}, PAGE, READ_ONLY),
    "reports:report-create": ({}, OFFICERS, SAVE_OFFICERS),
    "reports:report-detail": ({"pk": "draft"}, PAGE, READ_ONLY),
    "reports:report-update": ({"pk": "draft"}, OFFICERS, SAVE_OFFICERS),
    "reports:report-preview": ({"pk": "draft"}, PAGE, READ_ONLY),
    "reports:report-pdf": ({"pk": "issued"}, PAGE, READ_ONLY),
    "reports:report-issue": ({"pk": "draft"}, (302, 405, 405, 403, 403, 403), ISSUE),
    "reports:report-correct": (
        {"pk": "issued"},
        (302, 405, 405, 405, 403, 403),
        (302, 302, 302, 302, 403, 403),
    ),
    "reports:report-history": ({"pk": "draft"}, PAGE, READ_ONLY),
    "reports:house-style-list": ({}, PAGE, READ_ONLY),
    "reports:house-style-create": ({}, EDIT, SAVE),
    "reports:house-style-detail": ({"pk": "house_style"}, PAGE, READ_ONLY),
    "reports:house-style-update": ({"pk": "house_style"}, EDIT, SAVE),
    "reports:house-style-history": ({"pk": "house_style"}, PAGE, READ_ONLY),
}

# The report pages again, for a Part 2 report. Refusals that come before the report is
# looked up (405 for the verb, 403 for the role) say the same for any number, so they do not
# tell anyone that the report exists.
PART_2_TABLE = {
    "reports:report-detail": ({"pk": "exempt"}, PART_2, READ_ONLY),
    "reports:report-update": ({"pk": "exempt"}, PART_2_EDIT, PART_2_EDIT),
    "reports:report-preview": ({"pk": "exempt"}, PART_2, READ_ONLY),
    "reports:report-pdf": ({"pk": "exempt"}, PART_2, READ_ONLY),
    "reports:report-issue": ({"pk": "exempt"}, (302, 405, 405, 403, 403, 403), ISSUE),
    "reports:report-history": ({"pk": "exempt"}, PART_2, READ_ONLY),
}


@pytest.fixture
def world(settings, tmp_path):
    """One of everything, on a review nobody in the table leads."""
    settings.MEDIA_ROOT = tmp_path
    review = ReviewFactory(title="Youth Service")
    inspection = InspectionFactory(review=review)
    InspectionRecommendationFactory(inspection=inspection)
    key_issue = KeyIssueFactory(plan__review=review)
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee)
    MinuteItemFactory(meeting=meeting, review=review)
    BoardRequestFactory(raised_at=meeting)
    issued = CommitteeReportFactory(committee=committee, meeting=meeting, review=review)
    issued = report_services.issue_report(issued, by=UserFactory(), expected_version=issued.version)
    feed = CalendarFeed.objects.create(user=UserFactory(), token=new_feed_token())
    world = SimpleNamespace(
        review=review,
        progress=ProgressUpdateFactory(review=review),
        recommendation=RecommendationFactory(review=review),
        outcome=OutcomeFactory(review=review),
        evidence=ChallengeEvidenceFactory(review=review),
        review_document=ReviewDocumentFactory(review=review),
        inspection=inspection,
        inspection_document=InspectionDocumentFactory(inspection=inspection),
        plan=key_issue.plan,
        key_issue=key_issue,
        action=ActionFactory(key_issue=key_issue),
        commission=ExternalCommissionFactory(plan=key_issue.plan),
        committee=committee,
        meeting=meeting,
        draft=CommitteeReportFactory(committee=committee, meeting=meeting, review=review),
        issued=issued,
        exempt=CommitteeReportFactory(
            committee=committee, meeting=meeting, review=review, part=2, exempt_paragraph=3
        ),
        house_style=issued.house_style,
        feed_token=feed.token,
        feed_slug="meetings",
        reset_uid="MQ",
        reset_token="set-password",
    )
    return world


def url_of(world, route, arguments):
    kwargs = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in ((name, getattr(world, attr)) for name, attr in arguments.items())
    }
    return reverse(route, kwargs=kwargs)


def statuses(client, user, world, table):
    """{(route, verb): status} for `user` (None: a guest); each request is rolled back."""
    found = {}
    for route, (arguments, _, _) in table.items():
        url = url_of(world, route, arguments)
        for verb in ("get", "post"):
            if user is not None:
                client.force_login(user)  # again: a POST to sign out ends the session
            with transaction.atomic():
                found[route, verb] = getattr(client, verb)(url).status_code
                transaction.set_rollback(True)
    return found


def expected(table, column):
    index = COLUMNS.index(column)
    return {
        (route, verb): row[index]
        for route, (_, get, post) in table.items()
        for verb, row in (("get", get), ("post", post))
    }


def test_every_url_pattern_is_in_the_table():
    patterns = {name for name, _ in every_pattern()}
    assert patterns - TABLE.keys() == set(), "URL patterns missing from the table"
    assert TABLE.keys() - patterns == set(), "table rows for URL patterns that are gone"


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("table", [TABLE, PART_2_TABLE], ids=["part-1", "part-2"])
def test_each_role_gets_the_status_in_the_table(client, make_user, world, column, table):
    user = None if column == GUEST else make_user(column, person=PersonFactory())
    found = statuses(client, user, world, table)
    wrong = {
        key: f"expected {status}, got {found[key]}"
        for key, status in expected(table, column).items()
        if found[key] != status
    }
    assert not wrong, f"{column}: " + "; ".join(
        f"{verb.upper()} {route}: {problem}" for (route, verb), problem in wrong.items()
    )
