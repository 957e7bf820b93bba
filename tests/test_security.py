import runpy

import pytest
from django.urls import reverse

from organisation import roles

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client, user, password, forwarded_for):
    """The sign-in form posted through the proxy, which is at 127.0.0.1 (the test client's)."""
    return client.post(
        reverse("login"),
        {"username": user.username, "password": password},
        headers={"X-Forwarded-For": forwarded_for},
    )


@pytest.fixture
def trusted_proxies(settings, monkeypatch):
    """trusted_proxies(n): the client-address settings as TRUSTED_PROXY_COUNT=n makes them."""

    def configure(count):
        monkeypatch.setenv("TRUSTED_PROXY_COUNT", str(count))
        made = runpy.run_path(str(settings.BASE_DIR / "bestvalue" / "settings.py"))
        for name in [
            "AXES_IPWARE_META_PRECEDENCE_ORDER",
            "AXES_IPWARE_PROXY_COUNT",
            "IPWARE_STRICT",
        ]:
            setattr(settings, name, made.get(name))

    return configure


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


def test_behind_the_proxy_one_clients_wrong_passwords_do_not_lock_out_another(
    client, make_user, settings, trusted_proxies
):
    trusted_proxies(1)
    user = make_user(roles.ADMINISTRATOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user, "wrong", forwarded_for="203.0.113.9")
    assert sign_in(client, user, PASSWORD, forwarded_for="203.0.113.9").status_code == 429
    assert sign_in(client, user, PASSWORD, forwarded_for="10.20.30.40").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "attacker", "user_address"),
    [
        # The attacker writes the user's address first; the proxy appends the attacker's.
        (1, "10.20.30.40, 203.0.113.9", "10.20.30.40"),
        # Two proxies: the second appends the first's address too.
        (2, "10.20.30.40, 203.0.113.9, 10.0.0.2", "10.20.30.40, 10.0.0.2"),
    ],
)
def test_behind_the_proxy_a_forged_address_neither_locks_out_its_owner_nor_escapes_a_lock_out(
    client, make_user, settings, trusted_proxies, proxies, attacker, user_address
):
    trusted_proxies(proxies)
    user = make_user(roles.MEMBER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user, "wrong", forwarded_for=attacker)
    forged_again = attacker.replace("10.20.30.40", "10.99.99.99")
    assert sign_in(client, user, PASSWORD, forwarded_for=forged_again).status_code == 429
    assert sign_in(client, user, PASSWORD, forwarded_for=user_address).status_code == 302


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(
    client, make_user, settings, trusted_proxies
):
    trusted_proxies(0)
    user = make_user(roles.MEMBER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user, "wrong", forwarded_for="203.0.113.9")
    assert sign_in(client, user, PASSWORD, forwarded_for="10.20.30.40").status_code == 429


def test_session_and_csrf_cookies_are_not_readable_by_scripts(client, member):
    client.post(
        reverse("login"),
        {"username": member.username, "password": "correct horse battery staple"},
    )
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
