from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone

from core.versioning import StaleEdit
from improvement_plans import services
from improvement_plans.models import Action, ActionUpdate, KeyIssue, TimeLog
from tests.factories import (
    ActionFactory,
    ImprovementPlanFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    KeyIssueFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def record(action, **overrides):
    arguments = {
        "action": action,
        "status": Action.Status.IN_PROGRESS,
        "note": "Progress made",
        "by": None,
        "expected_version": action.version,
        "hours": Decimal("3.5"),
        "person": PersonFactory(),
    }
    return services.record_progress(**{**arguments, **overrides})


def test_progress_status_note_and_hours_are_saved_together():
    action = ActionFactory(status=Action.Status.NOT_STARTED)
    update = record(action, status=Action.Status.COMPLETE)
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.version) == ("complete", TODAY, 2)
    assert (update.status, update.note) == ("complete", "Progress made")
    assert TimeLog.objects.get().hours == Decimal("3.5")


def test_nothing_is_saved_when_the_time_log_is_refused():
    action = ActionFactory(status=Action.Status.NOT_STARTED)
    with pytest.raises(IntegrityError):
        record(action, status=Action.Status.COMPLETE, hours=Decimal(30))
    action.refresh_from_db()
    assert (action.status, action.version) == ("not_started", 1)
    assert not ActionUpdate.objects.exists()


def test_nothing_is_saved_after_someone_elses_change():
    action = ActionFactory()
    stale_version = action.version
    action.save_if_unchanged(stale_version)
    with pytest.raises(StaleEdit):
        record(action, expected_version=stale_version)
    assert not ActionUpdate.objects.exists() and not TimeLog.objects.exists()


def convert(plan, inspection, **overrides):
    arguments = {
        "plan": plan,
        "inspection": inspection,
        "start_date": TODAY,
        "milestone_date": TODAY + timedelta(days=90),
        "lead_group": "CMT",
    }
    return services.create_actions_from_inspection(**{**arguments, **overrides})


def test_recommendations_become_numbered_actions_after_the_existing_ones():
    key_issue = KeyIssueFactory(number=4)
    ActionFactory(key_issue=key_issue, number=1)
    inspection = InspectionFactory()
    InspectionRecommendationFactory.create_batch(2, inspection=inspection)
    created = convert(key_issue.plan, inspection, key_issue=key_issue)
    assert [action.reference for action in created] == ["4.2", "4.3"]


def test_without_a_key_issue_the_actions_get_a_new_one_numbered_next():
    plan = ImprovementPlanFactory()
    KeyIssueFactory(plan=plan, number=11)
    inspection = InspectionFactory(title="Housing inspection")
    InspectionRecommendationFactory(inspection=inspection)
    (action,) = convert(plan, inspection)
    assert str(action.key_issue) == "Key Issue 12: Recommendations of Housing inspection"


def test_converting_twice_adds_nothing_and_no_empty_key_issue():
    plan = ImprovementPlanFactory()
    inspection = InspectionFactory()
    InspectionRecommendationFactory.create_batch(2, inspection=inspection)
    assert len(convert(plan, inspection)) == 2
    assert convert(plan, inspection) == []
    assert KeyIssue.objects.filter(plan=plan).count() == 1


def test_a_failure_part_way_leaves_no_actions_and_no_key_issue(monkeypatch):
    plan = ImprovementPlanFactory()
    inspection = InspectionFactory()
    InspectionRecommendationFactory.create_batch(3, inspection=inspection)
    real_create = Action.objects.create
    calls = []

    def fail_on_the_second(**fields):
        calls.append(fields)
        if len(calls) == 2:
            raise IntegrityError("simulated failure")
        return real_create(**fields)

    monkeypatch.setattr(Action.objects, "create", fail_on_the_second)
    with pytest.raises(IntegrityError):
        convert(plan, inspection)
    assert not Action.objects.exists()
    assert not KeyIssue.objects.exists()
