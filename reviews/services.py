"""Operations on reviews that touch several rows and must be all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

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
):
    """Move `review` to stage `to`, recording why; refuse what the lifecycle does not allow.

    Writes the StageChange, any ProgressUpdate and (when deferring) the Deferral in the same
    transaction as the change. Raises ValidationError with a message for the officer, or
    core.versioning.StaleEdit if the review has been saved since `expected_version` was
    read.
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
    errors = {}
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

    today = timezone.localdate()
    if to == Stage.DEFERRED:
        deferral = Deferral(review=review, reason=note, agreed_by=agreed_by.strip(), recorded_by=by)
        deferral.old_target = review.planned
        deferral.new_target = new_target
        deferral.save()
        review.planned = new_target
    StageChange.objects.create(
        review=review, from_stage=review.stage, to_stage=to, changed_by=by, note=note
    )
    if progress:
        ProgressUpdate.objects.create(review=review, date=today, text=progress, recorded_by=by)
    review.stage = to
    review.save_if_unchanged(review.version)
    return review
