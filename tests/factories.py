import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from bestvalue.committees.models import Committee
from bestvalue.organisation.models import Directorate, Person, Ward
from improvement_plans.models import (
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
)
from inspections.models import Inspection, InspectionRecommendation
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


# --- Improvement plans -------------------------------------------------------------------


class PlanReviewFactory(factory.django.DjangoModelFactory):
    """A minimal review for a plan to answer (the reviews app's own factory may be fuller)."""

    class Meta:
        model = Review

    title = factory.Sequence(lambda n: f"Review {n}")
    programme_year = 2003
    responsible_director = factory.SubFactory(DirectorFactory)


class PlanInspectionFactory(factory.django.DjangoModelFactory):
    """A minimal inspection, for plans and the actions made from its recommendations."""

    class Meta:
        model = Inspection

    title = factory.Sequence(lambda n: f"Inspection {n}")
    programme_year = 2004


class InspectionRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionRecommendation

    inspection = factory.SubFactory(PlanInspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Recommendation {n}: improve the service")


class ImprovementPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementPlan

    review = factory.SubFactory(PlanReviewFactory)
    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    period_start = datetime.date(2004, 1, 1)
    period_end = datetime.date(2004, 12, 31)
    period_precision = "month"


class KeyIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyIssue

    plan = factory.SubFactory(ImprovementPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Key issue {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An action that is green today: started recently, milestone months away."""

    class Meta:
        model = Action

    key_issue = factory.SubFactory(KeyIssueFactory)
    number = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Action {n}: do the work")
    lead_group = "CMT"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    milestone_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=90)
    )
    status = Action.Status.IN_PROGRESS


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    note = "Progress as planned"
    status = Action.Status.IN_PROGRESS


class TimeLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeLog

    action = factory.SubFactory(ActionFactory)
    person = factory.SubFactory(PersonFactory)
    hours = Decimal("2.5")


class ExternalCommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalCommission

    plan = factory.SubFactory(ImprovementPlanFactory)
    title = factory.Sequence(lambda n: f"External support {n}")
    brief = "Draw together good partnership practice in other authorities"
    funding_source = "Best Value review funding"
