from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from committees import demo
from committees.models import BoardRequest, Committee, Meeting, MinuteItem
from organisation import demo as organisation_demo
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db

REVIEW_TITLES = [
    "Engineering & Transportation",
    "Housing Strategy & Private Sector",
    "Children's services for 0-10 year olds",
    "Sports and Leisure",
    "Community Development",
    "Children's Services for 11-17 year olds",
    "Services to Children (0-9)",
]


def load_twice():
    organisation_demo.load()
    demo.load()
    demo.load()


def test_the_board_meets_on_the_last_thursday_and_its_january_meeting_is_minuted():
    load_twice()
    board = Committee.objects.get(name=demo.BOARD)
    assert board.meeting_rule_in_words == "Last Thursday of each month"
    january = board.meetings.get(date=date(2004, 1, 29))
    assert "two trades union representatives" in january.attendees_text
    assert january.attendees.filter(full_name="Wes Cuell").exists()
    items = list(january.minute_items.all())
    assert [item.number for item in items] == [4, 5, 6, 7, 8]
    assert items[0].presented_by.full_name == "Wes Cuell"
    assert items[2].presented_by_post == "Head of Leisure, Libraries and Culture"
    assert "Raise the issue about Trust status" in items[4].text


def test_the_boards_next_meetings_are_scheduled_from_its_rule_from_the_day_it_is_loaded():
    load_twice()
    today = timezone.localdate()
    board = Committee.objects.get(name=demo.BOARD)
    upcoming = board.meetings.upcoming(today)
    assert [meeting.date for meeting in upcoming] == board.rule_dates(
        after=today, count=demo.MEETINGS_AHEAD, inclusive=True
    )
    assert {meeting.status for meeting in upcoming} == {Meeting.Status.SCHEDULED}
    # Committees with no rule meet only when the papers say they met.
    assert not Meeting.objects.filter(date__gte=today).exclude(committee=board).exists()


def test_the_two_requests_for_the_next_meeting_are_due_at_the_february_board():
    load_twice()
    february = Meeting.objects.get(committee__name=demo.BOARD, date=date(2004, 2, 26))
    due = list(BoardRequest.objects.due_at(february))
    assert len(due) == 2
    assert "invest-to-save" in due[0].asked_for
    assert "Buckle Close" in due[1].asked_for
    assert {r.status for r in due} == {BoardRequest.Status.OPEN}


def test_seed_002s_questions_are_answered_at_the_scrutiny_panel():
    load_twice()
    panel = Meeting.objects.get(committee__name=demo.BEST_VALUE_PANEL, date=date(2004, 2, 23))
    answered = panel.requests_answered.all()
    assert answered.count() == 6  # three amendments, three questions
    trusts = answered.get(asked_for__contains="in preference to Trusts")
    assert trusts.answer.startswith('Appendix "K" contained in the Vision Report')


def test_every_committee_of_the_seeds_is_there():
    load_twice()
    names = set(Committee.objects.values_list("name", flat=True))
    assert {demo.CABINET, demo.CHILDRENS_PANEL, demo.INFRASTRUCTURE} <= names
    assert Meeting.objects.filter(committee__name=demo.CABINET, date=date(2003, 4, 2)).exists()
    assert Meeting.objects.filter(
        committee__name=demo.CHILDRENS_PANEL, date=date(2004, 7, 1)
    ).exists()


def test_minutes_link_to_reviews_when_they_are_loaded_and_not_before():
    load_twice()
    assert not MinuteItem.objects.filter(review__isnull=False).exists()
    for title in REVIEW_TITLES:
        ReviewFactory(title=title)
    demo.load()
    linked = dict(
        MinuteItem.objects.filter(review__isnull=False).values_list("number", "review__title")
    )
    assert linked == {
        4: "Children's Services for 11-17 year olds",
        6: "Sports and Leisure",
        7: "Housing Strategy & Private Sector",
        8: "Community Development",
    }
    assert BoardRequest.objects.filter(review__title="Community Development").count() == 6


def test_load_demo_is_idempotent_for_committees():
    call_command("load_demo")
    counts = [m.objects.count() for m in (Committee, Meeting, MinuteItem, BoardRequest)]
    call_command("load_demo")
    assert [m.objects.count() for m in (Committee, Meeting, MinuteItem, BoardRequest)] == counts
