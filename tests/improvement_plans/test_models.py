from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.periods import Period
from improvement_plans.models import RAG, Action, ImprovementPlan, TimeLog, with_rag_counts
from organisation import roles
from organisation.models import Person
from tests.factories import (
    ActionFactory,
    ActionUpdateFactory,
    ImprovementPlanFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    KeyIssueFactory,
    PersonFactory,
    ReviewFactory,
    TimeLogFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2004, 6, 15)


def rag_of(action, today=TODAY):
    return Action.objects.with_rag(today).get(pk=action.pk).rag


def action(milestone_in, started_days_ago=10, **fields):
    """An open action whose milestone is `milestone_in` days from TODAY."""
    return ActionFactory(
        start_date=TODAY - timedelta(days=started_days_ago),
        milestone_date=TODAY + timedelta(days=milestone_in),
        **fields,
    )


def assert_violates(constraint_name, make):
    with pytest.raises(IntegrityError, match=constraint_name), transaction.atomic():
        make()


# --- RAG: every boundary of docs/improvement_plans.md ---------------------------------------


def test_an_action_due_yesterday_is_red():
    assert rag_of(action(milestone_in=-1)) == RAG.RED


def test_an_action_due_today_is_amber_not_red():
    assert rag_of(action(milestone_in=0, started_days_ago=0)) == RAG.AMBER


def test_an_action_due_in_30_days_is_amber():
    assert rag_of(action(milestone_in=30)) == RAG.AMBER


def test_an_action_due_in_31_days_is_green():
    assert rag_of(action(milestone_in=31)) == RAG.GREEN


def test_an_update_60_days_ago_keeps_an_action_green():
    late = action(milestone_in=200, started_days_ago=300)
    ActionUpdateFactory(action=late, date=TODAY - timedelta(days=60))
    assert rag_of(late) == RAG.GREEN


def test_no_update_for_61_days_makes_an_action_amber():
    late = action(milestone_in=200, started_days_ago=300)
    ActionUpdateFactory(action=late, date=TODAY - timedelta(days=61))
    assert rag_of(late) == RAG.AMBER


def test_without_updates_the_60_days_count_from_the_start_date():
    assert rag_of(action(milestone_in=200, started_days_ago=60)) == RAG.GREEN
    assert rag_of(action(milestone_in=200, started_days_ago=61)) == RAG.AMBER


def test_the_newest_update_counts_not_the_oldest():
    busy = action(milestone_in=200, started_days_ago=300)
    ActionUpdateFactory(action=busy, date=TODAY - timedelta(days=200))
    ActionUpdateFactory(action=busy, date=TODAY - timedelta(days=5))
    assert rag_of(busy) == RAG.GREEN


def test_an_action_not_yet_started_is_not_stale():
    assert rag_of(action(milestone_in=300, started_days_ago=-100)) == RAG.GREEN


def test_a_complete_action_is_complete_even_when_it_finished_late():
    late = action(milestone_in=-40, started_days_ago=400)
    late.set_status(Action.Status.COMPLETE, today=TODAY)
    late.save()
    assert rag_of(late) == RAG.COMPLETE


def test_a_dropped_action_is_neither_red_nor_amber():
    dropped = action(milestone_in=-40, started_days_ago=400, status=Action.Status.DROPPED)
    assert rag_of(dropped) == RAG.DROPPED


def test_red_outranks_a_stale_update():
    stale_and_late = action(milestone_in=-1, started_days_ago=400)
    assert rag_of(stale_and_late) == RAG.RED


def test_actions_sort_most_urgent_first_in_the_database():
    key_issue = KeyIssueFactory()
    green = action(milestone_in=100, key_issue=key_issue)
    red = action(milestone_in=-3, key_issue=key_issue)
    amber = action(milestone_in=3, key_issue=key_issue)
    done = action(milestone_in=-3, key_issue=key_issue)
    done.set_status(Action.Status.COMPLETE, today=TODAY)
    done.save()
    ordered = Action.objects.with_rag(TODAY).in_rag_order()
    assert list(ordered) == [red, amber, green, done]
    assert list(Action.objects.with_rag(TODAY).filter(rag=RAG.AMBER)) == [amber]


def test_rag_counts_per_plan_come_from_the_database():
    plan = ImprovementPlanFactory()
    key_issue = KeyIssueFactory(plan=plan)
    for milestone_in in (-5, -1, 10, 100):
        action(milestone_in=milestone_in, key_issue=key_issue)
    action(milestone_in=-5)  # another plan's
    [counted] = with_rag_counts(ImprovementPlan.objects.filter(pk=plan.pk), TODAY)
    assert (counted.red, counted.amber, counted.green, counted.complete) == (2, 1, 1, 0)


def test_a_reviews_plans_come_with_rag_counts(django_assert_num_queries):
    review = ReviewFactory()
    plans = ImprovementPlanFactory.create_batch(2, review=review)
    ImprovementPlanFactory()
    action(milestone_in=-1, key_issue=KeyIssueFactory(plan=plans[0]))
    with django_assert_num_queries(2):
        found = ImprovementPlan.objects.for_review(review, today=TODAY)
        assert {plan.pk for plan in found} == {plan.pk for plan in plans}
        assert sorted(plan.red for plan in found) == [0, 1]
        assert all(plan.review.title for plan in found)


# --- Plans ------------------------------------------------------------------------------


def test_a_plan_answers_a_review_or_an_inspection():
    assert_violates(
        "improvement_plan_answers_review_or_inspection",
        lambda: ImprovementPlanFactory(review=None, inspection=None),
    )
    ImprovementPlanFactory(review=None, inspection=InspectionFactory())


def test_a_plan_without_review_or_inspection_fails_validation_on_the_review_field():
    plan = ImprovementPlanFactory.build(review=None, inspection=None)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "review" in error.value.message_dict


def test_the_monitoring_interval_is_at_least_a_month():
    assert_violates(
        "improvement_plan_monitoring_interval_positive",
        lambda: ImprovementPlanFactory(monitoring_interval_months=0),
    )


def test_the_period_is_stored_as_a_fuzzy_period():
    plan = ImprovementPlanFactory()
    plan.period = Period.parse("January–December 2004")
    plan.save()
    plan.refresh_from_db()
    assert str(plan.period) == "January–December 2004"


@pytest.mark.parametrize(
    ("approved_on", "today", "expected"),
    [
        (date(2004, 1, 15), date(2004, 1, 20), date(2004, 7, 15)),
        (date(2004, 1, 15), date(2004, 7, 15), date(2004, 7, 15)),  # due today: still next
        (date(2004, 1, 15), date(2004, 7, 16), date(2005, 1, 15)),
        (date(2004, 1, 15), date(2010, 3, 1), date(2010, 7, 15)),
        (date(2003, 8, 31), date(2004, 1, 1), date(2004, 2, 29)),  # month end, leap year
        (date(2003, 8, 31), date(2004, 3, 1), date(2004, 8, 31)),  # no drift to the 29th
    ],
)
def test_the_next_monitoring_date_follows_approval_every_interval(approved_on, today, expected):
    plan = ImprovementPlanFactory.build(approved_on=approved_on, monitoring_interval_months=6)
    assert plan.next_monitoring_date(today) == expected


def test_an_unapproved_plan_has_no_monitoring_date_yet():
    assert ImprovementPlanFactory.build(approved_on=None).next_monitoring_date(TODAY) is None


def test_hours_logged_on_a_plan_are_summed_in_the_database():
    plan = ImprovementPlanFactory()
    first = ActionFactory(key_issue=KeyIssueFactory(plan=plan))
    TimeLogFactory(action=first, hours=Decimal("3.5"))
    TimeLogFactory(action=ActionFactory(key_issue=first.key_issue), hours=Decimal("1.25"))
    TimeLogFactory(hours=Decimal(7))  # another plan's
    assert ImprovementPlan.objects.with_hours_logged().get(pk=plan.pk).hours_logged == Decimal(
        "4.75"
    )


# --- Key issues and actions -------------------------------------------------------------


def test_key_issue_numbers_are_unique_within_a_plan():
    key_issue = KeyIssueFactory(number=8)
    KeyIssueFactory(number=8)  # another plan may have its own Key Issue 8
    assert_violates(
        "key_issue_number_unique_in_plan", lambda: KeyIssueFactory(plan=key_issue.plan, number=8)
    )


def test_an_action_reference_is_key_issue_and_action_number():
    assert ActionFactory(key_issue=KeyIssueFactory(number=8), number=2).reference == "8.2"


def test_action_numbers_are_unique_within_a_key_issue_so_references_within_a_plan():
    first = ActionFactory(number=2)
    assert_violates(
        "action_number_unique_in_key_issue",
        lambda: ActionFactory(key_issue=first.key_issue, number=2),
    )


def test_an_action_needs_a_lead_officer_or_a_lead_group():
    assert_violates("action_has_a_lead", lambda: ActionFactory(lead_officer=None, lead_group=""))
    assert ActionFactory(lead_officer=PersonFactory(), lead_group="").lead_group == ""
    assert ActionFactory(lead_group="EMG").lead == "EMG"


def test_an_action_milestone_is_not_before_its_start():
    assert_violates(
        "action_milestone_not_before_start",
        lambda: ActionFactory(start_date=TODAY, milestone_date=TODAY - timedelta(days=1)),
    )


def test_only_a_complete_action_has_a_completion_date():
    assert_violates(
        "action_completed_on_only_when_complete",
        lambda: ActionFactory(status=Action.Status.IN_PROGRESS, completed_on=TODAY),
    )
    assert_violates(
        "action_completed_on_only_when_complete",
        lambda: ActionFactory(status=Action.Status.COMPLETE, completed_on=None),
    )


def test_completing_records_the_date_and_reopening_clears_it():
    item = ActionFactory()
    item.set_status(Action.Status.COMPLETE, today=TODAY)
    assert item.completed_on == TODAY
    item.set_status(Action.Status.COMPLETE, today=TODAY + timedelta(days=3))
    assert item.completed_on == TODAY  # completing again keeps the first date
    item.set_status(Action.Status.IN_PROGRESS)
    assert item.completed_on is None


def test_action_validation_names_the_field_at_fault():
    item = ActionFactory.build(
        lead_officer=None,
        lead_group=" ",
        start_date=TODAY,
        milestone_date=TODAY - timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert set(error.value.message_dict) == {"lead_officer", "milestone_date"}


def test_an_inspection_recommendation_becomes_at_most_one_action():
    recommendation = InspectionRecommendationFactory()
    ActionFactory(inspection_recommendation=recommendation)
    assert_violates(
        "action_one_per_inspection_recommendation",
        lambda: ActionFactory(inspection_recommendation=recommendation),
    )


@pytest.mark.parametrize("hours", [Decimal(0), Decimal("-1"), Decimal("24.25"), Decimal(25)])
def test_a_time_log_entry_is_more_than_0_and_at_most_24_hours(hours):
    assert_violates("time_log_hours_in_a_day", lambda: TimeLogFactory(hours=hours))


def test_time_totals_group_in_the_database():
    person = PersonFactory()
    first = ActionFactory()
    TimeLogFactory(action=first, person=person, hours=Decimal(2))
    TimeLogFactory(action=first, person=person, hours=Decimal("1.5"))
    TimeLogFactory(action=first, hours=Decimal(1))
    by_person = list(TimeLog.objects.totals_by("person__full_name"))
    assert by_person[0] == {
        "person__full_name": person.full_name,
        "hours": Decimal("3.5"),
        "entries": 2,
    }


# --- Who may edit ------------------------------------------------------------------------


def test_best_value_officers_and_administrators_edit_every_plan_and_action(
    bv_officer, administrator
):
    plan_action = ActionFactory()
    for user in (bv_officer, administrator):
        assert plan_action.key_issue.plan.can_be_edited_by(user)
        assert plan_action.can_be_edited_by(user)


def test_review_officers_edit_plans_of_reviews_they_lead_and_actions_they_lead(review_officer):
    own_review = ReviewFactory(lead_officer=review_officer.person)
    own_plan_action = ActionFactory(key_issue=KeyIssueFactory(plan__review=own_review))
    led_action = ActionFactory(lead_officer=review_officer.person)
    other_action = ActionFactory()
    assert own_plan_action.key_issue.plan.can_be_edited_by(review_officer)
    assert own_plan_action.can_be_edited_by(review_officer)
    assert not led_action.key_issue.plan.can_be_edited_by(review_officer)
    assert led_action.can_be_edited_by(review_officer)
    assert not other_action.can_be_edited_by(review_officer)
    annotated = {found.pk: found.can_edit for found in Action.objects.with_can_edit(review_officer)}
    assert annotated == {own_plan_action.pk: True, led_action.pk: True, other_action.pk: False}


def test_review_officers_edit_plans_of_inspections_of_their_reviews(review_officer):
    review = ReviewFactory()
    review.team.add(review_officer.person)
    inspection = InspectionFactory(review=review)
    plan = ImprovementPlanFactory(review=None, inspection=inspection)
    assert plan.can_be_edited_by(review_officer)


@pytest.mark.parametrize("role", [roles.MEMBER, roles.MEMBER_EXEMPT])
def test_members_edit_nothing_even_actions_naming_them(make_user, role):
    person = PersonFactory()
    user = make_user(role, person=person)
    led_action = ActionFactory(lead_officer=person)
    assert not led_action.can_be_edited_by(user)
    assert not Action.objects.with_can_edit(user).get().can_edit


# --- Staff time ----------------------------------------------------------------------------


def test_time_cannot_be_logged_for_a_day_still_to_come():
    today = timezone.localdate()
    entry = TimeLogFactory.build(
        action=ActionFactory(), person=PersonFactory(), date=today + timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert error.value.message_dict == {"date": ["The date must be today or in the past"]}
    entry.date = today
    entry.full_clean()


def test_review_officers_log_time_for_the_people_who_work_on_the_action(review_officer):
    """Themselves, the action's lead, and the lead and team of the plan's review, directly or
    through the plan's inspection; nobody else, and nobody inactive."""
    lead, team_member, action_lead, stranger = PersonFactory.create_batch(4)
    gone = PersonFactory(active=False)
    review = ReviewFactory(lead_officer=lead, team=[team_member, gone, review_officer.person])
    plan = ImprovementPlanFactory(review=None, inspection=InspectionFactory(review=review))
    led = ActionFactory(key_issue=KeyIssueFactory(plan=plan), lead_officer=action_lead)
    ReviewFactory(lead_officer=stranger, team=[PersonFactory()])  # another review's people
    offered = set(led.time_log_people(review_officer))
    assert offered == {lead, team_member, action_lead, review_officer.person}


def test_an_actions_lead_logs_their_own_time_on_another_reviews_plan(review_officer):
    review_lead = PersonFactory()
    led = ActionFactory(
        lead_officer=review_officer.person, key_issue__plan__review__lead_officer=review_lead
    )
    assert set(led.time_log_people(review_officer)) == {review_officer.person, review_lead}


def test_best_value_officers_log_time_for_every_active_person(bv_officer, administrator):
    PersonFactory.create_batch(3)
    gone = PersonFactory(active=False)
    led = ActionFactory()
    for user in (bv_officer, administrator):
        offered = set(led.time_log_people(user))
        assert offered == set(Person.objects.filter(active=True))
        assert len(offered) >= 4 and gone not in offered
