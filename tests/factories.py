import factory
from django.contrib.auth.models import Group, User

from bestvalue.committees.models import Committee
from bestvalue.organisation.models import Directorate, Person, Ward


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Directorate {n}")
    abbreviation = factory.Sequence(lambda n: f"D{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role=roles.MEMBER) puts the user in that role's group."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Officer"
    directorate = factory.SubFactory(DirectorateFactory)
    phone_extension = factory.Sequence(lambda n: f"{540000 + n}")
    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")


class DirectorFactory(PersonFactory):
    is_director = True
    job_title = "Director"


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward

    name = factory.Sequence(lambda n: f"Ward {n}")


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Committee {n}")
    kind = Committee.Kind.SCRUTINY_PANEL
