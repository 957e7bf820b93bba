import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from improvement_plans.models import Action
from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    ActionFactory,
    ExternalCommissionFactory,
    ImprovementPlanFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    KeyIssueFactory,
    PersonFactory,
    ReviewFactory,
    TimeLogFactory,
)

TODAY = timezone.localdate()


@pytest.fixture
def officer(make_user):
    return make_user(
        roles.REVIEW_OFFICER,
        person=PersonFactory(full_name="Wes Cuell"),
        first_name="Wes",
        last_name="Cuell",
    )


@pytest.fixture
def plan(officer):
    review = ReviewFactory(
        title="Children's Services for 11-17 year olds", lead_officer=officer.person
    )
    plan = ImprovementPlanFactory(
        review=review,
        title="Children's Services for 11-17 year olds improvement plan",
        approved_on=TODAY - timedelta(days=150),
    )
    placements = KeyIssueFactory(plan=plan, number=1, title="Placements for children in care")
    overdue = ActionFactory(
        key_issue=placements,
        number=1,
        description="Block purchase of foster care placements.",
        lead_officer=officer.person,
        lead_group="",
        start_date=TODAY - timedelta(days=150),
        milestone_date=TODAY - timedelta(days=7),
    )
    TimeLogFactory(action=overdue, person=officer.person, hours=Decimal(2))
    ActionFactory(
        key_issue=KeyIssueFactory(plan=plan, number=3, title="In-borough provision"),
        number=1,
        description="Luton Futures: in-borough provision for children in care.",
        lead_group="CMT",
    )
    ExternalCommissionFactory(plan=plan, title="External support").key_issues.set([placements])
    return plan


def go_to_my_actions(page, user):
    sign_in(page, user)
    page.get_by_role("link", name="Improvement plans").first.click()
    expect(page.get_by_role("heading", name="Improvement plans")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="My actions").click()
    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    assert_accessible(page)


def fill_date(page, legend, when):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(when.day))
    group.get_by_label("Month").fill(str(when.month))
    group.get_by_label("Year").fill(str(when.year))


def record_update(page, status, note, hours=""):
    page.get_by_role("radio", name=status).check()
    page.get_by_label("Progress note").fill(note)
    page.get_by_label("Hours spent (optional)").fill(hours)
    page.get_by_role("button", name="Save update").click()


def test_an_officer_records_progress_and_time_and_completes_an_overdue_action(page, officer, plan):
    go_to_my_actions(page, officer)
    row = page.locator("tr", has_text="Block purchase of foster care placements")
    assert row.locator(".govuk-tag--red").inner_text() == "Red"

    row.get_by_role("link", name="Update action 1.1").click()
    expect(page.get_by_role("heading", name="Update action")).to_be_visible()
    assert_accessible(page)
    record_update(page, "In progress", "Providers have agreed terms.", hours="3.5")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Update recorded for action 1.1"
    )
    expect(page.locator("#action-hours")).to_have_text("5.5")
    expect(page.get_by_text("Providers have agreed terms.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Update action").click()
    record_update(page, "Complete", "All placements bought.")
    expect(page.locator(".govuk-summary-list")).to_contain_text(f"Complete on {TODAY:%-d %B %Y}")
    assert_accessible(page)

    page.get_by_role("link", name=plan.title).click()
    tag = page.locator("tr", has_text="Block purchase of foster care placements").locator(
        ".govuk-tag"
    )
    expect(tag).to_have_text("Complete")
    expect(tag).to_have_class(re.compile("govuk-tag--green"))
    expect(page.locator("#plan-hours")).to_have_text("5.5 hours")
    assert_accessible(page)

    page.get_by_role("link", name="Totals of staff time by key issue, action and person").click()
    expect(page.locator("#total-hours")).to_have_text("5.5 hours")
    assert_accessible(page)
    action = Action.objects.get(description__startswith="Block purchase")
    assert (action.status, action.completed_on) == (Action.Status.COMPLETE, TODAY)


def test_bad_hours_are_shown_in_the_error_summary_and_beside_the_field(page, officer, plan):
    go_to_my_actions(page, officer)
    page.get_by_role("link", name="Update action 1.1").click()
    record_update(page, "In progress", "Worked late.", hours="25")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Hours spent must be 24 or fewer")
    expect(page.locator("#id_hours_1_error")).to_contain_text("Hours spent must be 24 or fewer")
    expect(page).to_have_title(re.compile("^Error:"))
    assert page.get_by_label("Progress note").input_value() == "Worked late."
    assert_accessible(page)


def test_the_plan_page_filters_by_rag_without_javascript(page_without_js, officer, plan):
    page = page_without_js
    sign_in(page, officer)
    page.goto(plan.get_absolute_url())
    page.get_by_text("Filter and sort actions").click()
    page.get_by_label("RAG status").select_option(label="Red")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile("rag=red"))
    expect(page.get_by_text("1 action matches the filters.")).to_be_visible()
    expect(page.get_by_text("Block purchase of foster care placements")).to_be_visible()
    expect(page.get_by_text("Luton Futures")).not_to_be_visible()


def test_an_action_is_added_and_a_milestone_before_its_start_is_refused(page, officer, plan):
    sign_in(page, officer)
    page.goto(plan.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Add an action to Key Issue 3").click()
    expect(page.get_by_role("heading", name="Add an action")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Description").fill("Recruit in-borough foster carers.")
    page.get_by_label("Lead group").fill("EMG")
    fill_date(page, "Start date", TODAY)
    fill_date(page, "Milestone date", TODAY - timedelta(days=1))
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "must be the same as or after the start date"
    )
    assert_accessible(page)
    fill_date(page, "Milestone date", TODAY + timedelta(days=60))
    page.get_by_role("button", name="Save action").click()
    expect(page.get_by_role("heading", name="Action 3.2")).to_be_visible()
    assert_accessible(page)


def test_actions_are_created_from_an_inspections_recommendations(page, officer, plan):
    inspection = InspectionFactory(review=plan.review, title="Fostering inspection")
    InspectionRecommendationFactory(inspection=inspection, text="Improve placement choice.")
    sign_in(page, officer)
    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name="Create actions from an inspection’s recommendations").click()
    expect(page.get_by_text("Improve placement choice.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Inspection").select_option(label="Fostering inspection")
    page.get_by_label("Lead group").fill("CMT")
    fill_date(page, "Milestone date", TODAY + timedelta(days=90))
    page.get_by_role("button", name="Create actions").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "1 action created from the recommendations of “Fostering inspection”"
    )
    expect(page.get_by_text("Improve placement choice.")).to_be_visible()
    assert_accessible(page)


def test_lists_and_records_across_plans_are_accessible(page, make_user, officer, plan):
    sign_in(page, make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory()))
    pages = [
        ("/plans/", "Improvement plans"),
        ("/plans/overdue/", "Overdue and due-soon actions"),
        ("/plans/staff-time/", "Staff time"),
        ("/plans/commissions/", "External commissions"),
        (f"/plans/{plan.pk}/history/", "History"),
        ("/plans/new/", "Create an improvement plan"),
        (f"/plans/{plan.pk}/edit/", "Change the plan"),
        (f"/plans/{plan.pk}/key-issues/new/", "Add a key issue"),
        (f"/plans/{plan.pk}/commissions/new/", "Add an external commission"),
        (f"/plans/key-issues/{plan.key_issues.first().pk}/edit/", "Change the key issue"),
        (
            f"/plans/commissions/{plan.external_commissions.get().pk}/edit/",
            "Change the external commission",
        ),
        (f"/plans/{plan.pk}/?rag=red&sort=urgency", plan.title),
        (f"/plans/staff-time/?plan={plan.pk}", "Staff time"),
    ]
    for path, heading in pages:
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        assert_accessible(page)
    action = Action.objects.first()
    for path, heading in [
        (action.get_absolute_url(), f"Action {action.reference}"),
        (f"/plans/actions/{action.pk}/edit/", "Change the action"),
        (f"/plans/actions/{action.pk}/history/", "History"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        assert_accessible(page)


def test_a_member_reads_a_plan_but_is_offered_no_changes(page, make_user, plan):
    sign_in(page, make_user(roles.MEMBER))
    page.goto(plan.get_absolute_url())
    expect(page.get_by_role("heading", name=plan.title)).to_be_visible()
    expect(page.get_by_role("link", name="Change the plan")).to_have_count(0)
    expect(page.get_by_role("link", name="Update action 1.1")).to_have_count(0)
    assert_accessible(page)


def fits_320(page):
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})


def test_an_officer_logs_a_colleagues_time_without_javascript(page_without_js, officer, plan):
    page = page_without_js
    plan.review.team.add(PersonFactory(full_name="Karen Walker"))
    action = Action.objects.get(description__startswith="Block purchase")
    sign_in(page, officer)
    page.goto(action.get_absolute_url())
    page.get_by_role("link", name="Log staff time").click()
    expect(page.get_by_role("heading", name="Log staff time")).to_be_visible()

    fill_date(page, "Date", TODAY + timedelta(days=1))
    page.get_by_label("Whose time").select_option(label="Karen Walker")
    page.get_by_label("Hours spent").fill("-2")
    page.get_by_role("button", name="Log time").click()
    expect(page).to_have_title(re.compile("^Error:"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The date must be today or in the past")
    expect(summary).to_contain_text("Hours spent must be more than 0")
    expect(page.locator("#id_hours_1_error")).to_contain_text("Hours spent must be more than 0")
    expect(page.get_by_label("Whose time")).to_have_value(str(plan.review.team.get().pk))

    yesterday = TODAY - timedelta(days=1)
    fill_date(page, "Date", yesterday)
    page.get_by_label("Hours spent").fill("1.5")
    page.get_by_label("Note (optional)").fill("Met the foster care providers")
    page.get_by_role("button", name="Log time").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"1.5 hours on {yesterday:%-d %B %Y} logged for Karen Walker"
    )
    row = page.locator("#time-logged + table tbody tr", has_text="Karen Walker")
    expect(row).to_contain_text("Met the foster care providers")
    expect(page.locator("#action-hours")).to_have_text("3.5")


def test_the_log_staff_time_page_passes_axe_with_and_without_errors(page, officer, plan):
    action = Action.objects.get(description__startswith="Block purchase")
    sign_in(page, officer)
    page.goto(action.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Log staff time").click()
    expect(page.get_by_role("heading", name="Log staff time")).to_be_visible()
    assert_accessible(page)
    fits_320(page)
    page.get_by_label("Hours spent").fill("")
    page.get_by_label("Whose time").select_option(label="Choose a person")
    page.get_by_role("button", name="Log time").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the hours spent")
    assert_accessible(page)
    fits_320(page)
