import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from organisation.models import Person, Ward
from tests.factories import PersonFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_ward_names_are_unique_whatever_the_case():
    WardFactory(name="High Town")
    with pytest.raises(IntegrityError):
        WardFactory(name="high town")


def test_duplicate_ward_fails_validation_with_a_clear_message():
    WardFactory(name="Biscot")
    with pytest.raises(ValidationError, match="A ward with this name already exists"):
        Ward(name="Biscot").full_clean()


def test_two_wards_may_both_lack_an_ons_code_but_not_share_one():
    WardFactory(name="Saints", ons_code="")
    WardFactory(name="South", ons_code="")
    WardFactory(name="Farley", ons_code="E05008369")
    with pytest.raises(IntegrityError):
        WardFactory(name="Lewsey", ons_code="E05008369")


def test_people_without_email_do_not_clash_but_emails_are_unique():
    PersonFactory(email="")
    PersonFactory(email="")
    PersonFactory(email="wes.cuell@example.gov.uk")
    with pytest.raises(IntegrityError):
        PersonFactory(email="Wes.Cuell@example.gov.uk")


def test_contact_line_prints_name_and_extension_as_reports_do():
    person = PersonFactory(full_name="Judith Ingham", phone_extension="546496")
    assert person.contact_line == "Judith Ingham 546496"


def test_changes_to_a_person_are_kept_in_history():
    person = PersonFactory(job_title="Officer")
    person.job_title = "Head of Policy and Performance"
    person.save()
    assert [h.job_title for h in person.history.all()] == [
        "Head of Policy and Performance",
        "Officer",
    ]
    assert Person.objects.directors().count() == 0
