"""iCalendar (RFC 5545), written in one place: the feeds officers subscribe to in Outlook
(meetings, inspections, milestones) and a committee's meetings download.

Apps register a feed (`register(Feed(...))` in AppConfig.ready) with a function giving the
events a user may see; the views serve them at a per-user secret address.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent


@dataclass
class Event:
    uid: str  # stable across refreshes, e.g. "meeting-12@bestvalue"
    summary: str
    start: date | datetime  # a datetime must be aware; it is written in the council's zone
    end: date | datetime | None = None  # exclusive; an all-day event ends the day after
    description: str = ""
    location: str = ""
    url: str = ""
    # CONFIRMED, TENTATIVE or CANCELLED. Something called off stays in the feed as
    # CANCELLED, so that a calendar which has it takes it out.
    status: str = ""
    sequence: int = 0  # the record's version, so a calendar takes a change over its copy


@dataclass
class Feed:
    slug: str  # "meetings" -> /calendar/<token>/meetings.ics
    label: str
    events: Callable  # user -> iterable of Event

    @property
    def calendar_name(self):
        return f"{settings.COUNCIL_NAME}: {self.label}"


FEEDS: dict[str, Feed] = {}


def register(feed):
    FEEDS[feed.slug] = feed


def response(request, *, name: str, events: Iterable[Event], filename: str):
    """The calendar called `name` as a text/calendar response, its links made absolute."""
    body = to_ical(name, events, base_url=request.build_absolute_uri("/")[:-1])
    answer = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    return answer


def to_ical(name, events, base_url=""):
    calendar = Calendar()
    calendar.add("prodid", "-//Best Value tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for item in events:
        event = ICalEvent()
        event.add("uid", item.uid)
        event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        start = _local(item.start)
        event.add("dtstart", start)
        if item.end is not None:
            event.add("dtend", _local(item.end))
        elif isinstance(start, datetime):
            event.add("dtend", start + timedelta(hours=2))
        else:
            event.add("dtend", start + timedelta(days=1))
        if item.status:
            event.add("status", item.status)
        if item.location:
            event.add("location", item.location)
        url = base_url + item.url if item.url else ""
        if url:
            event.add("url", url)
        # Outlook shows no URL property, so the page's address ends the description too.
        description = "\n\n".join(part for part in (item.description, url) if part)
        if description:
            event.add("description", description)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _local(moment):
    """A date as it is; an aware datetime in the council's time zone, which the feed then
    names (TZID, with its VTIMEZONE)."""
    if isinstance(moment, datetime):
        return timezone.localtime(moment, timezone.get_default_timezone())
    return moment
