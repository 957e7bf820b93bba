from django import forms

from committees.forms import PageFormSetMixin, PartOfPageMixin
from committees.models import Committee, Meeting
from core import report_layout
from core.fields import FinancialYearField
from core.forms import GDSFormMixin
from core.versioning import VersionedFormMixin
from improvement_plans.models import ImprovementPlan
from organisation.models import Person, Ward
from reports import kinds
from reports.models import CommitteeReport, HouseStyle
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
            "house_style",
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
            "house_style": "House style",
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
        style = self.fields["house_style"]
        style.required = False
        style.empty_label = "The committee’s usual house style"
        style.help_text = "How the report looks. Choose another style only if this report needs one"
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
        committee = cleaned.get("committee")
        choosing = committee and not cleaned.get("house_style")
        if choosing and HouseStyle.objects.default_for(committee) is None:
            self.add_error(
                "house_style", f"Choose a house style: {committee} has no usual house style yet"
            )
        return cleaned


class ReportForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    submit_label = "Save the draft"

    implications = forms.MultipleChoiceField(
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
            "reference",
            "marker",
            "report_by",
            "contact_officer",
            "house_style",
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
            "marker": forms.RadioSelect,
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
        help_texts = {"key_policies": "One a line"}
        error_messages = {
            "subject": {"required": "Enter the report's subject"},
            "report_by": {"required": "Enter the post the report is by"},
            "item_number": {"invalid": "Enter the item number as a whole number, like 7"},
            "house_style": {"required": "Choose the report's house style"},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            committee=self.instance.committee_id
        ).order_by("-date")
        # Only the boxes the report's house style shows: its reference, its marker, its
        # implications grid, the Cabinet's boxes.
        style = self.instance.house_style
        for name in report_layout.OPTIONAL_REPORT_FIELDS:
            if not style.shows(name):
                del self.fields[name]
        if "implications" in self.fields:
            self.fields["implications"].choices = style.implication_choices
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
        style = cleaned.get("house_style")
        if style is not None:
            # Ticks of implications another style's grid has no box for go with the change.
            known = {key for key, _ in style.implication_choices}
            if "implications" in self.fields:
                ticked = cleaned.get("implications", [])
                cleaned["implications"] = [key for key in ticked if key in known]
            else:
                self.instance.implications = [
                    key for key in self.instance.implications if key in known
                ]
        return cleaned


class HeaderRowForm(PartOfPageMixin, forms.Form):
    """One row of a house style's header block: what it shows, with the council's label."""

    field = forms.ChoiceField(
        label="What the row shows",
        choices=[("", "Choose what the row shows"), *report_layout.HEADER_FIELDS],
        error_messages={"required": "Choose what the row shows"},
    )
    label = forms.CharField(
        label="Label",
        required=False,
        max_length=200,
        error_messages={"max_length": "Enter a label of 200 characters or fewer"},
    )
    layout = forms.ChoiceField(label="Set out", choices=report_layout.LAYOUTS, initial="beside")
    capitals = forms.BooleanField(label="The value in capitals", required=False)


class HeaderRowFormSet(PageFormSetMixin, forms.BaseFormSet):
    remove_label = "Remove this row"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = "Position"
        form.fields["ORDER"].widget = forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}
        )
        form.fields["ORDER"].error_messages["invalid"] = "Enter the position as a whole number"

    def new_row_data(self, index):
        return {f"{self.prefix}-{index}-layout": self.form.base_fields["layout"].initial}

    def header(self):
        """The rows kept, in the order their positions give, as HouseStyle.header holds them."""
        return [
            {name: form.cleaned_data[name] for name in ("field", "label", "layout", "capitals")}
            for form in self.ordered_forms
        ]


HeaderRowFormSetFactory = forms.formset_factory(
    HeaderRowForm, formset=HeaderRowFormSet, extra=1, can_order=True, can_delete=True
)


def header_rows(style, data=None):
    """The header block's rows of `style` as a formset, one blank row after them."""
    return HeaderRowFormSetFactory(data, initial=style.header, prefix="header")


class CommitteeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, committee):
        style = getattr(committee, "report_style", None)
        return f"{committee} (now {style.house_style})" if style else str(committee)


class HouseStyleForm(PartOfPageMixin, VersionedFormMixin, forms.ModelForm):
    """Everything of a house style but its header rows (HeaderRowFormSet), on one page."""

    committees = CommitteeChoiceField(
        queryset=Committee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Committees whose reports use it",
        help_text="A report may choose another style. A committee has one usual style: "
        "ticking it here takes it from the style it has now",
    )

    class Meta:
        model = HouseStyle
        fields = [
            "name",
            "date_format",
            "numbering",
            "list_style",
            "headings_in_capitals",
            "purpose_heading",
            "recommendations_heading",
            "recommendations_in_bold",
            "background_papers_heading",
            "background_papers_act",
            "implications",
            "wards_none",
            "wards_all",
            "decision_marker",
            "noting_marker",
            "part_1_marking",
            "part_2_marking",
            "font_size",
            "margins",
        ]
        widgets = {
            "date_format": forms.RadioSelect,
            "numbering": forms.RadioSelect,
            "list_style": forms.RadioSelect,
            "font_size": forms.RadioSelect,
            "margins": forms.RadioSelect,
            "implications": forms.Textarea(attrs={"rows": 8}),
            "part_2_marking": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "name": {"required": "Enter the house style’s name"},
            "wards_none": {"required": "Enter what the wards line says when no ward is affected"},
            "wards_all": {"required": "Enter what the wards line says when every ward is affected"},
            "decision_marker": {"required": "Enter the marker of a report for decision"},
            "noting_marker": {"required": "Enter the marker of a report for noting"},
            "part_1_marking": {"required": "Enter the Part 1 marking"},
            "part_2_marking": {"required": "Enter the Part 2 marking"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        committees = self.fields["committees"]
        committees.queryset = Committee.objects.select_related(
            "report_style__house_style"
        ).order_by("name")
        if self.instance.pk:
            self.initial["committees"] = [
                committee
                for committee in committees.queryset
                if getattr(committee, "report_style", None)
                and committee.report_style.house_style_id == self.instance.pk
            ]

    def clean_name(self):
        # Beside the field; the database's constraint stays the last word.
        name = self.cleaned_data["name"]
        if HouseStyle.objects.exclude(pk=self.instance.pk).filter(name=name).exists():
            raise forms.ValidationError("A house style with this name already exists")
        return name
