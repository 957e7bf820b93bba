"""The parts of committee reports that come from improvement plans (seed 004), assembled by
committees."""

from django.utils import formats

from core.report_layout import Table
from improvement_plans.models import Action


def _month(day):
    return formats.date_format(day, "F Y")


def actions_table(plan):
    """The plan's appendix: every action under its key issue, with lead and milestone."""
    actions = (
        Action.objects.filter(key_issue__plan=plan)
        .select_related("key_issue", "lead_officer")
        .order_by("key_issue__number", "number")
    )
    rows = [
        [
            f"Key Issue {action.key_issue.number}: {action.key_issue.title}",
            f"{action.reference} {action.description}",
            action.lead,
            action.business_unit,
            _month(action.start_date),
            _month(action.milestone_date),
        ]
        for action in actions
    ]
    return Table(
        ["Key issue", "Action", "Lead", "Business unit", "Start", "Milestone"],
        rows,
        caption=f"Appendix: {plan.title}",
    )


def narrative(plan):
    """Seed 004's sections, pre-filled from the plan for the officer to edit."""
    key_issues = list(plan.key_issues.order_by("number"))
    supported = [issue for issue in key_issues if issue.needs_external_support]
    actions = Action.objects.filter(key_issue__plan=plan)
    groups = sorted({a.lead_group for a in actions if a.lead_group})
    units = sorted({a.business_unit for a in actions if a.business_unit})
    lines = ["## Development of the improvement plan", ""]
    if plan.period:
        lines += [f"The timeframe of the Improvement Plan is {plan.period}.", ""]
    lines += ["### Key issues", ""]
    lines += [f"- Key Issue {issue.number}: {issue.title}" for issue in key_issues]
    lines += [""]
    if groups or units:
        lead = ", ".join(groups) or "lead officers"
        lines += [
            f"Each of the actions has a lead, the main ones being {lead}"
            + (f"; the key business units are {', '.join(units)}." if units else "."),
            "",
        ]
    lines += [
        "### Resource implications",
        "",
        "The main resource implications will be staff time, which is logged and monitored "
        "against each action.",
        "",
        "### Risk factors",
        "",
        "Risks are recorded against each action and kept in line with the Corporate Risk Strategy.",
        "",
        "### Performance monitoring arrangements",
        "",
    ]
    if plan.monitoring_committee:
        lines += [
            f"The {plan.monitoring_committee} will have overall responsibility for monitoring "
            f"the Improvement Plan every {plan.monitoring_interval_months} months.",
            "",
        ]
    lines += ["[table: actions]", ""]
    commissions = list(plan.external_commissions.all())
    if supported or commissions:
        lines += ["## Proposal to commission external support", ""]
        if supported:
            names = " and ".join(f"{i.title} (Key Issue {i.number})" for i in supported)
            lines += [f"External support is proposed for {names}.", ""]
        for commission in commissions:
            detail = f"{commission.title}: {commission.brief}"
            if commission.timescale:
                detail += f", over {commission.timescale}"
            if commission.funding_source:
                detail += f", funded from {commission.funding_source}"
            lines += [f"- {detail}."]
        lines += [""]
    return "\n".join(lines).strip()


def recommendations(plan):
    text = [
        "This report requests Members to approve:",
        "",
        "- The further development of the Improvement Plan and the performance monitoring "
        "arrangements contained within it.",
    ]
    if plan.external_commissions.exists():
        text.append(
            "- The commissioning of external support to progress the key issues identified "
            "within the Improvement Plan."
        )
    return "\n".join(text)
