"""A member lands on the dashboard and follows its figures to the actions and reviews behind
them."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from core.periods import FinancialYear
from organisation import roles
from reviews.models import Stage
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import ActionFactory, DeferralFactory, ReviewFactory


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


def test_member_follows_the_late_reviews_figure_to_the_late_review(page, make_user):
    today = timezone.localdate()
    year = FinancialYear.containing(today)
    late = ReviewFactory(
        title="Engineering & Transportation",
        programme_year=year.start_year,
        stage=Stage.CHALLENGE,
        planned_start=year.start,
        planned_end=today - timedelta(days=1),
        planned_precision="day",
    )
    DeferralFactory(review=late, reason="Recruitment difficulties")
    ReviewFactory(title="Construction Design", programme_year=year.start_year, stage="completed")
    sign_in(page, make_user(roles.MEMBER))

    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^1 Late reviews")).click()

    expect(page).to_have_url(re.compile(r"late=on"))
    expect(page.get_by_label("Late only")).to_be_checked()
    expect(page.locator("main table")).to_contain_text("Late")
    expect(page.locator("main table")).to_contain_text("Deferred 1 time; latest: Recruitment")
    expect(page.locator("main")).not_to_contain_text("Construction Design")
    assert_accessible(page)

    page.get_by_role("link", name="Engineering & Transportation").click()
    warning = page.locator(".govuk-warning-text")
    expect(warning).to_contain_text("This review is late")
    expect(warning).to_contain_text("Recruitment difficulties")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    # The warning fits at 320 px (the deferrals table below it is wider, as it was before).
    box = warning.bounding_box()
    assert box["x"] + box["width"] <= 320
