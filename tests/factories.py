from datetime import date, timedelta
from decimal import Decimal
from string import ascii_lowercase

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from committees.models import BoardRequest, Committee, Meeting, MinuteItem
from core.periods import Period
from improvement_plans.models import (
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
)
from organisation.models import Directorate, Person, Ward
from reports import presets
from reports.models import CommitteeStyle, HouseStyle
from reviews.models import (
    ChallengeEvidence,
    Deferral,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    ReviewDocument,
    Stage,
    StageChange,
)


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


# Reviews


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Review {n}")
    scope = "The services in scope."
    programme_year = 2003
    responsible_director = factory.SubFactory(DirectorFactory)
    stage = Stage.SCOPING
    planned_start = date(2003, 4, 1)
    planned_end = date(2004, 3, 31)
    planned_precision = "month"

    @factory.post_generation
    def directorates(self, create, extracted, **kwargs):
        if create and extracted:
            self.directorates.set(extracted)

    @factory.post_generation
    def team(self, create, extracted, **kwargs):
        if create and extracted:
            self.team.set(extracted)


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    review = factory.SubFactory(ReviewFactory)
    from_stage = Stage.PROPOSED
    to_stage = Stage.SCOPING


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    review = factory.SubFactory(ReviewFactory)
    date = date(2004, 1, 29)
    text = factory.Sequence(lambda n: f"Progress note {n}.")


class DeferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deferral

    review = factory.SubFactory(ReviewFactory)
    reason = "Recruitment difficulties"
    new_target_start = date(2004, 7, 1)
    new_target_end = date(2004, 7, 31)
    new_target_precision = "month"


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewFactory)
    letter = factory.Sequence(lambda n: ascii_lowercase[n % 26])
    text = "A Borough wide service directory."


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    review = factory.SubFactory(ReviewFactory)
    theme = "1.2. Enabling the Delivery of Better Services"
    text = factory.Sequence(lambda n: f"Outcome {n}")


class ChallengeEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeEvidence

    review = factory.SubFactory(ReviewFactory)
    c = ChallengeEvidence.C.COMPARE
    evidence = "Compared with eight similar councils."


class ReviewDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewDocument

    review = factory.SubFactory(ReviewFactory)
    title = factory.Sequence(lambda n: f"Vision report {n}")
    kind = ReviewDocument.Kind.VISION_REPORT
    file = factory.django.FileField(filename="vision.pdf", data=b"%PDF-1.4\n%%EOF\n")
    content_type = "application/pdf"
    size = 15


# Inspections


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
        timing = kwargs.pop("timing", None)
        if timing is not None:
            period = Period.parse(timing) if isinstance(timing, str) else timing
            kwargs.update(
                timing_start=period.start,
                timing_end=period.end,
                timing_precision=period.precision.value,
            )
        return kwargs


class InspectionDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.InspectionDocument"

    inspection = factory.SubFactory(InspectionFactory)
    title = factory.Sequence(lambda n: f"Inspection report {n}")
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4\n%%EOF\n")
    content_type = "application/pdf"
    size = 15


class InspectionRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.InspectionRecommendation"

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Faker("sentence")


# Committees


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: date(2004, 1, 1) + timedelta(days=n))


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
            date=request.raised_at.date + timedelta(days=28),
        )
    )
    asked_for = factory.Sequence(lambda n: f"A report to the next meeting on matter {n}")
    asked_of_text = "Head of Policy and Performance"


# Improvement plans


class ImprovementPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementPlan

    review = factory.SubFactory(ReviewFactory)
    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    period_start = date(2004, 1, 1)
    period_end = date(2004, 12, 31)
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
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    milestone_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))
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


# Committee reports


def preset_style(name=presets.SCRUTINY):
    """A preset house style (reports/presets.py): a transactional test's flush takes away the
    ones the migration made, so each test makes those it needs."""
    return presets.install(HouseStyle, [name])[name]


class HouseStyleFactory(factory.django.DjangoModelFactory):
    """A style with the scrutiny panel's header block."""

    class Meta:
        model = HouseStyle

    name = factory.Sequence(lambda n: f"House style {n}")
    header = factory.LazyFunction(lambda: [*presets.PRESETS[presets.SCRUTINY]["header"]])
    implications = presets.IMPLICATIONS


class CommitteeStyleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeStyle

    committee = factory.SubFactory(CommitteeFactory)
    house_style = factory.LazyFunction(preset_style)


class CommitteeReportFactory(factory.django.DjangoModelFactory):
    """A draft review progress report to a scrutiny panel's meeting, numbered through as
    seed 003 is."""

    class Meta:
        model = "reports.CommitteeReport"

    committee = factory.SubFactory(CommitteeFactory)
    house_style = factory.LazyFunction(lambda: preset_style(presets.SCRUTINY_NUMBERED_THROUGH))
    meeting = factory.LazyAttribute(lambda report: MeetingFactory(committee=report.committee))
    item_number = factory.Sequence(lambda n: n + 1)
    kind = "review_progress"
    review = factory.SubFactory(ReviewFactory)
    subject = factory.Sequence(lambda n: f"Progress report {n}")
    report_by = "Head of Policy and Performance"
    contact_officer = factory.SubFactory(PersonFactory)
    narrative = "## Background\n\nThe review began in 2003."
