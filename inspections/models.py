from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.fields import PeriodColumns, period_columns, period_constraint, unique_name
from core.models import Document
from core.periods import FinancialYear, default_programme_year
from core.permissions import EditableRecord, RecordQuerySet
from core.versioning import VersionedModel
from organisation import roles
from organisation.models import Person
from reviews.models import InspectionOffer, Review


class Inspectorate(models.Model):
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [unique_name("inspectorate", "inspectorate")]

    def __str__(self):
        return self.abbreviation or self.name


@dataclass(frozen=True)
class OfferMarker:
    """A symbol printed after an entry of the inspection programme, and its line in the key."""

    symbol: str
    key: str


# Seed 001's markers, keyed by the review's offer, in the order the seed's key lists them.
# The seed's "(" for an offered inspection is a lost Wingdings glyph; a dagger reads clearly.
OFFER_MARKERS = {
    InspectionOffer.DELAYED: OfferMarker(
        "*",
        "Denotes a delayed inspection i.e. offered for inspection 12 months after completion "
        "of review, when improvements have been implemented.",
    ),
    InspectionOffer.ON_COMPLETION: OfferMarker(
        "†", "Offered for inspection on completion of review; inspection not confirmed."
    ),
}


class InspectionQuerySet(RecordQuerySet):
    def with_people(self):
        return self.select_related("inspectorate", "lead_director", "review")

    def for_programme(self, year: FinancialYear):
        return self.filter(programme_year=year.start_year).with_people()

    def for_programme_years(self, first: FinancialYear):
        """The two-year programme that starts with `first`: that year's entries and the next's."""
        return self.filter(
            programme_year__in=[first.start_year, first.start_year + 1]
        ).with_people()

    def two_year_programme(self, first: FinancialYear):
        """[(year, its inspections), (next year, its inspections)] for the programme page."""
        entries = list(self.for_programme_years(first))
        return [
            (year, [entry for entry in entries if entry.programme_year == year.start_year])
            for year in (first, first.next())
        ]

    def for_review(self, review):
        return self.filter(review=review).with_people()

    def for_detail(self):
        return self.with_people().prefetch_related(
            "recommendations",
            Prefetch(
                "documents", queryset=InspectionDocument.objects.select_related("uploaded_by")
            ),
        )

    def programme_years(self):
        """Every financial year that has inspections, earliest first."""
        years = self.order_by("programme_year").values_list("programme_year", flat=True)
        return [FinancialYear(year) for year in years.distinct()]

    def default_programme_year(self, today: date | None = None) -> FinancialYear:
        """The first year of the two-year programme to show when none is asked for
        (`core.periods.default_programme_year`, over two years)."""
        years = self.order_by().values_list("programme_year", flat=True).distinct()
        return default_programme_year(years, today or timezone.localdate(), span=2)

    def editing_rule(self, user):
        """Review officers edit the inspections of the reviews they may edit."""
        rule = super().editing_rule(user)
        if rule is False or roles.edits_everything(user):
            return rule
        return Q(review__in=Review.objects.editable_by(user).values("pk"))


class Inspection(EditableRecord, VersionedModel):
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

    # Statuses before an inspection takes place, or instead of it: no judgement yet.
    NOT_HAPPENED = {Status.PROPOSED, Status.OFFERED, Status.CANCELLED}

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
        help_text="The first calendar year of the financial year: 2026 for 2026/27"
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
        permissions = [("record_judgement", "Can record the judgement of an inspection")]
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
    def full_title(self):
        """The title as the programme prints it, naming a joint inspection's partner."""
        return (
            f"{self.title} (joint with {self.joint_partner})" if self.joint_partner else self.title
        )

    @property
    def has_judgement(self):
        return self.score is not None or bool(self.prospects) or self.report_date is not None

    @property
    def offer_marker(self) -> OfferMarker | None:
        """Seed 001's marker for this entry, from how its review was offered for inspection.

        "Offered … not confirmed" stops applying once the inspection is confirmed or under
        way; a delayed inspection stays marked, as the timing is what the marker explains.
        """
        if self.review is None:
            return None
        offer = self.review.inspection_offer
        if offer == InspectionOffer.ON_COMPLETION and self.status not in {
            self.Status.PROPOSED,
            self.Status.OFFERED,
        }:
            return None
        return OFFER_MARKERS.get(offer)

    def judgement_refusal(self, today: date | None = None) -> str:
        """Why no judgement can be recorded yet ("" when one can): it has not happened."""
        if self.status in self.NOT_HAPPENED:
            if self.status == self.Status.CANCELLED:
                return "This inspection was cancelled, so it has no judgement to record."
            return (
                f"This inspection is {self.get_status_display().lower()}, so it has not "
                "happened yet. Change its status once the inspectors have visited, then "
                "record their judgement."
            )
        today = today or timezone.localdate()
        if self.timing is not None and self.timing.start > today:
            return (
                f"This inspection is planned for {self.timing}, so it has not happened yet. "
                "Record the judgement once the inspectors have reported."
            )
        return ""

    def clean(self):
        # The database refuses this too; saying so beside the status field avoids a 500.
        if self.has_judgement and self.status != self.Status.COMPLETE:
            raise ValidationError(
                {"status": "This inspection has a judgement, so its status must stay “Complete”."}
            )

    def can_have_judgement_recorded_by(self, user):
        return user.has_perm("inspections.record_judgement") and self.can_be_edited_by(user)


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
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="inspection_recommendation_number_positive",
                violation_error_message="Number recommendations from 1.",
            ),
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


class InspectionDocument(Document):
    """An inspectorate's report, or another paper about the inspection, as an uploaded file."""

    class Kind(models.TextChoices):
        REPORT = "report", "Inspection report"
        INTERIM_REPORT = "interim_report", "Interim report"
        OTHER = "other", "Other"

    parent_field = "inspection"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPORT)
    history = HistoricalRecords()

    class Meta(Document.Meta):
        ordering = ["inspection", "-uploaded_at"]

    def get_absolute_url(self):
        return reverse("inspections:document-download", args=[self.inspection_id, self.pk])
