"""The officers' weekly jobs done with the keyboard alone: Tab, arrows, Space, Enter, typing."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from bestvalue.organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import ActionFactory, PersonFactory, ReviewFactory


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
