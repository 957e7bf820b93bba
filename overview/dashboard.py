"""The home page after sign-in: where the programme stands, what is slipping, what is next.

Every figure links to the filtered list behind it. A fixed number of queries, whatever the
size of the council (tested at two sizes).
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from committees.models import BoardRequest, Meeting
from core.charts import Bar, BarChart
from core.status import STATUS_COLOURS
from improvement_plans.models import (
    DUE_SOON_DAYS,
    RAG,
    Action,
    ImprovementPlan,
    with_rag_counts,
)
from inspections.models import Inspection
from organisation import roles
from reports.models import CommitteeReport
from reviews.models import Review, Stage, StageChange

INSPECTIONS_AHEAD = 90  # days
MEETINGS_SHOWN = 5
PLANS_SHOWN = 10
WORK_SHOWN = 5  # of each list under "Your work": the most urgent first


@dataclass
class Figure:
    label: str
    value: int
    url: str
    colour: str = ""


def _url(name, **query):
    return reverse(name) + (f"?{urlencode(query)}" if query else "")


def stage_chart(year):
    counts = dict(
        Review.objects.for_programme(year)
        .order_by()
        .values_list("stage")
        .annotate(count=Count("pk", distinct=True))
    )
    bars = [
        Bar(
            stage.label,
            counts.get(stage.value, 0),
            STATUS_COLOURS[stage],
            _url("reviews:review-list", year=str(year), stage=stage.value),
        )
        for stage in Stage
        if counts.get(stage.value)
    ]
    return BarChart(
        title=f"Reviews by stage, {year} programme",
        description=", ".join(f"{bar.label}: {bar.value}" for bar in bars) or "No reviews",
        bars=bars,
        label_width=300,  # "Options analysis & improvement plan"
    )


def late_reviews(year, today):
    """Late reviews of this programme and earlier ones (ReviewQuerySet.late_up_to)."""
    return Figure(
        "Late reviews: planned end passed, not complete",
        Review.objects.late_up_to(year, today).count(),
        _url("reviews:review-list", year=str(year), late="on"),
        "red",
    )


def action_figures(actions, list_name):
    counts = actions.open().aggregate(
        red=Count("pk", filter=Q(rag=RAG.RED)), amber=Count("pk", filter=Q(rag=RAG.AMBER))
    )
    return [
        Figure(
            "Red: overdue", counts["red"], _url(list_name, rag=RAG.RED), STATUS_COLOURS[RAG.RED]
        ),
        Figure(
            f"Amber: due within {DUE_SOON_DAYS} days or no recent update",
            counts["amber"],
            _url(list_name, rag=RAG.AMBER),
            STATUS_COLOURS[RAG.AMBER],
        ),
    ]


def rag_chart(plans):
    totals = {rag: sum(getattr(plan, rag.value) for plan in plans) for rag in RAG}
    bars = [
        Bar(
            rag.label,
            totals[rag],
            STATUS_COLOURS[rag],
            _url("improvement_plans:due-action-list", rag=rag),
        )
        if rag in (RAG.RED, RAG.AMBER)
        else Bar(rag.label, totals[rag], STATUS_COLOURS[rag])
        for rag in RAG
        if totals[rag]
    ]
    return BarChart(
        title="Improvement plan actions by RAG status",
        description=", ".join(f"{bar.label}: {bar.value}" for bar in bars) or "No actions",
        bars=bars,
    )


@dataclass
class WorkList:
    """The first WORK_SHOWN rows of a list, and how many there are in all."""

    rows: list
    count: int

    @classmethod
    def of(cls, queryset):
        rows = list(queryset[:WORK_SHOWN])
        return cls(rows, len(rows) if len(rows) < WORK_SHOWN else queryset.count())


@dataclass
class Work:
    """What an officer owes, or for the whole programme: see `work`."""

    whole_programme: bool
    reviews: WorkList
    updates_owed: WorkList
    requests: WorkList


def work(user, person, today):
    """What an officer owes: the live reviews they lead or are on the team of, each with its
    next stage and whether it is late; the progress updates they owe (`update_owed_on`, on the
    reviews they lead); and the open board requests asked of them, with the meeting each is due
    at. For those who edit everything (`roles.edits_everything`), the same for the whole
    programme. None for those who change no review (members), or officers with no person.

    Their improvement plan actions are `action_figures`, beside it on the dashboard.
    Each list is its WORK_SHOWN most urgent rows and how many there are, in a fixed number of
    queries.
    """
    whole_programme = roles.edits_everything(user)
    if whole_programme:
        reviews = led = Review.objects.all()
        requests = BoardRequest.objects.all()
    elif person is not None and user.has_perm("reviews.change_review"):
        reviews = Review.objects.involving(person)
        led = Review.objects.filter(lead_officer=person)
        requests = BoardRequest.objects.filter(asked_of=person)
    else:
        return None
    # Deferred reviews resume at the stage they left, which their stage changes say.
    resumes_from = Prefetch(
        "stage_changes", queryset=StageChange.objects.filter(review__stage=Stage.DEFERRED)
    )
    return Work(
        whole_programme=whole_programme,
        reviews=WorkList.of(
            reviews.live()
            .with_lateness(today)
            .prefetch_related(resumes_from)
            .order_by("-is_late", F("planned_end").asc(nulls_last=True), "title", "pk")
        ),
        updates_owed=WorkList.of(
            led.owing_update(today)
            .select_related("lead_officer")
            .order_by(
                "-is_late",
                F("last_progress_on").asc(nulls_first=True),
                F("planned_end").asc(nulls_last=True),
                "title",
                "pk",
            )
        ),
        requests=WorkList.of(
            requests.open()
            .for_display()
            .with_outstanding(today)
            .order_by("due_meeting__date", "raised_at__date", "pk")
        ),
    )


def context(user, today=None):
    today = today or timezone.localdate()
    year = Review.objects.default_programme_year(today)
    person = getattr(user, "person", None)
    plans = with_rag_counts(ImprovementPlan.objects.order_by("title"), today)
    # A council keeps years of plans: the table shows those most in need of attention.
    slipping = sorted(
        (plan for plan in plans if plan.red or plan.amber),
        key=lambda plan: (-plan.red, -plan.amber, plan.title),
    )
    mine = (
        action_figures(
            Action.objects.with_rag(today).led_by(person), "improvement_plans:my-action-list"
        )
        if person
        else []
    )
    meetings = (
        Meeting.objects.filter(date__gte=today, status=Meeting.Status.SCHEDULED)
        .select_related("committee")
        .prefetch_related(
            Prefetch("requests_due", queryset=BoardRequest.objects.open().order_by("pk"))
        )
        .order_by("date", "committee__name")[:MEETINGS_SHOWN]
    )
    drafts = CommitteeReport.objects.visible_to(user).filter(status=CommitteeReport.Status.DRAFT)
    return {
        "year": year,
        "work": work(user, person, today),
        "stage_chart": stage_chart(year),
        "late_reviews": late_reviews(year, today),
        "my_actions": mine,
        "all_actions": action_figures(
            Action.objects.with_rag(today), "improvement_plans:due-action-list"
        ),
        "rag_chart": rag_chart(plans),
        "plans": slipping[:PLANS_SHOWN],
        "plans_slipping": len(slipping),
        "plans_count": len(plans),
        "inspections": Inspection.objects.with_people()
        .filter(timing_start__lte=today + timedelta(days=INSPECTIONS_AHEAD), timing_end__gte=today)
        .exclude(status__in=[Inspection.Status.CANCELLED, Inspection.Status.COMPLETE])
        .order_by("timing_start"),
        "inspections_ahead": INSPECTIONS_AHEAD,
        "meetings": meetings,
        "drafts": Figure(
            "Reports awaiting issue",
            drafts.count(),
            _url("reports:report-list", status=CommitteeReport.Status.DRAFT),
        ),
    }
