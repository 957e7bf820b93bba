"""Operations on improvement plans that write several rows and must be all-or-nothing."""

from django.db import transaction
from django.utils import timezone

from improvement_plans.models import Action, ActionUpdate, ImprovementPlan, KeyIssue, TimeLog


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
