from datetime import date, timedelta

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


def test_a_move_back_is_refused_with_the_stages_that_are_allowed(bv_officer):
    review = ReviewFactory(stage=Stage.APPROVED)
    with pytest.raises(ValidationError) as error:
        change_stage(review=review, to=Stage.SCOPING, by=bv_officer)
    assert error.value.message_dict["stage"] == [
        "A review at “Approved” cannot move to “Scoping”. Choose one of: Implementation & "
        "monitoring, Completed, Deferred, Withdrawn, Superseded."
    ]
    assert not StageChange.objects.exists()


def changes(review):
    return [
        (change.from_stage, change.to_stage, change.changed_on, change.note)
        for change in StageChange.objects.filter(review=review).order_by("changed_at")
    ]


def test_a_review_recorded_part_way_gets_each_stage_with_its_date(bv_officer):
    review = ReviewFactory(stage=Stage.PROPOSED)
    review = change_stage(
        review=review,
        to=Stage.APPROVED,
        by=bv_officer,
        note="Approved by Cabinet",
        progress="Recorded as it stood when the tracker started.",
        changed_on=date(2004, 3, 25),
        passed_on={
            Stage.SCOPING: date(2003, 5, 1),
            Stage.VISION: date(2003, 11, 27),
            # Challenge and Options left empty: each takes the date of the stage after it.
        },
    )
    assert review.stage == Stage.APPROVED
    assert changes(review) == [
        (Stage.PROPOSED, Stage.SCOPING, date(2003, 5, 1), ""),
        (Stage.SCOPING, Stage.CHALLENGE, date(2003, 11, 27), ""),
        (Stage.CHALLENGE, Stage.VISION, date(2003, 11, 27), ""),
        (Stage.VISION, Stage.OPTIONS, date(2004, 3, 25), ""),
        (Stage.OPTIONS, Stage.APPROVED, date(2004, 3, 25), "Approved by Cabinet"),
    ]
    assert ProgressUpdate.objects.get(review=review).date == date(2004, 3, 25)
    assert review.version == 2  # one save of the review, however many stages


def test_a_deferral_carries_the_date_it_was_deferred(bv_officer):
    review = ReviewFactory(stage=Stage.CHALLENGE)
    change_stage(
        review=review,
        to=Stage.DEFERRED,
        by=bv_officer,
        note="Recruitment difficulties",
        new_target=Period.parse("July 2004"),
        changed_on=date(2004, 1, 29),
    )
    assert Deferral.objects.get(review=review).deferred_on == date(2004, 1, 29)
    assert changes(review) == [
        (Stage.CHALLENGE, Stage.DEFERRED, date(2004, 1, 29), "Recruitment difficulties")
    ]


@pytest.mark.parametrize(
    ("changed_on", "passed_on", "field", "message"),
    [
        (
            date.today() + timedelta(days=1),
            {},
            "changed_on",
            "Enter a date that is today or in the past",
        ),
        (
            date(2004, 3, 25),
            {Stage.VISION: date(2004, 4, 1)},
            "changed_on",
            "Enter a date on or after 1 April 2004, when the review reached “Vision report”",
        ),
        (
            date(2004, 3, 25),
            {Stage.CHALLENGE: date(2003, 1, 1)},
            "passed_on_challenge",
            "Enter a date on or after 1 May 2003, when the review reached “Scoping”",
        ),
        (
            date(2004, 3, 25),
            {Stage.COMPLETED: date(2004, 3, 1)},
            "passed_on_completed",
            "Leave this empty: the review does not pass “Completed” on the way",
        ),
    ],
)
def test_dates_out_of_order_or_to_come_are_refused_beside_their_field(
    bv_officer, changed_on, passed_on, field, message
):
    review = ReviewFactory(stage=Stage.PROPOSED)
    StageChangeFactory(
        review=review,
        from_stage=Stage.PROPOSED,
        to_stage=Stage.SCOPING,
        changed_on=date(2003, 5, 1),
    )
    Review.objects.filter(pk=review.pk).update(stage=Stage.SCOPING)
    review.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        change_stage(
            review=review,
            to=Stage.APPROVED,
            by=bv_officer,
            changed_on=changed_on,
            passed_on=passed_on,
        )
    assert error.value.message_dict[field] == [message]
    assert StageChange.objects.filter(review=review).count() == 1


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
