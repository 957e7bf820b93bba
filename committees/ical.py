"""A committee's meetings as an iCalendar (RFC 5545) feed, for calendar programs."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

ICAL_STATUS = {"scheduled": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def meetings_calendar(committee, meetings, absolute_url):
    """The feed's bytes. `absolute_url(path)` makes the meeting pages' links absolute."""
    calendar = Calendar()
    calendar.add("prodid", "-//Best Value tracker//Committee meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(committee))
    stamp = timezone.now()
    zone = ZoneInfo(settings.TIME_ZONE)
    for meeting in meetings:
        event = Event()
        # UID and SEQUENCE let a calendar program update a meeting it already has.
        event.add("uid", meeting.ical_uid)
        event.add("sequence", meeting.version)
        event.add("dtstamp", stamp)
        event.add("summary", str(committee))
        if meeting.time is None:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        else:
            event.add("dtstart", datetime.combine(meeting.date, meeting.time, tzinfo=zone))
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("status", ICAL_STATUS[meeting.status])
        url = absolute_url(meeting.get_absolute_url())
        event.add("url", url)
        event.add("description", f"Meeting page: {url}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
