from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.views.generic import CreateView, DetailView, TemplateView, UpdateView

from core.exports import Column
from core.permissions import ObjectEditMixin
from core.views import (
    CreateMixin,
    FilteredListView,
    FormPageMixin,
    ReadMixin,
    RecordFormMixin,
    RecordHistoryView,
    VersionedUpdateMixin,
)
from inspections import services
from inspections.filters import InspectionFilter
from inspections.forms import (
    InspectionForm,
    JudgementForm,
    ProgrammeYearForm,
    RecommendationFormSet,
)
from inspections.models import (
    OFFER_MARKERS,
    Inspection,
    InspectionDocument,
    InspectionRecommendation,
)


class InspectionPageMixin(ReadMixin):
    """Every signed-in role reads inspections; someone with no role gets a 403."""

    permission_required = "inspections.view_inspection"
    raise_exception = True


class ProgrammeView(InspectionPageMixin, TemplateView):
    """Two financial years of inspections side by side, as the council's programme prints them."""

    template_name = "inspections/programme.html"

    def get_context_data(self, **kwargs):
        default = Inspection.objects.default_programme_year()
        form = ProgrammeYearForm(self.request.GET or None, initial={"year": default})
        year = form.chosen_year() or default
        return super().get_context_data(
            form=form,
            year=year,
            programme=Inspection.objects.two_year_programme(year),
            key=OFFER_MARKERS.values(),
            **kwargs,
        )


class InspectionListView(InspectionPageMixin, FilteredListView):
    filterset_class = InspectionFilter
    queryset = Inspection.objects.with_people()
    export_name = "inspections"
    export_columns = [
        Column("Inspection", lambda i: i.full_title, 40),
        Column("Inspectorate", lambda i: i.inspectorate or "", 24),
        Column("Programme year", lambda i: str(i.financial_year), 12),
        Column("Timing", lambda i: str(i.timing or ""), 20),
        Column("Timing starts", lambda i: i.timing_start, 16),
        Column("Status", lambda i: i.get_status_display(), 16),
        Column("Lead director", lambda i: i.lead_director or "", 24),
        Column("Review", lambda i: i.review or "", 30),
        Column("Score", lambda i: i.get_score_display() if i.score is not None else "", 16),
        Column("Prospects", lambda i: i.get_prospects_display(), 16),
        Column("Report date", lambda i: i.report_date, 16),
    ]
    template_name = "inspections/inspection_list.html"


class InspectionDetailView(InspectionPageMixin, DetailView):
    queryset = Inspection.objects.for_detail()

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_edit=self.object.can_be_edited_by(user),
            can_record_judgement=self.object.can_have_judgement_recorded_by(user),
            can_add_document=user.has_perm("inspections.add_inspectiondocument")
            and self.object.can_be_edited_by(user),
            **kwargs,
        )


class InspectionFormMixin(FormPageMixin):
    model = Inspection
    form_class = InspectionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class InspectionCreateView(PermissionRequiredMixin, CreateMixin, InspectionFormMixin, CreateView):
    permission_required = "inspections.add_inspection"
    raise_exception = True
    page_title = "Add an inspection"
    success_message = "%(object)s has been added"

    def get_back_url(self):
        return reverse("inspections:programme")


class InspectionUpdateView(ObjectEditMixin, VersionedUpdateMixin, InspectionFormMixin, UpdateView):
    permission_required = "inspections.change_inspection"
    page_title = "Change the inspection"


class RecordJudgementView(RecordFormMixin, VersionedUpdateMixin, UpdateView):
    """Score, prospects, report date and recommendations in one go; completes the inspection."""

    permission_required = "inspections.record_judgement"
    model = Inspection
    form_class = JudgementForm
    template_name = "inspections/judgement_form.html"
    success_message = "The judgement has been recorded"

    def get_queryset(self):
        return Inspection.objects.with_people().prefetch_related("recommendations")

    def get(self, request, *args, **kwargs):
        self.formset = RecommendationFormSet(inspection=self.object)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if RecommendationFormSet.ADD_ROW in request.POST:
            # Not a save: show what was typed with one blank row more, without judging it yet.
            self.formset = RecommendationFormSet.with_another_row(
                request.POST, inspection=self.object
            )
            for row in self.formset:
                row.helper.form_show_errors = False
            return self.render_to_response(
                self.get_context_data(form=form.unbound_copy(), show_errors=False)
            )
        self.formset = RecommendationFormSet(request.POST, inspection=self.object)
        if form.is_valid() and self.formset.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def save(self, form):
        # Refused (ValidationError) if it stopped being possible since the form checked.
        services.record_judgement(
            inspection=self.object,
            expected_version=form.cleaned_data["version"],
            score=form.cleaned_data["score"],
            prospects=form.cleaned_data["prospects"],
            report_date=form.cleaned_data["report_date"],
            recommendations=self.formset.recommendations(),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("show_errors", True)
        return super().get_context_data(
            formset=self.formset,
            formsets=[self.formset],
            refusal=self.object.judgement_refusal(),
            **kwargs,
        )


class InspectionHistoryView(InspectionPageMixin, RecordHistoryView):
    model = Inspection
    parts = [(InspectionRecommendation, "inspection_id"), (InspectionDocument, "inspection_id")]
