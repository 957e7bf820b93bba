import pytest
from django.urls import reverse

from bestvalue.organisation import roles

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    response = client.get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_sign_in_is_locked_after_five_wrong_passwords(client, make_user, settings):
    user = make_user(roles.MEMBER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 429
    assert "Sign-in locked" in response.text
    assert "_auth_user_id" not in client.session


def test_a_lock_out_is_per_account_not_for_everyone(client, make_user, settings):
    locked, other = make_user(roles.MEMBER), make_user(roles.MEMBER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": locked.username, "password": "wrong"})
    response = client.post(
        reverse("login"),
        {"username": other.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302


def test_session_and_csrf_cookies_are_not_readable_by_scripts(client, member):
    client.post(
        reverse("login"),
        {"username": member.username, "password": "correct horse battery staple"},
    )
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
