"""What the inspections app adds to the shared registries: search, the review page's panel
and the inspections calendar feed."""

from datetime import timedelta

from core import calendar, panels, search
from inspections.models import Inspection


def register():
    search.register(
        Inspection,
        "Inspections",
        text=["title", "notes", "joint_partner", "recommendations__text"],
        names=["lead_director__full_name"],
        summary=lambda inspection: (
            f"{inspection.financial_year} · {inspection.get_status_display()}"
        ),
    )
    panels.register(
        panels.REVIEW,
        panels.Panel(
            order=10, template="inspections/_review_inspections.html", context=inspections
        ),
    )
    calendar.register(
        calendar.Feed(slug="inspections", label="Inspections", events=inspection_events)
    )


def inspections(review, user):
    return {"inspections": Inspection.objects.for_review(review)}


def inspection_events(user):
    # A fuzzy timing ("Autumn 2004") becomes an all-day event across the whole period. A
    # cancelled inspection stays, as meetings do, so that calendars which have it take it out.
    for inspection in Inspection.objects.with_people().exclude(timing_start=None):
        cancelled = inspection.status == Inspection.Status.CANCELLED
        yield calendar.Event(
            uid=f"inspection-{inspection.pk}@bestvalue",
            summary=f"Inspection: {inspection.title} ({inspection.timing})",
            start=inspection.timing_start,
            end=inspection.timing_end + timedelta(days=1),
            description=f"{inspection.get_kind_display()} · {inspection.get_status_display()}",
            url=inspection.get_absolute_url(),
            status="CANCELLED" if cancelled else "",
            sequence=inspection.version,
        )
