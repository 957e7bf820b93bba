import pytest
from django.core.exceptions import ValidationError
from django.db.models import F

from core.periods import Period
from core.versioning import StaleEdit
from reviews.models import Deferral, ProgressUpdate, Review, Stage, StageChange
from reviews.services import change_stage
from tests.factories import ReviewFactory, StageChangeFactory

pytestmark = pytest.mark.django_db


def test_moving_on_records_the_change_and_the_progress_together(bv_officer):
    review = ReviewFactory(stage=Stage.SCOPING)
    review = change_stage(
        review=review,
        to=Stage.CHALLENGE,
        by=bv_officer,
        note="Scope agreed",
        progress="Challenge session booked.",
    )
    review.refresh_from_db()
    assert (review.stage, review.version) == (Stage.CHALLENGE, 2)
    change = StageChange.objects.get(review=review)
    assert (change.from_stage, change.to_stage, change.changed_by, change.note) == (
        Stage.SCOPING,
        Stage.CHALLENGE,
        bv_officer,
        "Scope agreed",
    )
    update = ProgressUpdate.objects.get(review=review)
    assert (update.text, update.recorded_by) == ("Challenge session booked.", bv_officer)


def test_a_stage_jump_is_refused_with_the_stages_that_are_allowed(bv_officer):
    review = ReviewFactory(stage=Stage.SCOPING)
    with pytest.raises(ValidationError) as error:
        change_stage(review=review, to=Stage.COMPLETED, by=bv_officer)
    assert error.value.message_dict["stage"] == [
        "A review at “Scoping” cannot move to “Completed”. Choose one of: Challenge (4 Cs), "
        "Deferred, Withdrawn, Superseded."
    ]
    assert not StageChange.objects.exists()


def test_an_unknown_stage_is_refused(bv_officer):
    with pytest.raises(ValidationError) as error:
        change_stage(review=ReviewFactory(), to="finished", by=bv_officer)
    assert "stage" in error.value.message_dict


def test_deferral_needs_a_reason_and_a_new_target(bv_officer):
    review = ReviewFactory(stage=Stage.CHALLENGE)
    with pytest.raises(ValidationError) as error:
        change_stage(review=review, to=Stage.DEFERRED, by=bv_officer, note="  ")
    assert set(error.value.message_dict) == {"note", "new_target"}
    assert not Deferral.objects.exists()


def test_deferral_records_old_and_new_targets_and_moves_the_planned_period(bv_officer):
    review = ReviewFactory(stage=Stage.CHALLENGE)
    review.planned = Period.parse("April 2003 – January 2004")
    review.save()
    change_stage(
        review=review,
        to=Stage.DEFERRED,
        by=bv_officer,
        note="Recruitment difficulties",
        new_target=Period.parse("July 2004"),
        agreed_by="CDMT Board",
        progress="Completion of the review has been deferred for six months.",
    )
    review.refresh_from_db()
    deferral = Deferral.objects.get(review=review)
    assert (str(deferral.old_target), str(deferral.new_target)) == (
        "April 2003 – January 2004",
        "July 2004",
    )
    assert (deferral.reason, deferral.agreed_by, deferral.recorded_by) == (
        "Recruitment difficulties",
        "CDMT Board",
        bv_officer,
    )
    assert (review.stage, str(review.planned)) == (Stage.DEFERRED, "July 2004")
    assert StageChange.objects.get(review=review).note == "Recruitment difficulties"


def test_a_new_target_must_end_after_the_current_one(bv_officer):
    review = ReviewFactory(stage=Stage.CHALLENGE)
    review.planned = Period.parse("July 2004")
    review.save()
    with pytest.raises(ValidationError) as error:
        change_stage(
            review=review,
            to=Stage.DEFERRED,
            by=bv_officer,
            note="Staff shortage",
            new_target=Period.parse("June 2004"),
        )
    assert error.value.message_dict["new_target"] == [
        "Enter a new target that ends after the current one, July 2004"
    ]


@pytest.mark.parametrize("stage", [Stage.WITHDRAWN, Stage.SUPERSEDED])
def test_withdrawing_or_superseding_needs_a_note(bv_officer, stage):
    with pytest.raises(ValidationError) as error:
        change_stage(review=ReviewFactory(), to=stage, by=bv_officer)
    assert error.value.message_dict["note"] == [
        f"Enter a note saying why the review is {stage.label.lower()}"
    ]


def test_a_deferred_review_resumes_where_it_stopped(bv_officer):
    review = ReviewFactory(stage=Stage.DEFERRED)
    StageChangeFactory(review=review, from_stage=Stage.VISION, to_stage=Stage.DEFERRED)
    review = change_stage(review=review, to=Stage.VISION, by=bv_officer)
    assert review.stage == Stage.VISION


def test_a_stale_version_is_refused_before_anything_is_written(bv_officer):
    review = ReviewFactory(stage=Stage.SCOPING)
    opened_at = review.version
    Review.objects.filter(pk=review.pk).update(version=F("version") + 1)  # someone else saved
    with pytest.raises(StaleEdit):
        change_stage(
            review=review,
            to=Stage.CHALLENGE,
            by=bv_officer,
            progress="Too late",
            expected_version=opened_at,
        )
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING
    assert not StageChange.objects.exists()
    assert not ProgressUpdate.objects.exists()


def test_a_failure_part_way_leaves_no_change_behind(bv_officer, monkeypatch):
    review = ReviewFactory(stage=Stage.CHALLENGE)

    def fail(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(ProgressUpdate.objects, "create", fail)
    with pytest.raises(RuntimeError):
        change_stage(
            review=review,
            to=Stage.DEFERRED,
            by=bv_officer,
            note="Recruitment difficulties",
            new_target=Period.parse("July 2005"),
            progress="Deferred",
        )
    review.refresh_from_db()
    assert review.stage == Stage.CHALLENGE
    assert not StageChange.objects.exists()
    assert not Deferral.objects.exists()
