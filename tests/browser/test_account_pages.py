from django.core.management import call_command

from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in


def test_officer_gets_calendar_addresses_and_can_turn_them_off(page, make_user):
    sign_in(page, make_user(roles.BEST_VALUE_OFFICER))
    page.get_by_role("link", name="Calendar feeds").click()
    assert_accessible(page)
    page.get_by_role("button", name="Get calendar addresses").click()
    assert page.get_by_text("/inspections.ics").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Turn off calendar feeds").click()
    assert page.get_by_role("button", name="Get calendar addresses").is_visible()


def test_member_searches_from_the_navigation(page, make_user):
    sign_in(page, make_user(roles.MEMBER))
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Search").click()
    page.get_by_label("Search reviews, inspections").fill("zebra")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("Nothing matches “zebra”").is_visible()
    assert page.title().startswith("Search results for “zebra”")
    assert_accessible(page)


def test_member_finds_the_review_deferred_for_recruitment_and_an_officers_work(page, make_user):
    call_command("load_demo")
    sign_in(page, make_user(roles.MEMBER))
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Search").click()
    page.get_by_label("Search reviews, inspections").fill("recruitment")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("results for ‘recruitment’").is_visible()
    reviews = page.locator("h2", has_text="Reviews").locator("xpath=following-sibling::ul[1]")
    assert reviews.locator("mark").first.inner_text().lower() == "recruitment"
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_label("Search reviews, inspections").fill("Wes Cuell")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="Improvement plan actions").is_visible()
    reviews.get_by_role("link", name="Engineering & Transportation").click()
    assert page.get_by_role("heading", name="Engineering & Transportation").is_visible()
