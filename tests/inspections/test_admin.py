import pytest
from django.urls import reverse

from inspections.models import Inspectorate
from tests.factories import InspectorateFactory

pytestmark = pytest.mark.django_db


def test_administrator_adds_an_inspectorate_with_history(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:inspections_inspectorate_add"),
        {"name": "Benefit Fraud Inspectorate", "abbreviation": "BFI"},
    )
    assert response.status_code == 302
    assert Inspectorate.objects.get(abbreviation="BFI").history.count() == 1


def test_duplicate_inspectorate_in_admin_gives_a_message_not_an_error(client, administrator):
    InspectorateFactory(name="Audit Commission")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:inspections_inspectorate_add"), {"name": "Audit Commission"}
    )
    assert response.status_code == 200
    assert "An inspectorate with this name already exists." in response.text
