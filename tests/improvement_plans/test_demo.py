import pytest
from django.core.management import call_command

from committees.models import Committee
from improvement_plans import demo
from improvement_plans.models import (
    RAG,
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    TimeLog,
)
from organisation import demo as organisation_demo
from reviews.models import Review
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Review, ImprovementPlan, Action, ActionUpdate, TimeLog, ExternalCommission)
    ]


def test_loading_twice_adds_nothing():
    call_command("load_demo")
    before = counts()
    call_command("load_demo")
    assert counts() == before


def test_seed_004s_plan_is_loaded_as_the_paper_describes_it():
    call_command("load_demo")
    plan = ImprovementPlan.objects.get(review__title="Partnerships")
    assert str(plan.period) == "January–December 2004"
    assert plan.monitoring_committee.name == "Infrastructure Overview & Scrutiny Committee"
    assert plan.monitoring_committee.kind == Committee.Kind.OVERVIEW_AND_SCRUTINY
    assert plan.monitoring_interval_months == 6
    assert "15 December 2003" in plan.summary
    issues = {issue.number: issue for issue in plan.key_issues.all()}
    assert issues[8].title == "Policy development" and issues[8].needs_external_support
    assert issues[11].title == "Performance indicators" and issues[11].needs_external_support
    actions = Action.objects.filter(key_issue__plan=plan)
    assert set(actions.values_list("lead_group", flat=True)) == {"CMT", "EMG"}
    assert set(actions.values_list("business_unit", flat=True)) == {
        "Strategic & Performance Services"
    }
    commission = plan.external_commissions.get()
    assert set(commission.key_issues.all()) == {issues[8], issues[11]}
    assert str(commission.timescale) == "March–September 2004"
    assert commission.funding_source == "Best Value review funding"


def test_the_childrens_services_plan_shows_red_amber_green_and_complete_today():
    call_command("load_demo")
    plan = ImprovementPlan.objects.get(title__startswith="Children's Services for 11-17")
    rags = set(Action.objects.filter(key_issue__plan=plan).with_rag().values_list("rag", flat=True))
    assert rags == {RAG.RED, RAG.AMBER, RAG.GREEN, RAG.COMPLETE}
    descriptions = " ".join(
        Action.objects.filter(key_issue__plan=plan).values_list("description", flat=True)
    )
    for words in ("foster care placements", "invest-to-save", "multi-agency", "Luton Futures"):
        assert words in descriptions
    assert Action.objects.filter(lead_officer__full_name="Wes Cuell").exists()
    assert plan.next_monitoring_date() is not None
    assert TimeLog.objects.filter(action__key_issue__plan=plan).exists()


def test_a_review_already_loaded_by_its_own_app_is_used_not_duplicated():
    organisation_demo.load()
    existing = ReviewFactory(title="Partnerships")
    demo.load()
    assert Review.objects.filter(title="Partnerships").count() == 1
    assert ImprovementPlan.objects.get(title="Partnerships improvement plan").review == existing
