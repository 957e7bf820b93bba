"""Changing the numbers in an address or a form never reaches a record the user may not touch.

A review officer who may edit their own review tries the parts of someone else's review
through their own review's addresses, and sends the forms of their own records back with
another record's number in a hidden or chosen field.
"""

import pytest
from django.urls import reverse

from committees.models import BoardRequest, MinuteItem
from improvement_plans.models import Action
from organisation import roles
from reviews.models import ProgressUpdate, Recommendation
from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    ChallengeEvidenceFactory,
    CommitteeFactory,
    InspectionDocumentFactory,
    InspectionFactory,
    KeyIssueFactory,
    MeetingFactory,
    MinuteItemFactory,
    OutcomeFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewDocumentFactory,
    ReviewFactory,
)
from tests.forms import page_submitted, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(roles.REVIEW_OFFICER, person=PersonFactory())


@pytest.fixture
def own(officer):
    return ReviewFactory(title="Youth Service", lead_officer=officer.person)


@pytest.fixture
def other():
    return ReviewFactory(title="Housing Repairs")


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


PART_ROUTES = [
    ("reviews:progress-update", ProgressUpdateFactory),
    ("reviews:recommendation-update", RecommendationFactory),
    ("reviews:outcome-update", OutcomeFactory),
    ("reviews:evidence-update", ChallengeEvidenceFactory),
    ("reviews:document-download", ReviewDocumentFactory),
]


@pytest.mark.parametrize("route,factory", PART_ROUTES, ids=[r for r, _ in PART_ROUTES])
def test_another_reviews_part_is_not_found_through_your_own_review(
    signed_in, own, other, route, factory, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    theirs = factory(review=other)
    url = reverse(route, kwargs={"review_pk": own.pk, "pk": theirs.pk})
    assert signed_in.get(url).status_code == 404
    assert signed_in.post(url, {"text": "Overwritten", "version": "1"}).status_code in {404, 405}


def test_a_part_edited_through_your_own_review_stays_unchanged_on_the_other(signed_in, own, other):
    theirs = ProgressUpdateFactory(review=other, text="Their note")
    url = reverse("reviews:progress-update", kwargs={"review_pk": own.pk, "pk": theirs.pk})
    signed_in.post(url, {"date_0": "1", "date_1": "2", "date_2": "2004", "text": "Mine now"})
    theirs.refresh_from_db()
    assert theirs.text == "Their note"
    assert not ProgressUpdate.objects.filter(text="Mine now").exists()


def test_another_inspections_document_is_not_found_through_this_inspection(
    signed_in, own, other, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    mine, theirs = InspectionFactory(review=own), InspectionFactory(review=other)
    document = InspectionDocumentFactory(inspection=theirs)
    url = reverse(
        "inspections:document-download", kwargs={"pk": mine.pk, "document_pk": document.pk}
    )
    assert signed_in.get(url).status_code == 404


def form_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return submitted(response.context["form"])


MOVABLE = {
    "improvement_plans:plan-update": lambda review: KeyIssueFactory(plan__review=review).plan,
    "inspections:inspection-update": lambda review: InspectionFactory(review=review),
}


@pytest.mark.parametrize("route", MOVABLE)
def test_a_record_cannot_be_moved_to_a_review_you_may_not_edit(signed_in, own, other, route):
    record = MOVABLE[route](own)
    url = reverse(route, args=[record.pk])
    data = {**form_of(signed_in, url), "review": str(other.pk)}
    response = signed_in.post(url, data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    record.refresh_from_db()
    assert record.review == own


def test_an_action_cannot_be_moved_to_another_plans_key_issue(signed_in, own, other):
    action = ActionFactory(key_issue__plan__review=own)
    elsewhere = KeyIssueFactory(plan__review=other)
    url = reverse("improvement_plans:action-update", args=[action.pk])
    data = {**form_of(signed_in, url), "key_issue": str(elsewhere.pk)}
    response = signed_in.post(url, data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert Action.objects.get(pk=action.pk).key_issue_id == action.key_issue_id
    assert not elsewhere.actions.exists()


def test_a_recommendation_form_cannot_be_pointed_at_another_review(signed_in, own, other):
    """The review comes from the address, never from the form."""
    url = reverse("reviews:recommendation-create", kwargs={"review_pk": own.pk})
    data = {**form_of(signed_in, url), "letter": "z", "text": "Mine", "review": str(other.pk)}
    signed_in.post(url, data)
    assert not Recommendation.objects.filter(review=other).exists()


def minutes_data(client, meeting):
    url = reverse("committees:meeting-minutes", args=[meeting.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, page_submitted(response)


@pytest.fixture
def meetings():
    committee = CommitteeFactory()
    return MeetingFactory(committee=committee), MeetingFactory(committee=committee)


def test_the_minutes_form_cannot_rewrite_another_meetings_item(signed_in, meetings):
    this, that = meetings
    MinuteItemFactory(meeting=this, number=1, heading="Apologies")
    theirs = MinuteItemFactory(meeting=that, number=1, heading="Their item")
    url, data = minutes_data(signed_in, this)
    data.update({"items-0-id": str(theirs.pk), "items-0-heading": "Rewritten"})
    # Django's formset drops a row whose id is not one of this meeting's items.
    assert signed_in.post(url, data).status_code in {200, 302}
    assert MinuteItem.objects.get(pk=theirs.pk).heading == "Their item"
    assert not MinuteItem.objects.filter(heading="Rewritten").exists()


def test_the_minutes_form_cannot_answer_a_request_due_elsewhere(signed_in, meetings):
    this, that = meetings
    due_here = BoardRequestFactory(raised_at=this, due_meeting=that)
    elsewhere = BoardRequestFactory(raised_at=this, due_meeting=MeetingFactory())
    url, data = minutes_data(signed_in, that)
    assert data["due-0-id"] == str(due_here.pk)
    data.update({"due-0-id": str(elsewhere.pk), "due-0-status": "answered", "due-0-answer": "Done"})
    signed_in.post(url, data)
    elsewhere.refresh_from_db()
    assert elsewhere.status != BoardRequest.Status.ANSWERED
    assert elsewhere.answer == ""
