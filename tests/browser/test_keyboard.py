"""The officers' weekly jobs done with the keyboard alone: Tab, arrows, Space, Enter, typing."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from committees.models import BoardRequest, MinuteItem
from core.periods import FinancialYear
from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    ActionFactory,
    CommitteeFactory,
    MeetingFactory,
    PersonFactory,
    ReviewFactory,
)


def tab_to(page, selector, presses=80):
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_status_update_by_keyboard(page, make_user):
    officer = make_user(roles.REVIEW_OFFICER, person=PersonFactory())
    review = ReviewFactory(title="Youth Service", stage="scoping", lead_officer=officer.person)
    sign_in(page, officer)
    page.goto(f"/reviews/{review.pk}/status/")
    tab_to(page, "input[name=stage]")
    page.keyboard.press("Space")  # the first choice: the next stage
    tab_to(page, "textarea[name=progress]")
    page.keyboard.type("The challenge sessions are booked for May.")
    tab_to(page, "button[type=submit], input[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Youth Service")
    expect(page.locator("main")).to_contain_text("The challenge sessions are booked for May.")
    review.refresh_from_db()
    assert review.stage == "challenge"
    assert_accessible(page)


def test_action_update_by_keyboard(page, make_user):
    officer = make_user(roles.REVIEW_OFFICER, person=PersonFactory())
    today = timezone.localdate()
    action = ActionFactory(
        lead_officer=officer.person,
        milestone_date=today - timedelta(days=2),
        start_date=today - timedelta(days=40),
    )
    sign_in(page, officer)
    page.goto(f"/plans/actions/{action.pk}/progress/")
    tab_to(page, "input[name=status]")
    for _ in range(5):  # arrow through the statuses to "Complete"
        if page.evaluate("() => document.activeElement.value") == "complete":
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "textarea[name=note]")
    page.keyboard.type("Placements contract signed.")
    tab_to(page, "input[name=hours]")
    page.keyboard.type("3.5")
    tab_to(page, "button[type=submit], input[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    action.refresh_from_db()
    assert action.status == "complete"
    assert action.updates.get().note == "Placements contract signed."
    assert_accessible(page)


def test_writing_the_minutes_by_keyboard(page, make_user):
    officer = make_user(roles.BEST_VALUE_OFFICER)
    board = CommitteeFactory(
        name="CDMT Improvement and Procurement Board",
        kind="board",
        meeting_rule="FREQ=MONTHLY;BYDAY=-1TH",
        rule_from=timezone.localdate() - timedelta(days=400),
    )
    today = timezone.localdate()
    last = max(d for d in board.rule_dates(after=today - timedelta(days=70), count=3) if d < today)
    meeting = MeetingFactory(committee=board, date=last)
    year = FinancialYear.containing(last).start_year
    review = ReviewFactory(title="Sports and Leisure", programme_year=year)
    ReviewFactory(title="Social Care Transport", programme_year=year)
    wes = PersonFactory(full_name="Wes Cuell")
    sign_in(page, officer)
    page.goto(meeting.get_absolute_url())

    tab_to(page, "a[href$='/minutes/']")  # "Write the minutes", a link styled as a button
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write the minutes")
    tab_to(page, "input[name=items-0-number]", presses=120)
    page.keyboard.type("4")  # Tab selects the number offered, so typing replaces it
    tab_to(page, "input[name=items-0-heading]")
    page.keyboard.type("Sports and Leisure")
    tab_to(page, "select[name=items-0-review]")
    page.keyboard.type("Sports")  # a closed select jumps to the option typed
    tab_to(page, "textarea[name=items-0-text]")
    page.keyboard.type("The Board asked for greater clarity on the options.")
    tab_to(page, "textarea[name=requests-0-asked_for]")
    page.keyboard.type("A report on the leisure centres")
    tab_to(page, "select[name=requests-0-asked_of]")
    page.keyboard.type("Wes")
    tab_to(page, "button[name=save]:not([hidden])", presses=120)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Meeting of {last:%-d %B %Y}")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The minutes have been saved"
    )
    main = page.locator("main")
    expect(main).to_contain_text("Sports and Leisure")
    expect(main).to_contain_text("The Board asked for greater clarity on the options.")
    expect(main).to_contain_text("A report on the leisure centres")
    item = MinuteItem.objects.get(meeting=meeting)
    assert (item.number, item.heading, item.review) == (4, "Sports and Leisure", review)
    request = BoardRequest.objects.get(raised_at=meeting)
    assert (request.asked_for, request.asked_of) == ("A report on the leisure centres", wes)
    assert_accessible(page)
