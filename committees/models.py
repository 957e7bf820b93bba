from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from simple_history.models import HistoricalRecords

from committees import rules
from core import calendar
from core.permissions import EditableRecord, RecordQuerySet
from core.versioning import VersionedModel
from organisation.models import Person
from reviews.models import Review


def long_date(value):
    """A date as the council writes it: "23 February 2004"."""
    return formats.date_format(value, "j F Y")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CommitteeQuerySet(RecordQuerySet):
    def with_next_meeting(self, today=None):
        """Annotate `next_meeting_date`: the first meeting from today that is not cancelled."""
        upcoming = Q(meetings__date__gte=today or timezone.localdate()) & ~Q(
            meetings__status=MeetingStatus.CANCELLED
        )
        return self.annotate(next_meeting_date=Min("meetings__date", filter=upcoming))


class Committee(EditableRecord, VersionedModel):
    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        SCRUTINY_PANEL = "scrutiny_panel", "Scrutiny panel"
        CABINET = "cabinet", "Cabinet"
        OVERVIEW_AND_SCRUTINY = "overview_scrutiny", "Overview & scrutiny committee"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    members = models.ManyToManyField(Person, related_name="committees", blank=True)
    meeting_rule = rules.MeetingRuleField(
        blank=True,
        help_text="When the committee meets, as an RFC 5545 RRULE: FREQ=MONTHLY;BYDAY=-1TH "
        "is the last Thursday of each month",
    )
    rule_from = models.DateField(
        "rule applies from",
        null=True,
        blank=True,
        help_text="Meeting dates follow the rule from this day",
    )
    meeting_time = models.TimeField("usual time", null=True, blank=True)
    venue = models.CharField("usual venue", max_length=200, blank=True)
    history = HistoricalRecords(m2m_fields=[members])

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "name",
                name="committee_name_unique",
                violation_error_message="A committee with this name already exists.",
            ),
            models.CheckConstraint(
                condition=Q(meeting_rule="") | Q(rule_from__isnull=False),
                name="committee_rule_has_start",
                violation_error_message="Enter the date the meeting rule applies from.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committees:committee-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.meeting_rule and self.rule_from is None:
            raise ValidationError({"rule_from": "Enter the date the meeting rule applies from"})
        if self.meeting_rule and self.rule_from:
            try:
                first = rules.first_date(self.meeting_rule, self.rule_from)
            except ValidationError:
                return  # the field's own validator has said what is wrong
            if first is None:
                raise ValidationError(
                    {
                        "meeting_rule": "This rule gives no meeting dates after "
                        f"{long_date(self.rule_from)}: check UNTIL and COUNT"
                    }
                )

    @property
    def meeting_rule_in_words(self):
        return rules.describe(self.meeting_rule, self.meeting_time) if self.meeting_rule else ""

    def rule_dates(self, *, after: date, count: int, inclusive=False):
        """The next `count` dates the rule gives after `after` (none without a rule)."""
        if not self.meeting_rule:
            return []
        return rules.dates(
            self.meeting_rule, self.rule_from, after=after, count=count, inclusive=inclusive
        )

    def next_meetings(self, count=6, today=None):
        """(date, meeting or None) for the next `count` dates: meetings scheduled from today,
        merged with the dates the rule gives that have no meeting yet."""
        today = today or timezone.localdate()
        meetings = {m.date: m for m in self.meetings.filter(date__gte=today)[:count]}
        dates = set(meetings) | set(self.rule_dates(after=today, count=count, inclusive=True))
        return [(day, meetings.get(day)) for day in sorted(dates)[:count]]


class MeetingQuerySet(RecordQuerySet):
    def not_cancelled(self):
        return self.exclude(status=Meeting.Status.CANCELLED)

    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate()).order_by("date")

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate()).order_by("-date")

    def for_detail(self):
        return self.select_related("committee").prefetch_related("attendees")


class Meeting(EditableRecord, VersionedModel):
    Status = MeetingStatus

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    attendees = models.ManyToManyField(
        Person, related_name="meetings_attended", blank=True, verbose_name="members present"
    )
    attendees_text = models.TextField(
        "also attending",
        blank=True,
        help_text="As the minutes list them, for example “two trades union representatives”",
    )
    apologies = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    history = HistoricalRecords(m2m_fields=[attendees])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date"],
                name="meeting_one_per_committee_and_date",
                violation_error_message="This committee already has a meeting on that date.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.committee}, {long_date(self.date)}"

    def get_absolute_url(self):
        return reverse("committees:meeting-detail", args=[self.pk])

    @property
    def ical_uid(self):
        """Stable for the life of the meeting, so calendar programs update rather than add."""
        return f"meeting-{self.pk}@bestvalue-tracker"

    def calendar_event(self):
        """The meeting in a calendar: at its time, or all day when it has none; cancelled,
        it stays as CANCELLED so that calendars which have it take it out."""
        start = self.date
        if self.time is not None:
            start = timezone.make_aware(datetime.combine(self.date, self.time))
        cancelled = self.status == self.Status.CANCELLED
        return calendar.Event(
            uid=self.ical_uid,
            summary=str(self.committee),
            start=start,
            location=self.venue,
            url=self.get_absolute_url(),
            status="CANCELLED" if cancelled else "CONFIRMED",
            sequence=self.version,
        )

    def has_taken_place(self, today=None):
        return self.status == self.Status.HELD or self.date < (today or timezone.localdate())

    def previous_meeting(self):
        return self.committee.meetings.filter(date__lt=self.date).order_by("-date").first()

    def following_meeting(self):
        return self.committee.meetings.filter(date__gt=self.date).order_by("date").first()

    def next_meeting_date(self):
        """(date, meeting or None): where a request "for the next meeting" is due.

        The committee's first meeting after this one that is not cancelled; failing that, the
        first date the rule gives after this meeting that has no meeting (a cancelled meeting
        holds its date). None when neither exists.
        """
        meeting = (
            self.committee.meetings.not_cancelled()
            .filter(date__gt=self.date)
            .order_by("date")
            .first()
        )
        if meeting is not None:
            return meeting.date, meeting
        # One search a year ahead is plenty for any rule that meets at least yearly.
        candidates = self.committee.rule_dates(after=self.date, count=13)
        taken = set(
            self.committee.meetings.filter(date__in=candidates).values_list("date", flat=True)
        )
        free = [day for day in candidates if day not in taken]
        return (free[0], None) if free else None


class MinuteItemQuerySet(RecordQuerySet):
    def for_display(self):
        return self.select_related("review", "presented_by")

    def about_review(self, review):
        """What committees minuted about `review`, newest meeting first."""
        return (
            self.filter(review=review)
            .select_related("meeting__committee", "presented_by")
            .order_by("-meeting__date", "number")
        )


class MinuteItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minute_items")
    number = models.PositiveSmallIntegerField(help_text="The item's number in the minutes")
    heading = models.CharField(max_length=300)
    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        related_name="minute_items",
        null=True,
        blank=True,
        verbose_name="linked review",
    )
    presented_by_post = models.CharField(
        "presented by (post)",
        max_length=200,
        blank=True,
        help_text="For example “Head of Leisure, Libraries and Culture”",
    )
    presented_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="minute_items_presented",
        null=True,
        blank=True,
        verbose_name="presented by (person)",
    )
    text = models.TextField("minute", help_text="What was said and agreed")
    history = HistoricalRecords()

    objects = MinuteItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="minute_item_number_unique",
                violation_error_message="This meeting already has an item with that number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="minute_item_number_positive",
                violation_error_message="Number the items from 1.",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.heading}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#item-{self.number}"

    @property
    def presenter(self):
        """ "Wes Cuell", "Head of Community Development", or both."""
        names = [str(self.presented_by) if self.presented_by else "", self.presented_by_post]
        return ", ".join(name for name in names if name)


class BoardRequestQuerySet(RecordQuerySet):
    def for_display(self):
        return self.select_related(
            "raised_at__committee",
            "due_meeting__committee",
            "answered_at_meeting",
            "asked_of",
            "review",
        )

    def open(self):
        return self.filter(status=BoardRequest.Status.OPEN)

    def with_outstanding(self, as_of: date):
        """Annotate `outstanding_meetings`: how many of the due meeting's committee's meetings
        (not cancelled), from the due meeting on, came before `as_of` — 0 until it is missed."""
        missed = (
            Meeting.objects.not_cancelled()
            .filter(
                committee=OuterRef("due_meeting__committee"),
                date__gte=OuterRef("due_meeting__date"),
                date__lt=as_of,
            )
            .order_by()
            .values("committee")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(outstanding_meetings=Coalesce(Subquery(missed), 0))

    def due_at(self, meeting):
        """Requests on `meeting`'s agenda: those due at it, and those due at an earlier meeting
        of its committee that were still open when it met (carried forward)."""
        still_open = Q(status=BoardRequest.Status.OPEN) | Q(
            status=BoardRequest.Status.ANSWERED, answered_at_meeting__date__gte=meeting.date
        )
        carried = Q(due_meeting__committee=meeting.committee_id, due_meeting__date__lt=meeting.date)
        return (
            self.filter(Q(due_meeting=meeting) | (carried & still_open))
            .for_display()
            .with_outstanding(meeting.date)
            .order_by("due_meeting__date", "raised_at__date", "pk")
        )

    def open_about(self, review, today=None):
        """Open requests about `review`, with how many meetings each has been outstanding."""
        return (
            self.filter(review=review)
            .open()
            .for_display()
            .with_outstanding(today or timezone.localdate())
            .order_by("due_meeting__date", "pk")
        )


class BoardRequest(models.Model):
    """What a committee asked for ("a report to the next meeting on …"), until answered."""

    Status = RequestStatus

    raised_at = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="requests_raised",
        verbose_name="raised at meeting",
    )
    asked_for = models.TextField(
        "what was asked for",
        help_text="For example “a report on the feasibility of the invest-to-save proposal”",
    )
    asked_of = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="board_requests",
        null=True,
        blank=True,
        verbose_name="asked of (person)",
    )
    asked_of_text = models.CharField(
        "asked of (post or group)",
        max_length=200,
        blank=True,
        help_text="For example “Head of Community Development”",
    )
    due_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="requests_due", verbose_name="due at"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(blank=True)
    answered_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="requests_answered",
        null=True,
        blank=True,
        verbose_name="answered at",
    )
    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        related_name="board_requests",
        null=True,
        blank=True,
        verbose_name="linked review",
    )
    history = HistoricalRecords()

    objects = BoardRequestQuerySet.as_manager()

    class Meta:
        ordering = ["raised_at", "pk"]
        verbose_name = "board request"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="board_request_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (~Q(answer="") & Q(answered_at_meeting__isnull=False)),
                name="board_request_answered_has_answer",
                violation_error_message="An answered request needs the answer and the meeting "
                "where it was answered.",
            ),
            models.CheckConstraint(
                condition=Q(status="answered") | Q(answered_at_meeting__isnull=True),
                name="board_request_only_answered_has_answer_meeting",
                violation_error_message="Only an answered request has a meeting where it was "
                "answered.",
            ),
            models.CheckConstraint(
                condition=Q(asked_of__isnull=False) | ~Q(asked_of_text=""),
                name="board_request_asked_of_someone",
                violation_error_message="Say whom the request was asked of: choose a person or "
                "enter a post.",
            ),
            models.CheckConstraint(
                condition=~Q(due_meeting=F("raised_at")),
                name="board_request_due_after_raised",
                violation_error_message="A request cannot be due at the meeting that raised it.",
            ),
        ]

    def __str__(self):
        return self.asked_for[:80]

    def get_absolute_url(self):
        return f"{self.raised_at.get_absolute_url()}#request-{self.pk}"

    @property
    def shown_status(self):
        """The status its tag shows: "outstanding" for an open request that `with_outstanding()`
        found past its due meeting, else its own."""
        if self.status == self.Status.OPEN and getattr(self, "outstanding_meetings", 0):
            return "outstanding"
        return self.status

    @property
    def shown_status_label(self):
        if self.shown_status != "outstanding":
            return self.get_status_display()
        meetings = self.outstanding_meetings
        return f"Outstanding for {meetings} meeting{'' if meetings == 1 else 's'}"

    @property
    def owner(self):
        """Whom it was asked of: the person, the post, or both."""
        names = [str(self.asked_of) if self.asked_of else "", self.asked_of_text]
        return ", ".join(name for name in names if name)

    def clean(self):
        super().clean()
        if (
            self.raised_at_id
            and self.due_meeting_id
            and self.due_meeting.date <= self.raised_at.date
        ):
            raise ValidationError(
                {"due_meeting": "Choose a meeting after the one that raised the request"}
            )
