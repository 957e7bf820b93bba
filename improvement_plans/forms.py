from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils import timezone

from core.fields import PeriodField
from core.forms import DateInputField, GDSFormMixin
from core.versioning import VersionedFormMixin
from improvement_plans.models import (
    MAX_HOURS_PER_ENTRY,
    Action,
    ExternalCommission,
    ImprovementPlan,
    KeyIssue,
    TimeLog,
)
from inspections.models import Inspection
from organisation.models import Person
from reviews.models import Review


def number_input(width, inputmode="numeric"):
    """GOV.UK's advice for numbers: a text input that brings up a numeric keypad."""
    return forms.TextInput(
        attrs={
            "inputmode": inputmode,
            "spellcheck": "false",
            "class": f"govuk-input--width-{width}",
        }
    )


class DateField(DateInputField):
    """The GOV.UK date input (day, month, year), with messages that name the date."""

    def __init__(self, *, label, **kwargs):
        super().__init__(label=label, **kwargs)
        self.error_messages["required"] = f"Enter the {label.lower()}"
        self.error_messages["incomplete"] = f"Enter the {label.lower()}"
        self.invalid_message = f"{label} must be a real date, for example 27 3 2027"
        for part in self.fields:
            part.validators = [RegexValidator(r"^\s*[0-9]+\s*$", self.invalid_message)]

    def compress(self, data_list):
        parts = [part for part in data_list if part not in self.empty_values]
        if parts and len(parts) < 3:
            raise ValidationError(self.invalid_message, code="incomplete")
        value = super().compress(data_list)
        if value is not None and not 1990 <= value.year <= 2100:
            raise ValidationError(self.invalid_message, code="invalid")
        return value


class LeadOfficerField(forms.ModelChoiceField):
    """Offers active people (and the current lead); an inactive one gets a clear message.

    A person may leave while a form is open, or a stale page may post them: that is the
    officer's mistake to correct, not "Select a valid choice".
    """

    def __init__(self, *, current=None, **kwargs):
        active = Q(active=True) | Q(pk=current.pk) if current else Q(active=True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", "No named officer")
        super().__init__(queryset=Person.objects.filter(active), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            person = Person.objects.get(pk=value)
        except (ValueError, TypeError, Person.DoesNotExist):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None
        if not person.active:
            raise ValidationError(
                f"{person} is no longer active: choose an active lead officer, or enter a "
                "lead group",
                code="inactive",
            )
        return person


def _check_action_rules(form, **fields):
    """Run Action's own rules (a lead; milestone not before start) on a non-model form."""
    try:
        Action(**fields).clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field, message)


class ImprovementPlanForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save plan"

    period = PeriodField(
        label="Period",
        help_text="For example, April 2027 – March 2028 or 2027",
        error_messages={"required": "Enter the plan’s period, such as April 2027 – March 2028"},
    )
    approved_on = DateField(label="Date approved", required=False)

    class Meta:
        model = ImprovementPlan
        fields = [
            "title",
            "review",
            "inspection",
            "summary",
            "period",
            "approved_by",
            "approved_on",
            "monitoring_committee",
            "monitoring_interval_months",
        ]
        widgets = {
            "monitoring_interval_months": number_input(2),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": "Enter the plan’s title"},
            "monitoring_interval_months": {
                "required": "Enter how often the plan is monitored, in months",
                "invalid": "Enter the monitoring interval as a whole number of months, like 6",
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["period"] = self.instance.period
        self.fields["review"].empty_label = "No review"
        self.fields["inspection"].empty_label = "No inspection"
        self.fields["monitoring_committee"].empty_label = "No committee yet"
        # A plan is for a review, or an inspection, that the user may edit.
        self.fields["review"].queryset = Review.objects.editable_by(user)
        self.fields["inspection"].queryset = Inspection.objects.editable_by(user)
        self.fields["monitoring_interval_months"].error_messages["min_value"] = (
            "The monitoring interval must be at least 1 month"
        )

    def clean_monitoring_interval_months(self):
        months = self.cleaned_data["monitoring_interval_months"]
        if months is not None and months < 1:
            raise ValidationError("The monitoring interval must be at least 1 month")
        return months

    def save(self, commit=True):
        self.instance.period = self.cleaned_data["period"]
        return super().save(commit)


class KeyIssueForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save key issue"

    class Meta:
        model = KeyIssue
        fields = [
            "number",
            "title",
            "description",
            "drivers_for_action",
            "monitoring_group",
            "needs_external_support",
        ]
        widgets = {
            "number": number_input(2),
            "description": forms.Textarea(attrs={"rows": 3}),
            "drivers_for_action": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "number": {
                "required": "Enter the key issue’s number, like 11",
                "invalid": "Enter the key issue’s number as a whole number, like 11",
            },
            "title": {"required": "Enter the key issue’s title"},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        if self.instance.pk is None:
            self.initial["number"] = plan.next_key_issue_number()

    def clean_number(self):
        number = self.cleaned_data["number"]
        if number is not None and number < 1:
            raise ValidationError("Key issues are numbered from 1")
        taken = KeyIssue.objects.filter(plan=self.instance.plan, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(f"This plan already has a Key Issue {number}: choose another")
        return number


class ActionForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save action"

    start_date = DateField(label="Start date")
    milestone_date = DateField(label="Milestone date")

    class Meta:
        model = Action
        fields = [
            "key_issue",
            "number",
            "description",
            "lead_officer",
            "lead_group",
            "business_unit",
            "start_date",
            "milestone_date",
            "resource_implications",
            "risk",
            "risk_level",
            "needs_external_support",
            "success_measure",
            "baseline",
            "target",
            "actual",
        ]
        labels = {"number": "Action number"}
        widgets = {
            "number": number_input(2),
            "description": forms.Textarea(attrs={"rows": 3}),
            "resource_implications": forms.Textarea(attrs={"rows": 2}),
            "risk": forms.Textarea(attrs={"rows": 2}),
            "success_measure": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "number": {
                "required": "Enter the action’s number: 2 for action 8.2",
                "invalid": "Enter the action’s number as a whole number: 2 for action 8.2",
            },
            "description": {"required": "Enter a description of the action"},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_issue"].queryset = plan.key_issues.all()
        self.fields["key_issue"].empty_label = None
        self.fields["lead_officer"] = LeadOfficerField(
            current=self.instance.lead_officer if self.instance.lead_officer_id else None,
            label="Lead officer",
            help_text="Or enter a lead group below",
        )
        self.fields["risk_level"].choices = [("", "Not assessed"), *Action.RiskLevel.choices]
        if self.instance.pk is None and self.instance.key_issue_id:
            self.initial["number"] = self.instance.key_issue.next_action_number()

    def clean(self):
        cleaned = super().clean()
        key_issue, number = cleaned.get("key_issue"), cleaned.get("number")
        if key_issue and number:
            taken = key_issue.actions.filter(number=number).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "number",
                    f"Action {key_issue.number}.{number} already exists: choose another number",
                )
        return cleaned


class HoursField(forms.DecimalField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            max_digits=4,
            decimal_places=2,
            widget=number_input(4, "decimal"),
            error_messages={
                "required": "Enter the hours spent, like 3.5",
                "invalid": "Enter hours spent as a number, like 3.5",
                "max_decimal_places": "Enter hours spent to no more than 2 decimal places",
                "max_digits": "Hours spent must be 24 or fewer: record each day separately",
                "max_whole_digits": "Hours spent must be 24 or fewer: record each day separately",
            },
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise ValidationError("Hours spent must be more than 0", code="min_value")
        if value is not None and value > MAX_HOURS_PER_ENTRY:
            raise ValidationError(
                "Hours spent must be 24 or fewer: record each day separately", code="max_value"
            )


class ActionProgressForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    """The one-screen update: status, a progress note and the hours spent."""

    submit_label = "Save update"

    note = forms.CharField(
        label="Progress note",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done since the last update, and what happens next",
        error_messages={"required": "Enter the progress made"},
    )
    hours = HoursField(
        label="Hours spent (optional)",
        help_text="Staff time spent on this action, for example 3.5",
    )

    class Meta:
        model = Action
        fields = ["status"]
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = getattr(user, "person", None)

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours and self.person is None:
            raise ValidationError(
                "Your login is not linked to a person, so hours cannot be logged: ask an "
                "administrator to link it"
            )
        return hours


class TimeLogForm(GDSFormMixin, forms.ModelForm):
    """Staff time on its own, apart from a progress update: the day, whose time and how long.

    The people offered are those whose time the user may log on the action
    (`Action.time_log_people`); the user comes first chosen when they are among them.
    """

    submit_label = "Log time"

    date = DateField(label="Date", help_text="The day the time was spent. For example, 27 11 2026")
    hours = HoursField(
        label="Hours spent",
        required=True,
        help_text="Up to 24 hours; log each day separately. For example, 3.5",
    )

    class Meta:
        model = TimeLog
        fields = ["date", "person", "hours", "note"]
        labels = {"person": "Whose time", "note": "Note (optional)"}
        help_texts = {"note": "What the time was spent on"}
        error_messages = {
            "person": {
                "required": "Choose whose time this is",
                "invalid_choice": "Choose someone who works on this action",
            },
            "note": {"max_length": "The note must be 300 characters or fewer"},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        people = self.instance.action.time_log_people(user)
        self.fields["person"].queryset = people
        self.fields["person"].empty_label = "Choose a person"
        person = getattr(user, "person", None)
        if person is not None and self.instance.person_id is None:
            self.initial["person"] = person.pk


class ExternalCommissionForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save commission"

    timescale = PeriodField(label="Timescale", required=False)

    class Meta:
        model = ExternalCommission
        fields = [
            "title",
            "brief",
            "key_issues",
            "budget",
            "funding_source",
            "supplier",
            "timescale",
            "status",
        ]
        widgets = {
            "key_issues": forms.CheckboxSelectMultiple,
            "brief": forms.Textarea(attrs={"rows": 4}),
            "budget": number_input(10, "decimal"),
        }
        error_messages = {
            "title": {"required": "Enter the commission’s title"},
            "brief": {"required": "Enter the brief: what the supplier is asked to do"},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["key_issues"].queryset = plan.key_issues.all()
        self.fields["key_issues"].error_messages["required"] = (
            "Choose the key issues the commission covers"
        )
        self.fields["budget"].error_messages["invalid"] = "Enter the budget in pounds, like 5000"
        self.initial["timescale"] = self.instance.timescale

    def clean_budget(self):
        budget = self.cleaned_data["budget"]
        if budget is not None and budget < 0:
            raise ValidationError("The budget must be £0 or more")
        return budget

    def save(self, commit=True):
        self.instance.timescale = self.cleaned_data["timescale"]
        return super().save(commit)


class ActionsFromInspectionForm(GDSFormMixin, forms.Form):
    """Its fields are `services.create_actions_from_inspection`'s arguments, by name."""

    submit_label = "Create actions"

    inspection = forms.ModelChoiceField(
        queryset=Inspection.objects.none(),
        error_messages={"required": "Choose the inspection whose recommendations to use"},
    )
    key_issue = forms.ModelChoiceField(
        queryset=KeyIssue.objects.none(),
        required=False,
        empty_label="A new key issue for the inspection’s recommendations",
        label="Key issue",
    )
    lead_officer = LeadOfficerField(label="Lead officer", help_text="Or enter a lead group below")
    lead_group = forms.CharField(
        label="Lead group", required=False, help_text="A group that leads, such as CMT or EMG"
    )
    start_date = DateField(label="Start date")
    milestone_date = DateField(label="Milestone date")

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["inspection"].queryset = plan_inspections(plan)
        self.fields["key_issue"].queryset = plan.key_issues.all()
        today = timezone.localdate()
        self.fields["start_date"].initial = today
        # The plan's end is the natural milestone, unless the plan's period is already over.
        if plan.period_end >= today:
            self.fields["milestone_date"].initial = plan.period_end

    def clean(self):
        cleaned = super().clean()
        _check_action_rules(
            self,
            lead_officer=cleaned.get("lead_officer"),
            lead_group=cleaned.get("lead_group", ""),
            start_date=cleaned.get("start_date"),
            milestone_date=cleaned.get("milestone_date"),
        )
        return cleaned


def plan_inspections(plan):
    """Inspections whose recommendations may become this plan's actions: its own, its review's."""
    related = Q(pk=plan.inspection_id) if plan.inspection_id else Q(pk__in=[])
    if plan.review_id:
        related |= Q(review=plan.review_id)
    return Inspection.objects.filter(related).select_related("inspectorate")
