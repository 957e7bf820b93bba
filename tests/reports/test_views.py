"""Committee report pages: who may do what, Part 2 kept from those without exempt access,
bad input, and bounded queries."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from organisation import roles
from reports import services as report_services
from reports.models import CommitteeReport
from tests.factories import (
    CommitteeFactory,
    CommitteeReportFactory,
    CommitteeStyleFactory,
    HouseStyleFactory,
    ReviewFactory,
)
from tests.reports.test_kinds import pages_of

pytestmark = pytest.mark.django_db

MEMBER_ROLES = [roles.MEMBER, roles.MEMBER_EXEMPT]


def url(name, report):
    return reverse(f"reports:{name}", args=[report.pk])


@pytest.fixture
def exempt_report():
    return CommitteeReportFactory(
        part=CommitteeReport.Part.EXEMPT, exempt_paragraph=3, subject="Leisure Trust costs"
    )


# Part 2 -------------------------------------------------------------------------------------

PART_2_PAGES = [
    "report-detail",
    "report-preview",
    "report-pdf",
    "report-history",
    "report-update",
]


@pytest.mark.parametrize("name", PART_2_PAGES)
def test_a_member_without_exempt_access_cannot_find_a_part_2_report(
    client, member, exempt_report, name
):
    client.force_login(member)
    assert client.get(url(name, exempt_report)).status_code == 404


@pytest.mark.parametrize("name", ["report-issue", "report-correct"])
def test_nor_post_to_it(client, member, exempt_report, name):
    client.force_login(member)
    assert client.post(url(name, exempt_report), {"version": 1}).status_code in (403, 404)
    exempt_report.refresh_from_db()
    assert exempt_report.status == "draft"


def test_part_2_titles_are_hidden_from_lists_search_agenda_and_pack(
    client, member, exempt_member, bv_officer, exempt_report
):
    open_report = CommitteeReportFactory(
        committee=exempt_report.committee,
        meeting=exempt_report.meeting,
        subject="Leisure Trust options",
    )
    for report in (open_report, exempt_report):
        report_services.issue_report(report, by=bv_officer, expected_version=report.version)
    meeting = exempt_report.meeting
    client.force_login(member)
    for page in (
        reverse("reports:report-list"),
        reverse("search") + "?q=Leisure+Trust",
        meeting.get_absolute_url(),
    ):
        text = client.get(page).text
        assert "Leisure Trust options" in text
        assert "Leisure Trust costs" not in text, page
    pack = client.get(reverse("reports:agenda-pack", args=[meeting.pk])).content
    client.force_login(exempt_member)
    assert "Leisure Trust costs" in client.get(meeting.get_absolute_url()).text
    exempt_pack = client.get(reverse("reports:agenda-pack", args=[meeting.pk])).content

    member_pages = len(PdfReader(io.BytesIO(pack)).pages)
    exempt_pages = len(PdfReader(io.BytesIO(exempt_pack)).pages)
    assert exempt_pages > member_pages


def test_a_part_2_report_is_marked_as_such_on_every_page(client, exempt_member, exempt_report):
    client.force_login(exempt_member)
    pages = pages_of(client.get(url("report-pdf", exempt_report)).content)
    for page in pages:
        assert "PART 2 (Not for publication: exempt information under paragraph 3" in page


# Permissions --------------------------------------------------------------------------------

# (page, method, roles allowed)
MATRIX = [
    ("report-list", "get", roles.ROLES),
    ("report-detail", "get", roles.ROLES),
    ("report-preview", "get", roles.ROLES),
    ("report-pdf", "get", roles.ROLES),
    ("report-history", "get", roles.ROLES),
    ("report-create", "get", [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER, roles.REVIEW_OFFICER]),
    ("report-update", "get", [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER, roles.REVIEW_OFFICER]),
    (
        "report-update",
        "post",
        [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER, roles.REVIEW_OFFICER],
    ),
    ("report-issue", "post", [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER]),
]


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize(("name", "method", "allowed"), MATRIX)
def test_permission_matrix(client, make_user, role, name, method, allowed):
    report = CommitteeReportFactory()
    client.force_login(make_user(role))
    address = (
        reverse(f"reports:{name}")
        if name in ("report-list", "report-create")
        else url(name, report)
    )
    response = getattr(client, method)(address, {"version": report.version})
    if role in allowed:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 403
    report.refresh_from_db()
    assert (report.status == "issued") == (name == "report-issue" and role in allowed)


# Creating and editing -----------------------------------------------------------------------


def test_creating_a_report_fills_it_in_from_the_records(client, bv_officer):
    review = ReviewFactory(title="Sports and Leisure", scope="Leisure centres and pools.")

    panel = CommitteeFactory(name="Best Value Scrutiny Panel")
    usual = CommitteeStyleFactory(committee=panel).house_style
    client.force_login(bv_officer)
    response = client.post(
        reverse("reports:report-create"),
        {
            "kind": "review_progress",
            "committee": panel.pk,
            "report_by": "Head of Leisure",
            "review": review.pk,
        },
    )
    report = CommitteeReport.objects.get()
    assert response.url == url("report-update", report)
    assert report.subject == "Progress report - Best Value review of Sports and Leisure"
    assert "Leisure centres and pools." in report.narrative
    assert report.recommendations == "Best Value Scrutiny Panel is recommended to note the report."
    assert report.house_style == usual


def test_a_report_to_a_committee_without_a_usual_style_must_choose_one(client, bv_officer):
    review = ReviewFactory()
    data = {
        "kind": "review_progress",
        "committee": CommitteeFactory(name="Executive").pk,
        "report_by": "Head of Policy and Performance",
        "review": review.pk,
    }
    client.force_login(bv_officer)
    response = client.post(reverse("reports:report-create"), data)
    assert "Choose a house style: Executive has no usual house style yet" in response.text
    assert 'href="#id_house_style"' in response.text
    assert not CommitteeReport.objects.exists()
    style = HouseStyleFactory()
    client.post(reverse("reports:report-create"), {**data, "house_style": style.pk})
    assert CommitteeReport.objects.get().house_style == style


def test_creating_without_the_source_says_what_to_choose(client, bv_officer):
    client.force_login(bv_officer)
    response = client.post(
        reverse("reports:report-create"),
        {"kind": "improvement_plan", "committee": CommitteeFactory().pk, "report_by": "Head"},
    )
    assert response.status_code == 200
    assert "Choose the improvement plan" in response.text
    assert 'href="#id_plan"' in response.text  # in the error summary, linked to the field
    assert not CommitteeReport.objects.exists()


def edit_data(report, **changes):
    data = {
        "version": report.version,
        "subject": report.subject,
        "meeting": report.meeting_id,
        "item_number": report.item_number,
        "report_by": report.report_by,
        "contact_officer": report.contact_officer_id,
        "house_style": report.house_style_id,
        "part": 1,
        "wards_affected": "none",
        "narrative": report.narrative,
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"part": 2}, "exempt_paragraph", "Choose the paragraph of Schedule 12A"),
        ({"wards_affected": "listed"}, "wards", "Choose the wards the report affects"),
        ({"narrative": "## X\n\n[table: budget]"}, "narrative", "no table called “budget”"),
        ({"item_number": "seven"}, "item_number", "whole number"),
        ({"subject": ""}, "subject", "Enter the report&#x27;s subject"),
    ],
)
def test_bad_input_is_explained_beside_the_field(client, bv_officer, changes, field, message):
    report = CommitteeReportFactory()
    client.force_login(bv_officer)
    response = client.post(url("report-update", report), edit_data(report, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert f'href="#id_{field}' in response.text


def test_a_stale_edit_is_refused(client, bv_officer):
    report = CommitteeReportFactory()
    client.force_login(bv_officer)
    client.post(url("report-update", report), edit_data(report, subject="First"))
    response = client.post(url("report-update", report), edit_data(report, subject="Second"))
    assert "after you opened it" in response.text
    report.refresh_from_db()
    assert report.subject == "First"


def test_an_issued_report_cannot_be_edited_only_corrected(client, bv_officer):
    report = CommitteeReportFactory()
    report_services.issue_report(report, by=bv_officer, expected_version=report.version)
    client.force_login(bv_officer)
    response = client.post(url("report-update", report), edit_data(report, subject="Changed"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.subject != "Changed"
    response = client.post(url("report-correct", report))
    draft = CommitteeReport.objects.get(supersedes=report)
    assert response.url == url("report-update", draft)


def test_a_report_without_its_meeting_cannot_be_issued(client, bv_officer):
    report = CommitteeReportFactory(meeting=None)
    client.force_login(bv_officer)
    page = client.get(url("report-detail", report)).text
    assert "Choose the meeting that will receive the report" in page
    client.post(url("report-issue", report), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "draft"


# Queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 40])
def test_report_pages_run_a_bounded_number_of_queries(
    client, exempt_member, django_assert_max_num_queries, count
):
    reports = CommitteeReportFactory.create_batch(count)
    client.force_login(exempt_member)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("reports:report-list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(url("report-detail", reports[0])).status_code == 200


def test_report_by_starts_empty_with_an_example_as_its_hint(client, bv_officer):
    client.force_login(bv_officer)
    html = client.get(reverse("reports:report-create")).text
    assert (
        '<div id="id_report_by_hint" class="govuk-hint">'
        "A post, for example Head of Policy and Performance</div>"
    ) in html
    field = html[html.index('name="report_by"') : html.index('id="id_report_by"')]
    assert "value=" not in field and "placeholder" not in field


def test_report_by_left_empty_says_what_to_enter_beside_it(client, bv_officer):
    client.force_login(bv_officer)
    response = client.post(
        reverse("reports:report-create"),
        {"kind": "improvement_plan", "committee": CommitteeFactory().pk, "report_by": ""},
    )
    assert response.status_code == 200
    html = response.text
    assert 'href="#id_report_by"' in html  # in the error summary
    beside = html[html.index('<div id="div_id_report_by"') : html.index('id="id_report_by"')]
    assert "govuk-error-message" in beside
    assert "Enter the post the report is by" in beside
    assert not CommitteeReport.objects.exists()
