"""One demo login per role, for trying the product out. Never run on a live system."""

from django.contrib.auth.models import Group, User

from organisation import roles
from organisation.models import Person

DEMO_PASSWORD = "bestvalue-demo"

# (username, role, first name, last name, linked person)
LOGINS = [
    ("admin", roles.ADMINISTRATOR, "Demo", "Administrator", None),
    ("bvofficer", roles.BEST_VALUE_OFFICER, "Judith", "Ingham", "Judith Ingham"),
    ("reviewofficer", roles.REVIEW_OFFICER, "Wes", "Cuell", "Wes Cuell"),
    ("member", roles.MEMBER, "Councillor", "Member", None),
    ("exempt", roles.MEMBER_EXEMPT, "Councillor", "Exempt", None),
]


def load():
    roles.sync_roles()
    for username, role, first_name, last_name, person_name in LOGINS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": role == roles.ADMINISTRATOR,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([Group.objects.get(name=role)])
        if person_name:
            Person.objects.filter(full_name=person_name).update(user=user)


def describe():
    return [(username, DEMO_PASSWORD, role) for username, role, *_ in LOGINS]
