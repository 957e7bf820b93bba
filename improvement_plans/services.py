"""Operations on improvement plans that write several rows and must be all-or-nothing."""

import logging
import smtplib
from itertools import groupby

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from improvement_plans.models import (
    RAG,
    REMINDER_DAYS,
    Action,
    ActionUpdate,
    ImprovementPlan,
    KeyIssue,
    ReminderSent,
    TimeLog,
)

logger = logging.getLogger(__name__)


@transaction.atomic
def record_progress(
    *, action, status, note, by, expected_version, hours=None, person=None, today=None
):
    """Record an officer's update of `action`: its status, a progress note and hours spent.

    The status change (completing sets the completion date), the ActionUpdate and the
    TimeLog entry (when `hours` is given, for `person`) land together or not at all. Raises
    StaleEdit if someone saved the action after `expected_version` was read.
    """
    today = today or timezone.localdate()
    # Read afresh: the caller's instance may already carry the new status from its form.
    action = Action.objects.get(pk=action.pk)
    action.set_status(status, today=today)
    action.save_if_unchanged(expected_version)
    update = ActionUpdate.objects.create(
        action=action, date=today, note=note, status=action.status, recorded_by=by
    )
    if hours:
        TimeLog.objects.create(action=action, person=person, date=today, hours=hours)
    return update


@transaction.atomic
def create_actions_from_inspection(
    *,
    plan,
    inspection,
    start_date,
    milestone_date,
    key_issue=None,
    lead_officer=None,
    lead_group="",
):
    """One action per recommendation of `inspection` that has no action yet, linked back.

    Safe to repeat: converted recommendations are skipped, so a second run adds nothing. The
    actions go under `key_issue`, or under a new key issue named after the inspection.
    Returns the new actions.
    """
    # Lock the plan so two officers converting at once cannot both number the same actions.
    plan = ImprovementPlan.objects.select_for_update().get(pk=plan.pk)
    recommendations = list(
        inspection.recommendations.filter(improvement_actions__isnull=True).order_by("number")
    )
    if not recommendations:
        return []
    if key_issue is None:
        key_issue = KeyIssue.objects.create(
            plan=plan,
            number=plan.next_key_issue_number(),
            title=f"Recommendations of {inspection}",
            drivers_for_action=f"The recommendations of the inspection “{inspection}”.",
        )
    first_number = key_issue.next_action_number()
    return [
        Action.objects.create(
            key_issue=key_issue,
            number=first_number + offset,
            description=recommendation.text,
            lead_officer=lead_officer,
            lead_group=lead_group,
            start_date=start_date,
            milestone_date=milestone_date,
            inspection_recommendation=recommendation,
        )
        for offset, recommendation in enumerate(recommendations)
    ]


def send_action_reminders(*, today=None, base_url=""):
    """Email each lead officer their open actions that are overdue or due within 14 days.

    At most one email per person per day, however often this runs: a ReminderSent row is
    claimed (unique per person and day) in the same transaction as the email is sent, so
    concurrent runs cannot both send, and a failed send is retried by the next run.
    Returns (people emailed, people whose email failed).
    """
    today = today or timezone.localdate()
    already_reminded = ReminderSent.objects.filter(date=today).values("person")
    actions = (
        Action.objects.overdue_or_due_within(REMINDER_DAYS, today)
        .filter(lead_officer__active=True)
        .exclude(lead_officer__email="")
        .exclude(lead_officer__in=already_reminded)
        .with_rag(today)
        .select_related("lead_officer", "key_issue__plan")
        .order_by("lead_officer", "milestone_date", "key_issue__number", "number")
    )
    emailed, failed = [], []
    for person, theirs in groupby(actions, key=lambda action: action.lead_officer):
        try:
            if _remind(person, list(theirs), today=today, base_url=base_url):
                emailed.append(person)
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not email an action reminder to %s", person)
            failed.append(person)
    return emailed, failed


@transaction.atomic
def _remind(person, actions, *, today, base_url):
    """Claim today's reminder for `person` and email them; False if a run already has."""
    _, claimed = ReminderSent.objects.get_or_create(
        person=person, date=today, defaults={"actions": len(actions)}
    )
    if not claimed:
        return False
    overdue = sum(action.rag == RAG.RED for action in actions)
    context = {
        "person": person,
        "actions": actions,
        "overdue": overdue,
        "due_soon": len(actions) - overdue,
        "days": REMINDER_DAYS,
        "base_url": base_url.rstrip("/"),
    }
    send_mail(
        subject=render_to_string(
            "improvement_plans/email/action_reminder_subject.txt", context
        ).strip(),
        message=render_to_string("improvement_plans/email/action_reminder.txt", context),
        from_email=None,
        recipient_list=[person.email],
    )
    return True
