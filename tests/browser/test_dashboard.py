"""A member lands on the dashboard and follows the red-actions figure to the actions behind it."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import ActionFactory


def test_member_follows_the_red_actions_figure_to_the_filtered_list(page, make_user):
    today = timezone.localdate()
    ActionFactory(
        description="Block purchase of foster care placements",
        milestone_date=today - timedelta(days=3),
        start_date=today - timedelta(days=60),
    )
    ActionFactory(description="Luton Futures in-borough provision")  # green
    sign_in(page, make_user(roles.MEMBER))

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.get_by_role("img", name="Improvement plan actions by RAG status")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="1 Red: overdue").click()

    expect(page).to_have_url(re.compile(r"rag=red"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Overdue and due-soon actions")
    expect(page.locator("main")).to_contain_text("Block purchase of foster care placements")
    expect(page.locator("main")).not_to_contain_text("Luton Futures")
    expect(page.get_by_label("RAG status")).to_have_value("red")
    assert_accessible(page)
