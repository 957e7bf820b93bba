import datetime

import factory
from django.contrib.auth.models import Group, User

from bestvalue.committees.models import BoardRequest, Committee, Meeting, MinuteItem
from bestvalue.organisation.models import Directorate, Person, Ward
from reviews.models import Review


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
        model = Review

    title = factory.Sequence(lambda n: f"Review {n}")
    programme_year = 2003
    responsible_director = factory.SubFactory(DirectorFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: datetime.date(2004, 1, 1) + datetime.timedelta(days=n))


class MinuteItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinuteItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Item {n}")
    text = "The Board noted the report."


class BoardRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardRequest

    raised_at = factory.SubFactory(MeetingFactory)
    due_meeting = factory.LazyAttribute(
        lambda request: MeetingFactory(
            committee=request.raised_at.committee,
            date=request.raised_at.date + datetime.timedelta(days=28),
        )
    )
    asked_for = factory.Sequence(lambda n: f"A report to the next meeting on matter {n}")
    asked_of_text = "Head of Policy and Performance"
