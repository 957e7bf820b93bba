from datetime import timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from improvement_plans.models import (
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
)
from organisation import roles
from tests.factories import (
    ActionFactory,
    ActionUpdateFactory,
    ExternalCommissionFactory,
    ImprovementPlanFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    KeyIssueFactory,
    PersonFactory,
    ReviewFactory,
    TimeLogFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(number):
    return TODAY + timedelta(days=number)


def url(name, *args):
    return reverse(f"improvement_plans:{name}", args=args)


def date_fields(name, value):
    return {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def officer_client(client, bv_officer):
    return signed_in(client, bv_officer)


def plan_with_actions(count, key_issues=5):
    """A plan with `count` actions spread over key issues, with leads, updates and time."""
    plan = ImprovementPlanFactory(approved_on=days(-30))
    issues = [KeyIssueFactory(plan=plan) for _ in range(key_issues)]
    people = PersonFactory.create_batch(3)
    for index in range(count):
        action = ActionFactory(
            key_issue=issues[index % key_issues],
            lead_officer=people[index % 3],
            milestone_date=days(index % 60 - 10),
            start_date=days(-200),
        )
        if index % 4 == 0:
            ActionUpdateFactory(action=action, date=days(-index % 90))
            TimeLogFactory(action=action, person=people[0])
    ExternalCommissionFactory(plan=plan).key_issues.set(issues[:2])
    return plan


# --- Bounded queries ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 500])
def test_the_plan_page_runs_a_bounded_number_of_queries(
    officer_client, django_assert_max_num_queries, count
):
    plan = plan_with_actions(count)
    with django_assert_max_num_queries(16):
        response = officer_client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["filterset"].qs) == count


@pytest.mark.parametrize("count", [10, 500])
def test_the_filtered_plan_page_runs_a_bounded_number_of_queries(
    officer_client, django_assert_max_num_queries, count
):
    plan = plan_with_actions(count)
    with django_assert_max_num_queries(16):
        response = officer_client.get(plan.get_absolute_url(), {"rag": "red", "sort": "urgency"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_action_lists_run_a_bounded_number_of_queries(
    client, review_officer, django_assert_max_num_queries, count
):
    plan = plan_with_actions(count)
    Action.objects.filter(key_issue__plan=plan).update(lead_officer=review_officer.person)
    signed_in(client, review_officer)
    for page in ("my-action-list", "due-action-list"):
        with django_assert_max_num_queries(14):
            assert client.get(url(page)).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_list_pages_run_a_bounded_number_of_queries(
    officer_client, django_assert_max_num_queries, count
):
    for _ in range(count // 10):
        plan = plan_with_actions(10, key_issues=2)
    pages = [
        url("plan-list"),
        url("commission-list"),
        url("staff-time-totals"),
        url("staff-time-totals") + f"?plan={plan.pk}",
    ]
    for page in pages:
        with django_assert_max_num_queries(12):
            assert officer_client.get(page).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_the_action_page_runs_a_bounded_number_of_queries(
    officer_client, django_assert_max_num_queries, count
):
    action = ActionFactory(inspection_recommendation=InspectionRecommendationFactory())
    ActionUpdateFactory.create_batch(count, action=action)
    TimeLogFactory.create_batch(count, action=action)
    with django_assert_max_num_queries(12):
        response = officer_client.get(action.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_history_pages_run_a_bounded_number_of_queries(
    officer_client, django_assert_max_num_queries, count
):
    plan = plan_with_actions(count)
    action = Action.objects.filter(key_issue__plan=plan).first()
    ActionUpdateFactory.create_batch(count, action=action)
    with django_assert_max_num_queries(13):
        assert officer_client.get(url("plan-history", plan.pk)).status_code == 200
    with django_assert_max_num_queries(10):
        assert officer_client.get(url("action-history", action.pk)).status_code == 200


# --- The plan page --------------------------------------------------------------------------


def test_the_plan_page_shows_key_issues_actions_rag_monitoring_time_and_commissions(
    officer_client,
):
    plan = ImprovementPlanFactory(approved_on=TODAY - timedelta(days=10))
    issue = KeyIssueFactory(plan=plan, number=11, title="Performance indicators")
    late = ActionFactory(key_issue=issue, number=1, milestone_date=days(-1), start_date=days(-9))
    TimeLogFactory(action=late, hours=Decimal("3.5"))
    ExternalCommissionFactory(plan=plan, title="External support: partnerships")
    page = officer_client.get(plan.get_absolute_url()).content.decode()
    assert "Key Issue 11" in page and "Performance indicators" in page
    assert "11.1" in page
    assert "govuk-tag--red" in page
    assert f"{plan.next_monitoring_date():%-d %B %Y}" in page
    assert "3.5 hours" in page
    assert "External support: partnerships" in page


def _shown(response):
    return [action for issue in response.context["key_issues"] for action in issue.shown_actions]


def test_the_plan_page_filters_by_rag_lead_and_status(officer_client):
    plan = ImprovementPlanFactory()
    issue = KeyIssueFactory(plan=plan)
    lead = PersonFactory()
    red = ActionFactory(key_issue=issue, milestone_date=days(-1), start_date=days(-9))
    green = ActionFactory(key_issue=issue, lead_officer=lead, lead_group="")
    emg = ActionFactory(key_issue=issue, lead_group="EMG", status=Action.Status.NOT_STARTED)
    get = officer_client.get
    assert _shown(get(plan.get_absolute_url(), {"rag": "red"})) == [red]
    assert _shown(get(plan.get_absolute_url(), {"lead": f"officer-{lead.pk}"})) == [green]
    assert _shown(get(plan.get_absolute_url(), {"lead": "group-EMG"})) == [emg]
    assert _shown(get(plan.get_absolute_url(), {"status": "not_started"})) == [emg]
    assert get(plan.get_absolute_url(), {"rag": "red"}).context["shown_count"] == 1


def test_the_plan_page_sorts_by_rag_most_urgent_first(officer_client):
    plan = ImprovementPlanFactory()
    issue = KeyIssueFactory(plan=plan)
    green = ActionFactory(key_issue=issue, number=1)
    amber = ActionFactory(key_issue=issue, number=2, milestone_date=days(5))
    red = ActionFactory(key_issue=issue, number=3, milestone_date=days(-1), start_date=days(-9))
    response = officer_client.get(plan.get_absolute_url(), {"sort": "urgency"})
    assert _shown(response) == [red, amber, green]
    assert _shown(officer_client.get(plan.get_absolute_url())) == [green, amber, red]


def test_an_unknown_filter_value_is_ignored_not_an_error(officer_client):
    plan = ImprovementPlanFactory()
    ActionFactory(key_issue=KeyIssueFactory(plan=plan))
    response = officer_client.get(plan.get_absolute_url(), {"rag": "purple", "lead": "x"})
    assert response.status_code == 200
    assert len(_shown(response)) == 1


@pytest.mark.parametrize(
    ("page", "query"),
    [
        pytest.param(lambda plan: plan.get_absolute_url(), {"rag": "0"}, id="plan"),
        pytest.param(lambda plan: url("due-action-list"), {"rag": "0"}, id="overdue"),
        pytest.param(
            lambda plan: url("staff-time-totals"), {"date_from": "31/02/2004"}, id="staff time"
        ),
    ],
)
def test_a_filter_value_in_error_is_listed_in_the_error_summary(officer_client, page, query):
    plan = ImprovementPlanFactory()
    html = officer_client.get(page(plan), query).content.decode()
    assert "govuk-error-message" in html
    assert "govuk-error-summary" in html


def test_the_plan_list_links_to_my_actions(officer_client):
    ImprovementPlanFactory(title="Partnerships improvement plan")
    page = officer_client.get(url("plan-list")).content.decode()
    assert url("my-action-list") in page
    assert "Partnerships improvement plan" in page


def test_improvement_plans_are_in_the_service_navigation(officer_client):
    response = officer_client.get(url("plan-list"))
    assert {"label": "Improvement plans", "url": url("plan-list"), "current": True} in (
        response.context["navigation"]
    )


# --- Action lists ------------------------------------------------------------------------


def test_my_actions_are_the_actions_the_signed_in_officer_leads(client, review_officer):
    mine = ActionFactory(lead_officer=review_officer.person)
    ActionFactory()
    response = signed_in(client, review_officer).get(url("my-action-list"))
    assert list(response.context["object_list"]) == [mine]


def test_my_actions_explains_when_the_login_is_not_a_person(client, administrator):
    ActionFactory()
    response = signed_in(client, administrator).get(url("my-action-list"))
    assert "not linked to a person" in response.content.decode()
    assert list(response.context["object_list"]) == []


def test_overdue_and_due_soon_lists_open_actions_due_within_30_days_across_plans(officer_client):
    overdue = ActionFactory(milestone_date=days(-1), start_date=days(-9))
    due_soon = ActionFactory(milestone_date=days(30))
    ActionFactory(milestone_date=days(31))
    done = ActionFactory(milestone_date=days(-1), start_date=days(-9))
    done.set_status(Action.Status.COMPLETE)
    done.save()
    response = officer_client.get(url("due-action-list"))
    assert list(response.context["object_list"]) == [overdue, due_soon]
    filtered = officer_client.get(url("due-action-list"), {"plan": overdue.key_issue.plan_id})
    assert list(filtered.context["object_list"]) == [overdue]


# --- Staff time and commissions ------------------------------------------------------------


def test_staff_time_totals_per_plan_person_key_issue_and_action(officer_client):
    plan = ImprovementPlanFactory()
    issue = KeyIssueFactory(plan=plan, number=8)
    first = ActionFactory(key_issue=issue, number=1)
    second = ActionFactory(key_issue=issue, number=2)
    person = PersonFactory(full_name="Pam Booth")
    TimeLogFactory(action=first, person=person, hours=Decimal("3.5"))
    TimeLogFactory(action=second, person=person, hours=Decimal(2))
    TimeLogFactory(hours=Decimal(7))  # another plan's
    everything = officer_client.get(url("staff-time-totals")).context
    assert everything["total"] == Decimal("12.5")
    assert {row["action__key_issue__plan"]: row["hours"] for row in everything["by_plan"]}[
        plan.pk
    ] == Decimal("5.5")
    one_plan = officer_client.get(url("staff-time-totals"), {"plan": plan.pk}).context
    assert one_plan["total"] == Decimal("5.5")
    assert [row["hours"] for row in one_plan["by_key_issue"]] == [Decimal("5.5")]
    assert [(row["action__number"], row["hours"]) for row in one_plan["by_action"]] == [
        (1, Decimal("3.5")),
        (2, Decimal(2)),
    ]
    assert [(row["person__full_name"], row["hours"]) for row in one_plan["by_person"]] == [
        ("Pam Booth", Decimal("5.5"))
    ]


def test_staff_time_can_be_limited_to_dates(officer_client):
    TimeLogFactory(date=days(-40), hours=Decimal(1))
    TimeLogFactory(date=days(-5), hours=Decimal(2))
    context = officer_client.get(
        url("staff-time-totals"), {"date_from": days(-10).isoformat()}
    ).context
    assert context["total"] == Decimal(2)


def test_the_commissions_page_lists_every_plans_commissions(officer_client):
    commission = ExternalCommissionFactory(title="External support: partnerships")
    commission.key_issues.set([KeyIssueFactory(plan=commission.plan, title="Policy development")])
    page = officer_client.get(url("commission-list")).content.decode()
    assert "External support: partnerships" in page
    assert "Policy development" in page
    assert "Best Value review funding" in page


# --- The one-screen update -----------------------------------------------------------------


def progress(action, **data):
    return {"status": action.status, "note": "Progress made", "version": action.version, **data}


def test_updating_an_action_records_the_note_and_hours_together(client, review_officer):
    action = ActionFactory(lead_officer=review_officer.person)
    response = signed_in(client, review_officer).post(
        url("action-progress", action.pk), progress(action, hours="3.5")
    )
    assert response.status_code == 302
    update = ActionUpdate.objects.get(action=action)
    assert (update.note, update.date, update.recorded_by) == (
        "Progress made",
        TODAY,
        review_officer,
    )
    log = TimeLog.objects.get(action=action)
    assert (log.hours, log.person, log.date) == (Decimal("3.5"), review_officer.person, TODAY)


def test_completing_an_action_records_the_completion_date(officer_client):
    action = ActionFactory(milestone_date=days(-3), start_date=days(-9))
    officer_client.post(url("action-progress", action.pk), progress(action, status="complete"))
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (Action.Status.COMPLETE, TODAY)
    assert Action.objects.with_rag().get(pk=action.pk).rag == "complete"


def test_hours_are_optional(officer_client):
    action = ActionFactory()
    officer_client.post(url("action-progress", action.pk), progress(action))
    assert ActionUpdate.objects.filter(action=action).exists()
    assert not TimeLog.objects.exists()


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-1", "Hours spent must be more than 0"),
        ("0", "Hours spent must be more than 0"),
        ("25", "Hours spent must be 24 or fewer"),
        ("100", "Hours spent must be 24 or fewer"),
        ("lots", "Enter hours spent as a number"),
        ("1.125", "no more than 2 decimal places"),
    ],
)
def test_bad_hours_are_refused_with_a_clear_message(officer_client, hours, message):
    action = ActionFactory()
    response = officer_client.post(url("action-progress", action.pk), progress(action, hours=hours))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["hours"])
    assert message in response.content.decode().split("govuk-error-summary__list")[1]
    assert not ActionUpdate.objects.exists() and not TimeLog.objects.exists()


def test_a_progress_note_is_required(officer_client):
    action = ActionFactory()
    response = officer_client.post(url("action-progress", action.pk), progress(action, note=""))
    assert "Enter the progress made" in str(response.context["form"].errors["note"])


def test_hours_need_a_login_linked_to_a_person(client, administrator):
    action = ActionFactory()
    response = signed_in(client, administrator).post(
        url("action-progress", action.pk), progress(action, hours="2")
    )
    assert "not linked to a person" in str(response.context["form"].errors["hours"])


def test_a_stale_update_is_refused_and_nothing_is_saved(officer_client, bv_officer):
    action = ActionFactory()
    stale = progress(action, status="complete", hours="2")
    action.description = "Changed by someone else"
    action.save_if_unchanged(action.version)
    response = officer_client.post(url("action-progress", action.pk), stale)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert not ActionUpdate.objects.exists() and not TimeLog.objects.exists()


# --- Staff time on its own ------------------------------------------------------------------


def time_data(person, **overrides):
    return {
        **date_fields("date", days(-2)),
        "person": person.pk,
        "hours": "2.5",
        "note": "Visited three foster carers",
        **overrides,
    }


def summary_of(response):
    return response.content.decode().split("govuk-error-summary__list")[1].split("</ul>")[0]


def test_staff_time_is_logged_on_its_own_for_a_day_and_a_person(client, review_officer):
    colleague = PersonFactory(full_name="Karen Walker")
    review = ReviewFactory(lead_officer=review_officer.person, team=[colleague])
    action = ActionFactory(key_issue=KeyIssueFactory(plan__review=review))
    response = signed_in(client, review_officer).post(
        url("timelog-create", action.pk), time_data(colleague)
    )
    assert response.url == f"{action.get_absolute_url()}#time-logged"
    log = TimeLog.objects.get()
    assert (log.action, log.person, log.date, log.hours, log.note) == (
        action,
        colleague,
        days(-2),
        Decimal("2.5"),
        "Visited three foster carers",
    )
    assert not ActionUpdate.objects.exists()  # no progress note needed
    page = client.get(response.url)
    assert "logged for Karen Walker" in page.content.decode()
    assert "Visited three foster carers" in page.content.decode()
    entries = client.get(url("action-history", action.pk)).context["entries"]
    (created,) = [entry for entry in entries if entry.what == "Time log entry"]
    who = review_officer.get_full_name() or review_officer.get_username()
    assert (created.action, created.who) == ("Created", who)


def test_the_log_time_form_starts_with_today_and_the_user(client, review_officer):
    action = ActionFactory(lead_officer=review_officer.person)
    form = signed_in(client, review_officer).get(url("timelog-create", action.pk)).context["form"]
    assert form["date"].value() == TODAY
    assert form["person"].value() == review_officer.person.pk
    assert set(form.fields["person"].queryset) == {review_officer.person}


def test_today_is_accepted(officer_client, bv_officer):
    action = ActionFactory()
    data = time_data(bv_officer.person, **date_fields("date", TODAY))
    assert officer_client.post(url("timelog-create", action.pk), data).status_code == 302
    assert TimeLog.objects.get().date == TODAY


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", days(1), "The date must be today or in the past"),
        ("date", {"date_0": "31", "date_1": "2", "date_2": "2026"}, "Date must be a real date"),
        ("date", {"date_0": "", "date_1": "", "date_2": ""}, "Enter the date"),
        ("date", {"date_0": "3", "date_1": "", "date_2": "2026"}, "Enter the date"),
        ("hours", "-1", "Hours spent must be more than 0"),
        ("hours", "0", "Hours spent must be more than 0"),
        ("hours", "25", "Hours spent must be 24 or fewer"),
        ("hours", "lots", "Enter hours spent as a number"),
        ("hours", "1.125", "no more than 2 decimal places"),
        ("hours", "", "Enter the hours spent"),
        ("person", "", "Choose whose time this is"),
        ("person", "999999", "Choose someone who works on this action"),
        ("note", "x" * 301, "The note must be 300 characters or fewer"),
    ],
)
def test_bad_time_is_refused_beside_the_field_and_in_the_summary(
    officer_client, bv_officer, field, value, message
):
    action = ActionFactory()
    data = time_data(bv_officer.person)
    if field == "date":
        data.update(date_fields("date", value) if not isinstance(value, dict) else value)
    else:
        data[field] = value
    response = officer_client.post(url("timelog-create", action.pk), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert message in summary_of(response)
    assert not TimeLog.objects.exists()


def test_someone_who_does_not_work_on_the_action_is_refused(client, review_officer):
    action = ActionFactory(lead_officer=review_officer.person)
    stranger = PersonFactory()
    response = signed_in(client, review_officer).post(
        url("timelog-create", action.pk), time_data(stranger)
    )
    assert "Choose someone who works on this action" in str(
        response.context["form"].errors["person"]
    )
    assert stranger.pk not in {
        person.pk for person in response.context["form"].fields["person"].queryset
    }
    assert not TimeLog.objects.exists()


def test_an_inactive_person_is_not_offered_and_is_refused(officer_client):
    action = ActionFactory()
    gone = PersonFactory(active=False)
    response = officer_client.post(url("timelog-create", action.pk), time_data(gone))
    assert "Choose someone who works on this action" in str(
        response.context["form"].errors["person"]
    )
    assert not TimeLog.objects.exists()


def test_a_second_send_of_the_form_logs_the_time_once(officer_client, bv_officer):
    action = ActionFactory()
    form = officer_client.get(url("timelog-create", action.pk)).context["form"]
    data = {**time_data(bv_officer.person), "submission": form["submission"].value()}
    first = officer_client.post(url("timelog-create", action.pk), data)
    again = officer_client.post(url("timelog-create", action.pk), data)
    assert again.url == first.url
    assert TimeLog.objects.count() == 1


@pytest.mark.parametrize("count", [10, 300])
def test_the_log_time_page_runs_a_bounded_number_of_queries(
    client, review_officer, django_assert_max_num_queries, count
):
    people = PersonFactory.create_batch(count)
    review = ReviewFactory(lead_officer=review_officer.person, team=people)
    action = ActionFactory(key_issue=KeyIssueFactory(plan__review=review))
    TimeLogFactory.create_batch(count // 10, action=action)
    signed_in(client, review_officer)
    with django_assert_max_num_queries(12):
        response = client.get(url("timelog-create", action.pk))
    assert len(response.context["form"].fields["person"].queryset) == count + 1
    with django_assert_max_num_queries(22):
        assert (
            client.post(url("timelog-create", action.pk), time_data(people[0])).status_code == 302
        )


# --- Create and edit forms ------------------------------------------------------------------


def action_data(action_or_issue, **overrides):
    issue = getattr(action_or_issue, "key_issue", action_or_issue)
    data = {
        "key_issue": issue.pk,
        "number": 7,
        "description": "Develop Performance Indicators",
        "lead_officer": "",
        "lead_group": "EMG",
        "business_unit": "Strategic & Performance Services",
        **date_fields("start_date", days(0)),
        **date_fields("milestone_date", days(60)),
        "risk_level": "",
        "version": getattr(action_or_issue, "version", 1),
    }
    return {**data, **overrides}


def test_an_action_is_created_under_its_key_issue(officer_client):
    issue = KeyIssueFactory(number=11)
    response = officer_client.post(url("action-create", issue.pk), action_data(issue))
    action = Action.objects.get()
    assert response.url == action.get_absolute_url()
    assert (action.reference, action.lead_group, action.milestone_date) == ("11.7", "EMG", days(60))


def test_a_milestone_before_the_start_is_refused(officer_client):
    issue = KeyIssueFactory()
    response = officer_client.post(
        url("action-create", issue.pk),
        action_data(issue, **date_fields("milestone_date", days(-1))),
    )
    assert "must be the same as or after the start date" in str(
        response.context["form"].errors["milestone_date"]
    )
    assert not Action.objects.exists()


def test_an_inactive_lead_is_refused_with_their_name(officer_client):
    issue = KeyIssueFactory()
    gone = PersonFactory(full_name="Ann Leaver", active=False)
    response = officer_client.post(
        url("action-create", issue.pk), action_data(issue, lead_officer=gone.pk, lead_group="")
    )
    assert "Ann Leaver is no longer active" in str(response.context["form"].errors["lead_officer"])


def test_an_action_needs_a_lead(officer_client):
    issue = KeyIssueFactory()
    response = officer_client.post(
        url("action-create", issue.pk), action_data(issue, lead_group="")
    )
    assert "Choose a lead officer or enter a lead group" in str(
        response.context["form"].errors["lead_officer"]
    )


def test_an_action_number_taken_in_the_key_issue_is_refused(officer_client):
    taken = ActionFactory(number=7)
    response = officer_client.post(url("action-create", taken.key_issue_id), action_data(taken))
    assert "already exists" in str(response.context["form"].errors["number"])


@pytest.mark.parametrize("day", ["31", "x"])
def test_an_impossible_date_is_refused_clearly(officer_client, day):
    issue = KeyIssueFactory()
    data = action_data(issue, start_date_0=day, start_date_1="2", start_date_2="2004")
    response = officer_client.post(url("action-create", issue.pk), data)
    assert "Start date must be a real date" in str(response.context["form"].errors["start_date"])


def test_editing_an_action_keeps_its_current_inactive_lead_on_offer(officer_client):
    gone = PersonFactory(active=False)
    action = ActionFactory(lead_officer=gone)
    response = officer_client.get(url("action-update", action.pk))
    assert gone in response.context["form"].fields["lead_officer"].queryset


def test_a_plan_needs_a_review_or_an_inspection(officer_client):
    data = {"title": "Plan", "period": "2004", "monitoring_interval_months": 6, "version": 1}
    response = officer_client.post(url("plan-create"), data)
    assert "Choose the review or the inspection" in str(response.context["form"].errors["review"])
    review = ReviewFactory()
    response = officer_client.post(url("plan-create"), {**data, "review": review.pk})
    plan = ImprovementPlan.objects.get()
    assert response.url == plan.get_absolute_url()
    assert str(plan.period) == "2004"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("period", "sometime", "Enter a period such as"),
        ("monitoring_interval_months", "0", "at least 1 month"),
        ("monitoring_interval_months", "-6", "at least 1 month"),
        ("approved_on_0", "", "Date approved must be a real date"),
        # Too large for Python's date(): an OverflowError, once a server error.
        ("approved_on_2", "99999999999", "Date approved must be a real date"),
    ],
)
def test_bad_plan_input_is_refused_clearly(officer_client, field, value, message):
    data = {
        "title": "Plan",
        "review": ReviewFactory().pk,
        "period": "January–December 2004",
        "monitoring_interval_months": 6,
        **date_fields("approved_on", days(0)),
        "version": 1,
        field: value,
    }
    response = officer_client.post(url("plan-create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_review_officers_plan_only_for_reviews_they_may_edit(client, review_officer):
    own = ReviewFactory(lead_officer=review_officer.person)
    ReviewFactory()
    response = signed_in(client, review_officer).get(url("plan-create"))
    assert list(response.context["form"].fields["review"].queryset) == [own]


def test_editing_a_plan_saves_the_period(officer_client):
    plan = ImprovementPlanFactory()
    data = {
        "title": plan.title,
        "review": plan.review_id,
        "period": "March–September 2004",
        "monitoring_interval_months": 3,
        "version": plan.version,
    }
    officer_client.post(url("plan-update", plan.pk), data)
    plan.refresh_from_db()
    assert (str(plan.period), plan.monitoring_interval_months) == ("March–September 2004", 3)


def test_a_second_officers_stale_plan_edit_is_refused(officer_client):
    plan = ImprovementPlanFactory(title="Partnerships improvement plan")
    data = {
        "title": "Renamed",
        "review": plan.review_id,
        "period": "2004",
        "monitoring_interval_months": 6,
        "version": plan.version,
    }
    plan.title = "Changed first"
    plan.save_if_unchanged(plan.version)
    response = officer_client.post(url("plan-update", plan.pk), data)
    assert "Your changes have not been saved" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Changed first"


def test_a_key_issue_number_is_unique_in_its_plan(officer_client):
    existing = KeyIssueFactory(number=8)
    response = officer_client.post(
        url("keyissue-create", existing.plan_id), {"number": 8, "title": "Again", "version": 1}
    )
    assert "already has a Key Issue 8" in str(response.context["form"].errors["number"])
    officer_client.post(
        url("keyissue-create", existing.plan_id), {"number": 11, "title": "PIs", "version": 1}
    )
    assert KeyIssue.objects.filter(plan=existing.plan, number=11).exists()


def test_a_commission_covers_key_issues_of_its_own_plan(officer_client):
    plan = ImprovementPlanFactory()
    own = KeyIssueFactory(plan=plan)
    other = KeyIssueFactory()
    data = {
        "title": "External support",
        "brief": "Good practice",
        "key_issues": [own.pk],
        "budget": "5000",
        "timescale": "March–September 2004",
        "status": "proposed",
        "version": 1,
    }
    officer_client.post(url("commission-create", plan.pk), data)
    commission = ExternalCommission.objects.get()
    assert list(commission.key_issues.all()) == [own]
    assert str(commission.timescale) == "March–September 2004"
    response = officer_client.post(
        url("commission-create", plan.pk), {**data, "key_issues": [other.pk], "budget": "-1"}
    )
    form = response.context["form"]
    assert "key_issues" in form.errors
    assert "The budget must be £0 or more" in str(form.errors["budget"])


# --- Actions from an inspection's recommendations --------------------------------------------


def from_inspection(inspection, **overrides):
    return {
        "inspection": inspection.pk,
        "key_issue": "",
        "lead_group": "CMT",
        **date_fields("start_date", days(0)),
        **date_fields("milestone_date", days(90)),
        **overrides,
    }


def test_an_inspections_recommendations_become_linked_actions_once(officer_client):
    review = ReviewFactory()
    plan = ImprovementPlanFactory(review=review)
    inspection = InspectionFactory(review=review, title="Audit Commission inspection")
    recommendations = InspectionRecommendationFactory.create_batch(3, inspection=inspection)
    target = url("plan-actions-from-inspection", plan.pk)
    page = officer_client.get(target).content.decode()
    assert recommendations[0].text in page
    response = officer_client.post(target, from_inspection(inspection))
    assert response.url == plan.get_absolute_url()
    actions = Action.objects.filter(key_issue__plan=plan).order_by("number")
    assert [a.inspection_recommendation for a in actions] == recommendations
    assert [a.description for a in actions] == [r.text for r in recommendations]
    assert actions[0].key_issue.title == "Recommendations of Audit Commission inspection"
    officer_client.post(target, from_inspection(inspection))
    assert Action.objects.count() == 3
    InspectionRecommendationFactory(inspection=inspection)
    officer_client.post(target, from_inspection(inspection, key_issue=actions[0].key_issue_id))
    assert Action.objects.count() == 4
    assert KeyIssue.objects.filter(plan=plan).count() == 1


def test_only_the_plans_own_inspections_are_offered(officer_client):
    plan = ImprovementPlanFactory()
    unrelated = InspectionFactory()
    InspectionRecommendationFactory(inspection=unrelated)
    response = officer_client.post(
        url("plan-actions-from-inspection", plan.pk), from_inspection(unrelated)
    )
    assert "inspection" in response.context["form"].errors
    assert not Action.objects.exists()


def test_actions_from_an_inspection_need_a_lead_and_a_sensible_milestone(officer_client):
    inspection = InspectionFactory()
    plan = ImprovementPlanFactory(review=None, inspection=inspection)
    InspectionRecommendationFactory(inspection=inspection)
    response = officer_client.post(
        url("plan-actions-from-inspection", plan.pk),
        from_inspection(inspection, lead_group="", **date_fields("milestone_date", days(-1))),
    )
    errors = response.context["form"].errors
    assert "Choose a lead officer" in str(errors["lead_officer"])
    assert "after the start date" in str(errors["milestone_date"])


# --- History and the review page's fragment ---------------------------------------------------


def test_the_plan_history_includes_its_parts(officer_client):
    action = ActionFactory(description="Develop Performance Indicators")
    ExternalCommissionFactory(plan=action.key_issue.plan, title="External support")
    entries = officer_client.get(url("plan-history", action.key_issue.plan_id)).context["entries"]
    assert {entry.what for entry in entries} >= {
        "Improvement plan",
        "Key issue",
        "Action",
        "External commission",
    }


def test_the_action_history_includes_updates_and_time(officer_client):
    action = ActionFactory()
    officer_client.post(url("action-progress", action.pk), progress(action, hours="1"))
    entries = officer_client.get(url("action-history", action.pk)).context["entries"]
    assert {entry.what for entry in entries} == {"Action", "Progress update", "Time log entry"}


def test_the_review_fragment_shows_each_plan_with_its_rag_counts(django_assert_num_queries):
    review = ReviewFactory()
    plan = ImprovementPlanFactory(review=review, title="Partnerships improvement plan")
    ActionFactory(
        key_issue=KeyIssueFactory(plan=plan), milestone_date=days(-1), start_date=days(-2)
    )
    plans = list(ImprovementPlan.objects.for_review(review))
    with django_assert_num_queries(0):
        html = render_to_string("improvement_plans/_review_plans.html", {"plans": plans})
    assert "Partnerships improvement plan" in html
    assert "1 Red" in html


# --- Permissions: role × page × GET/POST ------------------------------------------------------

ROLES = ["administrator", "bv_officer", "plan_lead", "action_lead", "member"]
EVERYONE = set(ROLES)
PLAN_EDITORS = {"administrator", "bv_officer", "plan_lead"}
ACTION_EDITORS = PLAN_EDITORS | {"action_lead"}
# Review officers may start a plan (for a review they may edit); members may not.
PLAN_CREATORS = ACTION_EDITORS


@pytest.fixture
def world(make_user):
    users = {
        "administrator": make_user(roles.ADMINISTRATOR),
        "bv_officer": make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory()),
        "plan_lead": make_user(roles.REVIEW_OFFICER, person=PersonFactory()),
        "action_lead": make_user(roles.REVIEW_OFFICER, person=PersonFactory()),
        "member": make_user(roles.MEMBER, person=PersonFactory()),
    }
    review = ReviewFactory(lead_officer=users["plan_lead"].person)
    plan = ImprovementPlanFactory(review=review)
    issue = KeyIssueFactory(plan=plan)
    action = ActionFactory(key_issue=issue, lead_officer=users["action_lead"].person)
    commission = ExternalCommissionFactory(plan=plan)
    return {"users": users, "plan": plan, "issue": issue, "action": action, "c": commission}


READ_PAGES = {
    "plan list": (lambda w: url("plan-list"), EVERYONE),
    "plan": (lambda w: url("plan-detail", w["plan"].pk), EVERYONE),
    "plan history": (lambda w: url("plan-history", w["plan"].pk), EVERYONE),
    "action": (lambda w: url("action-detail", w["action"].pk), EVERYONE),
    "action history": (lambda w: url("action-history", w["action"].pk), EVERYONE),
    "my actions": (lambda w: url("my-action-list"), EVERYONE),
    "due actions": (lambda w: url("due-action-list"), EVERYONE),
    "staff time": (lambda w: url("staff-time-totals"), EVERYONE),
    "commissions": (lambda w: url("commission-list"), EVERYONE),
}
EDIT_PAGES = {
    "create plan": (lambda w: url("plan-create"), PLAN_CREATORS),
    "edit plan": (lambda w: url("plan-update", w["plan"].pk), PLAN_EDITORS),
    "add key issue": (lambda w: url("keyissue-create", w["plan"].pk), PLAN_EDITORS),
    "edit key issue": (lambda w: url("keyissue-update", w["issue"].pk), PLAN_EDITORS),
    "add action": (lambda w: url("action-create", w["issue"].pk), PLAN_EDITORS),
    "edit action": (lambda w: url("action-update", w["action"].pk), ACTION_EDITORS),
    "update action": (lambda w: url("action-progress", w["action"].pk), ACTION_EDITORS),
    "log time": (lambda w: url("timelog-create", w["action"].pk), ACTION_EDITORS),
    "add commission": (lambda w: url("commission-create", w["plan"].pk), PLAN_EDITORS),
    "edit commission": (lambda w: url("commission-update", w["c"].pk), PLAN_EDITORS),
    "from inspection": (lambda w: url("plan-actions-from-inspection", w["plan"].pk), PLAN_EDITORS),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", READ_PAGES)
def test_every_role_reads_every_page(client, world, page, role):
    path, _ = READ_PAGES[page]
    assert signed_in(client, world["users"][role]).get(path(world)).status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", EDIT_PAGES)
def test_only_editors_reach_editing_pages(client, world, page, role, method):
    path, allowed = EDIT_PAGES[page]
    # An empty POST: an editor gets the form back with errors; anyone else is refused.
    response = getattr(signed_in(client, world["users"][role]), method)(path(world))
    assert response.status_code == (200 if role in allowed else 403)


def test_the_action_lead_sees_update_links_only_on_their_own_actions(client, world):
    other = ActionFactory(key_issue=world["issue"])
    response = signed_in(client, world["users"]["action_lead"]).get(
        world["plan"].get_absolute_url()
    )
    page = response.content.decode()
    assert url("action-progress", world["action"].pk) in page
    assert url("action-progress", other.pk) not in page
    assert url("plan-update", world["plan"].pk) not in page


def test_only_editors_of_the_action_are_offered_the_log_time_link(client, world):
    link = url("timelog-create", world["action"].pk)
    for role in ROLES:
        page = signed_in(client, world["users"][role]).get(world["action"].get_absolute_url())
        assert (link in page.content.decode()) == (role in ACTION_EDITORS), role


def test_members_see_no_editing_links(client, world):
    page = signed_in(client, world["users"]["member"]).get(world["plan"].get_absolute_url())
    html = page.content.decode()
    assert url("action-progress", world["action"].pk) not in html
    assert url("plan-update", world["plan"].pk) not in html
