"""Meetings and action milestones as calendar feeds; actions and minutes in search."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import ActionFactory, MeetingFactory, MinuteItemFactory

pytestmark = pytest.mark.django_db


def feed(client, user, slug):
    client.force_login(user)
    client.post(reverse("calendar-feeds"), {"action": "renew"})
    token = user.calendar_feed.token
    client.logout()
    response = client.get(reverse("calendar-feed", args=[token, slug]))
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_meetings_feed_holds_meetings_at_their_time_and_cancelled_ones_as_cancelled(
    client, member
):
    soon = timezone.localdate() + timedelta(days=10)
    meeting = MeetingFactory(date=soon, time=time(14, 0), venue="Town Hall")
    cancelled = MeetingFactory(date=soon, status="cancelled")
    events = {str(event["uid"]): event for event in feed(client, member, "meetings")}
    assert set(events) == {meeting.ical_uid, cancelled.ical_uid}
    assert str(events[meeting.ical_uid]["location"]) == "Town Hall"
    assert events[meeting.ical_uid].decoded("dtstart").hour == 14
    assert str(events[meeting.ical_uid]["url"]).endswith(meeting.get_absolute_url())
    assert str(events[meeting.ical_uid]["status"]) == "CONFIRMED"
    assert str(events[cancelled.ical_uid]["status"]) == "CANCELLED"


def test_the_milestones_feed_holds_open_actions(client, member):
    action = ActionFactory(description="Commission external support")
    ActionFactory(description="Finished", status="complete", completed_on=timezone.localdate())
    events = feed(client, member, "milestones")
    assert [str(event["summary"]) for event in events] == [
        f"Milestone {action.reference}: Commission external support"
    ]
    assert events[0].decoded("dtstart") == action.milestone_date


def test_search_finds_actions_and_minutes_grouped_by_kind(client, member):
    action = ActionFactory(description="Reprovision of Buckle Close children's home")
    item = MinuteItemFactory(heading="Buckle Close", text="The Board asked for a report.")
    ActionFactory(description="Something else entirely")
    client.force_login(member)
    page = client.get(reverse("search"), {"q": "Buckle Close"}).text
    assert ">Improvement plan actions <" in page and ">Minutes <" in page
    assert f'href="{action.get_absolute_url()}"' in page
    assert f'href="{item.get_absolute_url()}"' in page
    assert "Something else entirely" not in page


def test_feeds_refuse_a_wrong_token(client):
    assert client.get(reverse("calendar-feed", args=["nope", "meetings"])).status_code == 404


def test_date_only_meetings_are_all_day(client, member):
    MeetingFactory(date=timezone.localdate() + timedelta(days=3))
    event = feed(client, member, "meetings")[0]
    assert isinstance(event.decoded("dtstart"), date)
