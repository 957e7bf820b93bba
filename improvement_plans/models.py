"""Improvement plans: where a review (or an inspection) turns into change.

A plan has numbered key issues; each key issue has actions with leads and milestone dates.
An action's RAG status is never typed: `ActionQuerySet.with_rag()` derives it in the database
from the action's status, milestone date and latest progress update (docs/improvement_plans.md).
"""

from datetime import timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.models import HistoricalRecords

from committees.models import Committee
from core.fields import PeriodColumns, period_columns, period_constraint
from core.permissions import EditableRecord, RecordQuerySet
from core.versioning import VersionedModel
from inspections.models import Inspection, InspectionRecommendation
from organisation import roles
from organisation.models import Person
from reviews.models import Review

# An action is amber when its milestone is this close, or when nobody has reported progress
# for longer than this; reminders go out this far ahead of a milestone.
DUE_SOON_DAYS = 30
STALE_AFTER_DAYS = 60
REMINDER_DAYS = 14

MAX_HOURS_PER_ENTRY = Decimal(24)


class RAG(models.TextChoices):
    """An action's derived status, in the order lists sort it (most urgent first)."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    COMPLETE = "complete", "Complete"
    DROPPED = "dropped", "Dropped"


RAG_ORDER = {rag: position for position, rag in enumerate(RAG)}


class ImprovementPlanQuerySet(RecordQuerySet):
    def with_links(self):
        return self.select_related("review", "inspection", "monitoring_committee")

    def with_hours_logged(self):
        hours = (
            TimeLog.objects.filter(action__key_issue__plan=OuterRef("pk"))
            .order_by()
            .values("action__key_issue__plan")
            .annotate(total=Sum("hours"))
            .values("total")
        )
        return self.annotate(hours_logged=Coalesce(Subquery(hours), Decimal(0)))

    def for_review(self, review, today=None):
        """A review's plans with their RAG counts, for the review page."""
        return with_rag_counts(self.filter(review=review).with_links(), today)

    def editing_rule(self, user):
        """Review officers edit the plans of the reviews they may edit, and of those
        reviews' inspections."""
        rule = super().editing_rule(user)
        if rule is False or roles.edits_everything(user):
            return rule
        reviews = Review.objects.editable_by(user).values("pk")
        return Q(review__in=reviews) | Q(inspection__review__in=reviews)


class ImprovementPlan(EditableRecord, VersionedModel):
    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        related_name="improvement_plans",
        null=True,
        blank=True,
        help_text="The Best Value review this plan answers",
    )
    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.PROTECT,
        related_name="improvement_plans",
        null=True,
        blank=True,
        help_text="The inspection this plan answers, if any",
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    period_start, period_end, period_precision = period_columns("Period", required=True)
    period = PeriodColumns()
    approved_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example “Infrastructure Overview & Scrutiny Committee”",
    )
    approved_on = models.DateField("date approved", null=True, blank=True)
    monitoring_committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="improvement_plans_monitored",
        null=True,
        blank=True,
        help_text="The committee with overall responsibility for monitoring the plan",
    )
    monitoring_interval_months = models.PositiveSmallIntegerField(
        "monitoring interval (months)",
        default=6,
        help_text="How often the committee monitors the plan: 6 for every six months",
    )
    history = HistoricalRecords()

    objects = ImprovementPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=False) | Q(inspection__isnull=False),
                name="improvement_plan_answers_review_or_inspection",
                violation_error_message="Choose the review or the inspection this plan answers.",
            ),
            models.CheckConstraint(
                condition=Q(monitoring_interval_months__gte=1),
                name="improvement_plan_monitoring_interval_positive",
                violation_error_message="The monitoring interval must be at least 1 month.",
            ),
            period_constraint("improvement_plan", "period"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("improvement_plans:plan-detail", args=[self.pk])

    def clean(self):
        if self.review_id is None and self.inspection_id is None:
            raise ValidationError(
                {"review": "Choose the review or the inspection this plan answers"}
            )

    @property
    def answers(self):
        """The review or inspection the plan answers (the review when there are both)."""
        return self.review or self.inspection

    def next_monitoring_date(self, today=None):
        """The first monitoring date on or after today; None until the plan is approved.

        A report due today is still the next one, as an action due today is not yet late.
        """
        today = today or timezone.localdate()
        if self.approved_on is None:
            return None
        # Skip whole intervals arithmetically, so an old plan does not loop for decades.
        months = (today.year - self.approved_on.year) * 12 + today.month - self.approved_on.month
        skip = max(months // self.monitoring_interval_months - 1, 0)
        number = skip + 1
        while True:
            when = self.approved_on + relativedelta(months=number * self.monitoring_interval_months)
            if when >= today:
                return when
            number += 1

    def next_key_issue_number(self):
        highest = self.key_issues.aggregate(highest=Max("number"))["highest"]
        return (highest or 0) + 1


class KeyIssue(VersionedModel):
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="key_issues")
    number = models.PositiveSmallIntegerField(
        help_text="As numbered in the plan: 11 for Key Issue 11"
    )
    title = models.CharField(max_length=200, help_text="For example “Performance indicators”")
    description = models.TextField(blank=True)
    drivers_for_action = models.TextField(
        blank=True, help_text="Why this issue needs action: the main drivers"
    )
    monitoring_group = models.CharField(
        "lead for performance monitoring",
        max_length=200,
        blank=True,
        help_text="The group that takes a lead role in monitoring this key issue",
    )
    needs_external_support = models.BooleanField(
        default=False, help_text="External and objective input is needed"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                "number",
                name="key_issue_number_unique_in_plan",
                violation_error_message="This plan already has a key issue with that number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="key_issue_number_positive",
                violation_error_message="Key issues are numbered from 1.",
            ),
        ]

    def __str__(self):
        return f"Key Issue {self.number}: {self.title}"

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#key-issue-{self.number}"

    def next_action_number(self):
        highest = self.actions.aggregate(highest=Max("number"))["highest"]
        return (highest or 0) + 1


class ActionQuerySet(RecordQuerySet):
    def with_rag(self, today=None):
        """Annotate `last_progress_on`, `rag` (a RAG value) and `rag_order` (for sorting).

        The rules, in order (docs/improvement_plans.md has the boundaries):
        complete -> complete; dropped -> dropped; milestone before today -> red; milestone
        within DUE_SOON_DAYS (today included) -> amber; no progress update for more than
        STALE_AFTER_DAYS, counting from the start date when there is none -> amber; else green.
        """
        today = today or timezone.localdate()
        latest_update = (
            ActionUpdate.objects.filter(action=OuterRef("pk"))
            .order_by()
            .values("action")
            .annotate(latest=Max("date"))
            .values("latest")
        )
        annotated = self.annotate(
            last_progress_on=Coalesce(Subquery(latest_update), F("start_date"))
        )
        rules = [
            When(status=Action.Status.COMPLETE, then=Value(RAG.COMPLETE.value)),
            When(status=Action.Status.DROPPED, then=Value(RAG.DROPPED.value)),
            When(milestone_date__lt=today, then=Value(RAG.RED.value)),
            When(
                milestone_date__lte=today + timedelta(days=DUE_SOON_DAYS),
                then=Value(RAG.AMBER.value),
            ),
            When(
                last_progress_on__lt=today - timedelta(days=STALE_AFTER_DAYS),
                then=Value(RAG.AMBER.value),
            ),
        ]
        return annotated.annotate(
            rag=Case(*rules, default=Value(RAG.GREEN.value), output_field=models.CharField()),
            rag_order=Case(
                *(When(rag=rag.value, then=Value(order)) for rag, order in RAG_ORDER.items()),
                output_field=IntegerField(),
            ),
        )

    def with_plan(self):
        return self.select_related("key_issue__plan", "lead_officer")

    def with_hours_logged(self):
        hours = (
            TimeLog.objects.filter(action=OuterRef("pk"))
            .order_by()
            .values("action")
            .annotate(total=Sum("hours"))
            .values("total")
        )
        return self.annotate(hours_logged=Coalesce(Subquery(hours), Decimal(0)))

    def in_plan_order(self):
        return self.order_by("key_issue__number", "number")

    def in_rag_order(self):
        """Most urgent first: red, amber, green, complete, dropped; then by milestone."""
        return self.order_by("rag_order", "milestone_date", "key_issue__number", "number")

    def open(self):
        return self.exclude(status__in=[Action.Status.COMPLETE, Action.Status.DROPPED])

    def overdue_or_due_within(self, days, today=None):
        """Open actions whose milestone has passed or falls within `days` from today."""
        today = today or timezone.localdate()
        return self.open().filter(milestone_date__lte=today + timedelta(days=days))

    def led_by(self, person):
        return self.filter(lead_officer=person)

    def editing_rule(self, user):
        """The actions of the plans `user` may edit, and those they lead."""
        if super().editing_rule(user) is False:
            return False
        plans = ImprovementPlan.objects.editing_rule(user)
        if plans is True:
            return True
        rule = Q(pk__in=[])
        if plans is not False:
            rule = Q(key_issue__plan__in=ImprovementPlan.objects.filter(plans).values("pk"))
        person = getattr(user, "person", None)
        if person is not None:
            rule |= Q(lead_officer=person)
        return rule


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    DROPPED = "dropped", "Dropped"


class Action(EditableRecord, VersionedModel):
    Status = ActionStatus

    class RiskLevel(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    key_issue = models.ForeignKey(KeyIssue, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField(
        help_text="The action's number within its key issue: 2 for action 8.2"
    )
    description = models.TextField()
    lead_officer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="improvement_actions_led",
        null=True,
        blank=True,
    )
    lead_group = models.CharField(
        max_length=100, blank=True, help_text="A group that leads, such as CMT or EMG"
    )
    business_unit = models.CharField(
        max_length=200, blank=True, help_text="For example “Strategic & Performance Services”"
    )
    start_date = models.DateField()
    milestone_date = models.DateField()
    resource_implications = models.TextField(blank=True, help_text="For example, staff time")
    risk = models.TextField(blank=True)
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, blank=True)
    needs_external_support = models.BooleanField(default=False)
    success_measure = models.TextField(blank=True)
    baseline = models.CharField(max_length=200, blank=True)
    target = models.CharField(max_length=200, blank=True)
    actual = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    inspection_recommendation = models.ForeignKey(
        InspectionRecommendation,
        on_delete=models.SET_NULL,
        related_name="improvement_actions",
        null=True,
        blank=True,
        help_text="The inspection recommendation this action was created from",
    )
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["key_issue", "number"]
        constraints = [
            models.UniqueConstraint(
                "key_issue",
                "number",
                name="action_number_unique_in_key_issue",
                violation_error_message="This key issue already has an action with that number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="action_number_positive",
                violation_error_message="Actions are numbered from 1.",
            ),
            models.CheckConstraint(
                condition=Q(lead_officer__isnull=False) | ~Q(lead_group=""),
                name="action_has_a_lead",
                violation_error_message="Choose a lead officer or enter a lead group.",
            ),
            models.CheckConstraint(
                condition=Q(milestone_date__gte=F("start_date")),
                name="action_milestone_not_before_start",
                violation_error_message="The milestone date must not be before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values),
                name="action_status_valid",
                violation_error_message="Choose a valid status.",
            ),
            models.CheckConstraint(
                condition=Q(status="complete", completed_on__isnull=False)
                | (~Q(status="complete") & Q(completed_on__isnull=True)),
                name="action_completed_on_only_when_complete",
                violation_error_message="Only a complete action has a completion date, "
                "and every complete action has one.",
            ),
            # One action per recommendation: converting an inspection twice adds nothing.
            models.UniqueConstraint(
                "inspection_recommendation",
                condition=Q(inspection_recommendation__isnull=False),
                name="action_one_per_inspection_recommendation",
                violation_error_message="That inspection recommendation already has an action.",
            ),
        ]

    def __str__(self):
        # Not the reference: history pages name many actions, and that would cost a query each.
        return Truncator(self.description).words(12)

    def get_absolute_url(self):
        return reverse("improvement_plans:action-detail", args=[self.pk])

    @property
    def reference(self):
        """As the plan numbers it: "8.2" is the second action of Key Issue 8."""
        return f"{self.key_issue.number}.{self.number}"

    def get_rag_display(self):
        """The RAG status in words, for an action fetched `with_rag()`."""
        return RAG(self.rag).label

    @property
    def lead(self):
        """Who leads, as the plan prints it: the officer, the group, or both."""
        names = [str(name) for name in (self.lead_officer, self.lead_group) if name]
        return " / ".join(names)

    def clean(self):
        errors = {}
        if self.lead_officer_id is None and not self.lead_group.strip():
            errors["lead_officer"] = "Choose a lead officer or enter a lead group, such as CMT"
        if self.start_date and self.milestone_date and self.milestone_date < self.start_date:
            errors["milestone_date"] = (
                "The milestone date must be the same as or after the start date"
            )
        if errors:
            raise ValidationError(errors)

    def time_log_people(self, user):
        """The people whose time `user` may log on this action: anyone active, for those who
        edit everything (they enter timesheets); otherwise themselves and the people the
        action's editing rule names: its lead officer, and the lead officer and team of the
        review its plan answers (directly or through an inspection)."""
        people = Person.objects.active()
        if roles.edits_everything(user):
            return people
        plan = self.key_issue.plan_id
        reviews = Review.objects.filter(
            Q(improvement_plans=plan) | Q(inspections__improvement_plans=plan)
        )
        team = Review.team.through.objects.filter(review__in=reviews.values("pk"))
        works_on = (
            Q(pk=self.lead_officer_id)
            | Q(pk__in=reviews.values("lead_officer"))
            | Q(pk__in=team.values("person"))
        )
        person = getattr(user, "person", None)
        if person is not None:
            works_on |= Q(pk=person.pk)
        return people.filter(works_on)

    def set_status(self, status, today=None):
        """Change the status; completing records today as the completion date."""
        status = Action.Status(status)
        if status == Action.Status.COMPLETE and self.status != Action.Status.COMPLETE:
            self.completed_on = today or timezone.localdate()
        elif status != Action.Status.COMPLETE:
            self.completed_on = None
        self.status = status


class ActionUpdate(models.Model):
    """A dated progress note; the newest one is what keeps an action off amber."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate)
    note = models.TextField()
    status = models.CharField(
        "status after the update", max_length=20, choices=Action.Status.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        get_latest_by = ["date", "created_at"]
        verbose_name = "progress update"

    def __str__(self):
        return f"Progress on {self.date:%-d %B %Y}: {Truncator(self.note).words(12)}"


class TimeLogQuerySet(models.QuerySet):
    def totals_by(self, *fields):
        """Hours per distinct value of `fields`, largest first: one grouped query."""
        return (
            self.order_by()
            .values(*fields)
            .annotate(hours=Sum("hours"), entries=Count("pk"))
            .order_by("-hours", *fields)
        )


class TimeLog(models.Model):
    """Staff time spent progressing the plan: "logged and monitored" (seed 004)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="time_logs")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="time_logged")
    date = models.DateField(default=timezone.localdate)
    hours = models.DecimalField(max_digits=4, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    objects = TimeLogQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "time log entry"
        verbose_name_plural = "time log entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=MAX_HOURS_PER_ENTRY),
                name="time_log_hours_in_a_day",
                violation_error_message="Hours must be more than 0 and no more than 24.",
            ),
        ]

    def __str__(self):
        return f"{self.hours.normalize():f} hours on {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return f"{self.action.get_absolute_url()}#time-logged"

    def clean(self):
        """Time is logged once it is spent: a day still to come is refused, in the form and
        the admin alike."""
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "The date must be today or in the past"})


class ExternalCommission(VersionedModel):
    """External support commissioned for some key issues ("external and objective input")."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        APPROVED = "approved", "Approved"
        COMMISSIONED = "commissioned", "Commissioned"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.CASCADE, related_name="external_commissions"
    )
    title = models.CharField(max_length=200)
    brief = models.TextField(help_text="What the supplier is asked to do")
    key_issues = models.ManyToManyField(
        KeyIssue, related_name="external_commissions", verbose_name="key issues covered"
    )
    budget = models.DecimalField(
        "budget (£)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(
        max_length=200, blank=True, help_text="For example “Best Value review funding”"
    )
    supplier = models.CharField(max_length=200, blank=True)
    timescale_start, timescale_end, timescale_precision = period_columns("Timescale")
    timescale = PeriodColumns()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    history = HistoricalRecords(m2m_fields=[key_issues])

    class Meta:
        ordering = ["plan", "timescale_start", "title"]
        constraints = [
            period_constraint("external_commission", "timescale"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="external_commission_budget_not_negative",
                violation_error_message="The budget must not be negative.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#external-commission-{self.pk}"


class ReminderSent(models.Model):
    """One row per person per day: the reminder command's guard against a second email."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders_sent")
    date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    actions = models.PositiveSmallIntegerField("actions listed")

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                "person",
                "date",
                name="reminder_sent_once_per_person_per_day",
                violation_error_message="This person has already been reminded today.",
            ),
        ]

    def __str__(self):
        return f"{self.person} reminded on {self.date:%-d %B %Y}"


def with_rag_counts(plans, today=None):
    """`plans` (a list or queryset) with `red`, `amber`, `green`, `complete` and `dropped` set
    on each: how many of its actions are each.

    One query however many plans: the actions are grouped by plan and derived RAG in the
    database, so each action's RAG is worked out once (a subquery per plan and RAG would
    work it out five times for every plan; 200 plans took seconds).
    """
    plans = list(plans)
    counts = {(plan, rag): 0 for plan in (p.pk for p in plans) for rag in RAG}
    grouped = (
        Action.objects.with_rag(today)
        .filter(key_issue__plan__in=[plan.pk for plan in plans])
        .order_by()
        .values_list("key_issue__plan", "rag")
        .annotate(count=Count("pk"))
    )
    counts.update({(plan, rag): count for plan, rag, count in grouped})
    for plan in plans:
        for rag in RAG:
            setattr(plan, rag.value, counts[plan.pk, rag.value])
    return plans
