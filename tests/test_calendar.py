from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from core.periods import Period
from inspections.models import Inspection
from organisation.models import CalendarFeed

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspection():
    inspection = Inspection(title="SSI Adults", programme_year=2004)
    inspection.timing = Period.parse("Autumn, 2004")
    inspection.save()
    return inspection


def get_addresses(client, user):
    client.force_login(user)
    client.post(reverse("calendar-feeds"), {"action": "renew"})
    return CalendarFeed.objects.get(user=user).token


def test_a_user_gets_a_secret_address_that_calendar_programs_can_read(client, member, inspection):
    token = get_addresses(client, member)
    client.logout()  # a calendar program is not signed in
    response = client.get(reverse("calendar-feed", args=[token, "inspections"]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Inspection: SSI Adults (Autumn 2004)"]
    assert events[0].decoded("dtstart") == date(2004, 9, 1)
    assert events[0].decoded("dtend") == date(2004, 12, 1)
    assert str(events[0]["uid"]) == f"inspection-{inspection.pk}@bestvalue"
    assert str(events[0]["url"]) == "http://testserver" + inspection.get_absolute_url()


def test_a_cancelled_inspection_stays_in_the_feed_as_cancelled(client, member, inspection):
    inspection.status = Inspection.Status.CANCELLED
    inspection.save()
    token = get_addresses(client, member)
    response = client.get(reverse("calendar-feed", args=[token, "inspections"]))
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == f"inspection-{inspection.pk}@bestvalue"
    assert str(event["status"]) == "CANCELLED"


def test_new_addresses_stop_the_old_ones_working(client, member):
    old = get_addresses(client, member)
    new = get_addresses(client, member)
    assert old != new
    assert client.get(reverse("calendar-feed", args=[old, "inspections"])).status_code == 404
    assert client.get(reverse("calendar-feed", args=[new, "inspections"])).status_code == 200


def test_turning_feeds_off_revokes_the_address(client, member):
    token = get_addresses(client, member)
    client.post(reverse("calendar-feeds"), {"action": "revoke"})
    assert client.get(reverse("calendar-feed", args=[token, "inspections"])).status_code == 404


def test_a_deactivated_users_feed_stops(client, member):
    token = get_addresses(client, member)
    member.is_active = False
    member.save()
    assert client.get(reverse("calendar-feed", args=[token, "inspections"])).status_code == 404


def test_guessing_an_address_finds_nothing(client):
    assert client.get(reverse("calendar-feed", args=["guess", "inspections"])).status_code == 404


def test_the_feeds_page_lists_every_feed_for_the_user(client, member):
    get_addresses(client, member)
    response = client.get(reverse("calendar-feeds"))
    assert "/inspections.ics" in response.text
    assert "Turn off calendar feeds" in response.text
