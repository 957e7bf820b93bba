"""The review pages in Chromium: the officers' journeys, a member's view, no-JS, and a conflict."""

import re

import pytest
from playwright.sync_api import expect

from organisation import roles
from reviews.models import Review, Stage
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import DirectorFactory, PersonFactory, ReviewDocumentFactory, ReviewFactory
from tests.reviews import sample_files


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def wes(make_user):
    """The review officer who leads Engineering & Transportation."""
    return make_user(
        roles.REVIEW_OFFICER,
        person=PersonFactory(full_name="Wes Cuell"),
        first_name="Wes",
        last_name="Cuell",
    )


@pytest.fixture
def engineering(wes):
    ReviewFactory(title="Construction Design", programme_year=2003)
    return ReviewFactory(
        title="Engineering & Transportation",
        programme_year=2003,
        stage=Stage.CHALLENGE,
        lead_officer=wes.person,
        responsible_director=DirectorFactory(full_name="Bruce Jassi"),
    )


def test_review_officer_defers_engineering_and_transportation(page, wes, engineering):
    sign_in(page, wes)
    page.get_by_role("link", name="Programme", exact=True).click()
    assert_accessible(page)
    page.get_by_label("Financial year").select_option("2003/04")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="Review programme 2003/04")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Engineering & Transportation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Engineering & Transportation")
    assert_accessible(page)
    page.get_by_role("button", name="Update status").click()
    expect(page.get_by_role("heading", name="Update status")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("radio", name="Deferred").check()
    page.get_by_label("Reason for the change").fill("Recruitment difficulties")
    page.get_by_label("New target").fill("July 2004")
    page.get_by_label("Agreed by (optional)").fill("CDMT Board")
    page.get_by_label("Progress update (optional)").fill(
        "Completion of the review has been deferred for six months (until July 2004)."
    )
    page.get_by_role("button", name="Update status").click()

    expect(page.get_by_text("The review’s status has been updated")).to_be_visible()
    expect(page.locator(".govuk-tag--orange").first).to_have_text("Deferred")
    planned = page.locator(".govuk-summary-list__row", has_text="Planned period")
    expect(planned).to_contain_text("July 2004")
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "Deferred until July 2004: Recruitment difficulties (agreed by CDMT Board)"
    )
    assert_accessible(page)

    page.get_by_role("link", name="View the history of this review").click()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    deferral = page.locator("tr", has_text="Created deferral")
    expect(deferral).to_contain_text("Wes Cuell")
    stage = page.locator("tr", has_text="Changed review")
    expect(stage.first).to_contain_text("Challenge (4 Cs) → Deferred")
    assert_accessible(page)


def test_a_member_sees_the_review_without_edit_controls(page, make_user, engineering):
    sign_in(page, make_user(roles.MEMBER))
    page.goto(engineering.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Engineering & Transportation")
    expect(page.get_by_role("button", name="Update status")).to_have_count(0)
    controls = page.locator("main").get_by_role(
        "link", name=re.compile("^(Change|Add|Upload|Update)")
    )
    expect(controls).to_have_count(0)
    assert_accessible(page)
    response = page.goto(f"/reviews/{engineering.pk}/status/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You do not have permission to see this page"
    )


def test_the_status_form_works_without_javascript(page_without_js, wes, engineering):
    page = page_without_js
    sign_in(page, wes)
    page.goto(f"/reviews/{engineering.pk}/status/")
    page.get_by_role("button", name="Update status").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the stage the review has reached")
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#id_stage_1")

    page.get_by_role("radio", name="Vision report").check()
    page.get_by_label("Progress update (optional)").fill("Challenge session held.")
    page.get_by_role("button", name="Update status").click()
    expect(page.locator(".govuk-tag--turquoise").first).to_have_text("Vision report")
    expect(page.get_by_text("Challenge session held.")).to_be_visible()


def test_two_people_edit_the_same_review_and_the_second_save_is_refused(
    page, chromium, live_server, wes, engineering, make_user
):
    judith = make_user(roles.BEST_VALUE_OFFICER, first_name="Judith", last_name="Ingham")
    other_context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    other = other_context.new_page()
    try:
        sign_in(page, wes)
        sign_in(other, judith)
        for browser_page in (page, other):
            browser_page.goto(f"/reviews/{engineering.pk}/edit/")
        assert_accessible(page)

        other.get_by_label("Scope").fill("Highways, traffic management and street lighting")
        other.get_by_role("button", name="Save").click()
        expect(other.get_by_text("Your changes have been saved")).to_be_visible()

        page.get_by_label("Scope").fill("Highways only")
        page.get_by_role("button", name="Save").click()
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_contain_text("Judith Ingham changed this record on")
        expect(summary).to_contain_text("Your changes have not been saved")
        expect(page.get_by_label("Scope")).to_have_value("Highways only")
        assert_accessible(page)
    finally:
        other_context.close()
    engineering.refresh_from_db()
    assert engineering.scope == "Highways, traffic management and street lighting"


def test_an_officer_adds_a_review_and_each_of_its_parts(page, make_user):
    DirectorFactory(full_name="Anne Williams")
    officer = make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory())
    sign_in(page, officer)
    page.goto("/reviews/?year=2003%2F04")
    page.get_by_role("button", name="Add a review").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Services to Children (0-9)")
    page.get_by_label("Programme year").fill("2003/04")
    page.get_by_label("Responsible director").select_option(label="Anne Williams")
    page.get_by_label("Planned period").fill("Autumn-ish 2004")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text('"ish" is not a month or season')
    assert_accessible(page)
    page.get_by_label("Planned period").fill("April 2003 – March 2004")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Services to Children (0-9)")

    page.get_by_role("link", name="Add a progress update").click()
    assert_accessible(page)
    page.get_by_label("Progress").fill("Vision Report completed.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Vision Report completed.")).to_be_visible()

    page.get_by_role("link", name="Add a recommendation").click()
    assert_accessible(page)
    page.get_by_label("Recommendation").fill("a Borough wide service directory")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile(r"\(a\) a Borough wide"))).to_be_visible()

    page.get_by_role("link", name="Add an outcome").click()
    assert_accessible(page)
    page.get_by_label("Theme").fill("1.5. Performance Management")
    page.get_by_label("Outcome").fill("Local Performance Indicators collated")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="1.5. Performance Management")).to_be_visible()

    page.get_by_role("link", name="Add evidence for Consult").click()
    assert_accessible(page)
    page.get_by_label("Evidence").fill("Consultation with the Children's Strategic Partnership")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Consultation with the Children's Strategic Partnership")
    ).to_be_visible()

    page.get_by_role("link", name="Upload a document").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Vision Report")
    page.get_by_label("File").set_input_files(
        {"name": "vision.pdf", "mimeType": "application/pdf", "buffer": sample_files.EXE}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("is not a real PDF")
    assert_accessible(page)
    page.get_by_label("File").set_input_files(
        {"name": "vision.pdf", "mimeType": "application/pdf", "buffer": sample_files.PDF}
    )
    page.get_by_role("button", name="Upload").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Vision Report", exact=True).click()
    assert download.value.suggested_filename == "vision.pdf"
    assert_accessible(page)
    assert Review.objects.get(title="Services to Children (0-9)").documents.count() == 1


def upload_vision_report(review, title):
    return ReviewDocumentFactory(
        review=review, title=title, file__filename="vision.pdf", file__data=sample_files.PDF
    )


def test_a_document_uploaded_by_mistake_is_removed_without_javascript(
    page_without_js, wes, engineering
):
    page = page_without_js
    upload_vision_report(engineering, "Vision report")
    upload_vision_report(engineering, "Housing vision report (wrong review)")
    sign_in(page, wes)
    page.goto(engineering.get_absolute_url())
    page.get_by_role("link", name="Remove Housing vision report (wrong review)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Remove “Housing vision report (wrong review)”"
    )
    page.get_by_role("link", name="Cancel").click()
    expect(
        page.get_by_role("link", name="Housing vision report (wrong review)", exact=True)
    ).to_be_visible()

    page.get_by_role("link", name="Remove Housing vision report (wrong review)").click()
    page.get_by_role("button", name="Remove document").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "“Housing vision report (wrong review)” has been removed"
    )
    documents = page.locator("#documents + table")
    expect(documents).to_contain_text("Vision report")
    expect(documents).not_to_contain_text("wrong review")

    page.get_by_role("link", name="View the history of this review").click()
    expect(page.get_by_text("Removed review document: Housing vision report")).to_be_visible()


def test_the_remove_document_page_passes_axe_and_fits_320_px(page, wes, engineering):
    document = upload_vision_report(engineering, "Housing vision report (wrong review)")
    sign_in(page, wes)
    page.goto(engineering.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name=f"Remove {document.title}").click()
    expect(page.get_by_role("button", name="Remove document")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_review_already_approved_is_recorded_in_one_visit_with_its_dates(
    page_without_js, page, wes
):
    """A council starting part-way: the review went through Cabinet before the tracker."""
    review = ReviewFactory(
        title="Children's Services for 11-17 year olds",
        programme_year=2003,
        stage=Stage.PROPOSED,
        lead_officer=wes.person,
    )
    browser = page_without_js
    sign_in(browser, wes)
    browser.goto(review.get_absolute_url())
    browser.get_by_role("button", name="Update status").click()
    expect(browser.get_by_role("heading", name="Update status")).to_be_visible()

    browser.get_by_role("radio", name="Approved", exact=True).check()
    fill_date(browser, "changed_on", "25 3 2004")
    fill_date(browser, "passed_on_scoping", "1 5 2003")
    fill_date(browser, "passed_on_vision", "27 11 2003")
    browser.get_by_label("Reason for the change").fill("Approved by Cabinet")
    browser.get_by_role("button", name="Update status").click()

    expect(browser.get_by_text("The review’s status has been updated")).to_be_visible()
    expect(browser.locator(".govuk-tag").first).to_have_text("Approved")
    browser.get_by_text("Changes of stage").click()  # <details>: no JavaScript needed
    changes = browser.locator("details li")
    expect(changes).to_have_text(
        [
            re.compile(r"^25 March 2004: Options analysis & improvement plan → Approved, by Wes"),
            re.compile(r"^25 March 2004: Vision report → Options analysis"),
            re.compile(r"^27 November 2003: Challenge \(4 Cs\) → Vision report"),
            re.compile(r"^27 November 2003: Scoping → Challenge"),
            re.compile(r"^1 May 2003: Proposed → Scoping"),
        ]
    )
    browser.get_by_role("link", name="View the history of this review").click()
    history = browser.locator("tr", has_text="Created stage change")
    expect(history).to_have_count(5)
    expect(history.first).to_contain_text("Options analysis & improvement plan → Approved")
    expect(history.filter(has_text="Proposed → Scoping, 1 May 2003")).to_have_count(1)

    # The pages as anyone sees them, with JavaScript: accessible, and no sideways scroll.
    sign_in(page, wes)
    for url in (f"/reviews/{review.pk}/", f"/reviews/{review.pk}/history/"):
        page.goto(url)
        assert_accessible(page)
    review.refresh_from_db()
    assert review.stage == Stage.APPROVED


def test_a_date_out_of_order_is_explained_beside_it(page, wes):
    review = ReviewFactory(programme_year=2003, stage=Stage.SCOPING, lead_officer=wes.person)
    sign_in(page, wes)
    page.goto(f"/reviews/{review.pk}/status/")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.get_by_role("radio", name="Vision report").check()
    fill_date(page, "changed_on", "1 10 2003")
    fill_date(page, "passed_on_challenge", "1 11 2003")
    page.get_by_role("button", name="Update status").click()
    message = "Enter a date on or after 1 November 2003, when the review reached “Challenge (4 Cs)”"
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    beside = page.locator(".govuk-form-group--error", has=page.locator("#id_changed_on_0"))
    expect(beside.locator(".govuk-error-message")).to_contain_text(message)
    assert_accessible(page)
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING


def fill_date(page, name, day_month_year):
    for box, value in enumerate(day_month_year.split()):
        page.locator(f"#id_{name}_{box}").fill(value)
