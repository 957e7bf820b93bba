from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committees.models import BoardRequest, Committee, Meeting, MinuteItem
from organisation import roles
from tests.factories import (
    BoardRequestFactory,
    CommitteeFactory,
    MeetingFactory,
    MinuteItemFactory,
    PersonFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

HELD = Meeting.Status.HELD
CANCELLED = Meeting.Status.CANCELLED


def meetings(committee, *days, **fields):
    return [MeetingFactory(committee=committee, date=day, **fields) for day in days]


# Committee


def test_a_committee_rule_needs_the_date_it_applies_from():
    committee = CommitteeFactory.build(meeting_rule="FREQ=MONTHLY;BYDAY=-1TH")
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "Enter the date the meeting rule applies from" in str(error.value)


def test_a_rule_that_is_not_valid_is_a_field_error():
    committee = CommitteeFactory.build(meeting_rule="last thursday", rule_from=date(2004, 1, 1))
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "is not a rule part" in error.value.message_dict["meeting_rule"][0]


def test_a_rule_that_has_ended_before_it_applies_is_refused():
    committee = CommitteeFactory.build(
        meeting_rule="FREQ=MONTHLY;BYDAY=-1TH;UNTIL=20031231", rule_from=date(2004, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "gives no meeting dates after 1 January 2004" in str(error.value)


def test_the_rule_is_stored_normalised():
    committee = CommitteeFactory.build(
        meeting_rule="rrule:freq=monthly;byday=-1th", rule_from=date(2004, 1, 1)
    )
    committee.full_clean()
    assert committee.meeting_rule == "FREQ=MONTHLY;BYDAY=-1TH"


def test_the_database_refuses_a_rule_without_its_start():
    with pytest.raises(IntegrityError):
        CommitteeFactory(meeting_rule="FREQ=MONTHLY;BYDAY=-1TH", rule_from=None)


def test_next_meetings_merge_scheduled_meetings_with_the_rules_dates(board):
    (scheduled,) = meetings(board, date(2004, 2, 26))
    (extra,) = meetings(board, date(2004, 2, 10))
    assert board.next_meetings(3, today=date(2004, 2, 1)) == [
        (date(2004, 2, 10), extra),
        (date(2004, 2, 26), scheduled),
        (date(2004, 3, 25), None),
    ]


def test_committees_know_their_next_meeting_that_is_not_cancelled(board):
    meetings(board, date(2004, 1, 29), date(2004, 3, 25))
    meetings(board, date(2004, 2, 26), status=CANCELLED)
    found = Committee.objects.with_next_meeting(today=date(2004, 2, 1)).get(pk=board.pk)
    assert found.next_meeting_date == date(2004, 3, 25)


def test_a_committee_without_a_rule_has_no_rule_dates():
    assert CommitteeFactory().rule_dates(after=date(2004, 1, 1), count=3) == []


@pytest.mark.parametrize(
    ("role", "may"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.BEST_VALUE_OFFICER, True),
        (roles.REVIEW_OFFICER, False),
        (roles.MEMBER, False),
        (roles.MEMBER_EXEMPT, False),
    ],
)
def test_best_value_officers_and_administrators_change_committees(make_user, role, may):
    assert CommitteeFactory().can_be_edited_by(make_user(role)) is may


@pytest.mark.parametrize(
    ("role", "may"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.BEST_VALUE_OFFICER, True),
        (roles.REVIEW_OFFICER, True),
        (roles.MEMBER, False),
        (roles.MEMBER_EXEMPT, False),
    ],
)
def test_officers_of_every_kind_write_minutes_and_members_do_not(make_user, role, may):
    assert MeetingFactory().can_be_edited_by(make_user(role)) is may


def test_changes_to_a_committee_are_in_its_history(board):
    board.venue = "Town Hall"
    board.save()
    assert [record.history_type for record in board.history.all()] == ["~", "+"]


# Meeting


def test_a_committee_meets_once_a_day():
    (meeting,) = meetings(CommitteeFactory(), date(2004, 1, 29))
    with pytest.raises(IntegrityError):
        MeetingFactory(committee=meeting.committee, date=meeting.date)


def test_a_meeting_has_taken_place_once_held_or_once_its_day_has_passed(board):
    (meeting,) = meetings(board, date(2004, 1, 29))
    assert not meeting.has_taken_place(today=date(2004, 1, 29))
    assert meeting.has_taken_place(today=date(2004, 1, 30))
    meeting.status = HELD
    assert meeting.has_taken_place(today=date(2004, 1, 1))


def test_the_next_meeting_is_the_next_one_not_cancelled(board):
    january, february, march = meetings(
        board, date(2004, 1, 29), date(2004, 2, 26), date(2004, 3, 25)
    )
    assert january.next_meeting_date() == (february.date, february)
    february.status = CANCELLED
    february.save()
    assert january.next_meeting_date() == (march.date, march)


def test_without_a_later_meeting_the_next_one_comes_from_the_rule(board):
    (january,) = meetings(board, date(2004, 1, 29))
    assert january.next_meeting_date() == (date(2004, 2, 26), None)


def test_a_cancelled_meeting_keeps_its_date_from_the_rule(board):
    (january,) = meetings(board, date(2004, 1, 29))
    meetings(board, date(2004, 2, 26), status=CANCELLED)
    assert january.next_meeting_date() == (date(2004, 3, 25), None)


def test_a_committee_without_a_rule_or_a_later_meeting_has_no_next_meeting():
    assert MeetingFactory().next_meeting_date() is None


# Minute items


def test_minute_items_are_numbered_once_per_meeting():
    item = MinuteItemFactory(number=4)
    with pytest.raises(IntegrityError):
        MinuteItemFactory(meeting=item.meeting, number=4)


def test_minute_items_are_numbered_from_one():
    with pytest.raises(IntegrityError):
        MinuteItemFactory(number=0)


def test_the_presenter_is_the_person_the_post_or_both():
    wes = PersonFactory(full_name="Wes Cuell")
    assert MinuteItemFactory.build(presented_by=wes).presenter == "Wes Cuell"
    assert (
        MinuteItemFactory.build(presented_by_post="Head of Community Development").presenter
        == "Head of Community Development"
    )
    assert (
        MinuteItemFactory.build(presented_by=wes, presented_by_post="Director").presenter
        == "Wes Cuell, Director"
    )


def test_minute_items_about_a_review_come_newest_meeting_first(board):
    review = ReviewFactory()
    january, february = meetings(board, date(2004, 1, 29), date(2004, 2, 26))
    older = MinuteItemFactory(meeting=january, number=4, review=review)
    newer = MinuteItemFactory(meeting=february, number=2, review=review)
    MinuteItemFactory(meeting=february, number=3)
    assert list(MinuteItem.objects.about_review(review)) == [newer, older]


# Board requests


def constraint_error(**fields):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        BoardRequestFactory(**fields)
    return str(error.value)


def test_an_answered_request_has_its_answer_and_where_it_was_answered():
    assert "board_request_answered_has_answer" in constraint_error(status="answered")


def test_only_an_answered_request_has_a_meeting_it_was_answered_at():
    meeting = MeetingFactory()
    assert "only_answered" in constraint_error(answered_at_meeting=meeting)


def test_a_request_is_asked_of_someone():
    assert "asked_of_someone" in constraint_error(asked_of_text="")


def test_a_request_is_not_due_at_the_meeting_that_raised_it():
    meeting = MeetingFactory()
    assert "due_after_raised" in constraint_error(raised_at=meeting, due_meeting=meeting)


def test_a_request_is_due_after_the_meeting_that_raised_it(board):
    january, february = meetings(board, date(2004, 1, 29), date(2004, 2, 26))
    request = BoardRequestFactory.build(raised_at=february, due_meeting=january)
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert error.value.message_dict["due_meeting"] == [
        "Choose a meeting after the one that raised the request"
    ]


class TestCarryForward:
    """An open request is due at its meeting, then carried forward to each later meeting of
    that committee, counting the meetings it has been outstanding."""

    @pytest.fixture
    def year(self, board):
        return meetings(
            board,
            date(2004, 1, 29),
            date(2004, 2, 26),
            date(2004, 3, 25),
            date(2004, 4, 29),
        )

    def due(self, meeting):
        return {r.pk: r.outstanding_meetings for r in BoardRequest.objects.due_at(meeting)}

    def test_an_open_request_is_due_then_outstanding_for_each_meeting_after(self, year):
        january, february, march, april = year
        request = BoardRequestFactory(raised_at=january, due_meeting=february)
        assert self.due(january) == {}
        assert self.due(february) == {request.pk: 0}
        assert self.due(march) == {request.pk: 1}
        assert self.due(april) == {request.pk: 2}

    def test_an_answered_request_stops_at_the_meeting_that_answered_it(self, year):
        january, february, march, april = year
        request = BoardRequestFactory(
            raised_at=january,
            due_meeting=february,
            status="answered",
            answer="The report was presented.",
            answered_at_meeting=march,
        )
        assert self.due(march) == {request.pk: 1}
        assert self.due(april) == {}

    def test_a_withdrawn_request_is_not_carried_forward(self, year):
        january, february, march, _ = year
        request = BoardRequestFactory(raised_at=january, due_meeting=february, status="withdrawn")
        assert self.due(february) == {request.pk: 0}
        assert self.due(march) == {}

    def test_cancelled_meetings_do_not_count(self, year):
        january, february, march, april = year
        march.status = CANCELLED
        march.save()
        request = BoardRequestFactory(raised_at=january, due_meeting=february)
        assert self.due(april) == {request.pk: 1}

    def test_other_committees_meetings_neither_carry_nor_count(self, year):
        january, february, march, _ = year
        panel_meeting = MeetingFactory(date=date(2004, 2, 23))
        request = BoardRequestFactory(raised_at=january, due_meeting=panel_meeting)
        MeetingFactory(committee=panel_meeting.committee, date=date(2004, 3, 22))
        assert self.due(march) == {}
        later = MeetingFactory(committee=panel_meeting.committee, date=date(2004, 4, 19))
        assert self.due(later) == {request.pk: 2}

    def test_open_requests_about_a_review_count_the_meetings_missed_until_today(self, year):
        january, february, _, _ = year
        review = ReviewFactory()
        request = BoardRequestFactory(raised_at=january, due_meeting=february, review=review)
        BoardRequestFactory(raised_at=january, due_meeting=february)
        BoardRequestFactory(
            raised_at=january,
            due_meeting=february,
            review=review,
            status="answered",
            answer="Done",
            answered_at_meeting=february,
        )
        found = list(BoardRequest.objects.open_about(review, today=date(2004, 4, 1)))
        assert found == [request]
        assert found[0].outstanding_meetings == 2


@pytest.mark.parametrize(
    ("person", "post", "owner"),
    [
        ("Wes Cuell", "", "Wes Cuell"),
        ("", "Head of Community Development", "Head of Community Development"),
        ("Wes Cuell", "Head of Children's Services", "Wes Cuell, Head of Children's Services"),
    ],
)
def test_whom_a_request_was_asked_of_reads_as_the_person_and_post(person, post, owner):
    asked_of = PersonFactory(full_name=person) if person else None
    assert BoardRequest(asked_of=asked_of, asked_of_text=post).owner == owner
