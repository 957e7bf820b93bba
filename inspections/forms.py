from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils import timezone

from core.fields import FinancialYearField, PeriodField, ReviewChoiceField
from core.forms import DateInputField, DocumentUploadForm, GDSFormMixin
from core.periods import FinancialYear
from core.versioning import VersionedFormMixin
from inspections.models import Inspection, InspectionDocument, InspectionRecommendation
from organisation.models import Person
from reviews.models import Review


class ProgrammeYearForm(GDSFormMixin, forms.Form):
    """Which two-year programme to show: `?year=2003/04` shows 2003/04 and 2004/05."""

    submit_label = "Show programme"
    year = FinancialYearField(
        label="First year of the programme",
        help_text="For example, 2026/27",
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"

    def chosen_year(self):
        """The year asked for, or None when none (or no real one) was."""
        year = self.cleaned_data["year"] if self.is_valid() else None
        return FinancialYear(year) if year else None


# GDSFormMixin comes first in these forms so that its layout includes the version field.
class InspectionForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    """The inspection's details; its judgement is recorded on a page of its own."""

    programme_year = FinancialYearField(
        label="Programme year",
        help_text="The financial year of the inspection programme, for example 2026/27",
        error_messages={"required": "Enter the programme year, for example 2026/27"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    timing = PeriodField(required=False, label="Timing")
    review = ReviewChoiceField(
        queryset=Review.objects.none(),
        required=False,
        empty_label="None",
        help_text="The Best Value review this inspection looks at, if any",
    )

    class Meta:
        model = Inspection
        fields = [
            "title",
            "programme_year",
            "inspectorate",
            "kind",
            "review",
            "lead_director",
            "timing",
            "timing_note",
            "status",
            "is_possible",
            "joint_partner",
            "notes",
        ]
        labels = {"is_possible": "The inspection is not yet certain (possible)"}
        help_texts = {"is_possible": ""}
        widgets = {"kind": forms.RadioSelect, "status": forms.RadioSelect}
        error_messages = {"title": {"required": "Enter the title of the inspection"}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Linking to a review one may not edit would hand the inspection to its team.
        self.fields["review"].queryset = Review.objects.editable_by(user).order_by(
            "-programme_year", "title"
        )
        current = self.instance.lead_director_id
        self.fields["lead_director"].queryset = Person.objects.filter(
            pk__in=Person.objects.directors().values("pk")
        ) | Person.objects.filter(pk=current)
        self.fields["lead_director"].empty_label = "None"
        self.fields["inspectorate"].empty_label = "None"
        self.initial.setdefault("timing", self.instance.timing)

    def clean(self):
        cleaned = super().clean()
        if "timing" in cleaned:
            self.instance.timing = cleaned["timing"]
        return cleaned


class ReportDateField(DateInputField):
    """GOV.UK date input whose messages say what to do."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["required"] = "Enter the date of the report"
        self.error_messages["incomplete"] = "Enter the date of the report"
        self.invalid_message = "The date of the report must be a real date, for example 20 11 2026"


class JudgementForm(GDSFormMixin, VersionedFormMixin, forms.Form):
    """Score, prospects and report date; the recommendations come in a formset beside it.

    A plain form: the judgement is saved by `services.record_judgement`, which also
    completes the inspection, so the model's status rule is never checked half-way.
    """

    score = forms.TypedChoiceField(
        label="Service score",
        choices=Inspection.Score.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the service score",
            "invalid_choice": "Select a service score from 0 to 3 stars",
        },
    )
    prospects = forms.ChoiceField(
        label="Prospects for improvement",
        choices=Inspection.Prospects.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the prospects for improvement",
            "invalid_choice": "Select the prospects for improvement from the list",
        },
    )
    report_date = ReportDateField(
        label="Date of the report", help_text="For example, 20 11 2026", require_all_fields=False
    )

    def __init__(self, *args, instance, **kwargs):
        self.instance = instance
        kwargs["initial"] = {
            "score": instance.score,
            "prospects": instance.prospects,
            "report_date": instance.report_date,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        # The page's one <form> also holds the recommendations and both buttons.
        self.helper.form_tag = False
        self.helper.inputs = []

    def unbound_copy(self):
        """The values typed into this bound form, in a fresh unbound one: shown again
        (after "Add another recommendation") without being judged yet."""
        typed = {
            name: field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            for name, field in self.fields.items()
        }
        return type(self)(instance=self.instance, initial=typed, prefix=self.prefix)

    def clean_report_date(self):
        report_date = self.cleaned_data["report_date"]
        if report_date and report_date > timezone.localdate():
            raise forms.ValidationError("The date of the report must be today or in the past")
        return report_date

    def clean(self):
        if refusal := self.instance.judgement_refusal():
            raise forms.ValidationError(refusal, code="not_happened")
        return super().clean()


class RecommendationForm(forms.Form):
    number = forms.IntegerField(
        min_value=1,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter the number of the recommendation",
            "invalid": "The number of the recommendation must be a whole number, like 3",
            "min_value": "Number recommendations from 1",
            "max_value": "The number of the recommendation must be 999 or less",
        },
        help_text="As the inspectors numbered it",
    )
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the recommendation"},
    )
    priority = forms.ChoiceField(
        choices=InspectionRecommendation.Priority.choices,
        initial=InspectionRecommendation.Priority.MEDIUM,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No layout: crispy renders every field, including the formset's later DELETE box.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = "s"

    def has_changed(self):
        # A row is blank until its recommendation is written, whatever number it was given.
        return bool((self["text"].value() or "").strip())


class BaseRecommendationFormSet(forms.BaseFormSet):
    """The inspection's numbered recommendations, with blank rows numbered on from the last."""

    ADD_ROW = "add_recommendation"

    def __init__(self, *args, inspection, **kwargs):
        existing = [
            {"number": r.number, "text": r.text, "priority": r.priority}
            for r in inspection.recommendations.all()
        ]
        self.first_new_number = max((row["number"] for row in existing), default=0) + 1
        super().__init__(*args, initial=existing, prefix="recommendations", **kwargs)

    def get_form_kwargs(self, index):
        new_rows_before = index - self.initial_form_count()
        if new_rows_before < 0:
            return {}
        return {"initial": {"number": self.first_new_number + new_rows_before}}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this recommendation"

    @classmethod
    def with_another_row(cls, data, **kwargs):
        """The submitted rows and one blank row more, for "Add another recommendation"."""
        data = data.copy()
        key = "recommendations-TOTAL_FORMS"
        try:
            total = int(data.get(key, ""))
        except ValueError:
            return cls(data, **kwargs)  # the management form's own error explains it
        numbers = []
        for index in range(total):
            try:
                numbers.append(int(data.get(f"recommendations-{index}-number", "")))
            except ValueError:
                continue
        data[key] = str(total + 1)
        data[f"recommendations-{total}-number"] = str(max(numbers, default=0) + 1)
        data[f"recommendations-{total}-priority"] = InspectionRecommendation.Priority.MEDIUM
        return cls(data, **kwargs)

    def clean(self):
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not form.cleaned_data:
                continue
            number = form.cleaned_data.get("number")
            if number in seen:
                form.add_error(
                    "number",
                    f"Recommendation {number} is already used: give each recommendation "
                    "its own number",
                )
            seen.add(number)

    def recommendations(self):
        """number, text and priority of every row kept: the inspection's recommendations."""
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]


RecommendationFormSet = forms.formset_factory(
    RecommendationForm,
    formset=BaseRecommendationFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class InspectionDocumentForm(DocumentUploadForm):
    class Meta(DocumentUploadForm.Meta):
        model = InspectionDocument
        fields = ["title", "kind", "file"]
