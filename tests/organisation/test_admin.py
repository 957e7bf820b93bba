import pytest
from django.urls import reverse

from organisation.models import Ward
from tests.factories import PersonFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_administrator_adds_a_ward(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:organisation_ward_add"), {"name": "Icknield", "active": "on"}
    )
    assert response.status_code == 302
    assert Ward.objects.get(name="Icknield").history.count() == 1


def test_duplicate_ward_in_admin_gives_a_message_not_an_error(client, administrator):
    WardFactory(name="Leagrave")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:organisation_ward_add"), {"name": "LEAGRAVE", "active": "on"}
    )
    assert response.status_code == 200
    assert "A ward with this name already exists." in response.text
    assert Ward.objects.filter(name__iexact="leagrave").count() == 1


def test_administrator_searches_and_filters_people(client, administrator):
    PersonFactory(full_name="Pam Booth", is_director=False)
    PersonFactory(full_name="Jill Baker", is_director=True)
    client.force_login(administrator)
    response = client.get(reverse("admin:organisation_person_changelist"), {"q": "booth"})
    assert "Pam Booth" in response.text
    assert "Jill Baker" not in response.text
    response = client.get(
        reverse("admin:organisation_person_changelist"), {"is_director__exact": "1"}
    )
    assert "Jill Baker" in response.text
    assert "Pam Booth" not in response.text


@pytest.mark.parametrize(
    ("model", "columns"),
    [
        ("person", ["Full name", "Job title", "Directorate", "Phone extension", "Director"]),
        ("directorate", ["Name", "Abbreviation"]),
        ("ward", ["Name", "ONS code", "Active"]),
    ],
)
def test_the_admin_lists_the_columns_of_the_councils_spreadsheet(
    client, administrator, model, columns
):
    PersonFactory()
    WardFactory()
    client.force_login(administrator)
    response = client.get(reverse(f"admin:organisation_{model}_changelist"))
    headers = response.text.split("<thead>")[1].split("</thead>")[0]
    for column in columns:
        assert column in headers


def test_administrator_sees_who_changed_a_person(client, administrator):
    person = PersonFactory(job_title="Officer")
    client.force_login(administrator)
    client.post(
        reverse("admin:organisation_person_change", args=[person.pk]),
        {"full_name": person.full_name, "job_title": "Head of Housing", "active": "on"},
    )
    response = client.get(reverse("admin:organisation_person_history", args=[person.pk]))
    assert response.status_code == 200
    assert "Head of Housing" in response.text
    assert administrator.username in response.text


@pytest.mark.parametrize(
    "role_fixture", ["member", "exempt_member", "review_officer", "bv_officer"]
)
def test_only_administrators_open_the_admin(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
