from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from bestvalue.organisation.models import Person
from bestvalue.versioning import VersionedModel
from reviews.fields import PeriodColumns, period_columns, period_constraint
from reviews.models import Review
from reviews.periods import FinancialYear


class Inspectorate(models.Model):
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "name",
                name="inspectorate_name_unique",
                violation_error_message="An inspectorate with this name already exists.",
            ),
        ]

    def __str__(self):
        return self.abbreviation or self.name


class InspectionQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("inspectorate", "lead_director", "review")

    def for_programme(self, year: FinancialYear):
        return self.filter(programme_year=year.start_year).with_people()


class Inspection(VersionedModel):
    class Kind(models.TextChoices):
        BEST_VALUE = "best_value", "Best Value inspection"
        STAGED = "staged", "Staged inspection"
        REINSPECTION = "reinspection", "Re-inspection"
        PEER_REVIEW = "peer_review", "Peer review"
        CORPORATE = "corporate", "Corporate assessment / CPA refresh"
        SERVICE = "service", "Service inspection"
        JOINT = "joint", "Joint inspection"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        OFFERED = "offered", "Offered"
        CONFIRMED = "confirmed", "Confirmed"
        IN_PROGRESS = "in_progress", "In progress"
        REPORT_AWAITED = "report_awaited", "Report awaited"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    class Score(models.IntegerChoices):
        POOR = 0, "Poor (0 stars)"
        FAIR = 1, "Fair (1 star)"
        GOOD = 2, "Good (2 stars)"
        EXCELLENT = 3, "Excellent (3 stars)"

    class Prospects(models.TextChoices):
        POOR = "poor", "Poor"
        UNCERTAIN = "uncertain", "Uncertain"
        PROMISING = "promising", "Promising"
        EXCELLENT = "excellent", "Excellent"

    title = models.CharField(max_length=200)
    inspectorate = models.ForeignKey(
        Inspectorate, on_delete=models.PROTECT, related_name="inspections", null=True, blank=True
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, related_name="inspections", null=True, blank=True
    )
    lead_director = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="inspections_led", null=True, blank=True
    )
    programme_year = models.PositiveSmallIntegerField(
        help_text="The first calendar year of the financial year: 2004 for 2004/05"
    )
    timing_start, timing_end, timing_precision = period_columns("Timing")
    timing = PeriodColumns()
    timing_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Words printed after the title, such as “possible re-inspection”",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    is_possible = models.BooleanField(
        "possible", default=False, help_text="The inspection is not yet certain"
    )
    joint_partner = models.CharField(
        max_length=200, blank=True, help_text="For example “Manchester” for a joint inspection"
    )
    notes = models.TextField(blank=True)
    score = models.PositiveSmallIntegerField(
        "service score", choices=Score.choices, null=True, blank=True
    )
    prospects = models.CharField(
        "prospects for improvement", max_length=10, choices=Prospects.choices, blank=True
    )
    report_date = models.DateField("date of the report", null=True, blank=True)
    history = HistoricalRecords()

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["programme_year", "timing_start", "title"]
        constraints = [
            period_constraint("inspection", "timing"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=3),
                name="inspection_score_0_to_3",
                violation_error_message="The service score must be from 0 to 3 stars.",
            ),
            models.CheckConstraint(
                condition=Q(status="complete")
                | (Q(score__isnull=True) & Q(prospects="") & Q(report_date__isnull=True)),
                name="inspection_judgement_only_when_complete",
                violation_error_message="Only a completed inspection can have a judgement.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("inspections:inspection-detail", args=[self.pk])

    @property
    def financial_year(self):
        return FinancialYear(self.programme_year)

    @property
    def has_judgement(self):
        return self.score is not None or bool(self.prospects)


class InspectionRecommendation(models.Model):
    class Priority(models.TextChoices):
        HIGH = "high", "High"
        MEDIUM = "medium", "Medium"
        LOW = "low", "Low"

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                "inspection",
                "number",
                name="inspection_recommendation_number_unique",
                violation_error_message="This inspection already has a recommendation with "
                "that number.",
            ),
        ]

    def __str__(self):
        return f"R{self.number}: {self.text[:60]}"
