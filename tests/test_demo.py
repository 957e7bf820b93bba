import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from organisation import roles
from organisation.models import Person, Ward

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_loads_the_seed_people_and_wards():
    call_command("load_demo", stdout=None)
    counts = (Person.objects.count(), Ward.objects.count(), User.objects.count())
    call_command("load_demo")
    assert (Person.objects.count(), Ward.objects.count(), User.objects.count()) == counts
    assert Ward.objects.count() == 19
    judith = Person.objects.get(full_name="Judith Ingham")
    assert judith.phone_extension == "546496"
    assert Person.objects.get(full_name="Wes Cuell").phone_extension == "547502"
    assert Person.objects.directors().filter(full_name="Anne Williams").exists()


def test_load_demo_creates_one_login_per_role(capsys):
    call_command("load_demo")
    printed = capsys.readouterr().out
    for role in roles.ROLES:
        assert role in printed
        assert User.objects.filter(groups__name=role).count() == 1
    assert User.objects.get(username="admin").is_staff
    assert not User.objects.get(username="member").is_staff
