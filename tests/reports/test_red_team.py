"""Each finding of the red-team run (issue 15) on committee reports, performed again and
now refused or handled."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from organisation import roles
from reports import kinds
from reports import services as report_services
from reports.models import CommitteeReport
from tests.factories import CommitteeReportFactory, PersonFactory
from tests.forms import submitted

pytestmark = pytest.mark.django_db

SECRET = "Leisure Trust redundancy costs"


def url(name, report):
    return reverse(f"reports:{name}", args=[report.pk])


def edit(client, report, **changes):
    """Save the report's edit form as the browser would, with `changes` typed in."""
    page = client.get(url("report-update", report))
    assert page.status_code == 200
    response = client.post(
        url("report-update", report), {**submitted(page.context["form"]), **changes}
    )
    assert response.status_code == 302, response.context["form"].errors
    report.refresh_from_db()
    return report


@pytest.fixture
def once_part_2(client, bv_officer):
    """A draft written as Part 2 with secret text, then made Part 1 with new text."""
    report = CommitteeReportFactory(
        part=2, exempt_paragraph=3, subject=SECRET, narrative=f"## Costs\n\n{SECRET} in full."
    )
    client.force_login(bv_officer)
    edit(client, report, subject="Leisure Trust review", narrative="## Costs\n\nSee Part 2.")
    edit(client, report, part="1", exempt_paragraph="")
    assert report.part == 1
    return report


@pytest.mark.parametrize("role", [roles.MEMBER, roles.REVIEW_OFFICER])
def test_history_leaves_out_what_was_written_while_part_2(client, make_user, once_part_2, role):
    client.force_login(make_user(role, person=PersonFactory()))
    page = client.get(url("report-history", once_part_2))
    assert page.status_code == 200
    assert "Leisure Trust review" in page.text
    assert SECRET not in page.text
    assert "in full" not in page.text


def test_an_exempt_reader_sees_the_whole_history(client, exempt_member, once_part_2):
    client.force_login(exempt_member)
    page = client.get(url("report-history", once_part_2))
    assert SECRET in page.text


@pytest.fixture
def corrected_part_2(bv_officer):
    """An issued Part 2 report, and its correction made Part 1 with new text."""
    issued = CommitteeReportFactory(part=2, exempt_paragraph=3, subject=SECRET)
    report_services.issue_report(issued, by=bv_officer, expected_version=issued.version)
    correction = report_services.correct_report(issued)
    correction.part, correction.exempt_paragraph = 1, None
    correction.subject = "Leisure Trust review (public)"
    correction.save()
    return issued, correction


@pytest.mark.parametrize("role", [roles.MEMBER, roles.REVIEW_OFFICER])
def test_a_part_1_correction_of_a_part_2_report_shows_nothing_of_it(
    client, make_user, corrected_part_2, role
):
    issued, correction = corrected_part_2
    client.force_login(make_user(role, person=PersonFactory()))
    for name in ("report-detail", "report-history"):
        page = client.get(url(name, correction))
        assert page.status_code == 200
        assert SECRET not in page.text, name
        assert url("report-detail", issued) not in page.text, name


def test_an_exempt_reader_is_led_from_the_correction_to_the_original(
    client, exempt_member, corrected_part_2
):
    issued, correction = corrected_part_2
    client.force_login(exempt_member)
    assert url("report-detail", issued) in client.get(url("report-detail", correction)).text


def test_correcting_again_does_not_reveal_a_hidden_part_2_correction(
    client, bv_officer, review_officer
):
    issued = CommitteeReportFactory()
    report_services.issue_report(issued, by=bv_officer, expected_version=issued.version)
    correction = report_services.correct_report(issued)
    correction.part, correction.exempt_paragraph = 2, 1
    correction.save()
    client.force_login(review_officer)
    response = client.post(url("report-correct", issued), follow=True)
    assert response.redirect_chain[-1][0] == url("report-detail", issued)
    assert "already been started" in response.text
    assert f"/reports/{correction.pk}/" not in response.text


# Only those who may read Part 2 may make a report Part 2 ------------------------------------


def test_a_review_officer_cannot_make_a_report_part_2(client, review_officer):
    report = CommitteeReportFactory()
    client.force_login(review_officer)
    page = client.get(url("report-update", report))
    assert "exempt_paragraph" not in page.context["form"].fields
    data = {**submitted(page.context["form"]), "part": "2", "exempt_paragraph": "3"}
    response = client.post(url("report-update", report), data)
    assert response.status_code == 200
    assert "Only officers who may read Part 2 reports" in response.text
    report.refresh_from_db()
    assert report.part == 1


def test_a_best_value_officer_can(client, bv_officer):
    report = CommitteeReportFactory()
    client.force_login(bv_officer)
    assert edit(client, report, part="2", exempt_paragraph="3").part == 2


# Rendering amplification ---------------------------------------------------------------------


def test_a_narrative_full_of_tables_is_refused_before_anything_renders(
    client, bv_officer, monkeypatch
):
    report = CommitteeReportFactory()
    client.force_login(bv_officer)
    page = client.get(url("report-update", report))

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered")

    monkeypatch.setitem(kinds.TABLES, "progress", must_not_render)
    monkeypatch.setattr(kinds, "layout", must_not_render)
    narrative = "## Progress\n\n" + "\n".join(["[table: progress]"] * 400)
    data = {**submitted(page.context["form"]), "narrative": narrative}
    response = client.post(url("report-update", report), data)
    assert response.status_code == 200
    assert f"at most {kinds.MAX_MARKERS} tables and figures; this one has 400" in response.text
    report.refresh_from_db()
    assert "[table: progress]" not in report.narrative


# Issuing with an item number that is taken ---------------------------------------------------


def test_issuing_a_report_whose_item_number_is_taken_says_so(client, bv_officer):
    first = CommitteeReportFactory(item_number=4)
    second = CommitteeReportFactory(committee=first.committee, meeting=first.meeting, item_number=4)
    client.force_login(bv_officer)
    for report in (first, second):
        client.get(url("report-detail", report))  # both drafts show an issue button
    assert client.post(url("report-issue", first), {"version": first.version}).status_code == 302
    page = client.get(url("report-detail", second))
    assert "Item 4 is already an issued report at this meeting" in page.text
    response = client.post(url("report-issue", second), {"version": second.version}, follow=True)
    assert response.status_code == 200
    second.refresh_from_db()
    assert second.status == "draft"


def test_the_service_refuses_a_taken_item_number_with_a_message(bv_officer):
    first = CommitteeReportFactory(item_number=4)
    second = CommitteeReportFactory(committee=first.committee, meeting=first.meeting, item_number=4)
    report_services.issue_report(first, by=bv_officer, expected_version=first.version)
    with pytest.raises(ValidationError, match="Another issued report has that item number"):
        report_services.issue_report(second, by=bv_officer, expected_version=second.version)


# An issued report is read-only on every path ------------------------------------------------


@pytest.fixture
def issued(bv_officer):
    report = CommitteeReportFactory(subject="Leisure review")
    return report_services.issue_report(report, by=bv_officer, expected_version=report.version)


def test_the_admin_shows_an_issued_report_but_cannot_change_it(client, administrator, issued):
    client.force_login(administrator)
    change = reverse("admin:reports_committeereport_change", args=[issued.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="subject"' not in page.text
    response = client.post(change, {"subject": "Changed", "part": "2", "exempt_paragraph": "1"})
    assert response.status_code == 403
    delete = reverse("admin:reports_committeereport_delete", args=[issued.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    issued.refresh_from_db()
    assert (issued.subject, issued.part) == ("Leisure review", 1)


@pytest.mark.parametrize(
    "change",
    [
        {"subject": "Changed"},
        {"part": 2, "exempt_paragraph": 1},
        {"item_number": 99},
        {"narrative": "New"},
        {"status": "draft"},
    ],
)
def test_no_save_changes_an_issued_report(issued, change):
    for name, value in change.items():
        setattr(issued, name, value)
    with pytest.raises(ValidationError, match="An issued report cannot change"):
        issued.save()
    stored = CommitteeReport.objects.get(pk=issued.pk)
    assert (stored.subject, stored.part, stored.status) == ("Leisure review", 1, "issued")


def test_issuing_a_correction_still_marks_the_original_superseded(bv_officer, issued):
    correction = report_services.correct_report(issued)
    report_services.issue_report(correction, by=bv_officer, expected_version=correction.version)
    issued.refresh_from_db()
    assert issued.status == "superseded"
    assert PdfReader(io.BytesIO(bytes(issued.pdf))).pages


def test_a_draft_still_saves(issued):
    draft = CommitteeReportFactory()
    draft.subject = "Renamed"
    draft.save()
    assert CommitteeReport.objects.get(pk=draft.pk).subject == "Renamed"
