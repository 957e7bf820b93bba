"""Operations on reviews that touch several rows and must be all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone

from reviews.models import Deferral, ProgressUpdate, Review, Stage, StageChange


@transaction.atomic
def change_stage(
    *,
    review: Review,
    to: str,
    by,
    note: str = "",
    progress: str = "",
    new_target=None,
    agreed_by: str = "",
    expected_version: int | None = None,
    changed_on=None,
    passed_on=None,
):
    """Move `review` to stage `to` on `changed_on` (today if not given), recording why;
    refuse what the lifecycle does not allow.

    A move further along the main line records a StageChange for each stage passed on the
    way (`Review.steps_to`), each dated from `passed_on` ({stage: date}) or, where no date is
    given, with the date of the step after it. Writes them, any ProgressUpdate and (when
    deferring) the Deferral, dated `changed_on`, in one transaction. Raises ValidationError
    with a message for the officer (keyed "passed_on_<stage>" for the stages passed), or
    core.versioning.StaleEdit if the review has been saved since `expected_version` was read.
    """
    # Checked first, under the row lock: a stale form is a conflict, whatever it asked for.
    # Without a form's version, the review must be as the caller read it.
    review = Review.locked(
        review.pk, review.version if expected_version is None else expected_version
    )
    if to not in Stage.values:
        raise ValidationError({"stage": "Choose the stage the review has reached"})
    to = Stage(to)
    note, progress = note.strip(), progress.strip()
    allowed = review.allowed_stages()
    if to not in allowed:
        offered = ", ".join(str(stage.label) for stage in allowed) or "none: the review is closed"
        raise ValidationError(
            {
                "stage": f"A review at “{review.get_stage_display()}” cannot move to "
                f"“{to.label}”. Choose one of: {offered}."
            }
        )
    today = timezone.localdate()
    changed_on = changed_on or today
    steps = review.steps_to(to)
    errors = _date_errors(review, steps, changed_on, passed_on or {}, today)
    if to == Stage.DEFERRED:
        if not note:
            errors["note"] = "Enter the reason for the deferral"
        if new_target is None:
            errors["new_target"] = "Enter the new target, for example April–June 2027"
        elif review.planned is not None and new_target.end <= review.planned.end:
            errors["new_target"] = (
                f"Enter a new target that ends after the current one, {review.planned}"
            )
    if to in (Stage.WITHDRAWN, Stage.SUPERSEDED) and not note:
        errors["note"] = f"Enter a note saying why the review is {to.label.lower()}"
    if errors:
        raise ValidationError(errors)

    if to == Stage.DEFERRED:
        deferral = Deferral(
            review=review,
            reason=note,
            agreed_by=agreed_by.strip(),
            recorded_by=by,
            deferred_on=changed_on,
        )
        deferral.old_target = review.planned
        deferral.new_target = new_target
        deferral.save()
        review.planned = new_target
    from_stage = review.stage
    for stage, day in zip(steps, _step_dates(steps, changed_on, passed_on or {}), strict=True):
        # The reason is the last step's: the ones before it are only passed on the way.
        StageChange.objects.create(
            review=review,
            from_stage=from_stage,
            to_stage=stage,
            changed_on=day,
            changed_by=by,
            note=note if stage == to else "",
        )
        from_stage = stage
    if progress:
        ProgressUpdate.objects.create(review=review, date=changed_on, text=progress, recorded_by=by)
    review.stage = to
    review.save_if_unchanged(review.version)
    return review


def _step_dates(steps, changed_on, passed_on):
    """The date of each step: the one given, or else the date of the step after it."""
    dates = [changed_on]
    for stage in reversed(steps[:-1]):
        dates.insert(0, passed_on.get(stage) or dates[0])
    return dates


def _date_errors(review, steps, changed_on, passed_on, today):
    """{field: message} for dates given in the future, out of order, before the review's last
    change of stage, or for a stage that is not passed on the way. (A stage left without a
    date takes the next one given, so only the dates given need checking.)"""
    errors = {}
    passed = steps[:-1]
    for stage in passed_on.keys() - set(passed):
        errors[f"passed_on_{stage}"] = (
            f"Leave this empty: the review does not pass “{Stage(stage).label}” on the way"
        )
    given = [
        (f"passed_on_{stage}", stage, passed_on[stage]) for stage in passed if passed_on.get(stage)
    ]
    given.append(("changed_on", steps[-1], changed_on))
    last = review.stage_changes.order_by("-changed_on").values_list("changed_on", flat=True)
    earlier, earlier_stage = last.first(), review.get_stage_display()
    for field, stage, day in given:
        if day > today:
            errors[field] = "Enter a date that is today or in the past"
        elif earlier is not None and day < earlier:
            errors[field] = (
                f"Enter a date on or after {formats.date_format(earlier, 'j F Y')}, when the "
                f"review reached “{earlier_stage}”"
            )
        earlier, earlier_stage = day, Stage(stage).label
    return errors
