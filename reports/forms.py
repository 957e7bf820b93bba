from django import forms

from committees.models import Committee, Meeting
from core.fields import FinancialYearField
from core.forms import GDSFormMixin
from core.versioning import VersionedFormMixin
from improvement_plans.models import ImprovementPlan
from organisation.models import Person, Ward
from reports import kinds
from reports.models import CommitteeReport
from reviews.models import Review

Kind = CommitteeReport.Kind

# Which field names what a kind of report is built from, and the message when it is missing.
SOURCES = {
    Kind.BOARD_UPDATE: ("board_meeting", "Choose the board meeting the update reports on"),
    Kind.PROGRAMME: ("programme_year", "Enter the financial year of the programme"),
    Kind.OUTCOMES: ("review", "Choose the review"),
    Kind.REVIEW_PROGRESS: ("review", "Choose the review"),
    Kind.IMPROVEMENT_PLAN: ("plan", "Choose the improvement plan"),
}


class ReportCreateForm(GDSFormMixin, forms.ModelForm):
    submit_label = "Create the draft"

    programme_year = FinancialYearField(
        label="Financial year of the programme (programme report)", required=False
    )

    class Meta:
        model = CommitteeReport
        fields = [
            "kind",
            "committee",
            "meeting",
            "report_by",
            "contact_officer",
            "board_meeting",
            "programme_year",
            "review",
            "plan",
        ]
        labels = {
            "kind": "What kind of report is it?",
            "committee": "Which committee is it for?",
            "meeting": "Meeting (optional)",
            "board_meeting": "Board meeting (board update)",
            "review": "Review (outcomes or progress report)",
            "plan": "Improvement plan (improvement plan report)",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "kind": {"required": "Choose what kind of report it is"},
            "committee": {"required": "Choose the committee the report is for"},
            "report_by": {"required": "Enter the post the report is by"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.order_by("name")
        self.fields["meeting"].queryset = Meeting.objects.select_related("committee").order_by(
            "-date"
        )
        self.fields["board_meeting"].queryset = (
            Meeting.objects.filter(committee__kind=Committee.Kind.BOARD)
            .select_related("committee")
            .order_by("-date")
        )
        self.fields["contact_officer"].queryset = Person.objects.filter(active=True)
        self.fields["review"].queryset = Review.objects.order_by("-programme_year", "title")
        self.fields["plan"].queryset = ImprovementPlan.objects.order_by("title")

    def clean(self):
        cleaned = super().clean()
        source = SOURCES.get(cleaned.get("kind"))
        if source and not cleaned.get(source[0]) and source[0] not in self.errors:
            self.add_error(source[0], source[1])
        return cleaned


class ReportForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the draft"

    implications = forms.MultipleChoiceField(
        choices=CommitteeReport.IMPLICATIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Ticked in the report's implications grid",
    )

    class Meta:
        model = CommitteeReport
        fields = [
            "subject",
            "meeting",
            "item_number",
            "report_by",
            "contact_officer",
            "part",
            "exempt_paragraph",
            "implications",
            "wards_affected",
            "wards",
            "purpose",
            "recommendations",
            "narrative",
            "background_papers",
            "executive_summary",
            "background_documents",
            "assessment_of_risk",
            "source_of_funding",
            "legal_advice",
            "financial_advice",
            "key_policies",
        ]
        widgets = {
            "part": forms.RadioSelect,
            "wards_affected": forms.RadioSelect,
            "wards": forms.CheckboxSelectMultiple,
            "item_number": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
            "narrative": forms.Textarea(attrs={"rows": 20}),
            "background_papers": forms.Textarea(attrs={"rows": 3}),
            "executive_summary": forms.Textarea(attrs={"rows": 3}),
            "background_documents": forms.Textarea(attrs={"rows": 2}),
            "assessment_of_risk": forms.Textarea(attrs={"rows": 3}),
            "source_of_funding": forms.Textarea(attrs={"rows": 2}),
            "key_policies": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "executive_summary": "Cabinet style only",
            "background_documents": "Cabinet style only",
            "assessment_of_risk": "Cabinet style only",
            "source_of_funding": "Cabinet style only",
            "legal_advice": "Cabinet style only",
            "financial_advice": "Cabinet style only",
            "key_policies": "Cabinet style only; one a line",
        }
        error_messages = {
            "subject": {"required": "Enter the report's subject"},
            "report_by": {"required": "Enter the post the report is by"},
            "item_number": {"invalid": "Enter the item number as a whole number, like 7"},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            committee=self.instance.committee_id
        ).order_by("-date")
        if not CommitteeReport.may_read_exempt(user):
            # Making it Part 2 would hide it from its own author: only those who may read
            # Part 2 reports may make one.
            part = self.fields["part"]
            part.choices = [(value, label) for value, label in part.choices if value != 2]
            part.error_messages["invalid_choice"] = (
                "Only officers who may read Part 2 reports can make a report Part 2. "
                "Ask the best value officer"
            )
            part.help_text = "A best value officer can make it Part 2 (exempt) if it needs to be"
            del self.fields["exempt_paragraph"]
            self.helper.layout = self.helper.build_default_layout(self)
        self.fields["contact_officer"].queryset = Person.objects.filter(active=True)
        self.fields["wards"].queryset = Ward.objects.filter(active=True)

    def clean_narrative(self):
        narrative = self.cleaned_data["narrative"]
        kinds.check_markers(narrative)
        return narrative

    def clean(self):
        cleaned = super().clean()
        part_2 = cleaned.get("part") == CommitteeReport.Part.EXEMPT
        if part_2 and not cleaned.get("exempt_paragraph"):
            self.add_error(
                "exempt_paragraph", "Choose the paragraph of Schedule 12A that makes it exempt"
            )
        if not part_2:
            cleaned["exempt_paragraph"] = None
        listed = cleaned.get("wards_affected") == CommitteeReport.Wards.LISTED
        if listed and not cleaned.get("wards"):
            self.add_error("wards", "Choose the wards the report affects")
        return cleaned
