"""Every URL, every role: nothing breaks, nothing shown is refused, nothing leaks to guests."""

import re

import pytest
from django.core.management import call_command

from organisation import roles
from tests.crawl import crawl, every_pattern

pytestmark = pytest.mark.django_db

OPEN_ROUTES = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "calendar-feed",
}


@pytest.fixture
def demo(db):
    call_command("load_demo")


def sample_url(pattern):
    """The pattern with each <converter:name> replaced by a plausible value."""
    url = re.sub(r"<int:\w+>", "1", pattern)
    url = re.sub(r"<(?:\w+:)?\w+>", "x", url)
    return "/" + url.lstrip("^").rstrip("$")


def test_guests_are_sent_to_sign_in_from_every_page(client, demo):
    for name, pattern in every_pattern():
        if name in OPEN_ROUTES:
            continue
        response = client.get(sample_url(pattern))
        assert response.status_code == 302, f"{name} ({pattern}) is open to guests"
        assert response.url.startswith("/sign-in/"), name


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_link_a_role_is_shown_works_for_that_role(client, demo, make_user, role):
    client.force_login(make_user(role))

    def fetch(url):
        response = client.get(url, follow=True)
        return (
            response.status_code,
            response.get("Content-Type", ""),
            response.content.decode(errors="replace"),
        )

    visited = crawl(fetch)
    failures = [(url, route, status) for url, route, status in visited if status != 200]
    assert not failures, f"{role} is shown links that fail: {failures}"
    assert len(visited) > 3
