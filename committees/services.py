"""Operations on committees' meetings that touch several rows and must be all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from committees.models import Committee, Meeting, long_date

MOST_MEETINGS_AT_ONCE = 24


@transaction.atomic
def schedule_meetings(*, committee: Committee, count: int, today=None):
    """Make sure the next `count` dates of the committee's rule, from today, have a meeting.

    Dates that already have one (in any status) are left alone, so doing it twice schedules
    nothing new. Returns the meetings created, in date order.
    """
    if not committee.meeting_rule:
        raise ValidationError(
            f"The {committee} has no meeting rule. Add one before scheduling its meetings."
        )
    if not 1 <= count <= MOST_MEETINGS_AT_ONCE:
        raise ValidationError(
            f"Enter a number of meetings from 1 to {MOST_MEETINGS_AT_ONCE}", code="count"
        )
    # Serialise schedulers of one committee; the unique constraint is the backstop.
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    dates = committee.rule_dates(after=today or timezone.localdate(), count=count, inclusive=True)
    taken = set(committee.meetings.filter(date__in=dates).values_list("date", flat=True))
    return [_create_meeting(committee, day) for day in dates if day not in taken]


def _create_meeting(committee, day):
    return Meeting.objects.create(
        committee=committee, date=day, time=committee.meeting_time, venue=committee.venue
    )


@transaction.atomic
def next_meeting(meeting: Meeting) -> Meeting:
    """The meeting a request "for the next meeting" raised at `meeting` is due at, scheduled
    from the committee's rule if it does not exist yet (see `Meeting.next_meeting_date`)."""
    found = meeting.next_meeting_date()
    if found is None:
        raise ValidationError(
            f"The {meeting.committee} has no meeting after {long_date(meeting.date)} and no "
            "meeting rule to find one. Schedule its next meeting first."
        )
    day, existing = found
    if existing is not None:
        return existing
    committee = Committee.objects.select_for_update().get(pk=meeting.committee_id)
    return committee.meetings.filter(date=day).first() or _create_meeting(committee, day)
