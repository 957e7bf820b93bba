import re

import pytest
from playwright.sync_api import expect

from inspections.models import Inspection
from organisation import roles
from reviews.models import InspectionOffer
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    DirectorFactory,
    InspectionDocumentFactory,
    InspectionFactory,
    InspectorateFactory,
    PersonFactory,
    ReviewFactory,
)

RECOMMENDATIONS = [
    "Agree local standards for the repairs service with tenants and publish them.",
    "Complete the stock condition survey and cost the Decent Homes programme.",
    "Contact tenants early when they fall into rent arrears.",
]


@pytest.fixture
def housing_reinspection():
    return InspectionFactory(
        title="Housing re-inspection",
        programme_year=2003,
        timing="December, 2003",
        status=Inspection.Status.REPORT_AWAITED,
        kind=Inspection.Kind.REINSPECTION,
        inspectorate=InspectorateFactory(name="Housing Inspectorate"),
        lead_director=DirectorFactory(full_name="John Townsend"),
        review=ReviewFactory(title="Housing management"),
    )


@pytest.fixture
def officer(make_user):
    return make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory())


def test_best_value_officer_records_a_judgement_with_three_recommendations(
    page, officer, housing_reinspection
):
    grounds = ReviewFactory(title="Grounds Maintenance", inspection_offer=InspectionOffer.DELAYED)
    InspectionFactory(title="Grounds Maintenance", programme_year=2004, review=grounds)
    sign_in(page, officer)
    page.get_by_role("link", name="Inspections", exact=True).click()
    page.get_by_label("First year of the programme").fill("2003/04")
    page.get_by_role("button", name="Show programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inspection programme 2003/04 and 2004/05"
    )
    expect(page.locator(".bv-key")).to_contain_text("Denotes a delayed inspection")
    assert_accessible(page)

    page.get_by_role("link", name="Housing re-inspection").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record judgement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the judgement")
    assert_accessible(page)

    # Mouse for the score; keyboard for the prospects (arrow keys move within the radios)
    # and for the date, as someone tabbing through the form would.
    page.get_by_label("Fair (1 star)").click()
    page.get_by_label("Poor", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Promising")).to_be_checked()
    page.get_by_label("Day").focus()
    page.keyboard.type("20")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("2004")

    page.locator("#id_recommendations-0-text").fill(RECOMMENDATIONS[0])
    page.get_by_role("button", name="Add another recommendation").click()
    expect(page.locator("#id_recommendations-1-number")).to_have_value("2")
    expect(page.locator("#id_recommendations-0-text")).to_have_value(RECOMMENDATIONS[0])
    expect(page.get_by_label("Fair (1 star)")).to_be_checked()
    assert_accessible(page)
    page.locator("#id_recommendations-1-text").fill(RECOMMENDATIONS[1])
    page.get_by_role("button", name="Add another recommendation").focus()
    page.keyboard.press("Enter")
    page.locator("#id_recommendations-2-text").fill(RECOMMENDATIONS[2])
    page.locator("#id_recommendations-2-priority").select_option("high")
    page.get_by_role("button", name="Record judgement").focus()
    page.keyboard.press("Enter")

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The judgement has been recorded"
    )
    judgement = page.locator("#judgement + dl")
    expect(judgement).to_contain_text("Fair (1 star)")
    expect(judgement).to_contain_text("Promising")
    expect(judgement).to_contain_text("20 February 2004")
    rows = page.locator("#recommendations + table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(2)).to_contain_text(RECOMMENDATIONS[2])
    expect(rows.nth(2)).to_contain_text("High")
    expect(page.locator(".govuk-tag")).to_have_text("Complete")
    assert_accessible(page)

    page.get_by_role("link", name="History of this inspection").click()
    expect(page.locator("table")).to_contain_text("Created inspection recommendation: R3")
    assert_accessible(page)

    page.go_back()
    page.get_by_role("link", name="Housing management").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing management")
    inspections = page.locator("#inspections + table")
    expect(inspections).to_contain_text("Housing re-inspection")
    expect(inspections).to_contain_text("Fair (1 star); prospects promising")
    assert_accessible(page)


def test_judgement_form_with_a_missing_score_shows_the_error_summary(
    page, officer, housing_reinspection
):
    sign_in(page, officer)
    page.goto(f"/inspections/{housing_reinspection.pk}/judgement/")
    page.get_by_role("button", name="Record judgement").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the service score")
    expect(summary).to_contain_text("Enter the date of the report")
    assert page.title().startswith("Error:")
    assert_accessible(page)


def test_judgement_on_an_inspection_that_has_not_happened_is_refused(page, officer):
    inspection = InspectionFactory(title="SSI Adults", timing="Autumn 2099")
    sign_in(page, officer)
    page.goto(f"/inspections/{inspection.pk}/judgement/")
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "This inspection is planned for Autumn 2099, so it has not happened yet."
    )
    expect(page.get_by_role("button", name="Record judgement")).to_have_count(0)
    assert_accessible(page)


def test_member_reads_the_inspection_but_cannot_record_a_judgement(
    page, make_user, housing_reinspection
):
    sign_in(page, make_user(roles.MEMBER))
    page.goto(f"/inspections/{housing_reinspection.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing re-inspection")
    expect(page.get_by_role("link", name="Record judgement")).to_have_count(0)
    expect(page.locator("main").get_by_role("link", name=re.compile("^Change"))).to_have_count(0)
    expect(page.get_by_role("link", name="Upload a document")).to_have_count(0)
    assert_accessible(page)
    response = page.goto(f"/inspections/{housing_reinspection.pk}/judgement/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You do not have permission to see this page"
    )
    assert_accessible(page)


def test_officer_filters_the_list_and_corrects_a_mistyped_timing(
    page, officer, housing_reinspection
):
    InspectionFactory(title="SSI Adults", programme_year=2004, timing="Autumn 2004")
    sign_in(page, officer)
    page.goto("/inspections/all/")
    assert_accessible(page)
    page.get_by_label("Programme year").select_option("2003/04")
    page.get_by_label("Status").select_option("report_awaited")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text("Housing re-inspection")
    assert_accessible(page)

    page.get_by_role("link", name="Housing re-inspection").click()
    page.get_by_role("link", name="Change timing").click()
    assert_accessible(page)
    page.get_by_label("Timing", exact=True).fill("Decmber 2003")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text('"Decmber" is not a month or season')
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Timing", exact=True)).to_be_focused()
    page.get_by_label("Timing", exact=True).fill("Dec 2003 – Jan 2004")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-summary-list").first).to_contain_text(
        "December 2003 – January 2004"
    )
    assert_accessible(page)


def test_officer_adds_an_inspection_and_uploads_its_report(page, officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, officer)
    page.goto("/inspections/")
    page.get_by_role("link", name="Add an inspection").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("CPA Refresh")
    page.get_by_label("Programme year").fill("2004/05")
    page.get_by_label("Corporate assessment / CPA refresh").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CPA Refresh")
    page.get_by_role("link", name="Upload a document").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Corporate assessment report")
    page.get_by_label("File").set_input_files(
        files=[{"name": "report.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"}]
    )
    page.get_by_role("button", name="Upload document").click()
    expect(page.locator("#documents + ul")).to_contain_text("Corporate assessment report")
    assert_accessible(page)


def test_officer_records_a_judgement_without_javascript(
    page_without_js, officer, housing_reinspection
):
    page = page_without_js
    sign_in(page, officer)
    page.goto("/inspections/?year=2003/04")
    expect(page.get_by_role("link", name="Housing re-inspection")).to_be_visible()
    page.goto(f"/inspections/{housing_reinspection.pk}/judgement/")
    page.get_by_label("Good (2 stars)").check()
    page.get_by_label("Uncertain").check()
    page.get_by_label("Day").fill("5")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2004")
    page.locator("#id_recommendations-0-text").fill(RECOMMENDATIONS[0])
    page.get_by_role("button", name="Add another recommendation").click()
    page.locator("#id_recommendations-1-text").fill(RECOMMENDATIONS[1])
    page.get_by_role("button", name="Record judgement").click()
    expect(page.locator("#judgement + dl")).to_contain_text("Good (2 stars)")
    expect(page.locator("#recommendations + table tbody tr")).to_have_count(2)
    # axe cannot run with JavaScript off; these pages get it in the tests above.


def test_officer_removes_a_document_uploaded_by_mistake(
    page, officer, housing_reinspection, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    InspectionDocumentFactory(inspection=housing_reinspection, title="Housing Inspectorate report")
    InspectionDocumentFactory(inspection=housing_reinspection, title="Leisure report (wrong one)")
    sign_in(page, officer)
    page.goto(housing_reinspection.get_absolute_url())
    page.get_by_role("link", name="Remove Leisure report (wrong one)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove “Leisure report (wrong one)”")
    assert_accessible(page)
    page.get_by_role("button", name="Remove document").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "“Leisure report (wrong one)” has been removed"
    )
    expect(page.locator("#documents + ul")).to_contain_text("Housing Inspectorate report")
    expect(page.locator("#documents + ul")).not_to_contain_text("Leisure report")
    assert_accessible(page)
    page.get_by_role("link", name="History of this inspection").click()
    expect(
        page.get_by_text("Removed inspection document: Leisure report (wrong one)")
    ).to_be_visible()
    assert_accessible(page)
