from django.urls import path

from core.views import DocumentDownloadView, DocumentRemoveView, DocumentUploadView
from inspections import views
from inspections.forms import InspectionDocumentForm
from inspections.models import InspectionDocument

app_name = "inspections"

urlpatterns = [
    path("", views.ProgrammeView.as_view(), name="programme"),
    path("all/", views.InspectionListView.as_view(), name="inspection-list"),
    path("add/", views.InspectionCreateView.as_view(), name="inspection-create"),
    path("<int:pk>/", views.InspectionDetailView.as_view(), name="inspection-detail"),
    path("<int:pk>/change/", views.InspectionUpdateView.as_view(), name="inspection-update"),
    path(
        "<int:pk>/judgement/",
        views.RecordJudgementView.as_view(),
        name="inspection-record-judgement",
    ),
    path("<int:pk>/history/", views.InspectionHistoryView.as_view(), name="inspection-history"),
    path(
        "<int:pk>/documents/add/",
        DocumentUploadView.as_view(
            model=InspectionDocument,
            form_class=InspectionDocumentForm,
            parent_kwarg="pk",
            permission_required="inspections.add_inspectiondocument",
        ),
        name="document-create",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        DocumentDownloadView.as_view(
            model=InspectionDocument,
            parent_kwarg="pk",
            pk_url_kwarg="document_pk",
            permission_required="inspections.view_inspectiondocument",
        ),
        name="document-download",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/remove/",
        DocumentRemoveView.as_view(
            model=InspectionDocument,
            parent_kwarg="pk",
            pk_url_kwarg="document_pk",
            permission_required="inspections.change_inspection",
        ),
        name="document-remove",
    ),
]
