from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from core import panels
from core.exports import Column, ExportMixin
from core.periods import FinancialYear, PeriodError
from core.permissions import ObjectEditMixin
from core.submissions import OneTimeSubmitMixin
from core.versioning import StaleEdit
from core.views import RecordHistoryView, VersionedUpdateMixin
from reviews.filters import ProgrammeFilter
from reviews.forms import (
    ChallengeEvidenceForm,
    DocumentForm,
    OutcomeForm,
    ProgressUpdateForm,
    RecommendationForm,
    ReviewForm,
    StatusForm,
)
from reviews.models import (
    ChallengeEvidence,
    Deferral,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    ReviewDocument,
    StageChange,
)
from reviews.services import change_stage


class FormPageMixin:
    """Context for templates/form_page.html: the page's title, caption and back link."""

    template_name = "form_page.html"
    page_title = ""

    def get_page_title(self):
        return self.page_title

    def get_caption(self):
        return ""

    def get_back_url(self):
        return ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.get_page_title(),
            caption=self.get_caption(),
            back_url=self.get_back_url(),
            **kwargs,
        )


class ProgrammeView(PermissionRequiredMixin, ExportMixin, ListView):
    """A financial year's review programme, filtered, sorted and paginated; as CSV or Excel."""

    permission_required = "reviews.view_review"
    template_name = "reviews/programme.html"
    context_object_name = "reviews"
    paginate_by = 25

    export_name = "review-programme"
    export_columns = [
        Column("Review", lambda review: review.title, 40),
        Column("Programme year", lambda review: str(review.financial_year), 12),
        Column("Stage", lambda review: review.get_stage_display(), 24),
        Column("Responsible director", lambda review: review.responsible_director, 24),
        Column("Lead officer", lambda review: review.lead_officer or "", 24),
        Column("Planned", lambda review: str(review.planned or ""), 24),
        Column("Planned start", lambda review: review.planned_start, 16),
        Column("Planned end", lambda review: review.planned_end, 16),
    ]

    def get_queryset(self):
        self.filterset = ProgrammeFilter(self.request.GET, queryset=Review.objects.all())
        return self.filterset.qs.select_related("responsible_director", "lead_officer")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            year=self.filterset.financial_year,
            can_create=self.request.user.has_perm("reviews.add_review"),
            **kwargs,
        )


class ReviewDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "reviews.view_review"
    queryset = Review.objects.for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=self.object.can_be_edited_by(self.request.user),
            linked_panels=panels.render(panels.REVIEW, self.object, self.request.user),
            **kwargs,
        )


class ReviewCreateView(PermissionRequiredMixin, OneTimeSubmitMixin, FormPageMixin, CreateView):
    permission_required = "reviews.add_review"
    model = Review
    form_class = ReviewForm
    page_title = "Add a review"

    def get_initial(self):
        try:
            year = FinancialYear.parse(self.request.GET.get("year", ""))
        except PeriodError:
            year = FinancialYear.current()
        return {
            "programme_year": year.start_year,
            "lead_officer": getattr(self.request.user, "person", None),
        }

    def get_back_url(self):
        return reverse("reviews:review-list")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"“{self.object}” has been added to the programme")
        return response


class ReviewUpdateView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    permission_required = "reviews.change_review"
    model = Review
    form_class = ReviewForm
    page_title = "Change the review’s details"

    def get_caption(self):
        return str(self.object)

    def get_back_url(self):
        return self.object.get_absolute_url()


class ReviewStatusView(ObjectEditMixin, VersionedUpdateMixin, SingleObjectMixin, FormView):
    """Move the review to its next stage, or defer, withdraw or supersede it, in one form."""

    permission_required = "reviews.change_review"
    model = Review
    form_class = StatusForm
    template_name = "reviews/status_form.html"
    success_message = "The review’s status has been updated"

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def edit_target(self):
        return self.object

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.object}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            change_stage(
                review=self.object,
                to=data["stage"],
                by=self.request.user,
                note=data["note"],
                progress=data["progress"],
                new_target=data["new_target"],
                agreed_by=data["agreed_by"],
                expected_version=data["version"],
            )
        except StaleEdit:
            return self.conflict(form)
        except ValidationError as error:
            form.add_service_errors(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.object)


class ReviewHistoryView(PermissionRequiredMixin, RecordHistoryView):
    """Who changed the review and its parts, and what they changed."""

    permission_required = "reviews.view_review"
    model = Review
    parts = [
        StageChange,
        Deferral,
        ProgressUpdate,
        Recommendation,
        Outcome,
        ChallengeEvidence,
        ReviewDocument,
    ]

    def history_records(self):
        records = super().history_records()
        for part in self.parts:
            records += part.history.filter(review_id=self.object.pk).select_related("history_user")
        return records


class ReviewPartMixin(ObjectEditMixin, FormPageMixin):
    """Adding or changing one part of a review: whoever may edit the review may edit it."""

    section = ""  # the review page's section the part is listed in

    @cached_property
    def review(self):
        return get_object_or_404(Review, pk=self.kwargs["review_pk"])

    def edit_target(self):
        return self.review

    def get_queryset(self):
        return self.model._default_manager.filter(review=self.review)

    def get_caption(self):
        return str(self.review)

    def get_back_url(self):
        return self.review.get_absolute_url() + f"#{self.section}"

    def get_success_url(self):
        return self.get_back_url()


class PartCreateView(ReviewPartMixin, OneTimeSubmitMixin, CreateView):
    success_message = "Added"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.model(review=self.review)}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, self.success_message)
        return response


class PartUpdateView(ReviewPartMixin, VersionedUpdateMixin, UpdateView):
    pass


class ProgressUpdateCreateView(PartCreateView):
    permission_required = "reviews.add_progressupdate"
    model = ProgressUpdate
    form_class = ProgressUpdateForm
    section = "progress"
    page_title = "Add a progress update"
    success_message = "The progress update has been added"

    def get_initial(self):
        return {"date": timezone.localdate()}

    def form_valid(self, form):
        form.instance.recorded_by = self.request.user
        return super().form_valid(form)


class ProgressUpdateUpdateView(PartUpdateView):
    permission_required = "reviews.change_progressupdate"
    model = ProgressUpdate
    form_class = ProgressUpdateForm
    section = "progress"
    page_title = "Change a progress update"


class RecommendationCreateView(PartCreateView):
    permission_required = "reviews.add_recommendation"
    model = Recommendation
    form_class = RecommendationForm
    section = "recommendations"
    page_title = "Add a recommendation"
    success_message = "The recommendation has been added"

    def get_initial(self):
        return {"letter": self.review.next_recommendation_letter()}


class RecommendationUpdateView(PartUpdateView):
    permission_required = "reviews.change_recommendation"
    model = Recommendation
    form_class = RecommendationForm
    section = "recommendations"

    def get_page_title(self):
        return f"Change recommendation ({self.object.letter})"


class OutcomeCreateView(PartCreateView):
    permission_required = "reviews.add_outcome"
    model = Outcome
    form_class = OutcomeForm
    section = "outcomes"
    page_title = "Add an outcome"
    success_message = "The outcome has been added"


class OutcomeUpdateView(PartUpdateView):
    permission_required = "reviews.change_outcome"
    model = Outcome
    form_class = OutcomeForm
    section = "outcomes"
    page_title = "Change an outcome"


class ChallengeEvidenceCreateView(PartCreateView):
    permission_required = "reviews.add_challengeevidence"
    model = ChallengeEvidence
    form_class = ChallengeEvidenceForm
    section = "four-cs"
    page_title = "Add evidence for the 4 Cs"
    success_message = "The evidence has been added"

    def get_initial(self):
        return {"c": self.request.GET.get("c")}


class ChallengeEvidenceUpdateView(PartUpdateView):
    permission_required = "reviews.change_challengeevidence"
    model = ChallengeEvidence
    form_class = ChallengeEvidenceForm
    section = "four-cs"

    def get_page_title(self):
        return f"Change the evidence for {self.object.get_c_display()}"


class DocumentCreateView(PartCreateView):
    permission_required = "reviews.add_reviewdocument"
    model = ReviewDocument
    form_class = DocumentForm
    section = "documents"
    page_title = "Upload a document"
    success_message = "The document has been uploaded"

    def form_valid(self, form):
        form.instance.uploaded_by = self.request.user
        return super().form_valid(form)
