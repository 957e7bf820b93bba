"""The programme as a Gantt chart: reviews and inspections across two financial years.

Built from each record's Period, so fuzzy timing ("Autumn 2004", "2005") is drawn as such,
a review's newest deferral is marked on its bar, and a late review says so in words. Used
by the timeline page and as a figure in the programme report.
"""

from django.db.models import Prefetch

from core.charts import Timeline, TimelineBar
from core.periods import FinancialYear, Precision
from core.status import STATUS_COLOURS
from inspections.models import Inspection
from reviews.models import Deferral

FUZZY = {Precision.SEASON, Precision.YEAR}


def _fuzzy(period):
    return Precision(period.precision) in FUZZY


def programme_timeline(reviews, year: FinancialYear, today):
    """Bars for `reviews` (already filtered) and the inspections of `year` and the next."""
    reviews = (
        reviews.select_related(None)
        .prefetch_related(
            Prefetch(
                "deferrals", queryset=Deferral.objects.order_by("-deferred_on"), to_attr="newest"
            )
        )
        .with_lateness(today)
    )
    bars = []
    late = 0
    for review in reviews.exclude(planned_start=None).order_by("planned_start", "title"):
        deferral = review.newest[0] if review.newest else None
        note = (
            f"Deferred on {deferral.deferred_on:%-d %B %Y}: {deferral.reason}"
            if deferral
            else review.get_stage_display()
        )
        if review.is_late:
            late += 1
            note = f"Late: planned to end by {review.planned_end:%-d %B %Y}. {note}"
        bars.append(
            TimelineBar(
                review.title,
                review.planned_start,
                review.planned_end,
                colour=STATUS_COLOURS[review.stage],
                fuzzy=_fuzzy(review.planned),
                url=review.get_absolute_url(),
                note=note,
                marker=deferral.deferred_on if deferral else None,
                flag="Late" if review.is_late else "",
            )
        )
    inspections = (
        Inspection.objects.for_programme_years(year)
        .exclude(timing_start=None)
        .order_by("timing_start", "title")
    )
    for inspection in inspections:
        bars.append(
            TimelineBar(
                f"Inspection: {inspection.title}",
                inspection.timing_start,
                inspection.timing_end,
                colour="purple",
                fuzzy=_fuzzy(inspection.timing),
                url=inspection.get_absolute_url(),
                note=f"{inspection.get_status_display()} ({inspection.timing})",
            )
        )
    return Timeline(
        title=f"Reviews and inspections, {year} and {year.next()}",
        description=f"{len(bars)} bars: reviews by planned period coloured by stage, the {late} "
        "late ones named after “Late:”, then inspections in purple.",
        start=year.start,
        end=year.next().end,
        bars=bars,
        today=today,
    )
