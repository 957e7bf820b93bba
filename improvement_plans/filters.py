"""GET filters for action and staff-time lists; they work without JavaScript."""

import django_filters
from django import forms

from core.forms import FilterForm
from improvement_plans.models import RAG, Action, ImprovementPlan, TimeLog
from organisation.models import Person

# The browser's own date picker: no JavaScript of ours, and it submits ISO dates.
DATE_PICKER = forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"})
SORTS = [("urgency", "Most urgent first"), ("milestone", "Milestone date")]


def lead_choices(actions):
    """("officer-<pk>", name) for each lead officer and ("group-<name>", name) for each group."""
    officers = Person.objects.filter(pk__in=actions.values("lead_officer")).values_list(
        "pk", "full_name"
    )
    groups = (
        actions.exclude(lead_group="")
        .order_by("lead_group")
        .values_list("lead_group", flat=True)
        .distinct()
    )
    return [(f"officer-{pk}", name) for pk, name in officers] + [
        (f"group-{group}", group) for group in groups
    ]


class ActionFilter(django_filters.FilterSet):
    """Filters an `Action.objects.with_rag()` queryset by RAG, lead and status, and sorts it."""

    rag = django_filters.ChoiceFilter(label="RAG status", choices=RAG.choices, empty_label="Any")
    lead = django_filters.ChoiceFilter(label="Lead", method="filter_lead", empty_label="Anyone")
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, empty_label="Any")
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=SORTS, method="sort_actions", empty_label="Plan order"
    )

    class Meta:
        model = Action
        fields = []
        form = FilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "lead" in self.filters:
            self.filters["lead"].extra["choices"] = lead_choices(self.queryset)

    def filter_lead(self, queryset, name, value):
        kind, _, key = value.partition("-")
        if kind == "officer":
            return queryset.filter(lead_officer_id=key)
        return queryset.filter(lead_group=key)

    def sort_actions(self, queryset, name, value):
        if value == "urgency":
            return queryset.in_rag_order()
        if value == "plan":
            return queryset.order_by("key_issue__plan__title", "key_issue__number", "number")
        return queryset.order_by("milestone_date", "key_issue__number", "number")

    @property
    def is_filtered(self):
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.filters)


class UrgentFirstActionFilter(ActionFilter):
    """For lists across plans, which show the most urgent actions first unless asked not to."""

    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[("milestone", "Milestone date"), ("plan", "Plan order")],
        method="sort_actions",
        empty_label="Most urgent first",
    )


class MyActionFilter(UrgentFirstActionFilter):
    lead = None


class DueActionFilter(UrgentFirstActionFilter):
    plan = django_filters.ModelChoiceFilter(
        field_name="key_issue__plan",
        label="Plan",
        queryset=ImprovementPlan.objects.all(),
        empty_label="All plans",
    )
    status = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the plans with actions on the list: a council has hundreds of plans.
        self.filters["plan"].queryset = ImprovementPlan.objects.filter(
            pk__in=self.queryset.values("key_issue__plan")
        ).order_by("title")


class TimeLogFilter(django_filters.FilterSet):
    plan = django_filters.ModelChoiceFilter(
        field_name="action__key_issue__plan",
        label="Plan",
        queryset=ImprovementPlan.objects.all(),
        empty_label="All plans",
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=DATE_PICKER,
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=DATE_PICKER,
    )

    class Meta:
        model = TimeLog
        fields = []
        form = FilterForm
