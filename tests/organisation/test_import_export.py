"""A council loads its staff and ward lists from a spreadsheet in the admin."""

import io

import pytest
import tablib
from django.urls import reverse
from openpyxl import Workbook

from organisation.models import Directorate, Person, Ward
from organisation.resources import PersonResource, WardResource
from tests.factories import DirectorateFactory, PersonFactory, WardFactory

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


FORMULAE = ['=HYPERLINK("https://attacker.example/","Open")', "+1+1", "-1+1", "@SUM(1)"]


def admin_export(client, model, resource, format_name):
    """Every column of a list, as the admin's export page gives it, read back as rows."""
    url = reverse(f"admin:organisation_{model._meta.model_name}_export")
    page = client.get(url)
    formats = {label: value for value, label in page.context["form"].fields["format"].choices}
    columns = [name for name in page.context["form"].fields if name.startswith(resource)]
    response = client.post(
        url, {"format": formats[format_name], "resource": "0", **dict.fromkeys(columns, "on")}
    )
    assert response.status_code == 200
    content = response.content if format_name == "xlsx" else response.content.decode()
    return tablib.Dataset().load(content, format=format_name)


@pytest.mark.parametrize("format_name", ["csv", "xlsx", "tsv"])
def test_the_admin_exports_no_formula_in_any_list(client, administrator, format_name):
    for formula in FORMULAE:
        directorate = DirectorateFactory(name=formula, abbreviation=formula[:10])
        PersonFactory(full_name=formula, job_title=formula, directorate=directorate)
        WardFactory(name=formula)
    client.force_login(administrator)
    for model, resource, name in [
        (Directorate, "directorateresource", "name"),
        (Person, "personresource", "full_name"),
        (Ward, "wardresource", "name"),
    ]:
        dataset = admin_export(client, model, resource, format_name)
        assert sorted(dataset[name]) == sorted("'" + formula for formula in FORMULAE)
        cells = [str(cell) for row in dataset for cell in row]
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]


def test_an_exported_list_re_imports_unchanged():
    for formula in FORMULAE:
        PersonFactory(full_name=formula, job_title=formula, phone_extension="+44 1582 546496")
    exported = PersonResource().export()
    assert "'+1+1" in exported["full_name"]
    result = PersonResource().import_data(exported)
    assert not result.has_errors() and not result.has_validation_errors()
    assert sorted(
        Person.objects.values_list("full_name", "job_title", "phone_extension")
    ) == sorted((formula, formula, "+44 1582 546496") for formula in FORMULAE)
    assert Person.objects.count() == len(FORMULAE)
