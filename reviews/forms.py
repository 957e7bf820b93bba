from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from core.fields import FinancialYearField, PeriodField
from core.forms import DateInputField, DocumentUploadForm, GDSFormMixin
from core.versioning import VersionedFormMixin
from organisation.models import Person
from reviews.models import (
    STAGE_LINE,
    ChallengeEvidence,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    ReviewDocument,
    Stage,
    WardScope,
)


def people(queryset, chosen):
    """The people of `queryset`, and those already `chosen` (primary keys) even if they are
    no longer active, so that editing a record does not drop them."""
    keep = [pk for pk in chosen if pk is not None]
    return Person.objects.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=keep)).order_by(
        "full_name"
    )


class ReviewForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    programme_year = FinancialYearField(label="Programme year")
    planned = PeriodField(label="Planned period", required=False)

    class Meta:
        model = Review
        fields = [
            "title",
            "scope",
            "programme_year",
            "directorates",
            "partner_agencies",
            "responsible_director",
            "challenge_director",
            "lead_officer",
            "team",
            "ward_scope",
            "wards",
            "planned",
            "inspection_offer",
        ]
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 4}),
            "partner_agencies": forms.Textarea(attrs={"rows": 2}),
            "directorates": forms.CheckboxSelectMultiple,
            "team": forms.CheckboxSelectMultiple,
            "wards": forms.CheckboxSelectMultiple,
            "ward_scope": forms.RadioSelect,
            "inspection_offer": forms.RadioSelect,
        }
        help_texts = {
            "partner_agencies": "For example, Primary Care Trust, voluntary sector",
            "challenge_director": "The director nominated for the challenge session",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        review = self.instance
        self.initial.setdefault("planned", review.planned)
        chosen = [
            review.responsible_director_id,
            review.challenge_director_id,
            review.lead_officer_id,
            *(review.team.values_list("pk", flat=True) if review.pk else []),
        ]
        directors = people(Person.objects.directors(), chosen)
        self.fields["responsible_director"].queryset = directors
        self.fields["challenge_director"].queryset = directors
        if not directors.exists():
            # A new council's first review: say where the list is filled, not just "required".
            self.fields["responsible_director"].help_text = format_html(
                "No directors have been added yet. An administrator adds them: "
                '<a class="govuk-link" href="{}">add a person</a> and tick “Director”.',
                reverse("admin:organisation_person_add"),
            )
            self.fields["responsible_director"].error_messages["required"] = (
                "Choose the responsible director. There are none to choose from yet: ask an "
                "administrator to add the council’s directors"
            )
        officers = people(Person.objects.active(), chosen)
        self.fields["lead_officer"].queryset = officers
        self.fields["team"].queryset = officers
        self.fields["wards"].label = "Which wards? (if you chose “Listed wards”)"
        self.fields["wards"].required = False
        self.helper.layout = Layout(
            "title",
            "scope",
            Field.text("programme_year", field_width=5),
            Field.checkboxes("directorates", small=True),
            "partner_agencies",
            "responsible_director",
            "challenge_director",
            "lead_officer",
            Field.checkboxes("team", small=True),
            Field.radios("ward_scope", small=True),
            Field.checkboxes("wards", small=True),
            Field.text("planned", field_width=20),
            "inspection_offer",
            "version",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ward_scope") == WardScope.LIST:
            if not cleaned.get("wards"):
                self.add_error("wards", "Select the wards affected, or choose None or All")
        else:
            cleaned["wards"] = []
        return cleaned

    def save(self, commit=True):
        self.instance.planned = self.cleaned_data["planned"]
        return super().save(commit)


class StageField(forms.ChoiceField):
    """Offers the allowed stages but accepts any stage, so that one that is not allowed gets
    change_stage's message saying why, rather than a bare "Select a valid choice"."""

    def valid_value(self, value):
        return value in Stage.values


class StatusForm(GDSFormMixin, forms.Form):
    """The officers' main job on one screen: the new stage, when, why, and the latest
    progress. A review recorded part-way (already through Cabinet when the council starts)
    moves several stages in one go, each with its date."""

    submit_label = "Update status"

    stage = StageField(
        label="New stage",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage the review has reached"},
    )
    changed_on = DateInputField(
        label="Date of the change",
        help_text="The day the review reached the new stage, for example 23 2 2004",
    )
    new_target = PeriodField(
        label="New target", required=False, help_text="For example, April–June 2027 or Autumn 2027"
    )
    agreed_by = forms.CharField(
        label="Agreed by (optional)",
        required=False,
        max_length=200,
        help_text="For example, CDMT Board",
    )
    note = forms.CharField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed if you defer or withdraw the review, or mark it superseded",
    )
    progress = forms.CharField(
        label="Progress update (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the board update will show, for example “The review team expect to "
        "complete the review in April.”",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = review.allowed_stages()
        self.fields["stage"].choices = [(stage.value, stage.label) for stage in allowed]
        self.fields["version"].initial = review.version
        self.fields["changed_on"].initial = timezone.localdate()
        # The main-line stages a move further on may pass: all but the furthest.
        self.passable = [stage for stage in allowed if stage in STAGE_LINE][:-1]
        for stage in self.passable:
            self.fields[f"passed_on_{stage}"] = DateInputField(
                label=f"Date it reached {stage.label}", required=False, require_all_fields=False
            )
        passed = (
            [
                HTML(
                    '<h2 class="govuk-heading-m">If it passed other stages on the way</h2>'
                    '<p class="govuk-body">Only if the new stage is more than one on. Leave a '
                    "date empty if you do not know it: that stage is recorded on the date of "
                    "the stage after it.</p>"
                ),
                *(f"passed_on_{stage}" for stage in self.passable),
            ]
            if self.passable
            else []
        )
        # Plain fields rather than a conditional reveal: the page reads the same without
        # JavaScript, and the deferral's fields are labelled as being for a deferral.
        deferral = (
            [Fieldset("new_target", "agreed_by", legend="If you defer the review", legend_size="m")]
            if Stage.DEFERRED in allowed
            else []
        )
        self.helper.layout = Layout(
            "stage", "changed_on", "note", *passed, *deferral, "progress", "version"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") != Stage.DEFERRED:
            # Without this they would be dropped without a word.
            for field in ("new_target", "agreed_by"):
                if cleaned.get(field):
                    self.add_error(field, "Leave this empty unless you defer the review")
        cleaned["passed_on"] = {
            stage: cleaned[f"passed_on_{stage}"]
            for stage in self.passable
            if cleaned.get(f"passed_on_{stage}")
        }
        return cleaned


class ProgressUpdateForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    date = DateInputField(label="Date", help_text="For example, 23 11 2026")

    class Meta:
        model = ProgressUpdate
        fields = ["date", "text"]
        labels = {"text": "Progress"}
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}


class RecommendationForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["letter", "text", "status"]
        labels = {"text": "Recommendation"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("letter", field_width=2),
            "text",
            Field.radios("status", small=True),
            "version",
        )

    def clean_letter(self):
        # Officers write "(b)" as the papers do; the letter alone is stored.
        letter = self.cleaned_data["letter"].strip().strip("()").strip().lower()
        others = self.instance.review.recommendations.exclude(pk=self.instance.pk)
        if others.filter(letter=letter).exists():
            raise forms.ValidationError(
                f"This review already has a recommendation ({letter}): choose another letter"
            )
        return letter


class OutcomeForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["theme", "text", "order"]
        labels = {"text": "Outcome"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout("theme", "text", Field.text("order", field_width=3), "version")


class ChallengeEvidenceForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ChallengeEvidence
        fields = ["c", "evidence"]
        labels = {"c": "Which C?"}
        widgets = {"c": forms.RadioSelect, "evidence": forms.Textarea(attrs={"rows": 6})}

    def clean_c(self):
        c = self.cleaned_data["c"]
        others = self.instance.review.challenge_evidence.exclude(pk=self.instance.pk)
        if others.filter(c=c).exists():
            label = ChallengeEvidence.C(c).label
            raise forms.ValidationError(
                f"This review already has evidence for {label}: change that evidence instead"
            )
        return c


class DocumentForm(DocumentUploadForm):
    class Meta(DocumentUploadForm.Meta):
        model = ReviewDocument
        fields = ["title", "kind", "file", "is_background_paper"]
        labels = {"kind": "Kind of document", "is_background_paper": "This is a background paper"}
