from dataclasses import dataclass
from datetime import date, timedelta
from string import ascii_lowercase

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from simple_history.models import HistoricalRecords

from core.fields import PeriodColumns, period_columns, period_constraint
from core.models import Document
from core.periods import FinancialYear, default_programme_year
from core.permissions import EditableRecord, RecordQuerySet
from core.status import STATUS_COLOURS
from core.versioning import VersionedModel
from organisation import roles
from organisation.models import Directorate, Person, Ward


class Stage(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SCOPING = "scoping", "Scoping"
    CHALLENGE = "challenge", "Challenge (4 Cs)"
    VISION = "vision", "Vision report"
    OPTIONS = "options", "Options analysis & improvement plan"
    APPROVED = "approved", "Approved"
    IMPLEMENTATION = "implementation", "Implementation & monitoring"
    COMPLETED = "completed", "Completed"
    DEFERRED = "deferred", "Deferred"
    WITHDRAWN = "withdrawn", "Withdrawn"
    SUPERSEDED = "superseded", "Superseded"


# The main line of a review, in order; the side exits can be taken from any live stage.
STAGE_LINE = [
    Stage.PROPOSED,
    Stage.SCOPING,
    Stage.CHALLENGE,
    Stage.VISION,
    Stage.OPTIONS,
    Stage.APPROVED,
    Stage.IMPLEMENTATION,
    Stage.COMPLETED,
]
SIDE_EXITS = [Stage.DEFERRED, Stage.WITHDRAWN, Stage.SUPERSEDED]
CLOSED_STAGES = [Stage.COMPLETED, Stage.WITHDRAWN, Stage.SUPERSEDED]


class WardScope(models.TextChoices):
    NONE = "none", "None"
    ALL = "all", "All"
    LIST = "list", "Listed wards"


class InspectionOffer(models.TextChoices):
    NONE = "none", "Not offered for inspection"
    ON_COMPLETION = "on_completion", "Offered for inspection on completion; not confirmed"
    DELAYED = "delayed", "Delayed: offered 12 months after completion"


@dataclass(frozen=True)
class StageStep:
    """One main-line stage as the review page's task list shows it."""

    label: str
    state: str  # "done", "current" or "to do"
    status: str  # the words shown beside the stage
    colour: str | None  # a tag colour, or None for plain text


def late_on(today):
    """The rule for a late review: its planned period ended before `today` and it is not
    closed. A deferral moves the planned period, so a deferred review is late only once its
    new target has passed too; a review with no planned period is never late."""
    return Q(planned_end__lt=today) & ~Q(stage__in=CLOSED_STAGES)


def involves(person):
    """The rule for the reviews `person` leads or is on the team of."""
    on_team = Review.team.through.objects.filter(person=person).values("review")
    return Q(lead_officer=person) | Q(pk__in=on_team)


# A review's lead officer owes a progress update after this long without one.
UPDATE_OWED_AFTER_DAYS = 60


def progress_stale_on(today):
    """No progress update for more than UPDATE_OWED_AFTER_DAYS before `today`, counting from
    the planned start when there is none yet (a review with neither has never had one).
    Needs `last_progress_on` (`ReviewQuerySet.with_update_owed`)."""
    since = today - timedelta(days=UPDATE_OWED_AFTER_DAYS)
    never = Q(last_progress_on__isnull=True)
    return (
        Q(last_progress_on__lt=since)
        | (never & Q(planned_start__lt=since))
        | (never & Q(planned_start__isnull=True))
    )


def update_owed_on(today):
    """The rule for the progress update a review's lead officer owes: the review is not closed,
    and it is late (`late_on`: its planned end has passed) or its progress is stale
    (`progress_stale_on`). Needs `last_progress_on`."""
    return ~Q(stage__in=CLOSED_STAGES) & (late_on(today) | progress_stale_on(today))


def _flag(condition):
    # A Case rather than the bare condition, which is NULL (not False) where a date is blank.
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


class ReviewQuerySet(RecordQuerySet):
    def with_people(self):
        return self.select_related(
            "responsible_director", "challenge_director", "lead_officer"
        ).prefetch_related("directorates")

    def live(self):
        return self.exclude(stage__in=CLOSED_STAGES)

    def for_programme(self, year: FinancialYear):
        """The year's programme: its own reviews, and earlier years' still planned to run in it.

        A carried-over review is one review shown in every year its planned period reaches
        (a deferral moves the planned period on); `is_carried_over` marks it in the later years.
        """
        carried_over = Q(programme_year__lt=year.start_year, planned_end__gte=year.start)
        return self.filter(Q(programme_year=year.start_year) | carried_over).shown_in(year)

    def default_programme_year(self, today: date | None = None) -> FinancialYear:
        """The programme to open on: this year's if it has reviews of its own, else the latest
        that has (`core.periods.default_programme_year`). Reviews carried over by their planned
        dates do not count, so a deferral does not move the year everyone sees."""
        years = self.order_by().values_list("programme_year", flat=True).distinct()
        return default_programme_year(years, today or timezone.localdate())

    def late(self, today=None):
        return self.filter(late_on(today or timezone.localdate()))

    def late_up_to(self, year: FinancialYear, today=None):
        """The late reviews of `year`'s programme and of earlier ones, marked as
        `for_programme` marks them: a late review is still running after its plan has left
        the programme, and it must not drop out of sight."""
        return self.filter(programme_year__lte=year.start_year).late(today).shown_in(year)

    def shown_in(self, year: FinancialYear):
        """With their people, and `is_carried_over` on those of earlier programmes."""
        return self.annotate(
            is_carried_over=ExpressionWrapper(
                Q(programme_year__lt=year.start_year), output_field=BooleanField()
            )
        ).with_people()

    def with_lateness(self, today=None):
        """Annotate `is_late` (`late_on`), and `deferral_count` and `latest_deferral_reason`
        so that a late review can say why."""
        deferrals = Deferral.objects.filter(review=OuterRef("pk")).order_by()
        count = deferrals.values("review").annotate(count=Count("pk")).values("count")
        return self.annotate(
            is_late=_flag(late_on(today or timezone.localdate())),
            deferral_count=Coalesce(Subquery(count), 0),
            latest_deferral_reason=Subquery(
                deferrals.order_by("-deferred_on", "-pk").values("reason")[:1]
            ),
        )

    def with_update_owed(self, today=None):
        """`with_lateness`, and annotate `last_progress_on` (the newest progress update's date,
        or None), `progress_is_stale` (`progress_stale_on`) and `update_owed`
        (`update_owed_on`), so that a review owing an update can say why."""
        today = today or timezone.localdate()
        newest = ProgressUpdate.objects.filter(review=OuterRef("pk")).order_by("-date")
        return (
            self.with_lateness(today)
            .annotate(last_progress_on=Subquery(newest.values("date")[:1]))
            .annotate(
                progress_is_stale=_flag(progress_stale_on(today)),
                update_owed=_flag(update_owed_on(today)),
            )
        )

    def owing_update(self, today=None):
        """The reviews whose lead officer owes a progress update (`update_owed_on`)."""
        return self.with_update_owed(today).filter(update_owed=True)

    def involving(self, person):
        return self.filter(involves(person))

    def around(self, day: date):
        """The reviews a meeting on `day` may minute: the programmes of the financial year
        before, of and after the day, and earlier reviews still planned to run into them;
        without those closed more than a year before the day.

        A review has no completion date: it counts as closed long before when its planned
        period ended over a year before the day and no stage change was made since then.
        """
        first = FinancialYear.containing(day).previous()
        in_programmes = Q(programme_year__range=(first.start_year, first.start_year + 2)) | Q(
            programme_year__lt=first.start_year, planned_end__gte=first.start
        )
        a_year_before = day - timedelta(days=365)
        changed_since = StageChange.objects.filter(
            review=OuterRef("pk"), changed_on__gte=a_year_before
        )
        closed_long_before = Q(stage__in=CLOSED_STAGES, planned_end__lt=a_year_before) & ~Exists(
            changed_since
        )
        return self.filter(in_programmes).exclude(closed_long_before)

    def with_stage_order(self):
        """Annotate `stage_order`: the main line in order, then the side exits."""
        return self.annotate(
            stage_order=Case(
                *(When(stage=stage, then=Value(position)) for position, stage in enumerate(Stage)),
                output_field=models.IntegerField(),
            )
        )

    def search(self, text):
        words = Q()
        for word in text.split():
            words &= (
                Q(title__icontains=word)
                | Q(scope__icontains=word)
                | Q(partner_agencies__icontains=word)
            )
        return self.filter(words)

    def editing_rule(self, user):
        """Review officers edit the reviews they lead or are on the team of."""
        rule = super().editing_rule(user)
        if rule is False or roles.edits_everything(user):
            return rule
        person = getattr(user, "person", None)
        if person is None:
            return False
        return involves(person)

    def for_detail(self):
        return self.with_people().prefetch_related(
            "team",
            "wards",
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.select_related("recorded_by"),
            ),
            Prefetch("deferrals", queryset=Deferral.objects.select_related("recorded_by")),
            Prefetch("stage_changes", queryset=StageChange.objects.select_related("changed_by")),
            "recommendations",
            "outcomes",
            "challenge_evidence",
            "documents",
        )


class Review(EditableRecord, VersionedModel):
    title = models.CharField(max_length=200)
    scope = models.TextField(blank=True)
    programme_year = models.PositiveSmallIntegerField(
        help_text="The first calendar year of the financial year: 2026 for 2026/27"
    )
    directorates = models.ManyToManyField(Directorate, related_name="reviews", blank=True)
    partner_agencies = models.TextField(blank=True)
    responsible_director = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="reviews_responsible_for"
    )
    challenge_director = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="reviews_challenged",
        null=True,
        blank=True,
        verbose_name="challenge session director",
    )
    lead_officer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="reviews_led", null=True, blank=True
    )
    team = models.ManyToManyField(Person, related_name="review_teams", blank=True)
    ward_scope = models.CharField(
        "wards affected", max_length=4, choices=WardScope.choices, default=WardScope.ALL
    )
    wards = models.ManyToManyField(Ward, related_name="reviews", blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.PROPOSED)
    planned_start, planned_end, planned_precision = period_columns("Planned period")
    planned = PeriodColumns()
    inspection_offer = models.CharField(
        max_length=20, choices=InspectionOffer.choices, default=InspectionOffer.NONE
    )
    history = HistoricalRecords(m2m_fields=[directorates, team, wards])

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-programme_year", "title"]
        constraints = [
            period_constraint("review", "planned"),
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="review_stage_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:review-detail", args=[self.pk])

    @property
    def financial_year(self):
        return FinancialYear(self.programme_year)

    @property
    def is_closed(self):
        return self.stage in CLOSED_STAGES

    def is_carried_over_into(self, year: FinancialYear):
        return self.programme_year < year.start_year

    @property
    def is_offered_for_inspection(self):
        return self.inspection_offer != InspectionOffer.NONE

    @property
    def is_on_side_exit(self):
        return self.stage in SIDE_EXITS

    def main_line_stage(self):
        """The main-line stage the review is at, or the one it left for a side exit."""
        if self.stage in STAGE_LINE:
            return Stage(self.stage)
        # Newest first; one side exit may follow another (deferred, then withdrawn).
        for change in self.stage_changes.all():
            if change.from_stage in STAGE_LINE:
                return Stage(change.from_stage)
        return Stage.PROPOSED

    def allowed_stages(self):
        """The stages this review may move to, in the order they are offered: any later stage
        of the main line (a review recorded part-way passes the ones between, `steps_to`),
        then the side exits. A deferred review resumes at the stage it was deferred from.
        """
        if self.stage in CLOSED_STAGES:
            return []
        if self.stage == Stage.DEFERRED:
            resumes = STAGE_LINE.index(self.main_line_stage())
            return [*STAGE_LINE[resumes:], Stage.WITHDRAWN, Stage.SUPERSEDED]
        position = STAGE_LINE.index(self.stage)
        return [*STAGE_LINE[position + 1 :], *SIDE_EXITS]

    def steps_to(self, stage):
        """The stages the review passes through to reach allowed `stage`, in order, ending
        with it: each is a change of stage of its own, with its own date."""
        if stage in SIDE_EXITS:
            return [stage]
        main_line = [allowed for allowed in self.allowed_stages() if allowed in STAGE_LINE]
        return main_line[: main_line.index(stage) + 1]

    def next_stage(self):
        """The stage the review moves on to (a deferred one resumes where it left), or None
        once it is closed."""
        return next(iter(self.allowed_stages()), None)

    def stage_steps(self):
        """A StageStep for each main-line stage. On a side exit, the stage left from is current
        and shows the side exit ("Deferred"); a completed review has every stage done."""
        here = STAGE_LINE.index(self.main_line_stage())
        if self.stage == Stage.COMPLETED:
            here = len(STAGE_LINE)
        steps = []
        for position, stage in enumerate(STAGE_LINE):
            if position < here:
                steps.append(StageStep(stage.label, "done", "Done", None))
            elif position > here:
                steps.append(StageStep(stage.label, "to do", "To do", None))
            elif self.is_on_side_exit:
                steps.append(
                    StageStep(
                        stage.label,
                        "current",
                        self.get_stage_display(),
                        STATUS_COLOURS[self.stage],
                    )
                )
            else:
                # Not a status: the task list's own tag for the step under way, as GOV.UK's has.
                steps.append(StageStep(stage.label, "current", "In progress", "blue"))
        return steps

    def latest_progress_update(self):
        """The newest progress update (from the prefetch when there is one), or None."""
        return next(iter(self.progress_updates.all()), None)

    def current_deferral(self):
        """The deferral a deferred review is under, or None."""
        if self.stage != Stage.DEFERRED:
            return None
        return next(iter(self.deferrals.all()), None)

    def wards_affected(self):
        """As a report's WARDS AFFECTED line puts it: None, All, or the wards' names."""
        if self.ward_scope == WardScope.LIST:
            return ", ".join(str(ward) for ward in self.wards.all())
        return self.get_ward_scope_display()

    def outcomes_by_theme(self):
        """[(theme, [outcome, …])], themes in the order their first outcome comes."""
        themes = {}
        for outcome in self.outcomes.all():
            themes.setdefault(outcome.theme, []).append(outcome)
        return list(themes.items())

    def next_recommendation_letter(self):
        """The first letter, from (a), that no recommendation of this review has yet."""
        used = set(self.recommendations.values_list("letter", flat=True))
        return next((letter for letter in ascii_lowercase if letter not in used), "")

    def four_cs(self):
        """(C, its ChallengeEvidence or None) for each of the 4 Cs, in order."""
        found = {evidence.c: evidence for evidence in self.challenge_evidence.all()}
        return [(c, found.get(c)) for c in ChallengeEvidence.C]


class StageChange(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_on = models.DateField(default=timezone.localdate)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-changed_at"]
        get_latest_by = "changed_at"

    def __str__(self):
        # With its date: the history page lists when the change was recorded, not made.
        when = formats.date_format(self.changed_on, "j F Y")
        return f"{self.get_from_stage_display()} → {self.get_to_stage_display()}, {when}"


class ProgressUpdate(VersionedModel):
    """A dated narrative; the newest is what the board-update table shows."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField(default=timezone.localdate)
    text = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        get_latest_by = ["date", "created_at"]

    def __str__(self):
        return f"{formats.date_format(self.date)}: {Truncator(self.text).chars(60)}"

    def get_absolute_url(self):
        return review_section_url(self.review_id, "progress")


class Deferral(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="deferrals")
    reason = models.TextField()
    old_target_start, old_target_end, old_target_precision = period_columns("Old target")
    old_target = PeriodColumns()
    new_target_start, new_target_end, new_target_precision = period_columns(
        "New target", required=True
    )
    new_target = PeriodColumns()
    agreed_by = models.CharField(max_length=200, blank=True, help_text="For example, CDMT Board")
    deferred_on = models.DateField(default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-deferred_on", "-pk"]
        constraints = [
            period_constraint("deferral", "old_target"),
            period_constraint("deferral", "new_target"),
        ]

    def __str__(self):
        return f"Deferred until {self.new_target}"


class Recommendation(VersionedModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        AGREED = "agreed", "Agreed"
        IN_PROGRESS = "in_progress", "In progress"
        IMPLEMENTED = "implemented", "Implemented"
        NOT_AGREED = "not_agreed", "Not agreed"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    letter = models.CharField(
        max_length=3,
        help_text="a, b, c …",
        validators=[
            RegexValidator(r"^[a-z]{1,3}$", "Enter the letter in lower case, for example b")
        ],
    )
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "letter"]
        constraints = [
            models.UniqueConstraint(
                "review",
                "letter",
                name="recommendation_letter_unique",
                violation_error_message="This review already has a recommendation with "
                "that letter.",
            ),
        ]

    def __str__(self):
        return f"({self.letter}) {Truncator(self.text).chars(60)}"

    def get_absolute_url(self):
        return review_section_url(self.review_id, "recommendations")


class Outcome(VersionedModel):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="outcomes")
    theme = models.CharField(
        max_length=200, help_text="For example, Enabling the Delivery of Better Services"
    )
    text = models.TextField()
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Outcomes are listed in this order, lowest first"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self):
        return Truncator(self.text).chars(60)

    def get_absolute_url(self):
        return review_section_url(self.review_id, "outcomes")


class ChallengeEvidence(VersionedModel):
    class C(models.TextChoices):
        CHALLENGE = "challenge", "Challenge"
        COMPARE = "compare", "Compare"
        CONSULT = "consult", "Consult"
        COMPETE = "compete", "Compete"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="challenge_evidence")
    c = models.CharField("C", max_length=10, choices=C.choices)
    evidence = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "4 Cs evidence"
        verbose_name_plural = "4 Cs evidence"
        constraints = [
            models.UniqueConstraint(
                "review",
                "c",
                name="challenge_evidence_one_per_c",
                violation_error_message="This review already has evidence for that C.",
            ),
        ]

    def __str__(self):
        return f"{self.get_c_display()}: {Truncator(self.evidence).chars(60)}"

    def get_absolute_url(self):
        return review_section_url(self.review_id, "four-cs")


def review_section_url(review_id, section):
    return reverse("reviews:review-detail", args=[review_id]) + f"#{section}"


class ReviewDocument(Document):
    class Kind(models.TextChoices):
        VISION_REPORT = "vision_report", "Vision report"
        OPTIONS_REPORT = "options_report", "Options analysis & improvement plan"
        FINAL_REPORT = "final_report", "Final report"
        INTERIM_REPORT = "interim_report", "Interim progress report"
        MINUTES = "minutes", "Minutes"
        OTHER = "other", "Other"

    parent_field = "review"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    is_background_paper = models.BooleanField(
        "background paper",
        default=False,
        help_text="Listed under the Local Government Act 1972, section 100D",
    )
    history = HistoricalRecords()

    class Meta(Document.Meta):
        ordering = ["review", "-uploaded_at"]

    def get_absolute_url(self):
        return reverse("reviews:document-download", args=[self.review_id, self.pk])
