"""Every page reachable from the home page, for every role, passes axe in Chromium; so does
every form when it comes back with errors."""

import re

import pytest
from django.core.management import call_command

from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.crawl import crawl
from tests.factories import PersonFactory

TEXT_INPUTS = re.compile(r'<input[^>]*type="text"')
TEXT_FIELDS = "input[type=text], textarea"


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_page_passes_axe_for_every_role(page, make_user, role):
    call_command("load_demo")
    sign_in(page, make_user(role))

    def fetch(url):
        response = page.request.get(url)
        content_type = response.headers.get("content-type", "")
        if response.status != 200 or not content_type.startswith("text/html"):
            return response.status, content_type, ""
        page.goto(url)
        assert_accessible(page)
        return 200, content_type, page.content()

    visited = crawl(fetch)
    assert all(status == 200 for _, _, status in visited), visited


def test_every_form_shown_with_its_errors_passes_axe(page, make_user):
    """Each form, sent back with its text boxes emptied, as an officer who may use them all."""
    call_command("load_demo")
    sign_in(page, make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory()))
    forms = []

    def fetch(url):
        response = page.request.get(url)
        content_type = response.headers.get("content-type", "")
        html = response.text() if content_type.startswith("text/html") else ""
        if 'method="post"' in html and "<textarea" in html + "".join(TEXT_INPUTS.findall(html)):
            forms.append(url)
        return response.status, content_type, html

    crawl(fetch)
    with_errors = 0
    for url in forms:
        page.goto(url)
        form = page.locator("main form[method=post]").filter(has=page.locator(TEXT_FIELDS)).first
        for field in form.locator(TEXT_FIELDS).all():
            if field.is_editable():
                field.fill("")
        # The last button is the form's own; "Add another" buttons come before it.
        form.locator("button[type=submit], input[type=submit]").last.click()
        page.wait_for_load_state()
        assert_accessible(page)
        with_errors += page.locator(".govuk-error-summary").count()
    assert len(forms) > 15, forms
    assert with_errors > 10, f"only {with_errors} of {len(forms)} forms showed errors"
