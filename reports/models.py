"""Committee reports: written for a committee's meeting, built from the records of the
apps below this one, issued as a frozen PDF."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from committees.models import Committee, Meeting
from core.periods import FinancialYear
from core.permissions import EditableRecord, RecordQuerySet
from core.report_layout import IMPLICATIONS
from core.versioning import VersionedModel
from improvement_plans.models import ImprovementPlan
from organisation.models import Person, Ward
from reviews.models import Review

# Schedule 12A to the Local Government Act 1972, Part 1: the kinds of exempt information.
EXEMPT_PARAGRAPHS = [
    (1, "1. Information relating to any individual"),
    (2, "2. Information likely to reveal the identity of an individual"),
    (3, "3. Financial or business affairs of any particular person (including the authority)"),
    (4, "4. Consultations or negotiations in connection with labour relations"),
    (5, "5. Information in respect of which legal professional privilege could be claimed"),
    (6, "6. Notices, orders or directions the authority proposes to give or make"),
    (7, "7. Action taken in connection with the prevention, investigation or prosecution of crime"),
]


def _comparable(value):
    # A PDF comes back from PostgreSQL as a memoryview, but was saved as bytes.
    return bytes(value) if isinstance(value, memoryview) else value


ITEM_NUMBER_TAKEN = "Another issued report has that item number at this meeting."


class CommitteeReportQuerySet(RecordQuerySet):
    def visible_to(self, user):
        """Part 2 reports exist only for those with exempt access: hidden, not just locked."""
        if CommitteeReport.may_read_exempt(user):
            return self
        return self.filter(part=CommitteeReport.Part.OPEN)

    def for_list(self):
        return self.select_related("committee", "meeting", "contact_officer")

    def agenda(self, meeting):
        """The meeting's issued reports in item order: its agenda."""
        return (
            self.filter(meeting=meeting, status=CommitteeReport.Status.ISSUED)
            .select_related("committee", "meeting")
            .order_by("item_number", "pk")
        )


class CommitteeReport(EditableRecord, VersionedModel):
    """A report to a committee, built from the records; officers write only the narrative.

    Issuing freezes it: the PDF is rendered once and its bytes and SHA-256 are kept; a
    correction is a new draft that supersedes it.
    """

    class Kind(models.TextChoices):
        BOARD_UPDATE = "board_update", "Board update to a scrutiny panel"
        PROGRAMME = "programme", "Review and inspection programme"
        OUTCOMES = "outcomes", "Supplementary information: review outcomes"
        REVIEW_PROGRESS = "review_progress", "Review progress report"
        IMPROVEMENT_PLAN = "improvement_plan", "Improvement plan report"

    class Part(models.IntegerChoices):
        OPEN = 1, "Part 1 (open to the public)"
        EXEMPT = 2, "Part 2 (exempt information, not for publication)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ISSUED = "issued", "Issued"
        SUPERSEDED = "superseded", "Issued, since corrected"

    class Wards(models.TextChoices):
        NONE = "none", "None"
        ALL = "all", "All"
        LISTED = "listed", "The wards listed"

    IMPLICATIONS = IMPLICATIONS  # the grid's boxes, as the report layout draws them

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="reports")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="reports",
        null=True,
        blank=True,
        help_text="The meeting that will receive the report",
    )
    item_number = models.PositiveSmallIntegerField(
        "item number", null=True, blank=True, help_text="Its number on the meeting's agenda"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject = models.CharField(max_length=300)
    report_by = models.CharField(
        "report by", max_length=200, help_text="A post, for example Head of Policy and Performance"
    )
    contact_officer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    part = models.PositiveSmallIntegerField(choices=Part.choices, default=Part.OPEN)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "paragraph of Schedule 12A", choices=EXEMPT_PARAGRAPHS, null=True, blank=True
    )
    implications = models.JSONField(default=list, blank=True)
    wards_affected = models.CharField(
        "wards affected", max_length=10, choices=Wards.choices, default=Wards.NONE
    )
    wards = models.ManyToManyField(
        Ward, blank=True, related_name="+", db_table="committees_committeereport_wards"
    )
    purpose = models.TextField(blank=True)
    recommendations = models.TextField("recommendation(s)", blank=True)
    narrative = models.TextField(
        blank=True,
        help_text='Sections start with a line "## Heading". Paragraphs are separated by a '
        'blank line; lines starting "- " are bullets; "### " starts a sub-heading. A line '
        '"[table: progress]" (or programme, inspections, actions) places that table from '
        "the records.",
    )
    background_papers = models.TextField(
        "background papers", blank=True, help_text="One paper a line"
    )
    # The Cabinet house style's header boxes (seed 001).
    executive_summary = models.TextField(blank=True)
    background_documents = models.TextField(blank=True)
    assessment_of_risk = models.TextField(blank=True)
    source_of_funding = models.TextField(blank=True)
    legal_advice = models.CharField("legal advice obtained", max_length=300, blank=True)
    financial_advice = models.CharField("financial advice obtained", max_length=300, blank=True)
    key_policies = models.TextField("key council policies", blank=True, help_text="One a line")
    # What the report is built from; which one depends on the kind.
    board_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, related_name="committee_reports", null=True, blank=True
    )
    plan = models.ForeignKey(
        ImprovementPlan,
        on_delete=models.PROTECT,
        related_name="committee_reports",
        null=True,
        blank=True,
    )
    programme_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        related_name="superseded_by",
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # The PDF is kept once, here; history records who issued it and when.
    history = HistoricalRecords(
        excluded_fields=["pdf"],
        m2m_fields=[wards],
        table_name="committees_historicalcommitteereport",
    )

    objects = CommitteeReportQuerySet.as_manager()

    class Meta:
        # Made in the committees app, whose tables it keeps (docs/architecture.md).
        db_table = "committees_committeereport"
        ordering = ["-created_at"]
        permissions = [
            ("view_exempt_report", "Can read Part 2 (exempt) reports"),
            ("issue_committeereport", "Can issue committee reports"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(part=1, exempt_paragraph=None)
                | Q(part=2, exempt_paragraph__gte=1, exempt_paragraph__lte=7),
                name="report_part_2_names_its_paragraph",
                violation_error_message="A Part 2 report must name the paragraph of Schedule "
                "12A that applies, and a Part 1 report none.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (~Q(sha256="") & Q(issued_at__isnull=False)),
                name="report_issued_is_frozen",
                violation_error_message="An issued report keeps its PDF and when it was issued.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="board_update", board_meeting__isnull=False)
                    | Q(kind="programme", programme_year__isnull=False)
                    | Q(kind__in=["outcomes", "review_progress"], review__isnull=False)
                    | Q(kind="improvement_plan", plan__isnull=False)
                ),
                name="report_has_its_source",
                violation_error_message="Choose what the report is built from.",
            ),
            models.UniqueConstraint(
                fields=["meeting", "item_number"],
                condition=Q(status="issued"),
                name="report_item_number_unique_per_meeting",
                violation_error_message=ITEM_NUMBER_TAKEN,
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("reports:report-detail", args=[self.pk])

    @property
    def is_issued(self):
        """Issued, and so frozen (a corrected report stays frozen too)."""
        return self.status != self.Status.DRAFT

    @property
    def is_exempt(self):
        return self.part == self.Part.EXEMPT

    @property
    def financial_year(self):
        return FinancialYear(self.programme_year) if self.programme_year else None

    def save(self, *args, **kwargs):
        self._refuse_changing_what_was_issued()
        super().save(*args, **kwargs)

    def _refuse_changing_what_was_issued(self):
        """An issued report is read-only on every path (pages, admin, services, shell): only
        its status may move on, from issued to superseded, when a correction is issued."""
        if self._state.adding or self.pk is None:
            return
        stored = CommitteeReport.objects.filter(pk=self.pk).exclude(status=self.Status.DRAFT)
        stored = stored.first()
        if stored is None:
            return
        changed = [
            field.name
            for field in self._meta.concrete_fields
            if field.name not in ("status", "version")
            and _comparable(field.value_from_object(self))
            != _comparable(field.value_from_object(stored))
        ]
        superseding = stored.status == self.Status.ISSUED and self.status in (
            self.Status.ISSUED,
            self.Status.SUPERSEDED,
        )
        if changed or not (superseding or self.status == stored.status):
            raise ValidationError(
                "An issued report cannot change. Make a corrected version instead."
            )

    def clean(self):
        super().clean()
        if self.meeting_id and self.committee_id and self.meeting.committee_id != self.committee_id:
            raise ValidationError({"meeting": "Choose a meeting of the report's committee."})
        unknown = set(self.implications or []) - {key for key, _ in self.IMPLICATIONS}
        if unknown:
            raise ValidationError({"implications": "Choose implications from the list."})

    def item_number_taken(self):
        """Whether another issued report has this one's item number at its meeting."""
        return (
            CommitteeReport.objects.filter(
                meeting=self.meeting_id, item_number=self.item_number, status=self.Status.ISSUED
            )
            .exclude(pk=self.pk)
            .exists()
        )

    @staticmethod
    def may_read_exempt(user):
        return user.has_perm("reports.view_exempt_report")

    @classmethod
    def history_withheld(cls, record, user):
        """A row from while the report was Part 2 holds exempt text (core.history)."""
        return record.part == cls.Part.EXEMPT and not cls.may_read_exempt(user)
