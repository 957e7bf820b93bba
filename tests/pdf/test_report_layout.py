import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from core.pdf import StaticOnlyFetcher
from core.report_layout import (
    ReportLayout,
    Section,
    Table,
    format_date,
    render_html,
    render_report_pdf,
)
from reports import presets
from reports.models import HouseStyle


def preset(name, **changes):
    """A preset house style as the layout draws it, without the database."""
    return HouseStyle(**(presets.PRESETS[name] | changes)).layout_style()


def board_update(**overrides):
    """The header and opening of seed 000, the CDMT update report."""
    fields = {
        "style": preset(presets.SCRUTINY),
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


def test_numbering_through_the_report_as_in_seed_003():
    text = "\n".join(pdf_text(board_update(style=preset(presets.SCRUTINY_NUMBERED_THROUGH))))
    assert in_order(text, "PURPOSE", "1 To inform", "RECOMMENDATION(S)", "2 Best Value", "3 The")


def test_every_page_has_the_part_marking_and_page_x_of_y_and_repeats_table_headers():
    many_rows = Table(["Review", "Progress"], [[f"Review {n}", "On target."] for n in range(150)])
    layout = board_update(
        sections=[Section("Progress", table=many_rows)],
        exempt_paragraph=3,
    )
    pages = pdf_text(layout)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "PART 2 (Not for publication" in text
        assert f"Page {number} of {len(pages)}" in text
        assert re.search(r"Review\s+Progress", text), f"no table header on page {number}"


def test_cabinet_style_follows_seed_001():
    layout = board_update(
        style=preset(presets.CABINET),
        committee="Cabinet",
        meeting_date=date(2003, 4, 2),
        subject="Best Value/Performance Improvement Programme and Programme of Inspections",
        report_by="the Leader",
        contact_officer="Pam Booth x2550",
        wards_affected="all",
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


@pytest.mark.parametrize(
    ("date_format", "day", "expected"),
    [
        ("ordinal_capitals", date(2004, 2, 23), "23RD FEBRUARY 2004"),
        ("ordinal_capitals", date(2004, 7, 1), "1ST JULY 2004"),
        ("ordinal_capitals", date(2004, 7, 11), "11TH JULY 2004"),
        ("ordinal_capitals", date(2004, 7, 22), "22ND JULY 2004"),
        ("ordinal_comma", date(2003, 4, 2), "2nd April, 2003"),
        ("day_month_year", date(2006, 5, 2), "2 May 2006"),
        ("month_year", date(2004, 2, 23), "February 2004"),
        ("ordinal_comma", None, ""),
    ],
)
def test_dates_are_written_as_each_council_writes_them(date_format, day, expected):
    assert format_date(day, date_format) == expected


def test_a_summary_first_report_numbers_1_0_and_1_1_and_its_recommendations_1_2():
    layout = board_update(
        style=preset(presets.SUMMARY_FIRST),
        committee="Infrastructure Overview & Scrutiny Committee",
        subject="Partnerships improvement plan",
        purpose="This report updates Members on the Improvement Plan.",
        recommendations="This report requests Members to approve:\n\n- The plan\n- The support",
    )
    text = "\n".join(pdf_text(layout))
    assert "COMMITTEE:" not in text and "IMPLICATIONS" not in text
    assert in_order(
        text,
        "Infrastructure Overview & Scrutiny Committee",
        "PARTNERSHIPS IMPROVEMENT PLAN",
        "Summary:",
        "This report updates Members",
        "Recommendations:",
        "(1) The plan",
        "(2) The support",
        "1.0 BACKGROUND",
        "1.1 The Board meet",
        "1.2 This report",
        "2.0 IMPLEMENTATION",
        "(1) Feasibility of the invest-to-save proposal",
        "3.0 PROGRESS WITH BEST VALUE REVIEWS",
        "4.0 BACKGROUND PAPERS LOCAL GOVERNMENT ACT 1972, SECTION 100D",
        "4.1 Minutes of the CDMT",
    )


def test_supplementary_information_has_no_header_block_and_numbers_its_headings_only():
    layout = board_update(style=preset(presets.SUPPLEMENTARY), subject="Supplementary information")
    text = "\n".join(pdf_text(layout))
    for label in ("COMMITTEE:", "IMPLICATIONS", "WARDS", "PURPOSE", "RECOMMENDATION"):
        assert label not in text
    assert in_order(
        text,
        "SUPPLEMENTARY INFORMATION",
        "February 2004",
        "1. Background",
        "The Board meet",
        "2. Implementation of Best Value improvement plans",
    )
    assert "1.1" not in text


@pytest.mark.parametrize(
    ("list_style", "markers"),
    [("lettered", ["(a)", "(b)"]), ("roman", ["(i)", "(ii)"]), ("numbered", ["(1)", "(2)"])],
)
def test_lists_are_marked_as_the_style_says(list_style, markers):
    style = preset(presets.SCRUTINY, list_style=list_style)
    text = " ".join("\n".join(pdf_text(board_update(style=style))).split())
    assert in_order(
        text, f"{markers[0]} Feasibility of the invest-to-save", f"{markers[1]} Reprovision"
    )
    assert "•" not in text


def executive_style(**changes):
    """A council that is not in the seeds: its own labels, a reference and a marker."""
    own = {
        "header": [
            presets.row("reference", "Paper:", "line"),
            presets.row("committee", "Report to:"),
            presets.row("meeting_date", "Date of meeting:"),
            presets.row("subject", "Title:"),
            presets.row("marker", "Purpose:", "bold"),
            presets.row("wards", "Wards:"),
        ],
        "date_format": "day_month_year",
        "implications": "",
        "wards_none": "N/A",
        "decision_marker": "For Decision",
    }
    return preset(presets.SCRUTINY, **(own | changes))


def test_a_councils_own_labels_reference_marker_and_wards_wording():
    layout = board_update(
        style=executive_style(),
        committee="Executive",
        reference="BVC 40/05",
        marker="decision",
        exempt_paragraph=3,
    )
    text = "\n".join(pdf_text(layout))
    assert in_order(
        text,
        "Paper: BVC 40/05",
        "Report to:",
        "Executive",
        "Date of meeting:",
        "23 February 2004",
        "Title:",
        "CDMT Update Report",
        "Purpose: For Decision",
        "Wards:",
        "N/A",
    )
    assert "IMPLICATIONS" not in text and "COMMITTEE:" not in text
    assert "exempt information under paragraph 3 of Schedule 12A" in text
    noting = "\n".join(pdf_text(board_update(style=executive_style(), marker="noting")))
    assert "Purpose: For noting" in noting


@pytest.mark.parametrize("margins", ["narrow", "standard", "wide"])
@pytest.mark.parametrize("font_size", ["10", "11", "12"])
def test_font_size_and_margins_come_from_the_choices(font_size, margins):
    layout = board_update(style=preset(presets.SCRUTINY, font_size=font_size, margins=margins))
    assert f'class="report report--size-{font_size} report--margins-{margins}"' in render_html(
        layout
    )


def test_a_size_or_margin_not_among_the_choices_falls_back_to_the_standard():
    layout = board_update(style=preset(presets.SCRUTINY, font_size="9", margins='x" style="'))
    assert 'class="report report--size-11 report--margins-standard"' in render_html(layout)


def test_margins_change_the_page_not_just_the_preview():
    def left_edge(margins):
        layout = board_update(style=preset(presets.SCRUTINY, margins=margins))
        page = PdfReader(io.BytesIO(render_report_pdf(layout))).pages[0]
        edges = []
        page.extract_text(
            visitor_text=lambda text, cm, tm, *_: (
                text.startswith("COMMITTEE") and edges.append(tm[4])
            )
        )
        return edges[0]

    assert left_edge("narrow") < left_edge("standard") < left_edge("wide")


MARKUP = '<img src="http://example.com/logo.png"> url(http://example.com/font.woff)'


def test_nothing_a_style_holds_can_make_the_renderer_fetch_anything(monkeypatch):
    fetched = []
    original = StaticOnlyFetcher.fetch

    def recording(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording)
    style = executive_style(
        header=[
            presets.row("committee", MARKUP),
            presets.row("marker", "<style>@import 'http://example.com/a.css';</style>", "bold"),
            presets.row("implications", "</table><link rel=stylesheet href=//example.com/b>"),
        ],
        implications=f"{MARKUP}\nFinancial",
        purpose_heading=MARKUP,
        wards_none=MARKUP,
        part_1_marking=MARKUP,
        decision_marker="<img src=http://example.com/x.png>",
    )
    layout = board_update(style=style, marker="decision")
    html = render_html(layout, for_pdf=True)
    assert "<img" not in html and "<style" not in html and "<link rel=stylesheet" not in html
    text = " ".join("\n".join(pdf_text(layout)).split())
    assert '<img src="http://example.com/logo.png">' in text
    assert "url(http://example.com/font.woff)" in text
    assert fetched == ["file:///static/css/report.css"]
