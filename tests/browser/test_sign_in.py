import pytest

from organisation import roles
from tests.browser.conftest import assert_accessible, sign_in


def test_sign_in_page_is_accessible(page):
    page.goto("/")
    assert page.url.endswith("/sign-in/?next=/")
    assert page.get_by_role("heading", name="Sign in").is_visible()
    assert_accessible(page)


def test_wrong_password_shows_the_error_summary(page, make_user):
    user = make_user(roles.MEMBER)
    sign_in(page, user, password="not the password")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter a correct username and password" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert_accessible(page)


@pytest.mark.parametrize("role", roles.ROLES)
def test_each_role_signs_in_and_sees_who_they_are(page, make_user, role):
    user = make_user(role)
    sign_in(page, user)
    assert page.get_by_role("heading", name="Dashboard", level=1).is_visible()
    assert role in page.locator(".bv-header__account").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("heading", name="Sign in").is_visible()


def test_sign_in_works_without_javascript(page_without_js, make_user):
    user = make_user(roles.MEMBER)
    sign_in(page_without_js, user)
    assert page_without_js.get_by_role("heading", name="Dashboard", level=1).is_visible()
