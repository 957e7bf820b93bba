from django.urls import path

from reports import views

app_name = "reports"

# Under /committees/, where Members found them before reports were an app of their own.
urlpatterns = [
    path("meetings/<int:pk>/agenda.pdf", views.AgendaPackView.as_view(), name="agenda-pack"),
    path("reports/", views.ReportListView.as_view(), name="report-list"),
    path("reports/new/", views.ReportCreateView.as_view(), name="report-create"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/edit/", views.ReportUpdateView.as_view(), name="report-update"),
    path("reports/<int:pk>/preview/", views.ReportPreviewView.as_view(), name="report-preview"),
    path("reports/<int:pk>/report.pdf", views.ReportPdfView.as_view(), name="report-pdf"),
    path("reports/<int:pk>/issue/", views.ReportIssueView.as_view(), name="report-issue"),
    path("reports/<int:pk>/correct/", views.ReportCorrectView.as_view(), name="report-correct"),
    path("reports/<int:pk>/history/", views.ReportHistoryView.as_view(), name="report-history"),
    path("house-styles/", views.HouseStyleListView.as_view(), name="house-style-list"),
    path("house-styles/new/", views.HouseStyleCreateView.as_view(), name="house-style-create"),
    path("house-styles/<int:pk>/", views.HouseStyleDetailView.as_view(), name="house-style-detail"),
    path(
        "house-styles/<int:pk>/edit/",
        views.HouseStyleUpdateView.as_view(),
        name="house-style-update",
    ),
    path(
        "house-styles/<int:pk>/history/",
        views.HouseStyleHistoryView.as_view(),
        name="house-style-history",
    ),
]
