"""A member lands on the dashboard and follows its figures to the actions and reviews behind
them; each demo login finds the demo council's work on its first sign-in."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import FinancialYear
from organisation import roles
from overview import demo_logins
from reviews.models import Review, Stage
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


# A review's, an action's or a meeting's own page.
RECORD_LINK = re.compile(r"/(reviews|plans/actions|committees/meetings)/\d+/$")


@pytest.mark.parametrize("username", [login[0] for login in demo_logins.LOGINS])
def test_each_demo_login_finds_the_councils_work_on_the_dashboard_and_the_programme(page, username):
    call_command("load_demo", verbosity=0)
    sign_in(page, User.objects.get(username=username), password=demo_logins.DEMO_PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    hrefs = page.locator("main a").evaluate_all("links => links.map(link => link.pathname)")
    assert any(RECORD_LINK.search(href) for href in hrefs), hrefs
    # The board's next meeting is to come, whenever the demo is loaded.
    next_meetings = page.locator("main h2:text('Next meetings') + ul")
    expect(next_meetings.get_by_role("link").first).to_contain_text("CDMT")
    if username == "reviewofficer":
        owed = page.get_by_role("list", name="Progress updates you owe")
        expect(owed).to_contain_text("Engineering & Transportation")
        asked = page.get_by_role("list", name="Board requests asked of you")
        expect(asked).to_contain_text("invest-to-save proposal")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name="Programme", exact=True).click()
    programme = page.locator("main table")
    expect(programme.locator("caption")).to_contain_text("in 2003/04")
    for review in Review.objects.filter(programme_year=2003)[:3]:
        expect(programme).to_contain_text(review.title)
