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


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Review"

    title = factory.Sequence(lambda n: f"Review {n}")
    programme_year = 2003
    responsible_director = factory.SubFactory(DirectorFactory)


class InspectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.Inspectorate"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Inspectorate {n}")


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.Inspection"

    title = factory.Sequence(lambda n: f"Inspection {n}")
    programme_year = 2003
    inspectorate = factory.SubFactory(InspectorateFactory)
    lead_director = factory.SubFactory(DirectorFactory)
    status = "confirmed"

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """InspectionFactory(timing="Autumn 2004") fills the period's three columns."""
        from reviews.periods import Period

        timing = kwargs.pop("timing", None)
        if timing is not None:
            period = Period.parse(timing) if isinstance(timing, str) else timing
            kwargs.update(
                timing_start=period.start,
                timing_end=period.end,
                timing_precision=period.precision.value,
            )
        return kwargs


class InspectionRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.InspectionRecommendation"

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Faker("sentence")
