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
from core import report_layout
from core.periods import FinancialYear
from core.permissions import EditableRecord, RecordQuerySet
from core.report_layout import HeaderRow, Style, implication_key
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


def _choice_is_valid(field, choices):
    return Q(**{f"{field}__in": [value for value, _ in choices]})


class HouseStyleQuerySet(RecordQuerySet):
    def default_for(self, committee):
        """The style a committee's reports take unless a report chooses another, or None."""
        return self.filter(committee_styles__committee=committee).first()

    def with_committees(self):
        return self.prefetch_related("committee_styles__committee")


class HouseStyle(EditableRecord, VersionedModel):
    """How a council's reports look, as data a best value officer edits on a page: labels,
    formats and choices only. Nothing here is markup; core/report_layout.py draws it."""

    name = models.CharField(max_length=100)
    # [{"field", "label", "layout", "capitals"}], in order: see core.report_layout.HeaderRow.
    header = models.JSONField("header block", default=list, blank=True)
    date_format = models.CharField(
        "dates", max_length=20, choices=report_layout.DATE_FORMATS, default="day_month_year"
    )
    numbering = models.CharField(
        "paragraph numbering", max_length=10, choices=report_layout.NUMBERINGS, default="section"
    )
    list_style = models.CharField(
        "lists", max_length=10, choices=report_layout.LIST_STYLES, default="bullets"
    )
    headings_in_capitals = models.BooleanField("section headings in capitals", default=True)
    purpose_heading = models.CharField(
        "heading of the purpose",
        max_length=100,
        blank=True,
        help_text="For example PURPOSE or Summary:. Leave it blank to leave the purpose out",
    )
    recommendations_heading = models.CharField(
        "heading of the recommendations",
        max_length=100,
        blank=True,
        help_text="For example RECOMMENDATION(S). Leave it blank to leave them out, for "
        "example when the header block shows them",
    )
    recommendations_in_bold = models.BooleanField("recommendations in bold", default=False)
    background_papers_heading = models.CharField(
        "heading of the background papers",
        max_length=100,
        blank=True,
        help_text="For example LIST OF BACKGROUND PAPERS. Leave it blank to leave them out",
    )
    background_papers_act = models.CharField(
        "Act and section under the background papers heading",
        max_length=100,
        blank=True,
        help_text="For example LOCAL GOVERNMENT ACT 1972, SECTION 100D",
    )
    implications = models.TextField(
        "implications in the grid",
        blank=True,
        help_text="One a line, as the grid prints them. Leave it blank for no grid",
    )
    wards_none = models.CharField(
        "wards line when no ward is affected",
        max_length=50,
        default="None",
        help_text="For example None or N/A",
    )
    wards_all = models.CharField(
        "wards line when every ward is affected", max_length=50, default="All"
    )
    part_1_marking = models.CharField(
        "Part 1 marking", max_length=200, default=Style.part_1_marking
    )
    part_2_marking = models.CharField(
        "Part 2 marking",
        max_length=300,
        default=Style.part_2_marking,
        help_text="Put {paragraph} where the paragraph of Schedule 12A goes",
    )
    decision_marker = models.CharField(
        "marker of a report for decision",
        max_length=50,
        default="For decision",
        help_text="For example For Decision or (DECISION)",
    )
    noting_marker = models.CharField(
        "marker of a report for noting", max_length=50, default="For noting"
    )
    font_size = models.CharField(
        "font size", max_length=2, choices=report_layout.FONT_SIZES, default="11"
    )
    margins = models.CharField(
        "page margins", max_length=10, choices=report_layout.MARGINS, default="standard"
    )
    history = HistoricalRecords()

    objects = HouseStyleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "name",
                name="house_style_name_unique",
                violation_error_message="A house style with this name already exists.",
            ),
            models.CheckConstraint(
                condition=_choice_is_valid("date_format", report_layout.DATE_FORMATS)
                & _choice_is_valid("numbering", report_layout.NUMBERINGS)
                & _choice_is_valid("list_style", report_layout.LIST_STYLES)
                & _choice_is_valid("font_size", report_layout.FONT_SIZES)
                & _choice_is_valid("margins", report_layout.MARGINS),
                name="house_style_choices_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reports:house-style-detail", args=[self.pk])

    @property
    def implication_labels(self):
        return [line.strip() for line in self.implications.splitlines() if line.strip()]

    @property
    def implication_choices(self):
        return [(implication_key(label), label) for label in self.implication_labels]

    @property
    def header_rows(self):
        return [HeaderRow(**row) for row in self.header]

    def shows(self, field):
        """Whether the header block has a row showing this report field."""
        return isinstance(self.header, list) and any(
            isinstance(row, dict) and row.get("field") == field for row in self.header
        )

    def clean(self):
        super().clean()
        errors = {}
        fields = dict(report_layout.HEADER_FIELDS)
        layouts = dict(report_layout.LAYOUTS)
        keys = {"field", "label", "layout", "capitals"}
        for row in self.header if isinstance(self.header, list) else [None]:
            if not (
                isinstance(row, dict)
                and set(row) == keys
                and row["field"] in fields
                and row["layout"] in layouts
                and isinstance(row["label"], str)
                and isinstance(row["capitals"], bool)
            ):
                errors["header"] = "Each row of the header block needs a field and a layout."
                break
        if self.shows("implications") and not self.implication_labels:
            errors["implications"] = (
                "Enter the implications, one a line, or take the implications grid out of "
                "the header block"
            )
        if self.part_2_marking.count(report_layout.PARAGRAPH) != 1:
            errors["part_2_marking"] = (
                "Put {paragraph} once in the Part 2 marking, where the paragraph of "
                "Schedule 12A goes"
            )
        if errors:
            raise ValidationError(errors)

    def layout_style(self):
        """The style as core.report_layout draws it."""
        return Style(
            header=self.header_rows,
            date_format=self.date_format,
            numbering=self.numbering,
            list_style=self.list_style,
            headings_in_capitals=self.headings_in_capitals,
            purpose_heading=self.purpose_heading,
            recommendations_heading=self.recommendations_heading,
            recommendations_in_bold=self.recommendations_in_bold,
            background_papers_heading=self.background_papers_heading,
            background_papers_act=self.background_papers_act,
            implications=self.implication_labels,
            wards_none=self.wards_none,
            wards_all=self.wards_all,
            part_1_marking=self.part_1_marking,
            part_2_marking=self.part_2_marking,
            decision_marker=self.decision_marker,
            noting_marker=self.noting_marker,
            font_size=self.font_size,
            margins=self.margins,
        )


class CommitteeStyle(models.Model):
    """A committee's usual house style, held here: a committee never points up at reports."""

    committee = models.OneToOneField(
        Committee, on_delete=models.CASCADE, related_name="report_style"
    )
    house_style = models.ForeignKey(
        HouseStyle, on_delete=models.PROTECT, related_name="committee_styles"
    )
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.committee}: {self.house_style}"


class CommitteeReportQuerySet(RecordQuerySet):
    def visible_to(self, user):
        """Part 2 reports exist only for those with exempt access: hidden, not just locked."""
        if CommitteeReport.may_read_exempt(user):
            return self
        return self.filter(part=CommitteeReport.Part.OPEN)

    def for_list(self):
        return self.select_related("committee", "meeting", "contact_officer", "house_style")

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

    class Marker(models.TextChoices):
        NONE = "", "Neither"
        DECISION = "decision", "For decision"
        NOTING = "noting", "For noting"

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
    house_style = models.ForeignKey(
        HouseStyle,
        on_delete=models.PROTECT,
        related_name="reports",
        help_text="How the report looks: its committee's usual style unless you choose another",
    )
    reference = models.CharField(
        "report reference",
        max_length=50,
        blank=True,
        help_text="The council's own reference for the paper, for example BVC 40/05",
    )
    marker = models.CharField(
        "for decision or for noting",
        max_length=10,
        choices=Marker.choices,
        default=Marker.NONE,
        blank=True,
    )
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
    # Boxes of a header block such as the Cabinet style's (seed 001).
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
        if self.house_style_id and self.house_style.shows("implications"):
            known = {key for key, _ in self.house_style.implication_choices}
            if set(self.implications or []) - known:
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
