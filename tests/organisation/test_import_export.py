"""A council loads its staff and ward lists from a spreadsheet in the admin."""

import io

import pytest
import tablib
from django.urls import reverse
from openpyxl import Workbook

from bestvalue.organisation.models import Person, Ward
from bestvalue.organisation.resources import PersonResource, WardResource
from tests.factories import DirectorateFactory, PersonFactory

pytestmark = pytest.mark.django_db

STAFF = """full_name,job_title,directorate,phone_extension,email,is_director,active
Judith Ingham,Policy and Performance Officer,Chief Executive's,546496,judith@example.gov.uk,0,1
Anne Williams,Corporate Director,Chief Executive's,2001,anne@example.gov.uk,1,1
"""


def test_importing_the_staff_list_adds_and_updates_people_with_history():
    DirectorateFactory(name="Chief Executive's")
    existing = PersonFactory(full_name="Judith Ingham", job_title="Officer")
    result = PersonResource().import_data(tablib.Dataset().load(STAFF, format="csv"))
    assert not result.has_errors() and not result.has_validation_errors()
    existing.refresh_from_db()
    assert existing.job_title == "Policy and Performance Officer"
    anne = Person.objects.get(full_name="Anne Williams")
    assert anne.is_director and anne.directorate.name == "Chief Executive's"
    assert existing.history.count() == 2 and anne.history.count() == 1


def test_a_row_naming_an_unknown_directorate_is_reported_not_saved():
    result = PersonResource().import_data(tablib.Dataset().load(STAFF, format="csv"))
    assert result.has_validation_errors() or result.has_errors()
    assert not Person.objects.filter(full_name="Anne Williams").exists()


def test_the_ward_list_imports_from_excel():
    book = Workbook()
    book.active.append(["name", "ons_code", "active"])
    book.active.append(["Barnfield", "E05002125", 1])
    book.active.append(["Biscot", "E05002126", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    dataset = tablib.Dataset().load(buffer.getvalue(), format="xlsx")
    WardResource().import_data(dataset, raise_errors=True)
    assert list(Ward.objects.order_by("name").values_list("ons_code", flat=True)) == [
        "E05002125",
        "E05002126",
    ]


def test_the_admin_offers_import_and_export(client, administrator):
    DirectorateFactory(name="Housing and Social Services")
    client.force_login(administrator)
    assert client.get(reverse("admin:organisation_person_import")).status_code == 200
    response = client.post(
        reverse("admin:organisation_directorate_export"),
        {"format": "0", "resource": "0", "directorateresource_name": "on"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv"), response.content[:300]
    assert b"Housing and Social Services" in response.content
