"""Every page reachable from the home page, for every role, passes axe in Chromium."""

import pytest
from django.core.management import call_command

from bestvalue.organisation import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.crawl import crawl


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
