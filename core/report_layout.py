"""The layout of a committee report, shared by both house styles and every report kind.

A report kind's builder (in the app that owns the data) fills a `ReportLayout`; one template
per house style (templates/reports/<style>.html) renders it, for the on-screen preview and,
through `core.pdf`, for the A4 PDF alike. Officers write narrative in a small plain-text
markup: paragraphs separated by blank lines, "- " bullet lines, "### " sub-headings.
"""

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from django.templatetags.static import static

from core.pdf import STATIC_PREFIX, render_pdf

STYLESHEET = "css/report.css"

IMPLICATIONS = [
    ("legal", "Legal"),
    ("community_safety", "Community safety"),
    ("equalities", "Equalities"),
    ("environment", "Environment"),
    ("financial", "Financial"),
    ("consultations", "Consultations"),
    ("staffing", "Staffing"),
    ("other", "Other"),
]

PART_1 = "PART 1 (Open to the public)"


def part_2_marking(paragraph):
    return (
        "PART 2 (Not for publication: exempt information under paragraph "
        f"{paragraph} of Schedule 12A to the Local Government Act 1972)"
    )


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Block:
    kind: str  # "paragraph", "bullets" or "subheading"
    text: str = ""
    items: list[str] = field(default_factory=list)
    number: str = ""


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
        bullets = [line[2:].strip() for line in lines if line.startswith(("- ", "• "))]
        prose = [line for line in lines if not line.startswith(("- ", "• "))]
        if prose:
            blocks.append(Block("paragraph", text=" ".join(prose)))
        if bullets:
            blocks.append(Block("bullets", items=bullets))
    return blocks


@dataclass
class Section:
    heading: str
    text: str = ""
    table: Table | None = None
    figure: str = ""  # rendered SVG markup, e.g. the programme timeline
    number: int = 0
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ReportLayout:
    style: str  # "scrutiny" or "cabinet"
    committee: str
    meeting_date: date | None
    subject: str
    report_by: str
    contact_officer: str
    purpose: str = ""
    recommendations: str = ""
    sections: list[Section] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    implications: set[str] = field(default_factory=set)
    wards: str = "NONE"
    item_number: str = ""
    part_marking: str = PART_1
    # "section": 3.1, 3.2 under numbered headings (seed 000); "continuous": 1, 2, 3 … (seed 003);
    # "none": the Cabinet style's unnumbered details (seed 001)
    numbering: str = "section"
    # Cabinet style only (seed 001).
    executive_summary: str = ""
    background_documents: str = ""
    assessment_of_risk: str = ""
    source_of_funding: str = ""
    legal_advice: str = ""
    financial_advice: str = ""
    key_policies: list[str] = field(default_factory=list)
    council_name: str = ""

    @property
    def implication_rows(self):
        """The tick grid: two implications a row, as in the seeds."""
        cells = [(label, key in self.implications) for key, label in IMPLICATIONS]
        return [cells[i : i + 2] for i in range(0, len(cells), 2)]

    def numbered_sections(self):
        """Every section, purpose and recommendations first, with numbers filled in."""
        leading = []
        if self.style == "scrutiny":
            leading = [
                Section("Purpose", self.purpose),
                Section("Recommendation(s)", self.recommendations),
            ]
        sections = [*leading, *self.sections]
        if self.background_papers and self.style == "scrutiny":
            sections.append(
                Section(
                    "List of background papers Local Government Act 1972, section 100D",
                    "\n\n".join(self.background_papers),
                )
            )
        paragraph = 0
        for number, section in enumerate(sections, start=1):
            section.number = number
            section.blocks = parse_markup(section.text)
            within = 0
            # Seed 000 leaves the purpose and recommendation paragraphs unnumbered.
            unnumbered = self.numbering == "section" and section in leading
            for block in section.blocks:
                if block.kind != "paragraph" or unnumbered or self.numbering == "none":
                    continue
                within += 1
                paragraph += 1
                block.number = (
                    f"{number}.{within}" if self.numbering == "section" else str(paragraph)
                )
        return sections


def render_html(layout: ReportLayout, *, for_pdf=False):
    stylesheet = STATIC_PREFIX + STYLESHEET if for_pdf else static(STYLESHEET)
    return render_to_string(
        f"reports/{layout.style}.html",
        {"report": layout, "sections": layout.numbered_sections(), "stylesheet": stylesheet},
    )


def render_report_pdf(layout: ReportLayout) -> bytes:
    return render_pdf(render_html(layout, for_pdf=True))
