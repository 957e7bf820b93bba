"""Demo improvement plans from the council papers (seeds 004 and 000).

Seed 004's plan (the partnerships review) is as the paper gives it: January–December 2004,
long finished. The Children's Services for 11-17 year olds plan (seed 000) has dates counted
from today, so whenever the demo is loaded it shows red, amber and green actions.
"""

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from committees.models import Committee
from core.periods import Period, Precision
from improvement_plans.models import (
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
)
from organisation.models import Person
from reviews.models import Review, Stage

STRATEGIC = "Strategic & Performance Services"
INFRASTRUCTURE_OS = "Infrastructure Overview & Scrutiny Committee"

# Seed 004 does not name its review; it "deals with the council's partnership role".
PARTNERSHIPS_REVIEW = "Partnerships"
CHILDRENS_REVIEW = "Children's Services for 11-17 year olds"


def review(title, *, director, **defaults):
    """The review of that title: the reviews app's demo row if loaded, else a minimal one."""
    found, _ = Review.objects.get_or_create(
        title=title,
        defaults={
            "programme_year": 2003,
            "responsible_director": Person.objects.get(full_name=director),
            **defaults,
        },
    )
    return found


def plan(*, review, title, period, **fields):
    found, _ = ImprovementPlan.objects.get_or_create(
        review=review,
        title=title,
        defaults={"period_start": period.start, "period_end": period.end},
    )
    found.period = period
    for name, value in fields.items():
        setattr(found, name, value)
    found.save()
    return found


def key_issue(plan, number, title, **fields):
    found, _ = KeyIssue.objects.update_or_create(
        plan=plan, number=number, defaults={"title": title, **fields}
    )
    return found


def action(key_issue, number, *, updates=(), time=(), **fields):
    """An action with its progress updates (date, note) and time logged (date, person, hours)."""
    found, _ = Action.objects.update_or_create(key_issue=key_issue, number=number, defaults=fields)
    for when, note in updates:
        ActionUpdate.objects.update_or_create(
            action=found, note=note, defaults={"date": when, "status": found.status}
        )
    for when, person, hours, note in time:
        TimeLog.objects.update_or_create(
            action=found,
            person=Person.objects.get(full_name=person),
            note=note,
            defaults={"date": when, "hours": Decimal(hours)},
        )
    return found


def load():
    load_partnerships_plan()
    load_childrens_services_plan(timezone.localdate())


def load_partnerships_plan():
    infrastructure, _ = Committee.objects.get_or_create(
        name=INFRASTRUCTURE_OS, defaults={"kind": Committee.Kind.OVERVIEW_AND_SCRUTINY}
    )
    partnerships = plan(
        review=review(PARTNERSHIPS_REVIEW, director="John Willis", stage=Stage.IMPLEMENTATION),
        title="Partnerships improvement plan",
        period=Period.parse("January–December 2004"),
        summary=(
            "The Review Team met on 15 December 2003 to progress the Improvement Plan in terms "
            "of taking forward the key issues. The timeframe is from January 2004 – December "
            "2004, making this a one-year Improvement Plan; some actions may need a longer "
            "timescale, and these will be reported regularly to ensure slippage is minimised. "
            "The main resource implication is staff time, which is logged and monitored. Risk "
            "factors are kept in line with the Corporate Risk Strategy, with advice from "
            "Strategic & Performance Services."
        ),
        approved_by=INFRASTRUCTURE_OS,
        monitoring_committee=infrastructure,
        monitoring_interval_months=6,
    )
    drivers = (
        "Those relating specifically to the Council's partnership role, identified as "
        "requiring external help."
    )
    policy = key_issue(
        partnerships,
        8,
        "Policy development",
        description="Partnership policy development, drawing together good partnership "
        "practice in other authorities/organisations.",
        drivers_for_action=drivers,
        monitoring_group="CMT",
        needs_external_support=True,
    )
    indicators = key_issue(
        partnerships,
        11,
        "Performance indicators",
        description="The development of Performance Indicators for the Council's partnerships.",
        drivers_for_action=drivers,
        monitoring_group="EMG",
        needs_external_support=True,
    )
    common = {
        "business_unit": STRATEGIC,
        "resource_implications": "Staff time",
        "risk": "To be kept in line with the Corporate Risk Strategy; advice to be sought "
        "from Strategic & Performance Services on additional risk factors.",
        "risk_level": Action.RiskLevel.MEDIUM,
        "needs_external_support": True,
        "status": Action.Status.COMPLETE,
    }
    action(
        policy,
        1,
        description="Draw together good partnership practice in other authorities/"
        "organisations, with external support.",
        lead_group="CMT",
        start_date=date(2004, 3, 1),
        milestone_date=date(2004, 9, 30),
        completed_on=date(2004, 9, 24),
        success_measure="A partnership policy informed by good practice elsewhere",
        updates=[
            (
                date(2004, 6, 30),
                "External support commissioned; review of practice in other authorities under way.",
            )
        ],
        time=[(date(2004, 6, 30), "Judith Ingham", "6", "Commissioning the external support")],
        **common,
    )
    action(
        policy,
        2,
        description="Develop the Council's partnership policy in line with the Corporate "
        "Plan and City Vision.",
        lead_group="CMT",
        start_date=date(2004, 1, 5),
        milestone_date=date(2004, 10, 31),
        # Finished late: it shows that a complete action is complete, however late.
        completed_on=date(2004, 12, 10),
        **common,
    )
    action(
        indicators,
        1,
        description="Develop Performance Indicators for the Council's partnerships, with "
        "external support.",
        lead_group="EMG",
        start_date=date(2004, 3, 1),
        milestone_date=date(2004, 9, 30),
        completed_on=date(2004, 9, 30),
        success_measure="Partnership performance indicators agreed",
        baseline="No partnership indicators",
        target="Indicators agreed for every major partnership",
        actual="Agreed",
        time=[(date(2004, 5, 14), "Pam Booth", "3.5", "Brief for the external support")],
        **common,
    )
    action(
        indicators,
        2,
        description="Integrate partnership performance monitoring within the Council's "
        "approach to performance monitoring, so that it is not an additional task.",
        lead_group="EMG",
        start_date=date(2004, 4, 1),
        milestone_date=date(2004, 12, 31),
        completed_on=date(2004, 12, 20),
        **common,
    )
    commission, _ = ExternalCommission.objects.update_or_create(
        plan=partnerships,
        title="External support: partnerships",
        defaults={
            "brief": "External and objective input to the policy development (Key Issue 8) "
            "and the development of Performance Indicators (Key Issue 11), drawing together "
            "good partnership practice in other authorities/organisations. The commissioning "
            "complies with the Council's Best Value policy on commissioning external work; "
            "the Review Team monitors the work and reports to the Infrastructure Overview & "
            "Scrutiny Committee.",
            "funding_source": "Best Value review funding",
            "timescale_start": date(2004, 3, 1),
            "timescale_end": date(2004, 9, 30),
            "timescale_precision": Precision.MONTH.value,
            "status": ExternalCommission.Status.PROPOSED,
        },
    )
    commission.key_issues.set([policy, indicators])


def load_childrens_services_plan(today):
    def days(number):
        return today + timedelta(days=number)

    # Whole months from six months ago to six months ahead.
    period = Period(
        (today - relativedelta(months=6)).replace(day=1),
        today + relativedelta(months=6, day=31),
        Precision.MONTH,
    )
    childrens = plan(
        review=review(
            CHILDRENS_REVIEW,
            director="Anne Williams",
            lead_officer=Person.objects.get(full_name="Wes Cuell"),
            stage=Stage.IMPLEMENTATION,
        ),
        title="Children's Services for 11-17 year olds improvement plan",
        period=period,
        approved_by="CDMT Improvement and Procurement Board",
        approved_on=today - relativedelta(months=5),
        monitoring_committee=Committee.objects.get_or_create(
            name="Children's Services Scrutiny Panel",
            defaults={"kind": Committee.Kind.SCRUTINY_PANEL},
        )[0],
        monitoring_interval_months=6,
    )
    placements = key_issue(
        childrens,
        1,
        "Placements for children in care",
        drivers_for_action="Better value and better outcomes from foster care placements.",
    )
    planning = key_issue(
        childrens,
        2,
        "Multi-agency planning for children in care",
        drivers_for_action="Making better use of resources for children in care.",
    )
    in_borough = key_issue(
        childrens,
        3,
        "In-borough provision",
        drivers_for_action="Children in care placed within the borough.",
    )
    wes = {"lead_officer": Person.objects.get(full_name="Wes Cuell"), "lead_group": ""}
    action(  # red: the milestone has passed
        placements,
        1,
        description="Block purchase of foster care placements.",
        business_unit="Children's Services",
        start_date=days(-150),
        milestone_date=days(-7),
        status=Action.Status.IN_PROGRESS,
        completed_on=None,
        resource_implications="Invest-to-save funding",
        risk="Placements not available when needed",
        risk_level=Action.RiskLevel.HIGH,
        success_measure="Foster care placements bought in a block",
        updates=[(days(-20), "The block purchase is showing good progress.")],
        time=[(days(-20), "Wes Cuell", "4", "Negotiating with providers")],
        **wes,
    )
    action(  # amber: due within 30 days
        placements,
        2,
        description="Make an invest-to-save proposal to facilitate the block purchase, and "
        "report its feasibility to the CDMT Board.",
        business_unit="Children's Services",
        start_date=days(-40),
        milestone_date=days(12),
        status=Action.Status.IN_PROGRESS,
        completed_on=None,
        updates=[
            (
                days(-10),
                "Invest-to-save proposal made; feasibility report to the "
                "next meeting of the Board.",
            )
        ],
        time=[(days(-10), "Judith Ingham", "2.5", "Drafting the feasibility report")],
        **wes,
    )
    action(  # complete
        planning,
        1,
        description="Set up a multi-agency planning group for children in care.",
        start_date=days(-160),
        milestone_date=days(-70),
        status=Action.Status.COMPLETE,
        completed_on=days(-75),
        updates=[(days(-75), "A multi-agency planning group has been set up.")],
        **wes,
    )
    action(  # amber: no progress reported for more than 60 days
        planning,
        2,
        description="Agree how the multi-agency planning group makes better use of "
        "resources for children in care.",
        lead_officer=None,
        lead_group="Multi-agency planning group",
        start_date=days(-120),
        milestone_date=days(120),
        status=Action.Status.IN_PROGRESS,
        completed_on=None,
        updates=[(days(-75), "First meeting of the group held.")],
    )
    action(  # green: on target
        in_borough,
        1,
        description="Luton Futures: in-borough provision for children in care.",
        business_unit="Children's Services",
        start_date=days(-90),
        milestone_date=days(150),
        status=Action.Status.IN_PROGRESS,
        completed_on=None,
        success_measure="Children in care placed in the borough",
        updates=[(days(-14), "Work on Luton Futures is on target.")],
        time=[(days(-14), "Wes Cuell", "3", "Luton Futures project meeting")],
        **wes,
    )
