"""A best value officer writes a committee report from the records and issues it."""

from datetime import date

import pytest
from playwright.sync_api import expect

from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    CommitteeFactory,
    CommitteeReportFactory,
    CommitteeStyleFactory,
    MeetingFactory,
    PersonFactory,
    ProgressUpdateFactory,
    ReviewFactory,
)


@pytest.fixture
def panel_meeting():
    panel = CommitteeFactory(name="Children's Services Scrutiny Panel")
    CommitteeStyleFactory(committee=panel)
    return MeetingFactory(committee=panel, date=date(2004, 7, 1))


def test_officer_creates_previews_and_issues_a_review_progress_report(
    page, make_user, panel_meeting
):
    officer = make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory(full_name="Wes Cuell"))
    review = ReviewFactory(title="Services to Children (0-9)", scope="A cross departmental review.")
    ProgressUpdateFactory(review=review, text="The Vision Report was accepted.")
    sign_in(page, officer)

    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name="Create a report").click()
    assert_accessible(page)
    page.get_by_label("Review progress report").check()
    page.get_by_label("Which committee is it for?").select_option(
        label=str(panel_meeting.committee)
    )
    page.get_by_label("Review (outcomes or progress report)").select_option(label=str(review))
    page.get_by_label("Report by").fill("Head of Policy and Performance")
    page.get_by_role("button", name="Create the draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the report")
    narrative = page.get_by_label("Narrative")
    expect(narrative).to_contain_text("The Vision Report was accepted.")
    assert_accessible(page)
    page.get_by_label("Meeting", exact=True).select_option(label=str(panel_meeting))
    page.get_by_label("Item number").fill("7")
    page.get_by_label("Contact officer").select_option(label="Wes Cuell")
    page.get_by_role("checkbox", name="Financial").check()
    narrative.fill(narrative.input_value() + "\n\nThe work is now part of Every Child Matters.")
    page.get_by_role("button", name="Save the draft").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("The draft has been saved")
    assert_accessible(page)
    page.get_by_role("link", name="Preview the report").click()
    expect(page.locator("body")).to_contain_text("CHILDREN'S SERVICES SCRUTINY PANEL")
    expect(page.locator("body")).to_contain_text("Every Child Matters")
    assert_accessible(page)
    page.go_back()

    page.get_by_role("button", name="Issue the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been issued")
    expect(page.locator(".govuk-tag").first).to_have_text("Issued")
    expect(page.get_by_role("link", name="Edit the report")).to_have_count(0)
    assert_accessible(page)

    page.goto(panel_meeting.get_absolute_url())
    expect(page.locator("table").first).to_contain_text("Progress report")
    assert_accessible(page)


def test_the_report_pages_work_without_javascript(page_without_js, make_user, panel_meeting):
    report = CommitteeReportFactory(committee=panel_meeting.committee, meeting=panel_meeting)
    sign_in(page_without_js, make_user(roles.BEST_VALUE_OFFICER))
    page_without_js.goto(report.get_absolute_url())
    page_without_js.get_by_role("button", name="Issue the report").click()
    expect(page_without_js.locator(".govuk-notification-banner")).to_contain_text("has been issued")
