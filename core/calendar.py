"""iCalendar feeds that officers subscribe to in Outlook: meetings, inspections, milestones.

Apps register a feed (`register(Feed(...))` in AppConfig.ready) with a function giving the
events a user may see; the views serve them at a per-user secret address.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as ICalEvent


@dataclass
class Event:
    uid: str  # stable across refreshes, e.g. "meeting-12@bestvalue"
    summary: str
    start: date | datetime
    end: date | datetime | None = None  # exclusive; an all-day event ends the day after
    description: str = ""
    location: str = ""
    url: str = ""


@dataclass
class Feed:
    slug: str  # "meetings" -> /calendar/<token>/meetings.ics
    label: str
    events: Callable  # user -> iterable of Event


FEEDS: dict[str, Feed] = {}


def register(feed):
    FEEDS[feed.slug] = feed


def to_ical(feed, events, base_url=""):
    calendar = Calendar()
    calendar.add("prodid", "-//Best Value tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{settings.COUNCIL_NAME}: {feed.label}")
    stamp = datetime.now().astimezone()
    for item in events:
        event = ICalEvent()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        event.add("dtstart", item.start)
        end = item.end or (
            item.start + timedelta(days=1)
            if not isinstance(item.start, datetime)
            else item.start + timedelta(hours=2)
        )
        event.add("dtend", end)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", base_url + item.url)
        calendar.add_component(event)
    return calendar.to_ical()
