"""A council that is not in the seeds sets up its own house style through the pages, no code,
previews it, and issues a report in it."""

import io
import re
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from committees.models import Committee
from organisation import roles
from reports import presets
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    PersonFactory,
    ReviewFactory,
    preset_style,
)

BESIDE = "Label beside the value"
ONE_LINE = "Label and value on one line"
BOLD = "Label and value on one line, in bold"
# (what the row shows, the council's label, how it is set out)
HEADER = [
    ("Report reference (BVC 40/05)", "Paper:", ONE_LINE),
    ("Committee", "Report to:", BESIDE),
    ("Date of the meeting", "Meeting date:", BESIDE),
    ("Subject (the report’s title)", "Title:", BESIDE),
    ("Report by", "Report of:", BESIDE),
    ("For decision or for noting", "Purpose:", BOLD),
    ("Wards affected", "Wards:", BESIDE),
]


@pytest.fixture
def executive():
    committee = CommitteeFactory(name="Executive", kind=Committee.Kind.CABINET)
    return MeetingFactory(committee=committee, date=date(2005, 9, 12))


def fits_320_pixels(page):
    page.set_viewport_size({"width": 320, "height": 800})
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 800})
    return fits


def test_a_new_council_sets_up_its_style_previews_it_and_issues_a_report_in_it(
    page, make_user, executive
):
    officer = make_user(
        roles.BEST_VALUE_OFFICER,
        person=PersonFactory(full_name="Ann Jones", phone_extension="4471"),
    )
    review = ReviewFactory(title="Procurement", scope="How the council buys goods and services.")
    sign_in(page, officer)

    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name="House styles").click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a house style").click()
    assert_accessible(page)
    for index, (shows, label, layout) in enumerate(HEADER):
        if index:
            page.get_by_role("button", name="Add another row").click()
        row = page.locator(f"#header-{index}")
        row.get_by_label("What the row shows").select_option(label=shows)
        row.get_by_label("Label", exact=True).fill(label)
        row.get_by_label("Set out").select_option(label=layout)
    page.get_by_label("Name").fill("Executive report")
    page.get_by_label("2 May 2006").check()
    page.get_by_label("1, 2, 3 through the report; headings not numbered").check()
    page.get_by_label("Heading of the purpose").fill("Summary")
    page.get_by_label("Heading of the recommendations").fill("Recommendations")
    page.get_by_label("Heading of the background papers").fill("Background papers")
    page.get_by_label("Wards line when no ward is affected").fill("N/A")
    page.get_by_label("Marker of a report for decision").fill("For Decision")
    page.get_by_role("checkbox", name="Executive", exact=True).check()

    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview of a sample report")
    for words in ("Paper: Sample reference", "Report to:", "Purpose: For Decision", "N/A"):
        expect(preview).to_contain_text(words)
    expect(preview).not_to_contain_text("IMPLICATIONS")
    assert_accessible(page)
    assert fits_320_pixels(page)
    page.get_by_role("button", name="Save the house style").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been added")
    expect(page.get_by_role("heading", level=1)).to_have_text("Executive report")
    expect(page.get_by_role("region", name="Preview of a sample report")).to_contain_text(
        "Meeting date:"
    )
    assert_accessible(page)
    assert fits_320_pixels(page)

    # A report to the executive, in its usual style: no code anywhere.
    page.goto("/committees/reports/new/")
    page.get_by_label("Review progress report").check()
    page.get_by_label("Which committee is it for?").select_option(label="Executive")
    page.get_by_label("Review (outcomes or progress report)").select_option(label=str(review))
    page.get_by_label("Report by").fill("Director of Finance")
    page.get_by_role("button", name="Create the draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the report")
    expect(page.get_by_label("Implications")).to_have_count(0)  # the style has no grid
    page.get_by_label("Meeting", exact=True).select_option(label=str(executive))
    page.get_by_label("Item number").fill("9")
    page.get_by_label("Report reference").fill("BVC 40/05")
    page.get_by_label("For decision", exact=True).check()
    page.get_by_label("Contact officer").select_option(label="Ann Jones")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The draft has been saved")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Executive report")
    assert_accessible(page)

    page.get_by_role("button", name="Issue the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been issued")
    pdf_url = page.get_by_role("link", name="The issued report (PDF)").get_attribute("href")
    pdf = page.request.get(pdf_url).body()
    text = " ".join(re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for words in [
        "Paper: BVC 40/05",
        "Report to: Executive",
        "Meeting date: 12 September 2005",
        "Title: Progress report - Best Value review of Procurement",
        "Report of: Director of Finance",
        "Purpose: For Decision",
        "Wards: N/A",
        "Summary 1",
        "Recommendations 2",
    ]:
        assert words in text, words
    assert "IMPLICATIONS" not in text and "COMMITTEE:" not in text


def test_the_house_style_page_works_without_javascript(page_without_js, make_user):
    style = preset_style(presets.SUPPLEMENTARY)
    sign_in(page_without_js, make_user(roles.BEST_VALUE_OFFICER))
    page_without_js.goto(f"/committees/house-styles/{style.pk}/edit/")
    expect(page_without_js.locator("fieldset[id^=header-]")).to_have_count(3)
    page_without_js.get_by_role("button", name="Add another row").click()
    expect(page_without_js.locator("fieldset[id^=header-]")).to_have_count(4)
    page_without_js.locator("#header-0").get_by_label("Label", exact=True).fill("TITLE:")
    page_without_js.get_by_role("button", name="Preview").click()
    preview = page_without_js.get_by_role("region", name="Preview of a sample report")
    expect(preview).to_contain_text("TITLE: PROGRESS WITH THE REVIEW PROGRAMME")
    page_without_js.get_by_role("button", name="Save the house style").click()
    expect(page_without_js.locator(".govuk-notification-banner")).to_contain_text("saved")
