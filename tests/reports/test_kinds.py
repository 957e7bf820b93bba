"""Committee reports from the demo data: the five seed papers, frozen issues, Part 2."""

import hashlib
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from committees.models import Meeting
from core.report_layout import render_report_pdf
from reports import kinds
from reports import services as report_services
from reports.models import CommitteeReport
from reviews.models import ProgressUpdate, Review
from tests.factories import ActionFactory, KeyIssueFactory

Kind = CommitteeReport.Kind
pytestmark = pytest.mark.django_db


def pages_of(pdf):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def assert_in_order(text, *phrases):
    position = 0
    for phrase in phrases:
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} not found after position {position}"
        position = found + len(phrase)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def pdf_of(kind):
    report = CommitteeReport.objects.get(kind=kind)
    return bytes(report.pdf) if report.is_issued else render_report_pdf(kinds.layout(report))


SEED_FACTS = {
    # Seed 000: header block, no implications ticked, numbered sections, minutes, the table.
    Kind.BOARD_UPDATE: [
        "COMMITTEE: BEST VALUE SCRUTINY PANEL",
        "DATE: 23RD FEBRUARY 2004",
        "REPORT BY: HEAD OF POLICY AND PERFORMANCE",
        "CONTACT OFFICER: JUDITH INGHAM 546496",
        "LEGAL COMMUNITY SAFETY EQUALITIES ENVIRONMENT FINANCIAL CONSULTATIONS STAFFING OTHER",
        "WARDS AFFECTED: NONE",
        "1. PURPOSE",
        "To inform Members of the proceedings of the CDMT Improvement and Procurement Board",
        "2. RECOMMENDATION(S)",
        "Best Value Scrutiny Panel is recommended to note the report",
        "3. BACKGROUND",
        "3.2 The meetings are attended by",
        "Board in January",
        "4. IMPLEMENTATION OF BEST VALUE IMPROVEMENT PLANS",
        "4.1 Wes Cuell gave an update",
        "5. PROGRESS WITH BEST VALUE REVIEWS",
        "Review Progress",
        "Engineering & Transportation",
        "deferred for six months",
        "6. SPORTS AND LEISURE",
    ],
    # Seed 001: Cabinet style, the four programme columns, markers and their key.
    Kind.PROGRAMME: [
        "REPORT OF THE LEADER",
        "To the: Cabinet Meeting",
        "On: 2nd April, 2003",
        "TITLE: BEST VALUE/PERFORMANCE IMPROVEMENT PROGRAMME AND PROGRAMME OF INSPECTIONS",
        "RECOMMENDATIONS: That Cabinet approve the Best Value Performance",
        "CONTACT OFFICER: Pam Booth 2550",
        "ALL",
        "KEY COUNCIL POLICIES: Best Value Performance Management",
        "DETAILS:",
        "Details of the best value review programme 2003/04",
        "Inspections 2003/04 (3)",
        "Inspections 2004/05 (4)",
        "Grounds Maintenance",
        "(Continued from 2002/03)",
        "TIMELINE",
        "Dashed bars are fuzzy timings",
        "KEY",
        "* Denotes a delayed inspection",
        "† Offered for inspection on completion of review",
    ],
    # Seed 002: no header block, only the title and month; the outcomes under their numbered
    # themes, headings as written.
    Kind.OUTCOMES: [
        "SUPPLEMENTARY INFORMATION FOR THE COMMUNITY DEVELOPMENT BEST VALUE REVIEW",
        "February 2004",
        "1. Additional potential outcomes",
        "1.1 Promoting Local Governance & Renewal",
        "Greater partnership working",
        "1.2 Enabling the Delivery of Better Services",
        "1.5 Performance Management",
    ],
    # Seed 003: ticks as in the seed, continuous paragraph numbers, lettered recommendations.
    Kind.REVIEW_PROGRESS: [
        "COMMITTEE: CHILDREN'S SERVICES SCRUTINY PANEL",
        "DATE: 1ST JULY 2004",
        "REPORT BY: DIRECTOR OF HOUSING AND SOCIAL SERVICES",
        "CONTACT OFFICER: WES CUELL 547502",
        "FINANCIAL ✓ CONSULTATIONS ✓ STAFFING ✓ OTHER",
        "WARDS AFFECTED: ALL",
        "PURPOSE 1 To inform the Panel of progress",
        "RECOMMENDATION(S) 2 Children's Services Scrutiny Panel is recommended to note",
        "BACKGROUND 3 This review was carried out as a cross departmental review",
        "The key recommendations of the review were: - (a) the development of a universally",
        "(b) clearly identified referral routes",
    ],
    # Seed 004: Summary and Recommendations first, numbered 1.0/1.1, recommendations (1),
    # (2); the plan's key issues, external support, and the actions appendix.
    Kind.IMPROVEMENT_PLAN: [
        "Infrastructure Overview & Scrutiny Committee",
        "PARTNERSHIPS IMPROVEMENT PLAN",
        "Summary: This report updates Members on the development of the Improvement Plan.",
        "Recommendations: This report requests Members to approve:",
        "(1) The further development of the Improvement Plan",
        "(2) The commissioning of external support",
        "1.0 DEVELOPMENT OF THE IMPROVEMENT PLAN",
        "1.1 The timeframe",
        "Key Issue 8: Policy development",
        "Key Issue 11: Performance indicators",
        "Infrastructure Overview & Scrutiny Committee will have overall responsibility",
        "every 6 months",
        "Key issue Action Lead Business unit Start Milestone",
        "2.0 PROPOSAL TO COMMISSION EXTERNAL SUPPORT",
        "Best Value review funding",
    ],
}


@pytest.mark.parametrize("kind", list(SEED_FACTS))
def test_each_seed_paper_is_produced_from_the_demo_data(demo, kind):
    pages = pages_of(pdf_of(kind))
    assert_in_order(" ".join(pages), *SEED_FACTS[kind])
    for number, page in enumerate(pages, start=1):
        assert "PART 1 (Open to the public)" in page
        assert f"Page {number} of {len(pages)}" in page


def test_a_200_action_plan_report_repeats_its_table_header_on_every_page(demo):
    report = CommitteeReport.objects.get(kind=Kind.IMPROVEMENT_PLAN)
    issue = KeyIssueFactory(plan=report.plan, number=20, title="Many actions")
    ActionFactory.create_batch(200, key_issue=issue, business_unit="Strategic & Performance")
    pages = pages_of(render_report_pdf(kinds.layout(report)))
    appendix = [page for page in pages if "Many actions" in page]
    assert len(appendix) >= 5
    for page in appendix:
        assert "Key issue Action Lead Business unit Start Milestone" in page


def test_an_issued_report_never_changes_when_the_records_do(demo, client, member):
    report = CommitteeReport.objects.get(kind=Kind.BOARD_UPDATE)
    assert report.is_issued
    issued = bytes(report.pdf)
    assert report.sha256 == hashlib.sha256(issued).hexdigest()
    review = Review.objects.get(title="Engineering & Transportation", programme_year=2003)
    ProgressUpdate.objects.create(review=review, date="2004-02-20", text="Recruited at last.")
    client.force_login(member)
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.content == issued
    assert response["ETag"] == f'"{report.sha256}"'
    draft_text = " ".join(pages_of(render_report_pdf(kinds.layout(report))))
    assert "Recruited at last." in draft_text  # the records did change
    report.refresh_from_db()
    assert bytes(report.pdf) == issued


def test_a_correction_is_a_new_draft_and_issuing_it_supersedes_the_old(demo, bv_officer):
    issued = CommitteeReport.objects.get(kind=Kind.BOARD_UPDATE)
    draft = report_services.correct_report(issued)
    assert draft.status == "draft" and draft.supersedes == issued
    assert report_services.correct_report(issued) == draft  # asking twice makes one draft
    corrected = report_services.issue_report(draft, by=bv_officer, expected_version=draft.version)
    issued.refresh_from_db()
    assert issued.status == CommitteeReport.Status.SUPERSEDED
    assert list(CommitteeReport.objects.agenda(issued.meeting)) == [corrected]
    assert issued.history.first().status == CommitteeReport.Status.SUPERSEDED


def test_the_agenda_pack_joins_the_issued_reports_in_item_order(demo, client, bv_officer):
    meeting = CommitteeReport.objects.get(kind=Kind.BOARD_UPDATE).meeting
    outcomes = CommitteeReport.objects.get(kind=Kind.OUTCOMES)
    report_services.issue_report(outcomes, by=bv_officer, expected_version=outcomes.version)
    client.force_login(bv_officer)
    page = client.get(meeting.get_absolute_url()).text
    assert_in_order(page, ">5<", "Board update", ">6<", "Supplementary information")
    pages = pages_of(client.get(reverse("reports:agenda-pack", args=[meeting.pk])).content)
    text = " ".join(pages)
    assert_in_order(text, "CDMT IMPROVEMENT AND PROCUREMENT BOARD UPDATE", "SUPPLEMENTARY")


def test_a_meeting_without_issued_reports_has_no_agenda_pack(demo, client, member):
    meeting = Meeting.objects.get(committee__name="Cabinet")
    client.force_login(member)
    assert client.get(reverse("reports:agenda-pack", args=[meeting.pk])).status_code == 404
