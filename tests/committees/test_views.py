from datetime import date, time, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from committees.forms import CHOOSE_PERSON, CHOOSE_REVIEW
from committees.models import BoardRequest, Meeting, MinuteItem
from core.periods import FinancialYear
from core.templatetags.bestvalue import error_list
from organisation import roles
from reviews.models import Stage
from tests.factories import (
    BoardRequestFactory,
    CommitteeFactory,
    MeetingFactory,
    MinuteItemFactory,
    PersonFactory,
    ReviewFactory,
    StageChangeFactory,
)
from tests.forms import page_submitted
from tests.inspections.html import select, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def recent(board):
    """The board's last meeting before today and the rule's next date (today or later)."""
    today = timezone.localdate()
    dates = board.rule_dates(after=today - timedelta(days=70), count=4)
    last = max(day for day in dates if day < today)
    following = min(day for day in dates if day > last)
    return MeetingFactory(committee=board, date=last), following


def minutes_url(meeting):
    return reverse("committees:meeting-minutes", args=[meeting.pk])


def open_minutes(client, meeting):
    response = client.get(minutes_url(meeting))
    assert response.status_code == 200
    return page_submitted(response)


def item(data, index, number, heading, text="The Board noted the report.", **more):
    data.update(
        {
            f"items-{index}-number": str(number),
            f"items-{index}-heading": heading,
            f"items-{index}-text": text,
            **{f"items-{index}-{name}": value for name, value in more.items()},
        }
    )
    data["items-TOTAL_FORMS"] = str(max(int(data["items-TOTAL_FORMS"]), index + 1))


def raised(data, index, asked_for, asked_of_text="Head of Children's Services", **more):
    data.update(
        {
            f"requests-{index}-asked_for": asked_for,
            f"requests-{index}-asked_of_text": asked_of_text,
            **{f"requests-{index}-{name}": value for name, value in more.items()},
        }
    )
    data["requests-TOTAL_FORMS"] = str(max(int(data["requests-TOTAL_FORMS"]), index + 1))


def errors_of(response):
    return [message for _, message in _error_list(response)]


def _error_list(response):
    return error_list(response.context["form"], response.context["parts"].all)


# Writing the minutes


def test_an_officer_writes_the_minutes_and_requests_for_the_next_meeting_get_it(
    client, bv_officer, recent
):
    meeting, next_date = recent
    client.force_login(bv_officer)
    review = ReviewFactory(
        title="Sports and Leisure", programme_year=FinancialYear.containing(meeting.date).start_year
    )
    data = open_minutes(client, meeting)
    data["attendees_text"] = "Two trades union representatives"
    item(data, 0, 4, "Children's Services for 11-17 year olds")
    item(data, 1, 5, "Progress with Best Value reviews")
    item(
        data, 2, 6, "Sports and Leisure", review=str(review.pk), presented_by_post="Head of Leisure"
    )
    raised(data, 0, "Feasibility of the invest-to-save proposal")
    raised(data, 1, "Reprovision of Buckle Close children's home")

    response = client.post(minutes_url(meeting), data)

    assert response.status_code == 302
    assert response.url == meeting.get_absolute_url()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.attendees_text == "Two trades union representatives"
    assert [(i.number, i.review) for i in meeting.minute_items.all()] == [
        (4, None),
        (5, None),
        (6, review),
    ]
    next_meeting = Meeting.objects.get(committee=meeting.committee, date=next_date)
    assert [r.due_meeting for r in meeting.requests_raised.all()] == [next_meeting] * 2
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["The minutes have been saved"]


def test_a_request_due_at_a_meeting_that_took_place_is_refused_and_nothing_is_saved(
    client, bv_officer, recent
):
    meeting, _ = recent
    earlier = MeetingFactory(committee=meeting.committee, date=meeting.date - timedelta(days=1))
    earlier.status = Meeting.Status.HELD
    earlier.save()
    later_but_held = MeetingFactory(
        committee=meeting.committee, date=meeting.date + timedelta(days=1), status="held"
    )
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    item(data, 0, 1, "Apologies")
    raised(data, 0, "A report", due_meeting=str(later_but_held.pk))

    response = client.post(minutes_url(meeting), data)

    assert response.status_code == 200
    message = f"The meeting on {later_but_held.date:%-d %B %Y} has already taken place."
    assert any(e.startswith(message) for e in errors_of(response))
    assert response.context["parts"].requests.forms[0].errors["due_meeting"]
    assert "Error:" in response.content.decode().split("</title>")[0]
    assert not MinuteItem.objects.exists()
    assert not BoardRequest.objects.exists()


def test_writing_minutes_late_for_a_next_meeting_that_has_passed_says_so(client, bv_officer, board):
    old = MeetingFactory(committee=board, date=date(2004, 1, 29))
    client.force_login(bv_officer)
    data = open_minutes(client, old)
    raised(data, 0, "A report to the next meeting")
    response = client.post(minutes_url(old), data)
    assert (
        "The next meeting, on 26 February 2004, has already taken place. Choose a later meeting"
        in errors_of(response)
    )


def test_a_request_is_asked_of_someone(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    raised(data, 0, "A report", asked_of_text="")
    response = client.post(minutes_url(meeting), data)
    assert "Choose whom the request was asked of, or enter their post" in errors_of(response)


def test_a_request_can_be_asked_of_a_person(client, bv_officer, recent):
    meeting, _ = recent
    wes = PersonFactory(full_name="Wes Cuell")
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    raised(data, 0, "A report", asked_of_text="", asked_of=str(wes.pk))
    assert client.post(minutes_url(meeting), data).status_code == 302
    assert meeting.requests_raised.get().asked_of == wes


def test_add_another_item_shows_one_more_row_and_keeps_what_was_typed(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    item(data, 0, 1, "Apologies for absence")
    data["add"] = "items"

    response = client.post(minutes_url(meeting), data)

    assert response.status_code == 200
    items = response.context["parts"].items
    assert items.total_form_count() == 2
    assert items.forms[0]["heading"].value() == "Apologies for absence"
    assert items.forms[1]["number"].value() == "2"
    assert b"autofocus" in response.content
    assert not MinuteItem.objects.exists()


def test_add_another_request_shows_one_more_row(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    data["add"] = "requests"
    response = client.post(minutes_url(meeting), data)
    assert response.context["parts"].requests.total_form_count() == 2


def test_someone_elses_save_in_between_is_not_overwritten(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    meeting.apologies = "Councillor Smith"
    meeting.save_if_unchanged(meeting.version)
    item(data, 0, 1, "Apologies for absence")

    response = client.post(minutes_url(meeting), data)

    assert response.status_code == 200
    assert any("after you opened it" in e for e in errors_of(response))
    assert not MinuteItem.objects.exists()
    meeting.refresh_from_db()
    assert meeting.apologies == "Councillor Smith"


def test_items_can_be_renumbered_in_one_save(client, bv_officer, recent):
    meeting, _ = recent
    first = MinuteItemFactory(meeting=meeting, number=1, heading="First")
    second = MinuteItemFactory(meeting=meeting, number=2, heading="Second")
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    data["items-0-number"], data["items-1-number"] = "2", "3"
    item(data, 2, 1, "Inserted before them")

    assert client.post(minutes_url(meeting), data).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (2, 3)
    assert meeting.minute_items.get(number=1).heading == "Inserted before them"
    assert [r.number for r in first.history.all()] == [2, 1]


def test_two_items_with_one_number_are_refused(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    item(data, 0, 4, "One")
    item(data, 1, 4, "Two")
    response = client.post(minutes_url(meeting), data)
    assert "Give each item a different number" in errors_of(response)


def test_an_item_is_removed_with_its_checkbox(client, bv_officer, recent):
    meeting, _ = recent
    MinuteItemFactory(meeting=meeting, number=1)
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    data["items-0-DELETE"] = "on"
    assert client.post(minutes_url(meeting), data).status_code == 302
    assert not meeting.minute_items.exists()


def test_a_request_due_here_is_answered_at_this_meeting(client, bv_officer, recent):
    meeting, _ = recent
    before = MeetingFactory(committee=meeting.committee, date=meeting.date - timedelta(days=28))
    request = BoardRequestFactory(raised_at=before, due_meeting=meeting)
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    data["due-0-status"] = "answered"

    response = client.post(minutes_url(meeting), data)
    assert "Enter the answer the committee was given" in errors_of(response)

    data["due-0-answer"] = "The report was presented."
    assert client.post(minutes_url(meeting), data).status_code == 302
    request.refresh_from_db()
    assert (request.status, request.answered_at_meeting) == ("answered", meeting)


def test_minutes_are_in_the_meetings_history(client, bv_officer, recent):
    meeting, _ = recent
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    item(data, 0, 1, "Apologies for absence")
    client.post(minutes_url(meeting), data)
    response = client.get(reverse("committees:meeting-history", args=[meeting.pk]))
    assert "Created minute item: 1. Apologies for absence" in response.content.decode()


# Committee arrangements and scheduling


def arrangements(board, **changes):
    """The committee form as its page sends it back unchanged, with `changes`."""
    return {
        "version": board.version,
        "frequency": "monthly",
        "week": "-1",
        "weekday": "TH",
        "rule_from_0": "1",
        "rule_from_1": "4",
        "rule_from_2": "2003",
        **changes,
    }


def save_arrangements(client, board, **changes):
    return client.post(
        reverse("committees:committee-update", args=[board.pk]), arrangements(board, **changes)
    )


def test_the_committee_form_shows_the_rule_as_the_builders_answers(client, bv_officer, board):
    client.force_login(bv_officer)
    form = client.get(reverse("committees:committee-update", args=[board.pk])).context["form"]
    assert {name: form.initial.get(name) for name in ("frequency", "week", "weekday")} == {
        "frequency": "monthly",
        "week": "-1",
        "weekday": "TH",
    }
    assert form.initial["meeting_rule"] == ""
    assert "FREQ=" not in form.render()


def test_a_rule_is_built_from_the_answers(client, bv_officer, board):
    client.force_login(bv_officer)
    response = save_arrangements(
        client, board, frequency="weeks", interval="2", weekday="TU", meeting_time="6pm"
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.meeting_rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert board.meeting_time == time(18)
    assert "Every other Tuesday at 6pm" in client.get(board.get_absolute_url()).text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"frequency": ""}, "frequency", "Choose how often the committee meets"),
        ({"weekday": ""}, "weekday", "Choose the day of the week the committee meets"),
        ({"week": ""}, "week", "Choose which week of the month the committee meets"),
        ({"frequency": "weeks"}, "interval", "Enter how many weeks apart the meetings are"),
        ({"frequency": "weeks", "interval": "13"}, "interval", "from 2 to 12"),
        ({"meeting_time": "6"}, "meeting_time", "“6” is not a time"),
        ({"meeting_rule": "every Monday"}, "meeting_rule", "Clear this box, or choose"),
        ({"frequency": "words"}, "meeting_rule", "Enter when the committee meets"),
    ],
)
def test_a_rule_not_built_says_what_is_missing_beside_the_field(
    client, bv_officer, board, changes, field, message
):
    client.force_login(bv_officer)
    response = save_arrangements(client, board, **changes)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "govuk-error-summary" in response.text
    board.refresh_from_db()
    assert board.meeting_rule == "FREQ=MONTHLY;BYDAY=-1TH"


def test_a_rule_typed_in_words_is_understood_and_shown_in_words(client, bv_officer, board):
    client.force_login(bv_officer)
    response = save_arrangements(
        client, board, frequency="words", meeting_rule="first Monday of each month at 7.30pm"
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.meeting_rule == "FREQ=MONTHLY;BYDAY=1MO"
    assert board.meeting_time == time(19, 30)
    page = client.get(board.get_absolute_url()).text
    assert "First Monday of each month at 7.30pm" in page
    assert "FREQ=" not in page


def test_words_not_understood_are_explained_beside_the_box(client, bv_officer, board):
    client.force_login(bv_officer)
    response = save_arrangements(
        client, board, frequency="words", meeting_rule="LASTMONDAYOFEACHMONTH"
    )
    assert response.status_code == 200
    (message,) = response.context["form"].errors["meeting_rule"]
    assert message.startswith("“lastmondayofeachmonth” is not a word a meeting rule uses.")
    assert "“last Thursday of each month at 10am”" in message


def test_a_time_in_the_words_that_differs_from_a_new_usual_time_is_refused(
    client, bv_officer, board
):
    client.force_login(bv_officer)
    response = save_arrangements(
        client, board, frequency="words", meeting_rule="every Monday at 10am", meeting_time="6pm"
    )
    assert response.context["form"].errors["meeting_time"] == [
        "The rule in words says 10am: make the usual time the same, or leave it as it was"
    ]


def test_a_rule_the_builder_cannot_make_is_kept_when_its_words_are_left_alone(
    client, bv_officer, board
):
    board.meeting_rule = "FREQ=MONTHLY;BYMONTH=1,7;BYDAY=-1TH"
    board.save()
    client.force_login(bv_officer)
    form = client.get(reverse("committees:committee-update", args=[board.pk])).context["form"]
    words = "Last Thursday of January and July"
    assert (form.initial["frequency"], form.initial["meeting_rule"]) == ("words", words)
    response = save_arrangements(
        client, board, frequency="words", meeting_rule=words, venue="Town Hall"
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert (board.meeting_rule, board.venue) == ("FREQ=MONTHLY;BYMONTH=1,7;BYDAY=-1TH", "Town Hall")


def test_a_committee_may_have_no_rule(client, bv_officer, board):
    client.force_login(bv_officer)
    assert save_arrangements(client, board, frequency="none").status_code == 302
    board.refresh_from_db()
    assert board.meeting_rule == ""


def test_a_changed_rule_is_in_the_history_in_words(client, bv_officer, board):
    client.force_login(bv_officer)
    save_arrangements(client, board, week="1", weekday="MO")
    history = client.get(reverse("committees:committee-history", args=[board.pk])).text
    assert "Last Thursday of each month" in history
    assert "First Monday of each month" in history
    assert "FREQ=" not in history


def test_a_rule_start_too_large_for_a_date_gets_a_message(client, bv_officer, board):
    client.force_login(bv_officer)
    response = save_arrangements(client, board, rule_from_2="99999999999")
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter a real date" in response.text


def test_scheduling_from_the_committee_page_is_idempotent(client, bv_officer, board):
    client.force_login(bv_officer)
    url = reverse("committees:committee-schedule", args=[board.pk])
    response = client.post(url, {"count": "3"})
    assert response.status_code == 302
    assert board.meetings.count() == 3
    assert all(d.weekday() == 3 for d in board.meetings.values_list("date", flat=True))
    response = client.post(url, {"count": "3"}, follow=True)
    assert board.meetings.count() == 3
    assert "nothing to schedule" in response.content.decode()


@pytest.mark.parametrize(("count", "message"), [("0", "from 1 to 24"), ("six", "whole number")])
def test_scheduling_a_number_that_is_not_allowed_says_so(client, bv_officer, board, count, message):
    client.force_login(bv_officer)
    response = client.post(
        reverse("committees:committee-schedule", args=[board.pk]), {"count": count}
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_scheduling_a_committee_without_a_rule_says_so(client, bv_officer):
    committee = CommitteeFactory(name="Cabinet")
    client.force_login(bv_officer)
    response = client.post(
        reverse("committees:committee-schedule", args=[committee.pk]), {"count": "3"}
    )
    assert "The Cabinet has no meeting rule" in response.content.decode()


def add_meeting(client, board, day, **fields):
    return client.post(
        reverse("committees:meeting-create", args=[board.pk]),
        {"date_0": day.day, "date_1": day.month, "date_2": day.year, **fields},
    )


def test_a_past_meeting_is_added_from_the_committee_page(client, bv_officer, board):
    board.meeting_time, board.venue = time(10), "Town Hall"
    board.save()
    client.force_login(bv_officer)
    page = client.get(board.get_absolute_url()).text
    assert reverse("committees:meeting-create", args=[board.pk]) in page
    form = client.get(reverse("committees:meeting-create", args=[board.pk])).context["form"]
    # The committee's usual time and venue, to change for a one-off.
    assert (form["time"].value(), form["venue"].value()) == ("10am", "Town Hall")

    response = add_meeting(
        client, board, date(2004, 1, 29), time="6pm", venue="Room 4", status="held"
    )
    meeting = board.meetings.get(date=date(2004, 1, 29))
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.time, meeting.venue, meeting.status) == (time(18), "Room 4", "held")
    assert meeting.history.get().history_user == bv_officer
    past = client.get(board.get_absolute_url()).context["past_meetings"]
    assert meeting in past


def test_a_second_meeting_on_one_day_is_refused_beside_the_date(client, bv_officer, board):
    MeetingFactory(committee=board, date=date(2004, 1, 29))
    client.force_login(bv_officer)
    response = add_meeting(client, board, date(2004, 1, 29), status="held")
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [
        "The CDMT Improvement and Procurement Board already has a meeting on 29 January 2004. "
        "Choose another date, or open that meeting from the committee’s page"
    ]
    assert "govuk-error-summary" in response.text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"status": "held", "date_2": ""}, "date", "Enter the day, month and year"),
        ({"status": "held", "time": "6"}, "time", "“6” is not a time"),
        ({"status": "held", "date_0": "30", "date_1": "2"}, "date", "Enter a real date"),
        ({}, "status", "Choose whether the meeting is scheduled, held or cancelled"),
    ],
)
def test_a_meeting_not_added_says_why_beside_the_field(
    client, bv_officer, board, fields, field, message
):
    client.force_login(bv_officer)
    response = add_meeting(client, board, date(2004, 1, 29), **fields)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not board.meetings.exists()


def test_a_meeting_after_today_cannot_be_held(client, bv_officer, board):
    client.force_login(bv_officer)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = add_meeting(client, board, tomorrow, status="held")
    assert response.context["form"].errors["status"] == [
        "A meeting after today cannot have been held yet: choose Scheduled"
    ]
    assert add_meeting(client, board, tomorrow, status="scheduled").status_code == 302


def test_adding_a_meeting_is_offered_only_to_those_who_may(client, member, board):
    client.force_login(member)
    page = client.get(board.get_absolute_url()).text
    assert reverse("committees:meeting-create", args=[board.pk]) not in page


def test_the_board_page_lists_its_next_meetings_on_last_thursdays(client, member, board):
    client.force_login(member)
    response = client.get(board.get_absolute_url())
    next_meetings = response.context["next_meetings"]
    assert len(next_meetings) == 6
    for day, _ in next_meetings:
        assert day.weekday() == 3
        assert (day + timedelta(days=7)).month != day.month
    assert "Last Thursday of each month" in response.content.decode()


# iCalendar


def test_the_calendar_feed_holds_the_meetings_and_parses_with_icalendar(client, member, board):
    timed = MeetingFactory(
        committee=board, date=date(2004, 1, 29), time=time(14, 0), venue="Town Hall"
    )
    all_day = MeetingFactory(committee=board, date=date(2004, 2, 26))
    cancelled = MeetingFactory(committee=board, date=date(2004, 3, 25), status="cancelled")
    client.force_login(member)
    url = reverse("committees:committee-calendar", args=[board.pk])

    response = client.get(url)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == board.name
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {m.ical_uid for m in (timed, all_day, cancelled)}
    start = events[timed.ical_uid].decoded("dtstart")
    assert (start.date(), start.hour, str(start.tzinfo)) == (date(2004, 1, 29), 14, "Europe/London")
    assert str(events[timed.ical_uid]["location"]) == "Town Hall"
    assert events[all_day.ical_uid].decoded("dtstart") == date(2004, 2, 26)
    assert str(events[cancelled.ical_uid]["status"]) == "CANCELLED"
    assert calendar.walk("VTIMEZONE")
    again = Calendar.from_ical(client.get(url).content)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == set(events)


# What the minutes form's selects offer


def offered(response, name):
    """The labels of the options of the select called `name`, as rendered."""
    return [text(option) for option in select(response.content.decode(), f'[name="{name}"] option')]


def review_in(programme_year, stage=Stage.SCOPING, ends=None, **more):
    """A review of the given programme year, planned to run April to `ends` (default March)."""
    return ReviewFactory(
        programme_year=programme_year,
        stage=stage,
        planned_start=date(programme_year, 4, 1),
        planned_end=ends or date(programme_year + 1, 3, 31),
        **more,
    )


def test_the_minutes_form_offers_the_reviews_around_the_meetings_date(client, bv_officer, board):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))  # in 2003/04
    review_in(2003, title="This year's review")
    review_in(2004, stage=Stage.PROPOSED, title="Next year's review")
    review_in(2002, stage=Stage.COMPLETED, ends=date(2003, 6, 30), title="Completed last summer")
    review_in(2001, ends=date(2003, 9, 30), title="Carried over from 2001/02")
    late = review_in(2002, stage=Stage.COMPLETED, ends=date(2002, 12, 31), title="Completed late")
    StageChangeFactory(
        review=late, from_stage=Stage.IMPLEMENTATION, to_stage=Stage.COMPLETED,
        changed_on=date(2003, 11, 6),
    )  # fmt: skip
    review_in(2002, stage=Stage.COMPLETED, ends=date(2002, 12, 31), title="Completed long ago")
    review_in(2001, stage=Stage.SCOPING, ends=date(2002, 3, 31), title="An old programme's")
    review_in(2006, stage=Stage.PROPOSED, title="Years ahead")
    PersonFactory(full_name="Active Officer")
    PersonFactory(full_name="Retired Officer", active=False)
    client.force_login(bv_officer)

    response = client.get(minutes_url(meeting))

    assert offered(response, "items-0-review") == [
        "None",
        "Next year's review (2004/05)",
        "This year's review (2003/04)",
        "Completed last summer (2002/03)",
        "Completed late (2002/03)",
        "Carried over from 2001/02 (2001/02)",
    ]
    assert offered(response, "requests-0-review") == offered(response, "items-0-review")
    people = offered(response, "items-0-presented_by")
    assert "Active Officer" in people
    assert "Retired Officer" not in people
    assert offered(response, "requests-0-asked_of") == people


def test_the_minutes_form_keeps_the_review_and_person_a_saved_row_has(client, bv_officer, board):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))
    old_review = review_in(2001, stage=Stage.COMPLETED, ends=date(2001, 12, 31), title="Old one")
    retired = PersonFactory(full_name="Retired Officer", active=False)
    MinuteItemFactory(meeting=meeting, number=1, review=old_review, presented_by=retired)
    BoardRequestFactory(raised_at=meeting, review=old_review, asked_of=retired)
    client.force_login(bv_officer)

    response = client.get(minutes_url(meeting))

    assert "Old one (2001/02)" in offered(response, "items-0-review")
    assert "Old one (2001/02)" in offered(response, "items-1-review")  # the new row too
    assert "Retired Officer" in offered(response, "items-0-presented_by")
    assert "Retired Officer" in offered(response, "requests-0-asked_of")
    page = response.content.decode()
    (chosen,) = select(page, 'select[name="items-0-review"] option[selected]')
    assert text(chosen) == "Old one (2001/02)"
    # Saving the page as it stands keeps them.
    assert client.post(minutes_url(meeting), page_submitted(response)).status_code == 302
    saved = meeting.minute_items.get()
    assert (saved.review, saved.presented_by) == (old_review, retired)


def test_a_review_or_person_not_offered_is_refused_with_a_message(client, bv_officer, board):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))
    long_ago = review_in(2001, stage=Stage.COMPLETED, ends=date(2001, 12, 31))
    retired = PersonFactory(active=False)
    client.force_login(bv_officer)
    data = open_minutes(client, meeting)
    item(data, 0, 1, "Old business", review=str(long_ago.pk), presented_by=str(retired.pk))
    raised(data, 0, "A report", asked_of=str(retired.pk), review=str(long_ago.pk))

    response = client.post(minutes_url(meeting), data)

    assert response.status_code == 200
    assert errors_of(response).count(CHOOSE_REVIEW) == 2
    assert errors_of(response).count(CHOOSE_PERSON) == 2
    assert response.context["parts"].items.forms[0].errors["review"] == [CHOOSE_REVIEW]
    assert not MinuteItem.objects.exists()
    assert not BoardRequest.objects.exists()


# Queries do not grow with the rows a page shows


def fill_meeting(meeting, size):
    """`size` minute items, requests raised, requests due and attendees."""
    before = MeetingFactory(committee=meeting.committee, date=meeting.date - timedelta(days=28))
    after = MeetingFactory(committee=meeting.committee, date=meeting.date + timedelta(days=28))
    presenter = PersonFactory()
    for number in range(1, size + 1):
        review = ReviewFactory()
        MinuteItemFactory(meeting=meeting, number=number, review=review, presented_by=presenter)
        BoardRequestFactory(raised_at=meeting, due_meeting=after, asked_of=presenter, review=review)
        BoardRequestFactory(raised_at=before, due_meeting=meeting)
    meeting.attendees.set(PersonFactory.create_batch(size))


@pytest.mark.parametrize("size", [3, 30])
def test_the_meeting_page_runs_the_same_queries_however_long_the_minutes(
    client, member, board, django_assert_max_num_queries, size
):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))
    fill_meeting(meeting, size)
    client.force_login(member)
    with django_assert_max_num_queries(14):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count('class="govuk-heading-s" id="item-') == size


@pytest.mark.parametrize("size", [3, 30])
def test_the_minutes_form_runs_the_same_queries_however_long_the_minutes(
    client, bv_officer, board, django_assert_max_num_queries, size
):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))
    fill_meeting(meeting, size)
    client.force_login(bv_officer)
    with django_assert_max_num_queries(20):
        response = client.get(minutes_url(meeting))
    assert response.context["parts"].items.total_form_count() == size + 1


@pytest.mark.parametrize("size", [3, 30])
def test_the_minutes_form_runs_the_same_queries_however_many_reviews_and_people(
    client, bv_officer, board, django_assert_max_num_queries, size
):
    meeting = MeetingFactory(committee=board, date=date(2004, 1, 29))
    fill_meeting(meeting, 3)
    for _ in range(size):
        review_in(2003)
        review_in(2000, stage=Stage.COMPLETED, ends=date(2000, 12, 31))  # not offered
        PersonFactory()
        PersonFactory(active=False)  # not offered
    client.force_login(bv_officer)
    with django_assert_max_num_queries(20):
        response = client.get(minutes_url(meeting))
    # The 3 items' reviews (2003/04), the new ones of 2003/04, and "None".
    assert len(offered(response, "items-3-review")) == 3 + size + 1


@pytest.mark.parametrize("size", [5, 60])
def test_the_committee_page_runs_the_same_queries_however_many_meetings(
    client, bv_officer, board, django_assert_max_num_queries, size
):
    for index in range(size):
        MeetingFactory(committee=board, date=date(2000, 1, 1) + timedelta(days=7 * index))
    board.members.set(PersonFactory.create_batch(size))
    client.force_login(bv_officer)
    with django_assert_max_num_queries(12):
        response = client.get(board.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_adding_a_meeting_runs_the_same_queries_however_many_meetings(
    client, bv_officer, board, django_assert_max_num_queries, size
):
    for index in range(size):
        MeetingFactory(committee=board, date=date(2000, 1, 1) + timedelta(days=7 * index))
    client.force_login(bv_officer)
    url = reverse("committees:meeting-create", args=[board.pk])
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(16):
        assert add_meeting(client, board, date(2004, 1, 29), status="held").status_code == 302


@pytest.mark.parametrize("size", [3, 30])
def test_the_committee_list_runs_the_same_queries_however_many_committees(
    client, member, django_assert_max_num_queries, size
):
    for committee in CommitteeFactory.create_batch(size):
        MeetingFactory(committee=committee, date=timezone.localdate() + timedelta(days=1))
    client.force_login(member)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("committees:committee-list"))
    assert len(response.context["committee_list"]) == size


@pytest.mark.parametrize("size", [3, 30])
def test_the_calendar_feed_runs_the_same_queries_however_many_meetings(
    client, member, board, django_assert_max_num_queries, size
):
    for index in range(size):
        MeetingFactory(committee=board, date=date(2004, 1, 1) + timedelta(days=7 * index))
    client.force_login(member)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("committees:committee-calendar", args=[board.pk]))
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == size


# Permissions: role × page × GET/POST

OFFICERS = {roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER}
MINUTE_WRITERS = {*OFFICERS, roles.REVIEW_OFFICER}
READ_PAGES = [
    ("committees:committee-list", None),
    ("committees:committee-detail", "committee"),
    ("committees:committee-calendar", "committee"),
    ("committees:committee-history", "committee"),
    ("committees:meeting-detail", "meeting"),
    ("committees:meeting-history", "meeting"),
]


@pytest.fixture
def places(board):
    meeting = MeetingFactory(committee=board, date=timezone.localdate())
    return {"committee": board, "meeting": meeting}


def url_of(name, target, places):
    return reverse(name, args=[places[target].pk] if target else [])


@pytest.mark.parametrize("role", [*roles.ROLES, None])
@pytest.mark.parametrize(("name", "target"), READ_PAGES)
def test_every_role_reads_committees_and_meetings(client, make_user, places, role, name, target):
    client.force_login(make_user(role))
    response = client.get(url_of(name, target, places))
    assert response.status_code == (200 if role else 403)


def committee_form(places):
    return arrangements(places["committee"])


def meeting_form(places):
    return {"date_0": "29", "date_1": "1", "date_2": "2004", "status": "held"}


def minutes_form(places):
    return {
        "version": places["meeting"].version,
        "status": "held",
        **{
            f"{prefix}-{k}": "0"
            for prefix in ("items", "requests", "due")
            for k in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
    }


EDIT_PAGES = [
    ("committees:committee-update", "committee", OFFICERS, committee_form),
    ("committees:committee-schedule", "committee", OFFICERS, lambda places: {"count": "2"}),
    ("committees:meeting-create", "committee", OFFICERS, meeting_form),
    ("committees:meeting-minutes", "meeting", MINUTE_WRITERS, minutes_form),
]


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "target", "allowed", "form"), EDIT_PAGES)
def test_only_the_right_roles_change_committees_and_write_minutes(
    client, make_user, places, role, method, name, target, allowed, form
):
    client.force_login(make_user(role, person=PersonFactory()))
    url = url_of(name, target, places)
    if method == "get":
        response = client.get(url)
        expected = 200
    else:
        response = client.post(url, form(places))
        expected = 302
    assert response.status_code == (expected if role in allowed else 403)


def test_the_meeting_page_offers_write_the_minutes_only_to_those_who_may(
    client, member, bv_officer, places
):
    url = places["meeting"].get_absolute_url()
    client.force_login(member)
    assert "Write the minutes" not in client.get(url).content.decode()
    client.force_login(bv_officer)
    assert "Write the minutes" in client.get(url).content.decode()


def test_the_minutes_page_sends_back_the_version_and_each_rows_id(client, bv_officer, recent):
    meeting, _ = recent
    saved = MinuteItemFactory(meeting=meeting, number=1)
    client.force_login(bv_officer)
    content = client.get(minutes_url(meeting)).content.decode()
    assert f'name="version" value="{meeting.version}"' in content
    assert f'name="items-0-id" value="{saved.pk}"' in content
    assert 'name="items-0-DELETE"' in content
    assert "Remove this item" in content


def test_the_committee_form_sends_back_the_version(client, bv_officer, board):
    client.force_login(bv_officer)
    content = client.get(reverse("committees:committee-update", args=[board.pk])).content
    assert f'name="version" value="{board.version}"'.encode() in content
