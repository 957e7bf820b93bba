from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from core.periods import FinancialYear, Period
from organisation import roles
from reviews.models import UPDATE_OWED_AFTER_DAYS, ChallengeEvidence, Review, Stage, WardScope
from tests.factories import (
    ChallengeEvidenceFactory,
    DeferralFactory,
    OutcomeFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewFactory,
    StageChangeFactory,
    WardFactory,
)

pytestmark = pytest.mark.django_db


def test_a_review_on_the_main_line_may_move_on_to_any_later_stage_or_take_a_side_exit():
    review = ReviewFactory(stage=Stage.OPTIONS)
    assert review.allowed_stages() == [
        Stage.APPROVED,
        Stage.IMPLEMENTATION,
        Stage.COMPLETED,
        Stage.DEFERRED,
        Stage.WITHDRAWN,
        Stage.SUPERSEDED,
    ]


def test_a_move_further_on_passes_each_stage_between():
    review = ReviewFactory(stage=Stage.SCOPING)
    assert review.steps_to(Stage.VISION) == [Stage.CHALLENGE, Stage.VISION]
    assert review.steps_to(Stage.CHALLENGE) == [Stage.CHALLENGE]
    assert review.steps_to(Stage.DEFERRED) == [Stage.DEFERRED]


def test_a_deferred_review_resumes_at_the_stage_it_was_deferred_from():
    review = ReviewFactory(stage=Stage.DEFERRED)
    StageChangeFactory(review=review, from_stage=Stage.IMPLEMENTATION, to_stage=Stage.DEFERRED)
    assert review.allowed_stages() == [
        Stage.IMPLEMENTATION,
        Stage.COMPLETED,
        Stage.WITHDRAWN,
        Stage.SUPERSEDED,
    ]
    assert review.steps_to(Stage.COMPLETED) == [Stage.IMPLEMENTATION, Stage.COMPLETED]


@pytest.mark.parametrize("stage", [Stage.COMPLETED, Stage.WITHDRAWN, Stage.SUPERSEDED])
def test_a_closed_review_may_not_move(stage):
    assert ReviewFactory(stage=stage).allowed_stages() == []


def test_stage_steps_show_done_current_and_to_do():
    steps = ReviewFactory(stage=Stage.CHALLENGE).stage_steps()
    assert [step.state for step in steps] == ["done", "done", "current"] + ["to do"] * 5
    assert (steps[2].label, steps[2].status, steps[2].colour) == (
        "Challenge (4 Cs)",
        "In progress",
        "blue",
    )


def test_a_review_withdrawn_after_deferral_shows_the_main_line_stage_it_left():
    review = ReviewFactory(stage=Stage.WITHDRAWN)
    StageChangeFactory(review=review, from_stage=Stage.SCOPING, to_stage=Stage.DEFERRED)
    StageChangeFactory(review=review, from_stage=Stage.DEFERRED, to_stage=Stage.WITHDRAWN)
    current = [step for step in review.stage_steps() if step.state == "current"]
    assert [(step.label, step.status, step.colour) for step in current] == [
        ("Scoping", "Withdrawn", "red")
    ]


def test_a_completed_review_has_every_stage_done():
    steps = ReviewFactory(stage=Stage.COMPLETED).stage_steps()
    assert {step.state for step in steps} == {"done"}


def test_programme_lists_the_years_reviews_and_those_carried_over_into_it():
    own = ReviewFactory(title="Construction Design", programme_year=2003)
    carried = ReviewFactory(
        title="Bereavement Services",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2004, 3, 31),
        stage=Stage.COMPLETED,
    )
    ReviewFactory(
        title="Procurement",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2003, 3, 31),
    )
    in_2003 = {
        r.title: r.is_carried_over for r in Review.objects.for_programme(FinancialYear(2003))
    }
    in_2002 = {
        r.title: r.is_carried_over for r in Review.objects.for_programme(FinancialYear(2002))
    }
    assert in_2003 == {own.title: False, carried.title: True}
    assert in_2002 == {carried.title: False, "Procurement": False}


def test_a_deferral_carries_a_review_into_the_year_of_its_new_target():
    review = ReviewFactory(programme_year=2003)
    review.planned = Period.parse("July 2004")
    review.save()
    assert list(Review.objects.for_programme(FinancialYear(2004))) == [review]


def test_review_officer_edits_only_the_reviews_they_lead_or_are_on_the_team_of(make_user):
    officer = make_user(roles.REVIEW_OFFICER, person=PersonFactory())
    led = ReviewFactory(lead_officer=officer.person)
    on_team = ReviewFactory(team=[officer.person, PersonFactory()])
    other = ReviewFactory()
    assert set(Review.objects.editable_by(officer)) == {led, on_team}
    assert led.can_be_edited_by(officer)
    assert on_team.can_be_edited_by(officer)
    assert not other.can_be_edited_by(officer)


def test_review_officer_without_a_person_edits_nothing(make_user):
    ReviewFactory()
    assert not Review.objects.editable_by(make_user(roles.REVIEW_OFFICER)).exists()


@pytest.mark.parametrize(
    ("role", "edits"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.BEST_VALUE_OFFICER, True),
        (roles.MEMBER, False),
        (roles.MEMBER_EXEMPT, False),
    ],
)
def test_who_edits_every_review(make_user, role, edits):
    review = ReviewFactory()
    assert review.can_be_edited_by(make_user(role, person=PersonFactory())) is edits


def test_search_matches_every_word_in_title_scope_or_partners():
    wanted = ReviewFactory(title="Services to Children (0-9)", partner_agencies="Acute Trusts")
    ReviewFactory(title="Children's Services for 11-17 year olds")
    assert list(Review.objects.search("children trusts")) == [wanted]


def test_outcomes_are_grouped_by_theme_in_order():
    review = ReviewFactory()
    first = OutcomeFactory(review=review, theme="1.1. Governance", order=1)
    second = OutcomeFactory(review=review, theme="1.2. Services", order=2)
    third = OutcomeFactory(review=review, theme="1.1. Governance", order=3)
    review = Review.objects.for_detail().get(pk=review.pk)
    assert review.outcomes_by_theme() == [
        ("1.1. Governance", [first, third]),
        ("1.2. Services", [second]),
    ]


def test_four_cs_lists_each_c_with_its_evidence_or_none():
    review = ReviewFactory()
    compare = ChallengeEvidenceFactory(review=review, c=ChallengeEvidence.C.COMPARE)
    assert review.four_cs() == [
        (ChallengeEvidence.C.CHALLENGE, None),
        (ChallengeEvidence.C.COMPARE, compare),
        (ChallengeEvidence.C.CONSULT, None),
        (ChallengeEvidence.C.COMPETE, None),
    ]


def test_next_recommendation_letter_is_the_first_unused():
    review = ReviewFactory()
    RecommendationFactory(review=review, letter="a")
    RecommendationFactory(review=review, letter="c")
    assert review.next_recommendation_letter() == "b"


def test_wards_affected_reads_as_a_report_prints_it():
    review = ReviewFactory(ward_scope=WardScope.LIST)
    review.wards.set([WardFactory(name="Biscot"), WardFactory(name="Dallow")])
    assert review.wards_affected() == "Biscot, Dallow"
    assert ReviewFactory(ward_scope=WardScope.NONE).wards_affected() == "None"


def test_database_refuses_a_planned_period_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(planned_start=date(2004, 3, 1), planned_end=date(2004, 1, 31))


def test_database_refuses_two_recommendations_with_one_letter():
    review = ReviewFactory()
    RecommendationFactory(review=review, letter="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(review=review, letter="a")


def test_database_refuses_two_evidence_rows_for_one_c():
    review = ReviewFactory()
    ChallengeEvidenceFactory(review=review, c="consult")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChallengeEvidenceFactory(review=review, c="consult")


@pytest.mark.parametrize(
    ("programme_year", "stage", "planned_end", "offered"),
    [
        (2003, Stage.SCOPING, date(2004, 3, 31), True),  # the meeting's own year
        (2002, Stage.COMPLETED, date(2003, 3, 31), True),  # last year's, closed this year
        (2004, Stage.PROPOSED, date(2005, 3, 31), True),  # next year's
        (2005, Stage.PROPOSED, date(2006, 3, 31), False),  # two years on
        (2001, Stage.DEFERRED, date(2003, 6, 30), True),  # carried over into last year
        (2001, Stage.SCOPING, date(2002, 3, 31), False),  # earlier, not carried over
        (2002, Stage.WITHDRAWN, date(2002, 12, 31), False),  # closed over a year before
        (2002, Stage.COMPLETED, None, True),  # no planned period: not known to be long closed
    ],
)
def test_reviews_around_a_day_are_those_a_meeting_then_may_minute(
    programme_year, stage, planned_end, offered
):
    review = ReviewFactory(
        programme_year=programme_year,
        stage=stage,
        planned_start=planned_end and date(programme_year, 4, 1),
        planned_end=planned_end,
        planned_precision="month" if planned_end else "",
    )
    assert (review in Review.objects.around(date(2004, 1, 29))) is offered


def test_a_review_closed_late_is_still_around_a_year_after_its_planned_end():
    review = ReviewFactory(
        programme_year=2002,
        stage=Stage.COMPLETED,
        planned_start=date(2002, 4, 1),
        planned_end=date(2002, 12, 31),
    )
    assert review not in Review.objects.around(date(2004, 1, 29))
    StageChangeFactory(
        review=review,
        from_stage=Stage.IMPLEMENTATION,
        to_stage=Stage.COMPLETED,
        changed_on=date(2003, 9, 4),
    )
    assert review in Review.objects.around(date(2004, 1, 29))


def test_a_review_is_late_once_its_planned_end_has_passed_until_it_is_closed():
    on_time = ReviewFactory(title="On time", planned_end=date(2004, 6, 30))
    for stage in Stage:
        ReviewFactory(title=stage.value, stage=stage)  # planned to end 31 March 2004
    ReviewFactory(title="Not planned", planned_start=None, planned_end=None, planned_precision="")
    deferred = ReviewFactory(title="Deferred", stage=Stage.DEFERRED, planned_end=date(2004, 9, 30))
    DeferralFactory(review=deferred, old_target_end=date(2004, 3, 31))
    late = {
        review.title: review.is_late
        for review in Review.objects.with_lateness(today=date(2004, 6, 1))
    }
    closed = {Stage.COMPLETED, Stage.WITHDRAWN, Stage.SUPERSEDED}
    assert late == {
        on_time.title: False,
        "Not planned": False,
        "Deferred": False,  # its new target has not passed
        **{stage.value: stage not in closed for stage in Stage},
    }
    assert set(Review.objects.late(today=date(2004, 6, 1))) == {
        review for review in Review.objects.all() if late[review.title]
    }
    assert Review.objects.late(today=date(2004, 10, 1)).filter(pk=deferred.pk).exists()


def test_a_late_review_counts_and_names_its_deferrals():
    review = ReviewFactory(stage=Stage.CHALLENGE, planned_end=date(2004, 9, 30))
    DeferralFactory(review=review, deferred_on=date(2003, 11, 1), reason="Budget")
    DeferralFactory(review=review, deferred_on=date(2004, 2, 1), reason="Recruitment")
    ReviewFactory()
    annotated = Review.objects.with_lateness(today=date(2004, 10, 1)).get(pk=review.pk)
    assert annotated.is_late
    assert annotated.deferral_count == 2
    assert annotated.latest_deferral_reason == "Recruitment"


def test_late_reviews_of_earlier_programmes_are_late_in_later_ones():
    ReviewFactory(
        title="2002/03, late",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2003, 3, 31),
    )
    ReviewFactory(title="2003/04, late", programme_year=2003)
    ReviewFactory(title="2003/04, on time", programme_year=2003, planned_end=date(2004, 9, 30))
    ReviewFactory(title="2004/05, late", programme_year=2004, planned_end=date(2004, 5, 31))
    late = Review.objects.late_up_to(FinancialYear(2003), today=date(2004, 6, 1))
    assert {review.title: review.is_carried_over for review in late} == {
        "2002/03, late": True,
        "2003/04, late": False,
    }


def test_an_update_is_owed_after_60_days_without_one_or_once_the_planned_end_has_passed():
    today = date(2004, 6, 1)
    assert UPDATE_OWED_AFTER_DAYS == 60
    in_time = {
        "stage": Stage.CHALLENGE,
        "planned_start": date(2004, 1, 1),
        "planned_end": date(2004, 9, 30),
    }

    def review(title, *, updated=None, **fields):
        made = ReviewFactory(title=title, **{**in_time, **fields})
        if updated is not None:
            ProgressUpdateFactory(review=made, date=today - timedelta(days=updated))
            ProgressUpdateFactory(review=made, date=today - timedelta(days=updated + 30))
        return made

    review("Updated 60 days ago", updated=60)
    review("Updated 61 days ago", updated=61)
    review("Planned end passed", updated=1, planned_end=today - timedelta(days=1))
    review("Planned end today", updated=1, planned_end=today)
    review(
        "Completed long ago",
        stage=Stage.COMPLETED,
        planned_start=date(2002, 4, 1),
        planned_end=date(2003, 3, 31),
    )
    review("Deferred, not updated", updated=90, stage=Stage.DEFERRED)
    review("Started 61 days ago, never updated", planned_start=today - timedelta(days=61))
    review("Started 60 days ago, never updated", planned_start=today - timedelta(days=60))
    review("Not planned, never updated", planned_start=None, planned_end=None)

    owed = {
        r.title: (r.is_late, r.progress_is_stale, r.last_progress_on)
        for r in Review.objects.owing_update(today)
    }
    assert owed == {
        "Updated 61 days ago": (False, True, date(2004, 4, 1)),
        "Planned end passed": (True, False, date(2004, 5, 31)),
        "Deferred, not updated": (False, True, date(2004, 3, 3)),
        "Started 61 days ago, never updated": (False, True, None),
        "Not planned, never updated": (False, True, None),
    }


def test_the_next_stage_is_the_next_on_the_main_line_or_where_a_deferral_resumes():
    assert ReviewFactory(stage=Stage.VISION).next_stage() == Stage.OPTIONS
    assert ReviewFactory(stage=Stage.IMPLEMENTATION).next_stage() == Stage.COMPLETED
    deferred = ReviewFactory(stage=Stage.DEFERRED)
    StageChangeFactory(review=deferred, from_stage=Stage.CHALLENGE, to_stage=Stage.DEFERRED)
    assert deferred.next_stage() == Stage.CHALLENGE
    assert ReviewFactory(stage=Stage.WITHDRAWN).next_stage() is None


def test_the_reviews_involving_a_person_are_those_they_lead_or_are_on_the_team_of():
    person = PersonFactory()
    led = ReviewFactory(lead_officer=person)
    on_team = ReviewFactory(team=[person, PersonFactory()])
    ReviewFactory(lead_officer=PersonFactory(), team=[PersonFactory()])
    assert set(Review.objects.involving(person)) == {led, on_team}
