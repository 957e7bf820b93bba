"""What the committees app adds to the shared registries: the meetings calendar feed,
search of the minutes, and the review page's minutes and requests."""

from datetime import datetime, timedelta

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
    """Every committee's meetings from a year ago on, at their time when it is known."""
    since = timezone.localdate() - timedelta(days=365)
    meetings = (
        Meeting.objects.filter(date__gte=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
    )
    for meeting in meetings:
        start = meeting.date
        if meeting.time is not None:
            start = timezone.make_aware(datetime.combine(meeting.date, meeting.time))
        yield calendar.Event(
            uid=meeting.ical_uid,
            summary=str(meeting.committee),
            start=start,
            location=meeting.venue,
            url=meeting.get_absolute_url(),
        )
