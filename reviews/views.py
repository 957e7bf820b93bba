from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView, DetailView, FormView, UpdateView

from core import panels
from core.exports import Column
from core.periods import FinancialYear, PeriodError
from core.permissions import ObjectEditMixin
from core.views import (
    CreateMixin,
    FilteredListView,
    FormPageMixin,
    PartMixin,
    ReadMixin,
    RecordFormMixin,
    RecordHistoryView,
    VersionedUpdateMixin,
)
from reviews.filters import ProgrammeFilter
from reviews.forms import (
    ChallengeEvidenceForm,
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


class ProgrammeView(FilteredListView):
    """A financial year's review programme, filtered, sorted and paginated; as CSV or Excel."""

    permission_required = "reviews.view_review"
    filterset_class = ProgrammeFilter
    queryset = Review.objects.select_related("responsible_director", "lead_officer")
    template_name = "reviews/programme.html"
    context_object_name = "reviews"

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
        Column("Late", lambda review: "Yes" if review.is_late else "No", 8),
        Column("Deferrals", lambda review: review.deferral_count, 10),
        Column("Latest deferral reason", lambda review: review.latest_deferral_reason or "", 40),
    ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.filterset.financial_year,
            can_create=self.request.user.has_perm("reviews.add_review"),
            **kwargs,
        )


class ReviewDetailView(ReadMixin, DetailView):
    permission_required = "reviews.view_review"
    model = Review

    def get_queryset(self):
        # Not a class attribute: whether a review is late depends on the day it is read.
        return super().get_queryset().for_detail().with_lateness()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=self.object.can_be_edited_by(self.request.user),
            linked_panels=panels.render(panels.REVIEW, self.object, self.request.user),
            **kwargs,
        )


class ReviewCreateView(PermissionRequiredMixin, CreateMixin, FormPageMixin, CreateView):
    permission_required = "reviews.add_review"
    model = Review
    form_class = ReviewForm
    page_title = "Add a review"
    success_message = "“%(object)s” has been added to the programme"

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


class ReviewUpdateView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    permission_required = "reviews.change_review"
    model = Review
    form_class = ReviewForm
    page_title = "Change the review’s details"


class ReviewStatusView(RecordFormMixin, VersionedUpdateMixin, FormView):
    """Move the review to its next stage, or defer, withdraw or supersede it, in one form."""

    permission_required = "reviews.change_review"
    model = Review
    form_class = StatusForm
    template_name = "reviews/status_form.html"
    success_message = "The review’s status has been updated"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.object}

    def save(self, form):
        data = form.cleaned_data
        change_stage(
            review=self.object,
            to=data["stage"],
            by=self.request.user,
            note=data["note"],
            progress=data["progress"],
            new_target=data["new_target"],
            agreed_by=data["agreed_by"],
            expected_version=data["version"],
            changed_on=data["changed_on"],
            passed_on=data["passed_on"],
        )


class ReviewHistoryView(RecordHistoryView):
    """Who changed the review and its parts, and what they changed."""

    permission_required = "reviews.view_review"
    model = Review
    parts = [
        (part, "review_id")
        for part in (
            StageChange,
            Deferral,
            ProgressUpdate,
            Recommendation,
            Outcome,
            ChallengeEvidence,
            ReviewDocument,
        )
    ]


class ReviewPartMixin(PartMixin):
    """Adding or changing one part of a review: whoever may edit the review may edit it."""

    parent_model = Review
    parent_kwarg = "review_pk"
    section = ""  # the review page's section the part is listed in

    def get_queryset(self):
        return self.model._default_manager.filter(review=self.parent)

    def get_back_url(self):
        return super().get_back_url() + f"#{self.section}"

    def get_success_url(self):
        return self.get_back_url()


class PartCreateView(ReviewPartMixin, CreateMixin, CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.model(review=self.parent)}


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
        return {"letter": self.parent.next_recommendation_letter()}


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
