"""What the committees app adds to the shared registries: the meetings calendar feed,
search of the minutes, and the review page's minutes and requests."""

from datetime import timedelta

from django.utils import timezone

from committees.models import BoardRequest, Meeting, MinuteItem
from core import calendar, panels, search


def register():
    calendar.register(
        calendar.Feed(slug="meetings", label="Committee meetings", events=meeting_events)
    )
    search.register(
        search.Source(
            kind="Minutes",
            visible_to=lambda user: MinuteItem.objects.select_related("meeting__committee"),
            fields=["heading", "text"],
            summary=lambda item: str(item.meeting),
        )
    )
    panels.register(
        panels.REVIEW,
        panels.Panel(
            order=30,
            template="committees/_review_minutes.html",
            context=lambda review, user: {
                "review": review,
                "minute_items": MinuteItem.objects.about_review(review),
                "open_requests": BoardRequest.objects.open_about(review),
            },
        ),
    )


def meeting_events(user):
    """Every committee's meetings from a year ago on, the cancelled ones marked so."""
    since = timezone.localdate() - timedelta(days=365)
    for meeting in Meeting.objects.filter(date__gte=since).select_related("committee"):
        yield meeting.calendar_event()
