from django.urls import path

from core.views import DocumentDownloadView, DocumentRemoveView, DocumentUploadView
from reviews import views
from reviews.forms import DocumentForm
from reviews.models import ReviewDocument

app_name = "reviews"

urlpatterns = [
    path("", views.ProgrammeView.as_view(), name="review-list"),
    path("new/", views.ReviewCreateView.as_view(), name="review-create"),
    path("<int:pk>/", views.ReviewDetailView.as_view(), name="review-detail"),
    path("<int:pk>/edit/", views.ReviewUpdateView.as_view(), name="review-update"),
    path("<int:pk>/status/", views.ReviewStatusView.as_view(), name="review-status-update"),
    path("<int:pk>/history/", views.ReviewHistoryView.as_view(), name="review-history"),
    path(
        "<int:review_pk>/progress/new/",
        views.ProgressUpdateCreateView.as_view(),
        name="progress-create",
    ),
    path(
        "<int:review_pk>/progress/<int:pk>/edit/",
        views.ProgressUpdateUpdateView.as_view(),
        name="progress-update",
    ),
    path(
        "<int:review_pk>/recommendations/new/",
        views.RecommendationCreateView.as_view(),
        name="recommendation-create",
    ),
    path(
        "<int:review_pk>/recommendations/<int:pk>/edit/",
        views.RecommendationUpdateView.as_view(),
        name="recommendation-update",
    ),
    path("<int:review_pk>/outcomes/new/", views.OutcomeCreateView.as_view(), name="outcome-create"),
    path(
        "<int:review_pk>/outcomes/<int:pk>/edit/",
        views.OutcomeUpdateView.as_view(),
        name="outcome-update",
    ),
    path(
        "<int:review_pk>/four-cs/new/",
        views.ChallengeEvidenceCreateView.as_view(),
        name="evidence-create",
    ),
    path(
        "<int:review_pk>/four-cs/<int:pk>/edit/",
        views.ChallengeEvidenceUpdateView.as_view(),
        name="evidence-update",
    ),
    path(
        "<int:review_pk>/documents/new/",
        DocumentUploadView.as_view(
            model=ReviewDocument,
            form_class=DocumentForm,
            parent_kwarg="review_pk",
            permission_required="reviews.add_reviewdocument",
        ),
        name="document-create",
    ),
    path(
        "<int:review_pk>/documents/<int:pk>/",
        DocumentDownloadView.as_view(
            model=ReviewDocument,
            parent_kwarg="review_pk",
            permission_required="reviews.view_reviewdocument",
        ),
        name="document-download",
    ),
    path(
        "<int:review_pk>/documents/<int:pk>/remove/",
        DocumentRemoveView.as_view(
            model=ReviewDocument,
            parent_kwarg="review_pk",
            permission_required="reviews.change_review",
        ),
        name="document-remove",
    ),
]
