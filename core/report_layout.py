"""The layout of a committee report: one template for every house style and report kind.

A report kind's builder (in the app that owns the data) fills a `ReportLayout`; its house
style (`reports.HouseStyle`, which a council edits on a page) comes as a `Style`: labels,
formats and choices only. One template (templates/reports/report.html) renders the two for
the on-screen preview and, through `core.pdf`, for the A4 PDF alike. Nothing a style holds
reaches the page but as escaped text or as one of the fixed class names below, so no style
can make the renderer fetch anything. Officers write narrative in a small plain-text markup:
paragraphs separated by blank lines, "- " list lines, "### " sub-headings.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.humanize.templatetags.humanize import ordinal
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.text import slugify

from core.pdf import STATIC_PREFIX, render_pdf

STYLESHEET = "css/report.css"

# What a header row can show: the report's own fields, the implications grid, its label
# alone (DETAILS:) or a rule across the page.
HEADER_FIELDS = [
    ("committee", "Committee"),
    ("committee_meeting", "Committee, then “Meeting” (Cabinet Meeting)"),
    ("meeting_date", "Date of the meeting"),
    ("subject", "Subject (the report’s title)"),
    ("report_by", "Report by"),
    ("contact_officer", "Contact officer"),
    ("item_number", "Item number on the agenda"),
    ("reference", "Report reference (BVC 40/05)"),
    ("marker", "For decision or for noting"),
    ("wards", "Wards affected"),
    ("implications", "Implications grid"),
    ("purpose", "Purpose"),
    ("recommendations", "Recommendations"),
    ("executive_summary", "Executive summary"),
    ("background_documents", "Background documents"),
    ("assessment_of_risk", "Assessment of risk"),
    ("source_of_funding", "Source of funding"),
    ("legal_advice", "Legal advice obtained"),
    ("financial_advice", "Financial advice obtained"),
    ("key_policies", "Key council policies"),
    ("label", "The label alone (DETAILS:)"),
    ("rule", "A line across the page"),
]
# Header fields that are boxes of the report form only when a style's header shows them.
OPTIONAL_REPORT_FIELDS = [
    "reference",
    "marker",
    "implications",
    "executive_summary",
    "background_documents",
    "assessment_of_risk",
    "source_of_funding",
    "legal_advice",
    "financial_advice",
    "key_policies",
]
LAYOUTS = [
    ("beside", "Label beside the value"),
    ("line", "Label and value on one line"),
    ("bold", "Label and value on one line, in bold"),
]
DATE_FORMATS = [
    ("ordinal_capitals", "23RD FEBRUARY 2004"),
    ("ordinal_comma", "2nd April, 2003"),
    ("day_month_year", "2 May 2006"),
    ("month_year", "February 2004"),
]
NUMBERINGS = [
    ("section", "3.1, 3.2 by section (purpose 1, recommendations 2)"),
    ("through", "1, 2, 3 through the report; headings not numbered"),
    ("decimal", "1.0 on headings, 1.1 on paragraphs; summary and recommendations not numbered"),
    ("headings", "1, 2, 3 on headings only"),
    ("none", "None"),
]
LIST_STYLES = [
    ("bullets", "Bullets"),
    ("numbered", "(1), (2), (3)"),
    ("lettered", "(a), (b), (c)"),
    ("roman", "(i), (ii), (iii)"),
]
FONT_SIZES = [("10", "10 point"), ("11", "11 point"), ("12", "12 point")]
MARGINS = [
    ("narrow", "Narrow: 15 mm"),
    ("standard", "Standard: 25 mm at the top and left, 20 mm at the right"),
    ("wide", "Wide: 30 mm"),
]
# Beside-the-value labels longer than this get the wider label column (seed 001's).
SHORT_LABEL = 20
PARAGRAPH = "{paragraph}"  # where the Part 2 marking names its paragraph of Schedule 12A


def format_date(value, date_format_name):
    """A date as the council writes it on its reports: one of DATE_FORMATS."""
    if not value:
        return ""
    if date_format_name == "ordinal_capitals":
        return f"{ordinal(value.day)} {date_format(value, 'F Y')}".upper()
    if date_format_name == "ordinal_comma":
        return f"{ordinal(value.day)} {date_format(value, 'F, Y')}"
    if date_format_name == "month_year":
        return date_format(value, "F Y")
    return date_format(value, "j F Y")


def implication_key(label):
    """What a report stores for a ticked implication: "Community safety" -> community_safety."""
    return slugify(label).replace("-", "_")


def roman(number):
    numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    result = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        result += letters * count
    return result


def list_marker(list_style, number):
    """The marker of a list's `number`th item (from 1); bullets have none of their own."""
    if list_style == "numbered":
        return f"({number})"
    if list_style == "lettered":
        return f"({chr(ord('a') + (number - 1) % 26)})"
    if list_style == "roman":
        return f"({roman(number)})"
    return ""


@dataclass
class HeaderRow:
    field: str  # one of HEADER_FIELDS
    label: str = ""
    layout: str = "beside"  # one of LAYOUTS
    capitals: bool = False


@dataclass
class Style:
    """A house style as the layout needs it: labels, formats and choices, never markup."""

    header: list[HeaderRow] = field(default_factory=list)
    date_format: str = "day_month_year"
    numbering: str = "section"
    list_style: str = "bullets"
    headings_in_capitals: bool = True
    purpose_heading: str = ""
    recommendations_heading: str = ""
    recommendations_in_bold: bool = False
    background_papers_heading: str = ""
    background_papers_act: str = ""
    implications: list[str] = field(default_factory=list)
    wards_none: str = "None"
    wards_all: str = "All"
    part_1_marking: str = "PART 1 (Open to the public)"
    part_2_marking: str = (
        "PART 2 (Not for publication: exempt information under paragraph {paragraph} of "
        "Schedule 12A to the Local Government Act 1972)"
    )
    decision_marker: str = "For decision"
    noting_marker: str = "For noting"
    font_size: str = "11"
    margins: str = "standard"


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Block:
    kind: str  # "paragraph", "list" or "subheading"
    text: str = ""
    items: list[str] = field(default_factory=list)
    number: str = ""
    markers: list[tuple[str, str]] = field(default_factory=list)  # (marker, item)


def parse_markup(text):
    """Blocks from the officers' plain-text markup."""
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("### "):
            blocks.append(Block("subheading", text=lines[0][4:].strip()))
            lines = lines[1:]
        items = [line[2:].strip() for line in lines if line.startswith(("- ", "• "))]
        prose = [line for line in lines if not line.startswith(("- ", "• "))]
        if prose:
            blocks.append(Block("paragraph", text=" ".join(prose)))
        if items:
            blocks.append(Block("list", items=items))
    return blocks


@dataclass
class Section:
    heading: str
    text: str = ""
    table: Table | None = None
    figure: str = ""  # rendered SVG markup, e.g. the programme timeline
    number: str = ""  # as printed before the heading: "3." or "1.0"
    blocks: list[Block] = field(default_factory=list)
    leading: bool = False  # the purpose or recommendations, which the style heads
    strong: bool = False  # paragraphs in bold (seed 000's recommendation)


@dataclass
class HeaderBlock:
    layout: str  # "beside" (a list of rows), "line", "bold", "implications" or "rule"
    label: str = ""
    value: str = ""
    rows: list = field(default_factory=list)  # beside: (label, value); implications: the grid


@dataclass
class ReportLayout:
    style: Style
    committee: str
    meeting_date: date | None
    subject: str
    report_by: str
    contact_officer: str
    purpose: str = ""
    recommendations: str = ""
    sections: list[Section] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    implications: set[str] = field(default_factory=set)  # implication_key()s ticked
    wards_affected: str = "none"  # "none", "all" or "listed"
    ward_names: list[str] = field(default_factory=list)
    item_number: str = ""
    reference: str = ""
    marker: str = ""  # "decision", "noting" or ""
    exempt_paragraph: int | None = None  # Part 2 when given
    executive_summary: str = ""
    background_documents: str = ""
    assessment_of_risk: str = ""
    source_of_funding: str = ""
    legal_advice: str = ""
    financial_advice: str = ""
    key_policies: list[str] = field(default_factory=list)
    council_name: str = ""

    @property
    def part_marking(self):
        if self.exempt_paragraph is None:
            return self.style.part_1_marking
        return self.style.part_2_marking.replace(PARAGRAPH, str(self.exempt_paragraph))

    @property
    def body_classes(self):
        """The style's font size and margins, as class names from fixed lists only."""
        size = self.style.font_size if self.style.font_size in dict(FONT_SIZES) else "11"
        margins = self.style.margins if self.style.margins in dict(MARGINS) else "standard"
        return f"report report--size-{size} report--margins-{margins}"

    @property
    def wards(self):
        if self.wards_affected == "all":
            return self.style.wards_all
        if self.wards_affected == "listed" and self.ward_names:
            return ", ".join(self.ward_names)
        return self.style.wards_none

    def header_value(self, name):
        values = {
            "committee": self.committee,
            "committee_meeting": f"{self.committee} Meeting",
            "meeting_date": format_date(self.meeting_date, self.style.date_format),
            "subject": self.subject,
            "report_by": self.report_by,
            "contact_officer": self.contact_officer,
            "item_number": self.item_number,
            "reference": self.reference,
            "marker": {
                "decision": self.style.decision_marker,
                "noting": self.style.noting_marker,
            }.get(self.marker, ""),
            "wards": self.wards,
            "purpose": self.purpose,
            "recommendations": self.recommendations,
            "executive_summary": self.executive_summary,
            "background_documents": self.background_documents or "None",
            "assessment_of_risk": self.assessment_of_risk,
            "source_of_funding": self.source_of_funding,
            "legal_advice": self.legal_advice,
            "financial_advice": self.financial_advice,
            "key_policies": "\n".join(self.key_policies),
        }
        return values.get(name, "")

    def implication_grid(self, capitals):
        """The tick grid: two implications a row, as in the seeds."""
        cells = [
            (label.upper() if capitals else label, implication_key(label) in self.implications)
            for label in self.style.implications
        ]
        return [cells[i : i + 2] for i in range(0, len(cells), 2)]

    def header_blocks(self):
        """The header rows in the style's order, with the report's values; consecutive rows
        set out beside their labels make one list."""
        blocks = []
        for row in self.style.header:
            if row.field == "rule":
                blocks.append(HeaderBlock("rule"))
                continue
            if row.field == "implications":
                if self.style.implications:
                    grid = self.implication_grid(row.capitals)
                    blocks.append(HeaderBlock("implications", label=row.label, rows=grid))
                continue
            value = self.header_value(row.field)
            value = value.upper() if row.capitals else value
            if row.layout == "beside":
                if not blocks or blocks[-1].layout != "beside":
                    blocks.append(HeaderBlock("beside"))
                blocks[-1].rows.append((row.label, value))
            elif row.label or value:
                layout = row.layout if row.layout in ("line", "bold") else "line"
                blocks.append(HeaderBlock(layout, label=row.label, value=value))
        return blocks

    @property
    def wide_labels(self):
        """Whether the labels beside their values need seed 001's wider column."""
        return any(
            len(row.label) > SHORT_LABEL for row in self.style.header if row.layout == "beside"
        )

    def numbered_sections(self):
        """Every section, the style's purpose and recommendations first and its background
        papers last, with numbers filled in as the style numbers them."""
        style = self.style
        leading = []
        if style.purpose_heading:
            leading.append(Section(style.purpose_heading, self.purpose, leading=True))
        if style.recommendations_heading:
            leading.append(
                Section(
                    style.recommendations_heading,
                    self.recommendations,
                    leading=True,
                    strong=style.recommendations_in_bold,
                )
            )
        narrative = [
            Section(
                section.heading.upper() if style.headings_in_capitals else section.heading,
                section.text,
                table=section.table,
                figure=section.figure,
            )
            for section in self.sections
        ]
        sections = [*leading, *narrative]
        if self.background_papers and style.background_papers_heading:
            heading = " ".join(
                part
                for part in (style.background_papers_heading, style.background_papers_act)
                if part
            )
            sections.append(Section(heading, "\n\n".join(self.background_papers)))
        self._number(sections)
        return sections

    def _number(self, sections):
        scheme, list_style = self.style.numbering, self.style.list_style
        number = paragraph = 0
        for section in sections:
            section.blocks = parse_markup(section.text)
            for block in section.blocks:
                if block.kind == "list":
                    block.markers = [
                        (list_marker(list_style, index), item)
                        for index, item in enumerate(block.items, start=1)
                    ]
            # Seed 004 leaves its summary and recommendations unnumbered; so does a section
            # without a heading (the Cabinet style's details) in every scheme but "through".
            numbered = bool(section.heading) and not (scheme == "decimal" and section.leading)
            if numbered and scheme in ("section", "decimal", "headings"):
                number += 1
                section.number = f"{number}.0" if scheme == "decimal" else f"{number}."
            within = 0
            for block in section.blocks:
                if block.kind != "paragraph":
                    continue
                if scheme == "through":
                    paragraph += 1
                    block.number = str(paragraph)
                # Seed 000 leaves the purpose and recommendation paragraphs unnumbered.
                elif scheme in ("section", "decimal") and numbered and not section.leading:
                    within += 1
                    block.number = f"{number}.{within}"


def render_html(layout: ReportLayout, *, for_pdf=False):
    stylesheet = STATIC_PREFIX + STYLESHEET if for_pdf else static(STYLESHEET)
    return render_to_string(
        "reports/report.html",
        {"report": layout, "sections": layout.numbered_sections(), "stylesheet": stylesheet},
    )


def render_preview(layout: ReportLayout):
    """The report's content alone, to show inside another page (a house style's preview)."""
    content = render_to_string(
        "reports/_report.html",
        {"report": layout, "sections": layout.numbered_sections(), "in_page": True},
    )
    return format_html('<div class="{}">{}</div>', layout.body_classes, content)


def render_report_pdf(layout: ReportLayout) -> bytes:
    return render_pdf(render_html(layout, for_pdf=True))
