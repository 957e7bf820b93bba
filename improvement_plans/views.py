from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Exists, OuterRef, Prefetch, Sum
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from core.exports import Column
from core.permissions import ObjectEditMixin
from core.views import (
    CreateMixin,
    FilteredListView,
    FormPageMixin,
    PartMixin,
    ReadMixin,
    RecordHistoryView,
    VersionedUpdateMixin,
)
from improvement_plans import services
from improvement_plans.filters import ActionFilter, DueActionFilter, MyActionFilter, TimeLogFilter
from improvement_plans.forms import (
    ActionForm,
    ActionProgressForm,
    ActionsFromInspectionForm,
    ExternalCommissionForm,
    ImprovementPlanForm,
    KeyIssueForm,
    TimeLogForm,
    plan_inspections,
)
from improvement_plans.models import (
    DUE_SOON_DAYS,
    Action,
    ActionUpdate,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
    with_rag_counts,
)
from inspections.models import InspectionRecommendation


class PlanPageMixin(ReadMixin):
    """Every role reads plans; the permission keeps out sign-ins that have no role."""

    permission_required = "improvement_plans.view_improvementplan"


class PlanPartMixin(PartMixin):
    """Pages about a part of a plan: the plan's editing rule applies."""

    parent_model = ImprovementPlan

    @property
    def plan(self):
        return self.parent

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}


class PlanPartUpdateView(PlanPartMixin, VersionedUpdateMixin, UpdateView):
    """Changing a key issue or an external commission: the plan is the part's."""

    parent_field = "plan"

    def get_queryset(self):
        return self.model._default_manager.select_related("plan")


# --- Plans ------------------------------------------------------------------------------


class PlanListView(PlanPageMixin, ListView):
    template_name = "improvement_plans/plan_list.html"
    context_object_name = "plans"
    paginate_by = 25

    def get_queryset(self):
        return ImprovementPlan.objects.with_links().with_hours_logged()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with_rag_counts(context["plans"])  # the page's plans, counted in one query
        return context


class PlanDetailView(PlanPageMixin, DetailView):
    template_name = "improvement_plans/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return ImprovementPlan.objects.with_links().with_hours_logged()

    def get_context_data(self, **kwargs):
        plan, user = self.object, self.request.user
        with_rag_counts([plan])
        actions = (
            Action.objects.filter(key_issue__plan=plan)
            .with_rag()
            .with_can_edit(user)
            .select_related("lead_officer")
            .in_plan_order()
        )
        action_filter = ActionFilter(self.request.GET or None, queryset=actions)
        key_issues = list(
            plan.key_issues.prefetch_related(
                Prefetch("actions", queryset=action_filter.qs, to_attr="shown_actions")
            )
        )
        return super().get_context_data(
            filterset=action_filter,
            key_issues=key_issues,
            shown_count=sum(len(key_issue.shown_actions) for key_issue in key_issues),
            commissions=plan.external_commissions.prefetch_related("key_issues"),
            can_edit=plan.can_be_edited_by(user),
            next_monitoring_date=plan.next_monitoring_date(),
            **kwargs,
        )


class PlanCreateView(PermissionRequiredMixin, CreateMixin, FormPageMixin, CreateView):
    model = ImprovementPlan
    form_class = ImprovementPlanForm
    permission_required = "improvement_plans.add_improvementplan"
    page_title = "Create an improvement plan"
    success_message = "Improvement plan “%(object)s” created"

    def get_back_url(self):
        return reverse("improvement_plans:plan-list")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class PlanUpdateView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    model = ImprovementPlan
    form_class = ImprovementPlanForm
    permission_required = "improvement_plans.change_improvementplan"
    page_title = "Change the plan"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class PlanHistoryView(PlanPageMixin, RecordHistoryView):
    """The plan's history with its key issues', actions' and commissions'."""

    model = ImprovementPlan
    parts = [(KeyIssue, "plan_id"), (ExternalCommission, "plan_id")]

    def history_records(self):
        # Actions of key issues since deleted too: found through the key issues' history.
        key_issue_ids = KeyIssue.history.filter(plan_id=self.object.pk).values("id")
        actions = Action.history.filter(key_issue_id__in=key_issue_ids)
        return [*super().history_records(), *actions.select_related("history_user")]


# --- Key issues -------------------------------------------------------------------------


class KeyIssueCreateView(PlanPartMixin, CreateMixin, CreateView):
    model = KeyIssue
    form_class = KeyIssueForm
    permission_required = "improvement_plans.add_keyissue"
    page_title = "Add a key issue"


class KeyIssueUpdateView(PlanPartUpdateView):
    model = KeyIssue
    form_class = KeyIssueForm
    permission_required = "improvement_plans.change_keyissue"
    page_title = "Change the key issue"


# --- Actions ----------------------------------------------------------------------------


class ActionDetailView(PlanPageMixin, DetailView):
    def get_queryset(self):
        return (
            Action.objects.with_rag()
            .with_can_edit(self.request.user)
            .with_hours_logged()
            .select_related(
                "key_issue__plan", "lead_officer", "inspection_recommendation__inspection"
            )
            .prefetch_related(
                Prefetch("updates", queryset=ActionUpdate.objects.select_related("recorded_by")),
                Prefetch("time_logs", queryset=TimeLog.objects.select_related("person")),
            )
        )


class ActionCreateView(PlanPartMixin, CreateMixin, CreateView):
    model = Action
    form_class = ActionForm
    permission_required = "improvement_plans.add_action"
    page_title = "Add an action"

    def get_parent(self):
        return self.key_issue.plan

    @cached_property
    def key_issue(self):
        return get_object_or_404(KeyIssue.objects.select_related("plan"), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Action(key_issue=self.key_issue)
        return kwargs


class ActionUpdateView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    """Change an action's details; its status changes through the "update action" form."""

    model = Action
    form_class = ActionForm
    permission_required = "improvement_plans.change_action"
    page_title = "Change the action"

    def get_queryset(self):
        return Action.objects.select_related("key_issue__plan", "lead_officer")

    def get_caption(self):
        return f"Action {self.object.reference}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.object.key_issue.plan}


class ActionProgressView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    """The one-screen update: status, progress note and hours, saved together."""

    model = Action
    form_class = ActionProgressForm
    permission_required = "improvement_plans.change_action"
    template_name = "improvement_plans/action_progress.html"
    page_title = "Update action"

    def get_queryset(self):
        return Action.objects.with_rag().select_related("key_issue__plan", "lead_officer")

    def get_caption(self):
        return f"{self.object.key_issue.plan} – action {self.object.reference}"

    def get_success_message(self, cleaned_data):
        return f"Update recorded for action {self.object.reference}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def save(self, form):
        services.record_progress(
            action=self.object,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            hours=form.cleaned_data["hours"],
            person=form.person,
            by=self.request.user,
            expected_version=form.cleaned_data["version"],
        )


class TimeLogCreateView(PartMixin, CreateMixin, CreateView):
    """Staff time logged on its own, for a day and a person: whoever may edit the action may
    log time on it (the progress update logs the user's own time today, with a note)."""

    parent_model = Action
    model = TimeLog
    form_class = TimeLogForm
    permission_required = "improvement_plans.add_timelog"
    page_title = "Log staff time"
    success_message = "%(object)s logged for %(person)s"

    def get_parent(self):
        return get_object_or_404(
            Action.objects.select_related("key_issue__plan"), pk=self.kwargs["pk"]
        )

    def get_caption(self):
        return f"{self.parent.key_issue.plan} – action {self.parent.reference}"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": TimeLog(action=self.parent),
            "user": self.request.user,
        }


class ActionHistoryView(PlanPageMixin, RecordHistoryView):
    model = Action

    queryset = Action.objects.select_related("key_issue")
    parts = [(ActionUpdate, "action_id"), (TimeLog, "action_id")]


class ActionListView(PlanPageMixin, FilteredListView):
    """Actions across plans, most urgent first, with filters; as CSV or Excel."""

    template_name = "improvement_plans/action_list.html"
    export_name = "actions"
    export_columns = [
        Column("Plan", lambda a: a.key_issue.plan.title, 36),
        Column("Reference", lambda a: a.reference, 10),
        Column("Action", lambda a: a.description, 50),
        Column("Lead", lambda a: a.lead, 24),
        Column("Start", lambda a: a.start_date, 16),
        Column("Milestone", lambda a: a.milestone_date, 16),
        Column("Status", lambda a: a.get_status_display(), 16),
        Column("RAG", lambda a: a.get_rag_display(), 10),
    ]
    paginate_by = 50
    filterset_class = None

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return (
            self.base_queryset()
            .with_rag()
            .with_can_edit(self.request.user)
            .with_plan()
            .in_rag_order()
        )


class MyActionListView(ActionListView):
    filterset_class = MyActionFilter

    def base_queryset(self):
        self.person = getattr(self.request.user, "person", None)
        if self.person is None:
            return Action.objects.none()
        return Action.objects.led_by(self.person)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="My actions",
            intro="Improvement plan actions you lead, most urgent first.",
            no_person=self.person is None,
            hide_lead=True,
            **kwargs,
        )


class DueActionListView(ActionListView):
    filterset_class = DueActionFilter

    def base_queryset(self):
        return Action.objects.overdue_or_due_within(DUE_SOON_DAYS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Overdue and due-soon actions",
            intro=f"Open actions in every plan whose milestone has passed or falls in the next "
            f"{DUE_SOON_DAYS} days.",
            **kwargs,
        )


# --- Staff time and external support ------------------------------------------------------


class StaffTimeView(PlanPageMixin, TemplateView):
    """Hours logged per plan and person; per key issue and action once a plan is chosen."""

    template_name = "improvement_plans/staff_time.html"

    def get_context_data(self, **kwargs):
        time_filter = TimeLogFilter(self.request.GET or None, queryset=TimeLog.objects.all())
        logs = time_filter.qs
        plan = time_filter.form.cleaned_data.get("plan") if time_filter.is_bound else None
        context = {
            "filterset": time_filter,
            "plan": plan,
            "total": logs.aggregate(total=Sum("hours"))["total"],
            "by_plan": logs.totals_by("action__key_issue__plan", "action__key_issue__plan__title"),
            "by_person": logs.totals_by("person", "person__full_name"),
        }
        if plan is not None:
            context["by_key_issue"] = logs.totals_by(
                "action__key_issue__number", "action__key_issue__title"
            )
            context["by_action"] = logs.totals_by(
                "action", "action__key_issue__number", "action__number", "action__description"
            )
        return super().get_context_data(**context, **kwargs)


class CommissionListView(PlanPageMixin, ListView):
    template_name = "improvement_plans/commission_list.html"
    paginate_by = 25

    def get_queryset(self):
        return ExternalCommission.objects.select_related("plan").prefetch_related("key_issues")


class CommissionCreateView(PlanPartMixin, CreateMixin, CreateView):
    model = ExternalCommission
    form_class = ExternalCommissionForm
    permission_required = "improvement_plans.add_externalcommission"
    page_title = "Add an external commission"


class CommissionUpdateView(PlanPartUpdateView):
    model = ExternalCommission
    form_class = ExternalCommissionForm
    permission_required = "improvement_plans.change_externalcommission"
    page_title = "Change the external commission"


# --- From an inspection's recommendations -------------------------------------------------


class ActionsFromInspectionView(PlanPartMixin, FormView):
    """One action per recommendation not yet converted, linked back; safe to submit twice."""

    form_class = ActionsFromInspectionForm
    permission_required = "improvement_plans.add_action"
    template_name = "improvement_plans/actions_from_inspection.html"
    page_title = "Create actions from an inspection’s recommendations"

    def get_context_data(self, **kwargs):
        recommendations = (
            InspectionRecommendation.objects.filter(inspection__in=plan_inspections(self.plan))
            .select_related("inspection")
            .annotate(
                converted=Exists(Action.objects.filter(inspection_recommendation=OuterRef("pk")))
            )
            .order_by("inspection__title", "number")
        )
        return super().get_context_data(recommendations=recommendations, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        created = services.create_actions_from_inspection(plan=self.plan, **data)
        if created:
            count = ngettext("%(count)d action", "%(count)d actions", len(created)) % {
                "count": len(created)
            }
            messages.success(
                self.request,
                f"{count} created from the recommendations of “{data['inspection']}”",
            )
        else:
            messages.info(
                self.request,
                f"Every recommendation of “{data['inspection']}” already has an action: "
                "nothing was added",
            )
        return redirect(self.plan)
