import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_needs_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_sign_in_page_uses_the_councils_header(client, settings):
    settings.COUNCIL_NAME = "Luton Borough Council"
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Luton Borough Council" in response.text
    assert "govuk-header__logotype" not in response.text  # no GOV.UK crown


def test_wrong_password_is_explained_in_the_error_summary(client, member):
    response = client.post(reverse("login"), {"username": member.username, "password": "nope"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter a correct username and password" in response.text
    assert response.context["form"].errors


def test_empty_sign_in_says_what_is_missing_beside_each_field(client):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    assert response.text.count("This field is required.") == 4  # summary and field, twice


def test_sign_in_then_sign_out(client, member):
    response = client.post(
        reverse("login"),
        {"username": member.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_change_checks_the_old_password(client, member):
    client.force_login(member)
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "a", "new_password2": "a"},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.text


def test_password_reset_sends_a_link(client, member):
    member.email = "member@example.gov.uk"
    member.save()
    response = client.post(reverse("password_reset"), {"email": "member@example.gov.uk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/password-reset/" in mail.outbox[0].body
