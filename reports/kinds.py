"""Committee reports: what each kind pre-fills from the records, and the layout it renders.

Each app's `reports.py` builds the parts about its own data; this module assembles them.
A report's narrative is the officers' markup (see core/report_layout.py) with "## " section
headings and "[table: name]" lines where a table from the records goes. Until a report is
issued its tables are drawn from the records as they are; issuing freezes the PDF.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from committees.models import BoardRequest, MinuteItem
from core.report_layout import ReportLayout, Section, Table
from improvement_plans import reports as plan_reports
from inspections import reports as inspection_reports
from inspections.timeline import programme_timeline
from reports.models import CommitteeReport
from reviews import reports as review_reports
from reviews.models import Review

Kind = CommitteeReport.Kind
PROGRESS_HEADING = "Progress with Best Value reviews"
TABLE_LINE = re.compile(r"^\[table: *(\w+)\]$", re.MULTILINE)
FIGURE_LINE = re.compile(r"^\[figure: *(\w+)\]$", re.MULTILINE)
# Each marker draws a table or figure from the records: a bound keeps one report's render
# (which any reader may ask for as a draft PDF) from being made to take minutes.
MAX_MARKERS = 12
# Minutes typed with their own paragraph numbers ("4.1 Wes Cuell gave …"); the report numbers
# its paragraphs itself.
PARAGRAPH_NUMBER = re.compile(r"^\d+(\.\d+)+\s+", re.MULTILINE)


def _board_update(report):
    board = report.board_meeting
    committee = board.committee
    month = board.date.strftime("%B")
    background = [committee.description]
    if board.attendees_text:
        background.append(f"The meetings are attended by {board.attendees_text}")
    background.append(
        f"This report describes the discussions and findings of the Board in {month} with "
        "relation to Best Value."
    )
    requests = BoardRequest.objects.filter(raised_at=board).order_by("pk")
    if requests:
        background.append(
            "The Board asked for the following at its next meeting:\n"
            + "\n".join(f"- {request.asked_for}" for request in requests)
        )
    sections = ["## Background", "\n\n".join(text for text in background if text)]
    has_progress_item = False
    for item in MinuteItem.objects.filter(meeting=board).order_by("number"):
        sections.append(f"## {item.heading}")
        if item.heading.lower() == PROGRESS_HEADING.lower():
            has_progress_item = True
            sections.append("[table: progress]")
        else:
            sections.append(PARAGRAPH_NUMBER.sub("", item.text))
    if not has_progress_item:
        sections += [f"## {PROGRESS_HEADING}", "[table: progress]"]
    return {
        "subject": f"{committee.name} update report",
        "purpose": f"To inform Members of the proceedings of the {committee.name} with "
        "respect to Best Value.",
        "recommendations": f"{report.committee.name} is recommended to note the report.",
        "narrative": "\n\n".join(sections),
    }


def _programme(report):
    year = report.financial_year
    return {
        "subject": "Best Value/Performance Improvement Programme and Programme of Inspections",
        "recommendations": f"That {report.committee.name} approve the Best Value Performance "
        f"Improvement Programme for {year} and note the Programme of Inspections for {year} "
        f"and {year.next()}.",
        "wards_affected": CommitteeReport.Wards.ALL,
        "key_policies": "Best Value\nPerformance Management",
        "narrative": f"Details of the best value review programme {year} and "
        f"inspection programmes {year} and {year.next()} based on known information, are "
        "attached.\n\n[table: programme]\n\n## Timeline\n\n[figure: timeline]\n\n## Key\n\n"
        + "\n".join(f"- {line}" for line in inspection_reports.key()),
    }


def _outcomes(report):
    review = report.review
    outcomes = review_reports.outcomes_section(review)
    sections = [f"## {outcomes.heading}", outcomes.text or "No outcomes have been recorded."]
    answered = BoardRequest.objects.filter(review=review).exclude(answer="").order_by("pk")
    if answered:
        sections.append("## The Board's questions")
        for request in answered:
            sections += [f"### {request.asked_for}", request.answer]
    return {
        "subject": f"Supplementary information for the {review.title} Best Value review",
        "purpose": f"To give Members further information on the {review.title} review.",
        "recommendations": f"{report.committee.name} is recommended to note the report.",
        "narrative": "\n\n".join(sections),
    }


def _review_progress(report):
    review = report.review
    progress = [update.text for update in review.progress_updates.order_by("date", "pk")]
    report_text = [review_reports.recommendations_text(review), *progress]
    return {
        "subject": f"Progress report - Best Value review of {review.title}",
        "purpose": "To inform the Panel of progress with this Best Value Review.",
        "recommendations": f"{report.committee.name} is recommended to note the report.",
        "narrative": "\n\n".join(
            [
                "## Background",
                review.scope or "",
                "## Report",
                *(text for text in report_text if text),
            ]
        ),
        "background_papers": "\n".join(review_reports.background_papers(review)),
    }


def _improvement_plan(report):
    plan = report.plan
    return {
        "subject": plan.title,
        "purpose": "This report updates Members on the development of the Improvement Plan.",
        "recommendations": plan_reports.recommendations(plan),
        "narrative": plan_reports.narrative(plan),
    }


PREFILL = {
    Kind.BOARD_UPDATE: _board_update,
    Kind.PROGRAMME: _programme,
    Kind.OUTCOMES: _outcomes,
    Kind.REVIEW_PROGRESS: _review_progress,
    Kind.IMPROVEMENT_PLAN: _improvement_plan,
}


def prefill(report):
    """Fill every field the records can give; the officer then edits the narrative."""
    for name, value in PREFILL[report.kind](report).items():
        setattr(report, name, value)
    if report.contact_officer is None and report.review and report.review.lead_officer:
        report.contact_officer = report.review.lead_officer


def _programme_table(report):
    year = report.financial_year
    in_progress, this_year = review_reports.programme_columns(year)
    inspections_now, inspections_next = inspection_reports.programme_columns(year)
    columns = [in_progress, this_year, inspections_now, inspections_next]
    depth = max(map(len, columns), default=0)
    rows = [[column[i] if i < len(column) else "" for column in columns] for i in range(depth)]
    headers = [
        f"Best Value Reviews in progress {year.previous()} (1)",
        f"Best Value Review Programme {year} (2)",
        f"Inspections {year} (3)",
        f"Inspections {year.next()} (4)",
    ]
    return Table(headers, rows)


TABLES = {
    "progress": lambda report: review_reports.progress_table(),
    "programme": _programme_table,
    "actions": lambda report: plan_reports.actions_table(report.plan) if report.plan else None,
}


def _timeline_figure(report):
    year = report.financial_year
    if year is None:
        return ""
    timeline = programme_timeline(
        Review.objects.for_programme(year),
        year,
        report.meeting.date if report.meeting else year.start,
    )
    return render_to_string(
        "components/timeline.html", {"timeline": timeline, "chart_id": "timeline", "for_pdf": True}
    )


FIGURES = {"timeline": _timeline_figure}


def check_markers(narrative):
    """Refuse unknown tables, and more table and figure lines than a report needs."""
    tables = TABLE_LINE.findall(narrative)
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise ValidationError(
            f"There is no table called “{unknown[0]}”. Use one of: "
            + ", ".join(f"[table: {name}]" for name in TABLES)
        )
    count = len(tables) + len(FIGURE_LINE.findall(narrative))
    if count > MAX_MARKERS:
        raise ValidationError(
            f"A report can hold at most {MAX_MARKERS} tables and figures; this one has "
            f"{count}. Remove the lines you do not need"
        )


def sections(report):
    """The narrative's sections, with the records' tables where the narrative places them."""
    result = []
    # Text before the first heading is a section without one (the Cabinet style's details).
    chunks = re.split(r"^## +", "\n" + report.narrative.replace("\r\n", "\n"), flags=re.MULTILINE)
    for index, chunk in enumerate(chunks):
        if not chunk.strip():
            continue
        heading, _, text = chunk.partition("\n") if index else ("", "", chunk)
        table = None
        for name in TABLE_LINE.findall(text):
            table = TABLES[name](report) if name in TABLES else table
        # Each figure is a rendered template (a SafeString); joining them loses the mark.
        figure = mark_safe(
            "".join(FIGURES[name](report) for name in FIGURE_LINE.findall(text) if name in FIGURES)
        )
        text = FIGURE_LINE.sub("", TABLE_LINE.sub("", text)).strip()
        result.append(Section(heading.strip(), text, table=table, figure=figure))
    return result


def layout(report):
    return ReportLayout(
        style=report.house_style.layout_style(),
        committee=report.committee.name,
        meeting_date=report.meeting.date if report.meeting else None,
        subject=report.subject,
        report_by=report.report_by,
        contact_officer=report.contact_officer.contact_line if report.contact_officer else "",
        purpose=report.purpose,
        recommendations=report.recommendations,
        sections=sections(report),
        background_papers=[line for line in report.background_papers.splitlines() if line],
        implications=set(report.implications),
        wards_affected=report.wards_affected,
        ward_names=[ward.name for ward in report.wards.all()]
        if report.wards_affected == CommitteeReport.Wards.LISTED
        else [],
        item_number=str(report.item_number or ""),
        reference=report.reference,
        marker=report.marker,
        exempt_paragraph=report.exempt_paragraph if report.is_exempt else None,
        executive_summary=report.executive_summary,
        background_documents=report.background_documents,
        assessment_of_risk=report.assessment_of_risk,
        source_of_funding=report.source_of_funding,
        legal_advice=report.legal_advice,
        financial_advice=report.financial_advice,
        key_policies=[line for line in report.key_policies.splitlines() if line],
        council_name=settings.COUNCIL_NAME,
    )
