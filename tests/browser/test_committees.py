"""The committees journey: the board's meetings on its rule, minutes written in one form,
requests due at the next meeting and carried forward to the one after."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from committees.models import Meeting
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import CommitteeFactory, MeetingFactory

BOARD = "CDMT Improvement and Procurement Board"


@pytest.fixture
def board(db):
    return CommitteeFactory(
        name=BOARD,
        kind="board",
        meeting_rule="FREQ=MONTHLY;BYDAY=-1TH",
        rule_from=timezone.localdate() - timedelta(days=400),
    )


@pytest.fixture
def last_meeting(board):
    """The board's most recent meeting: the last Thursday of a month, before today."""
    today = timezone.localdate()
    last = max(d for d in board.rule_dates(after=today - timedelta(days=70), count=3) if d < today)
    return MeetingFactory(committee=board, date=last)


def is_last_thursday(day):
    return day.weekday() == 3 and (day + timedelta(days=7)).month != day.month


def fill_item(page, index, heading, text):
    page.locator(f"#id_items-{index}-heading").fill(heading)
    page.locator(f"#id_items-{index}-text").fill(text)


def fill_request(page, index, asked_for, asked_of):
    page.locator(f"#id_requests-{index}-asked_for").fill(asked_for)
    page.locator(f"#id_requests-{index}-asked_of_text").fill(asked_of)


def test_an_officer_minutes_the_board_and_its_requests_carry_forward(
    page, make_user, board, last_meeting
):
    officer = make_user("Best value officer")
    sign_in(page, officer)

    page.get_by_role("link", name="Committees", exact=True).click()
    assert page.get_by_role("heading", name="Committees").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name=BOARD).click()
    assert page.get_by_role("heading", name=BOARD).is_visible()
    assert "Last Thursday of each month" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_label("How many meetings to schedule").fill("3")
    page.get_by_role("button", name="Schedule meetings").click()
    assert "Meetings scheduled" in page.locator(".govuk-notification-banner").inner_text()
    scheduled = list(board.meetings.filter(date__gt=last_meeting.date).order_by("date"))
    assert len(scheduled) == 3
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 6
    assert all(is_last_thursday(d) for d, _ in board.next_meetings(6))
    assert_accessible(page)

    # The feed holds the meetings just scheduled.
    feed = page.request.get(f"/committees/{board.pk}/meetings.ics")
    assert feed.headers["content-type"].startswith("text/calendar")
    uids = {str(e["uid"]) for e in Calendar.from_ical(feed.body()).walk("VEVENT")}
    assert {m.ical_uid for m in scheduled} <= uids

    page.get_by_role("link", name=f"{last_meeting.date:%A %-d %B %Y}").click()
    assert page.get_by_role(
        "heading", name=f"Meeting of {last_meeting.date:%-d %B %Y}"
    ).is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Write the minutes").click()
    assert page.get_by_role("heading", name="Write the minutes").is_visible()
    assert_accessible(page)

    fill_item(page, 0, "Children's Services for 11-17 year olds", "Wes Cuell gave an update.")
    page.get_by_role("button", name="Add another item").click()
    page.wait_for_load_state()
    # The page comes back with the keyboard in the new row.
    assert page.evaluate("document.activeElement.id") == "id_items-1-number"
    assert page.locator("#id_items-1-number").input_value() == "2"
    fill_item(page, 1, "Progress with Best Value reviews", "The Board noted progress.")
    page.get_by_role("button", name="Add another item").click()
    fill_item(page, 2, "Sports and Leisure", "The Board asked for greater clarity.")
    assert page.locator("#id_items-0-heading").input_value().startswith("Children's")

    fill_request(page, 0, "Feasibility of the invest-to-save proposal", "Wes Cuell")
    page.get_by_role("button", name="Add another request").click()
    fill_request(page, 1, "Reprovision of Buckle Close children's home", "Wes Cuell")
    assert_accessible(page)
    # Enter in a text box saves the minutes (not "Add another item", the first button).
    page.locator("#id_requests-1-asked_of_text").press("Enter")

    page.wait_for_url(f"**{last_meeting.get_absolute_url()}")
    assert "The minutes have been saved" in page.locator(".govuk-notification-banner").inner_text()
    assert page.locator("section[id^=item-]").count() == 3
    assert_accessible(page)

    next_meeting, meeting_after = scheduled[0], scheduled[1]
    page.get_by_role("link", name=f"Next meeting of the {BOARD}").click()
    assert page.get_by_role(
        "heading", name=f"Meeting of {next_meeting.date:%-d %B %Y}"
    ).is_visible()
    due = page.locator("table", has=page.locator("caption", has_text="Requests due"))
    assert due.locator("tbody tr").count() == 2
    assert "invest-to-save" in due.inner_text()
    assert "Buckle Close" in due.inner_text()
    assert "Open" in due.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name=f"Next meeting of the {BOARD}").click()
    assert page.get_by_role(
        "heading", name=f"Meeting of {meeting_after.date:%-d %B %Y}"
    ).is_visible()
    carried = page.locator("table", has=page.locator("caption", has_text="Requests due"))
    assert carried.locator("tbody tr").count() == 2
    assert carried.inner_text().count("Outstanding for 1 meeting") == 2
    assert_accessible(page)
    assert Meeting.objects.get(pk=last_meeting.pk).status == Meeting.Status.HELD


def test_rows_are_added_without_javascript(page_without_js, make_user, last_meeting):
    page = page_without_js
    sign_in(page, make_user("Review officer"))
    page.goto(f"/committees/meetings/{last_meeting.pk}/minutes/")
    fill_item(page, 0, "Apologies for absence", "There were none.")
    page.get_by_role("button", name="Add another item").click()
    assert page.locator("#id_items-1-heading").is_visible()
    assert page.locator("#id_items-0-heading").input_value() == "Apologies for absence"
    fill_item(page, 1, "Minutes of the last meeting", "Agreed.")
    page.get_by_role("button", name="Save the minutes").click()
    page.wait_for_url(f"**{last_meeting.get_absolute_url()}")
    assert page.locator("section[id^=item-]").count() == 2


def test_an_invalid_meeting_rule_is_explained_beside_the_field(page, make_user, board):
    sign_in(page, make_user("Best value officer"))
    page.goto(board.get_absolute_url())
    page.get_by_role("link", name="Change meeting arrangements").click()
    assert page.get_by_role("heading", name="Change meeting arrangements").is_visible()
    assert_accessible(page)
    page.get_by_role("radio", name="Another way, described in words").check()
    page.get_by_label("If another way: when it meets, in words").fill("the last Thursdy")
    page.get_by_role("button", name="Save meeting arrangements").click()
    summary = page.locator(".govuk-error-summary")
    message = "“thursdy” is not a word a meeting rule uses"
    assert message in summary.inner_text()
    assert message in page.locator(".govuk-error-message").inner_text()
    assert page.title().startswith("Error:")
    assert_accessible(page)


def test_a_past_one_off_meeting_is_added_from_the_committee_page(
    page_without_js, page, make_user, board
):
    officer = make_user("Best value officer")
    browser = page_without_js
    sign_in(browser, officer)
    browser.goto(board.get_absolute_url())
    browser.get_by_role("link", name="Add a meeting").click()
    expect(browser.get_by_role("heading", name="Add a meeting")).to_be_visible()
    for box, value in enumerate(["12", "2", "2004"]):
        browser.locator(f"#id_date_{box}").fill(value)
    browser.get_by_label("Time (optional)").fill("6pm")
    browser.get_by_label("Venue").fill("Committee Room 2, Town Hall")
    browser.get_by_role("radio", name="Held").check()
    browser.get_by_role("button", name="Add the meeting").click()

    expect(browser.get_by_role("heading", name="Meeting of 12 February 2004")).to_be_visible()
    expect(browser.get_by_text("The meeting has been added")).to_be_visible()
    expect(browser.locator("main")).to_contain_text("Thursday 12 February 2004, 6pm")
    meeting = board.meetings.get(date="2004-02-12")
    assert meeting.status == Meeting.Status.HELD
    browser.goto(board.get_absolute_url())
    past = browser.locator("table", has=browser.locator("caption", has_text="Past meetings"))
    expect(past.get_by_role("link", name="Thursday 12 February 2004")).to_be_visible()

    # The same date again is refused beside the date.
    browser.goto(f"/committees/{board.pk}/meetings/new/")
    for box, value in enumerate(["12", "2", "2004"]):
        browser.locator(f"#id_date_{box}").fill(value)
    browser.get_by_role("radio", name="Held").check()
    browser.get_by_role("button", name="Add the meeting").click()
    expect(browser.locator(".govuk-error-summary")).to_contain_text("already has a meeting on")
    expect(browser.locator(".govuk-error-message")).to_contain_text("12 February 2004")

    sign_in(page, officer)
    page.goto(f"/committees/{board.pk}/meetings/new/")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.get_by_role("button", name="Add the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the day, month and year")
    assert_accessible(page)


def test_a_rule_is_built_and_another_typed_in_words_both_shown_in_words(
    page_without_js, page, make_user, board
):
    officer = make_user("Best value officer")
    browser = page_without_js
    sign_in(browser, officer)
    browser.goto(board.get_absolute_url())
    expect(browser.locator("main")).to_contain_text("Last Thursday of each month")
    expect(browser.locator("main")).not_to_contain_text("FREQ=")

    browser.get_by_role("link", name="Change meeting arrangements").click()
    browser.get_by_role("radio", name="Every few weeks").check()
    browser.get_by_label("If every few weeks: how many weeks apart?").fill("2")
    browser.get_by_role("radio", name="Tuesday").check()
    browser.get_by_label("Usual time (optional)").fill("6pm")
    browser.get_by_role("button", name="Save meeting arrangements").click()
    expect(browser.get_by_text("The meeting arrangements have been saved")).to_be_visible()
    meets = browser.locator(".govuk-summary-list__row", has_text="Meets")
    expect(meets).to_contain_text("Every other Tuesday at 6pm")

    browser.get_by_role("link", name="Change meeting arrangements").click()
    browser.get_by_role("radio", name="Another way, described in words").check()
    words = browser.get_by_label("If another way: when it meets, in words")
    words.fill("LASTMONDAYOFEACHMONTH")
    browser.get_by_role("button", name="Save meeting arrangements").click()
    expect(browser.locator(".govuk-error-summary")).to_contain_text(
        "“lastmondayofeachmonth” is not a word a meeting rule uses"
    )
    expect(browser.locator(".govuk-error-message")).to_contain_text(
        "“last Thursday of each month at 10am”"
    )
    words.fill("last Thursday of each month at 10am")
    browser.get_by_label("Usual time (optional)").fill("")
    browser.get_by_role("button", name="Save meeting arrangements").click()
    meets = browser.locator(".govuk-summary-list__row", has_text="Meets")
    expect(meets).to_contain_text("Last Thursday of each month at 10am")
    expect(browser.locator("main")).not_to_contain_text("FREQ=")
    browser.get_by_role("link", name="All committees").click()
    expect(browser.locator("main")).to_contain_text("Last Thursday of each month at 10am")

    sign_in(page, officer)
    page.goto(f"/committees/{board.pk}/change/")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
