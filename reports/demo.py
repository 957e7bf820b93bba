"""The five committee reports of the council papers (seeds 000–004), built from the demo data,
each in its paper's house style.

Runs after every other app's demo data. A report that already exists is left alone, so an
officer's edits to the demo narrative (or an issued report) survive reloading.
"""

from datetime import date

from django.contrib.auth.models import User

from committees.demo import (
    BEST_VALUE_PANEL,
    BOARD,
    CABINET,
    CHILDRENS_PANEL,
    INFRASTRUCTURE,
    JANUARY_2004,
    SCRUTINY_PANEL_FEBRUARY_2004,
)
from committees.models import Committee, Meeting
from improvement_plans.models import ImprovementPlan
from organisation.models import Person
from reports import presets, services
from reports.models import CommitteeReport, CommitteeStyle, HouseStyle
from reviews.demo import CHILDREN_0_9
from reviews.models import Review

Kind = CommitteeReport.Kind

# Each committee's usual house style: the seed papers' layouts.
COMMITTEE_STYLES = {
    BOARD: presets.SCRUTINY,
    BEST_VALUE_PANEL: presets.SCRUTINY,
    CHILDRENS_PANEL: presets.SCRUTINY_NUMBERED_THROUGH,
    CABINET: presets.CABINET,
    INFRASTRUCTURE: presets.SUMMARY_FIRST,
    "Best Value Project Board": presets.SCRUTINY,
}

# Seed 001's header boxes, as the officer wrote them.
PROGRAMME_HEADER = {
    "executive_summary": "Following the Council's Comprehensive Performance Assessment (CPA) "
    "and the subsequent “round table” meeting on 4th February 2003, a programme of Best Value "
    "Reviews for 2003/04 and Inspections for 2003/04 and 2004/05 has been agreed.",
    "background_documents": "CPA Corporate Assessment report",
    "assessment_of_risk": "There are risks associated with the potential implications of "
    "adverse inspection reports if reviews do not progress as planned and do not result in "
    "significant customer orientated improvements.",
    "source_of_funding": "Costs associated with undertaking best value reviews are met from "
    "existing Directorate resources. Funds are made available to meet the costs of external "
    "inspection.",
    "legal_advice": "None necessary. These proposals meet with the statutory best value "
    "obligations.",
    "financial_advice": "None necessary",
}


def _meeting(committee, day):
    return Meeting.objects.get(committee=committee, date=day) if day else None


def _report(kind, committee_name, day, contact, item, **fields):
    committee = Committee.objects.get(name=committee_name)
    source = {
        name: fields[name]
        for name in ("board_meeting", "programme_year", "review", "plan")
        if name in fields
    }
    existing = CommitteeReport.objects.filter(kind=kind, committee=committee, **source).first()
    if existing:
        return existing
    report = CommitteeReport(
        kind=kind,
        committee=committee,
        meeting=_meeting(committee, day),
        item_number=item,
        contact_officer=Person.objects.get(full_name=contact),
        **fields,
    )
    return services.create_report(report)


def load():
    styles = presets.install(HouseStyle)
    for name, style in COMMITTEE_STYLES.items():
        CommitteeStyle.objects.update_or_create(
            committee=Committee.objects.get(name=name), defaults={"house_style": styles[style]}
        )
    board_update = _report(
        Kind.BOARD_UPDATE,
        BEST_VALUE_PANEL,
        SCRUTINY_PANEL_FEBRUARY_2004,
        "Judith Ingham",
        5,
        report_by="Head of Policy and Performance",
        board_meeting=Meeting.objects.get(committee__name=BOARD, date=JANUARY_2004),
    )
    _report(
        Kind.PROGRAMME,
        CABINET,
        date(2003, 4, 2),
        "Pam Booth",
        None,
        report_by="the Leader",
        programme_year=2003,
        **PROGRAMME_HEADER,
    )
    community = Review.objects.filter(title="Community Development").order_by("-pk").first()
    if community:
        _report(
            Kind.OUTCOMES,
            BEST_VALUE_PANEL,
            SCRUTINY_PANEL_FEBRUARY_2004,
            "Judith Ingham",
            6,
            report_by="Head of Community Development",
            review=community,
            # Seed 002 is supplementary information to the panel, not a report in its style.
            house_style=styles[presets.SUPPLEMENTARY],
        )
    children = Review.objects.filter(title=CHILDREN_0_9).first()
    if children:
        progress = _report(
            Kind.REVIEW_PROGRESS,
            CHILDRENS_PANEL,
            date(2004, 7, 1),
            "Wes Cuell",
            None,
            report_by="Director of Housing and Social Services",
            review=children,
        )
        if not progress.implications:
            progress.implications = ["financial", "consultations", "staffing"]
            progress.wards_affected = CommitteeReport.Wards.ALL
            progress.save()
    plan = ImprovementPlan.objects.filter(title="Partnerships improvement plan").first()
    if plan:
        _report(
            Kind.IMPROVEMENT_PLAN,
            INFRASTRUCTURE,
            None,
            "Judith Ingham",
            None,
            report_by="Head of Policy and Performance",
            plan=plan,
        )
    # One report is issued, so Members see the agenda and the frozen PDF.
    if not board_update.is_issued:
        issuer = User.objects.filter(username="bvofficer").first()
        services.issue_report(board_update, by=issuer, expected_version=board_update.version)
