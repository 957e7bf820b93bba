"""The house styles of the seed papers, as data a council can edit, and the sample report
every style is previewed with.

The presets hold labels, formats and choices only, never a paper's sentences. The data
migration that made house styles installs them, and so does the demo: one list for both.
"""

from django.conf import settings
from django.utils import timezone

from core.report_layout import ReportLayout, Section, Table, implication_key

SCRUTINY = "Scrutiny panel report"
SCRUTINY_NUMBERED_THROUGH = "Scrutiny panel report, paragraphs numbered through"
CABINET = "Cabinet report"
SUPPLEMENTARY = "Supplementary information"
SUMMARY_FIRST = "Committee report opening with a summary"

IMPLICATIONS = "\n".join(
    [
        "Legal",
        "Community safety",
        "Equalities",
        "Environment",
        "Financial",
        "Consultations",
        "Staffing",
        "Other",
    ]
)
BACKGROUND_PAPERS_ACT = "LOCAL GOVERNMENT ACT 1972, SECTION 100D"


def row(field, label="", layout="beside", capitals=False):
    return {"field": field, "label": label, "layout": layout, "capitals": capitals}


# Seed 000: the header block beside its labels, the implications grid, the wards line in bold.
_scrutiny = {
    "header": [
        row("committee", "COMMITTEE:", capitals=True),
        row("meeting_date", "DATE:"),
        row("subject", "SUBJECT:", capitals=True),
        row("report_by", "REPORT BY:", capitals=True),
        row("contact_officer", "CONTACT OFFICER:", capitals=True),
        row("implications", "IMPLICATIONS:", capitals=True),
        row("wards", "WARDS AFFECTED:", "bold", capitals=True),
        row("rule"),
    ],
    "date_format": "ordinal_capitals",
    "numbering": "section",
    "purpose_heading": "PURPOSE",
    "recommendations_heading": "RECOMMENDATION(S)",
    "recommendations_in_bold": True,
    "background_papers_heading": "LIST OF BACKGROUND PAPERS",
    "background_papers_act": BACKGROUND_PAPERS_ACT,
    "implications": IMPLICATIONS,
}

PRESETS = {
    SCRUTINY: _scrutiny,
    # Seed 003: the same header; paragraphs numbered 1, 2, 3 through the report.
    SCRUTINY_NUMBERED_THROUGH: {**_scrutiny, "numbering": "through"},
    # Seed 001: item number, "REPORT OF", the title, then the Cabinet's boxes and DETAILS.
    CABINET: {
        "header": [
            row("item_number", "ITEM NO.", "line"),
            row("report_by", "REPORT OF", "line", capitals=True),
            row("committee_meeting", "To the:"),
            row("meeting_date", "On:"),
            row("subject", "TITLE:", "bold", capitals=True),
            row("recommendations", "RECOMMENDATIONS:"),
            row("executive_summary", "EXECUTIVE SUMMARY:"),
            row("background_documents", "BACKGROUND DOCUMENTS:"),
            row("assessment_of_risk", "ASSESSMENT OF RISK:"),
            row("source_of_funding", "THE SOURCE OF FUNDING IS:"),
            row("legal_advice", "LEGAL ADVICE OBTAINED:"),
            row("financial_advice", "FINANCIAL ADVICE OBTAINED:"),
            row("contact_officer", "CONTACT OFFICER:"),
            row("wards", "WARD(S) TO WHICH REPORT RELATES:", capitals=True),
            row("key_policies", "KEY COUNCIL POLICIES:"),
            row("label", "DETAILS:", "bold"),
        ],
        "date_format": "ordinal_comma",
        "numbering": "none",
    },
    # Seed 002: no header block, only its title and month; headings numbered, as written.
    SUPPLEMENTARY: {
        "header": [
            row("subject", layout="bold", capitals=True),
            row("meeting_date", layout="line"),
        ],
        "date_format": "month_year",
        "numbering": "headings",
        "headings_in_capitals": False,
    },
    # Seed 004: Summary and Recommendations first, then 1.0 and 1.1; recommendations (1), (2).
    SUMMARY_FIRST: {
        "header": [
            row("committee", layout="line"),
            row("meeting_date", layout="line"),
            row("subject", layout="bold", capitals=True),
        ],
        "date_format": "day_month_year",
        "numbering": "decimal",
        "list_style": "numbered",
        "purpose_heading": "Summary:",
        "recommendations_heading": "Recommendations:",
        "background_papers_heading": "BACKGROUND PAPERS",
        "background_papers_act": BACKGROUND_PAPERS_ACT,
    },
}


def install(model, names=None):
    """Make the presets (those named, else all) that `model` does not have by name yet;
    {name: style}. `model` may be a migration's historical model: only the fields it has
    are filled in, so the migration that first ran this keeps working as styles grow."""
    fields = {field.name for field in model._meta.get_fields()}
    styles = {}
    for name, preset in PRESETS.items():
        if names is None or name in names:
            defaults = {key: value for key, value in preset.items() if key in fields}
            styles[name], _ = model.objects.get_or_create(name=name, defaults=defaults)
    return styles


def sample_layout(style, committee="Executive"):
    """A made-up report in `style` (an unsaved one too), with every part a style can set
    out: what its page previews."""
    return ReportLayout(
        style=style.layout_style(),
        committee=committee,
        meeting_date=timezone.localdate(),
        subject="Progress with the review programme",
        report_by="Head of Policy and Performance",
        contact_officer="A. Officer 1234",
        purpose="To tell Members how the reviews in this year's programme are progressing.",
        recommendations="The committee is recommended to:\n\n- note the report\n"
        "- agree the timetable for the next reviews",
        sections=[
            Section(
                "Background",
                "The programme was agreed at the start of the year.\n\n"
                "### Reviews started this year\n\nTwo reviews have started and one is "
                "waiting for its scope to be agreed.",
            ),
            Section(
                "Progress",
                "Each review's latest progress is below.",
                table=Table(
                    ["Review", "Progress"],
                    [["First review", "On target."], ["Second review", "Scope agreed."]],
                ),
            ),
        ],
        background_papers=["The review programme for the year"],
        implications={implication_key(label) for label in style.implication_labels[:1]},
        wards_affected="none",
        item_number="7",
        reference="Sample reference",
        marker="decision",
        executive_summary="What the report is about, in a few lines.",
        background_documents="The review programme",
        assessment_of_risk="What could go wrong, and how it is managed.",
        source_of_funding="Existing budgets.",
        legal_advice="None necessary.",
        financial_advice="None necessary.",
        key_policies=["Best Value"],
        council_name=settings.COUNCIL_NAME,
    )
