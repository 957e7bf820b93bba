from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from committees import services
from committees.models import Meeting
from tests.factories import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = date(2004, 1, 10)


def test_scheduling_creates_meetings_on_the_rules_next_dates_with_the_usual_time_and_venue(
    board,
):
    board.meeting_time = time(14, 0)
    board.venue = "Committee Room 1"
    board.save()
    created = services.schedule_meetings(committee=board, count=3, today=TODAY)
    assert [m.date for m in created] == [date(2004, 1, 29), date(2004, 2, 26), date(2004, 3, 25)]
    assert {(m.time, m.venue, m.status) for m in created} == {
        (time(14, 0), "Committee Room 1", Meeting.Status.SCHEDULED)
    }


def test_scheduling_twice_schedules_nothing_new(board):
    services.schedule_meetings(committee=board, count=3, today=TODAY)
    assert services.schedule_meetings(committee=board, count=3, today=TODAY) == []
    assert board.meetings.count() == 3


def test_scheduling_leaves_existing_meetings_alone_and_fills_the_gaps(board):
    cancelled = MeetingFactory(committee=board, date=date(2004, 2, 26), status="cancelled")
    created = services.schedule_meetings(committee=board, count=3, today=TODAY)
    assert [m.date for m in created] == [date(2004, 1, 29), date(2004, 3, 25)]
    cancelled.refresh_from_db()
    assert cancelled.status == "cancelled"


def test_scheduling_counts_a_meeting_today():
    committee = CommitteeFactory(meeting_rule="FREQ=WEEKLY;BYDAY=SA", rule_from=TODAY)
    (first,) = services.schedule_meetings(committee=committee, count=1, today=TODAY)
    assert first.date == TODAY


def test_a_committee_without_a_rule_cannot_be_scheduled():
    with pytest.raises(ValidationError, match="has no meeting rule"):
        services.schedule_meetings(committee=CommitteeFactory(), count=3)


@pytest.mark.parametrize("count", [0, 25])
def test_between_one_and_twenty_four_meetings_are_scheduled_at_once(board, count):
    with pytest.raises(ValidationError, match="from 1 to 24"):
        services.schedule_meetings(committee=board, count=count)


def test_the_next_meeting_is_the_existing_one(board):
    january = MeetingFactory(committee=board, date=date(2004, 1, 29))
    february = MeetingFactory(committee=board, date=date(2004, 2, 26))
    assert services.next_meeting(january) == february


def test_the_next_meeting_is_scheduled_from_the_rule_when_missing(board):
    january = MeetingFactory(committee=board, date=date(2004, 1, 29))
    february = services.next_meeting(january)
    assert (february.committee, february.date, february.status) == (
        board,
        date(2004, 2, 26),
        Meeting.Status.SCHEDULED,
    )
    assert services.next_meeting(january) == february


def test_without_a_rule_or_a_later_meeting_there_is_no_next_meeting():
    with pytest.raises(ValidationError, match="Schedule its next meeting first"):
        services.next_meeting(MeetingFactory())
