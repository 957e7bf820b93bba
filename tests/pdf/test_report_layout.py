import io
import re
from datetime import date

from pypdf import PdfReader

from core.report_layout import (
    ReportLayout,
    Section,
    Table,
    part_2_marking,
    render_html,
    render_report_pdf,
)


def board_update(**overrides):
    """The header and opening of seed 000, the CDMT update report."""
    fields = {
        "style": "scrutiny",
        "committee": "Best Value Scrutiny Panel",
        "meeting_date": date(2004, 2, 23),
        "subject": "CDMT Update Report",
        "report_by": "Head of Policy and Performance",
        "contact_officer": "Judith Ingham 546496",
        "purpose": "To inform Members of the proceedings of the Corporate Directors Management "
        "Team with respect to Best Value.",
        "recommendations": "Best Value Scrutiny Panel is recommended to note the report",
        "sections": [
            Section(
                "Background",
                "The Board meet on the last Thursday of each month.\n\n"
                "This report describes the discussions and findings of the Board in January.",
            ),
            Section(
                "Implementation of Best Value improvement plans",
                "### Children's Services for 11-17 year olds\n\nWes Cuell gave an update.\n\n"
                "CDMT Board asked for a report to the next meeting of the Board on the "
                "following;\n- Feasibility of the invest-to-save proposal\n- Reprovision of "
                "Buckle Close children's home",
            ),
            Section(
                "Progress with Best Value reviews",
                table=Table(
                    ["Review", "Progress"],
                    [["Engineering & Transportation", "Deferred for six months."]] * 3,
                ),
            ),
        ],
        "background_papers": ["Minutes of the CDMT Procurement and Improvement Board"],
        "wards": "None",
    }
    return ReportLayout(**(fields | overrides))


def pdf_text(layout):
    reader = PdfReader(io.BytesIO(render_report_pdf(layout)))
    return [page.extract_text() for page in reader.pages]


def in_order(text, *phrases):
    """Each phrase occurs in `text` after the one before it."""
    text = " ".join(text.split())
    position = 0
    for phrase in phrases:
        position = text.find(phrase, position)
        if position == -1:
            return False
        position += len(phrase)
    return True


def test_scrutiny_report_has_the_seed_header_and_numbering_in_order():
    text = "\n".join(pdf_text(board_update()))
    assert in_order(
        text,
        "COMMITTEE:",
        "BEST VALUE SCRUTINY PANEL",
        "23RD FEBRUARY 2004",
        "CDMT UPDATE REPORT",
        "HEAD OF POLICY AND PERFORMANCE",
        "JUDITH INGHAM 546496",
        "IMPLICATIONS:",
        "WARDS AFFECTED: NONE",
        "1. PURPOSE",
        "2. RECOMMENDATION(S)",
        "3. BACKGROUND",
        "3.1 The Board meet",
        "3.2 This report",
        "4. IMPLEMENTATION OF BEST VALUE IMPROVEMENT PLANS",
        "Children's Services for 11-17 year olds",
        "4.1 Wes Cuell gave an update.",
        "4.2 CDMT Board asked",
        "Feasibility of the invest-to-save proposal",
        "5. PROGRESS WITH BEST VALUE REVIEWS",
        "Engineering & Transportation",
        "6. LIST OF BACKGROUND PAPERS LOCAL GOVERNMENT ACT 1972, SECTION 100D",
        "6.1 Minutes of the CDMT",
    )


def test_implications_are_ticked_as_given():
    html = render_html(board_update(implications={"financial", "staffing"}))
    assert html.count("✓") == 2


def test_continuous_numbering_as_in_seed_003():
    text = "\n".join(pdf_text(board_update(numbering="continuous")))
    assert in_order(text, "PURPOSE", "1 To inform", "RECOMMENDATION(S)", "2 Best Value", "3 The")


def test_every_page_has_the_part_marking_and_page_x_of_y_and_repeats_table_headers():
    many_rows = Table(["Review", "Progress"], [[f"Review {n}", "On target."] for n in range(150)])
    layout = board_update(
        sections=[Section("Progress", table=many_rows)],
        part_marking=part_2_marking(3),
    )
    pages = pdf_text(layout)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "PART 2 (Not for publication" in text
        assert f"Page {number} of {len(pages)}" in text
        assert re.search(r"Review\s+Progress", text), f"no table header on page {number}"


def test_cabinet_style_follows_seed_001():
    layout = board_update(
        style="cabinet",
        committee="Cabinet",
        meeting_date=date(2003, 4, 2),
        subject="Best Value/Performance Improvement Programme and Programme of Inspections",
        report_by="the Leader",
        contact_officer="Pam Booth x2550",
        wards="All",
        key_policies=["Best Value", "Performance Management"],
    )
    text = "\n".join(pdf_text(layout))
    assert "PART 1 (Open to the public)" in text
    assert in_order(
        text,
        "ITEM NO.",
        "REPORT OF THE LEADER",
        "To the:",
        "Cabinet Meeting",
        "2nd April, 2003",
        "TITLE: BEST VALUE/PERFORMANCE IMPROVEMENT PROGRAMME",
        "RECOMMENDATIONS:",
        "EXECUTIVE SUMMARY:",
        "BACKGROUND DOCUMENTS:",
        "ASSESSMENT OF RISK:",
        "THE SOURCE OF FUNDING IS:",
        "LEGAL ADVICE OBTAINED:",
        "FINANCIAL ADVICE OBTAINED:",
        "CONTACT OFFICER:",
        "Pam Booth x2550",
        "WARD(S) TO WHICH REPORT RELATES:",
        "ALL",
        "KEY COUNCIL POLICIES:",
        "Best Value",
        "Performance Management",
        "DETAILS:",
    )
