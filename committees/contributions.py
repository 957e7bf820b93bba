"""What the committees app adds to the shared registries: the meetings calendar feed,
search of the minutes and board requests, and the review page's minutes and requests."""

from datetime import timedelta

from django.utils import timezone

from committees.models import BoardRequest, Meeting, MinuteItem
from core import calendar, panels, search


def register():
    calendar.register(
        calendar.Feed(slug="meetings", label="Committee meetings", events=meeting_events)
    )
    search.register(
        MinuteItem,
        "Minutes",
        text=["heading", "text", "presented_by_post"],
        names=["presented_by__full_name"],
        related=["meeting__committee"],
        summary=lambda item: str(item.meeting),
    )
    search.register(
        BoardRequest,
        "Board requests",
        text=["asked_for", "asked_of_text", "answer"],
        names=["asked_of__full_name"],
        related=["raised_at__committee", "due_meeting__committee"],
        summary=lambda request: f"Due at {request.due_meeting} · {request.get_status_display()}",
    )
    panels.register(
        panels.REVIEW,
        panels.Panel(order=30, template="committees/_review_minutes.html", context=minutes),
    )


def minutes(review, user):
    """What committees minuted about the review, and what they asked for that is open."""
    return {
        "review": review,
        "minute_items": MinuteItem.objects.about_review(review),
        "open_requests": BoardRequest.objects.open_about(review),
    }


def meeting_events(user):
    """Every committee's meetings from a year ago on, the cancelled ones marked so."""
    since = timezone.localdate() - timedelta(days=365)
    for meeting in Meeting.objects.filter(date__gte=since).select_related("committee"):
        yield meeting.calendar_event()
