from django.urls import path

from bestvalue.committees import report_views, views

app_name = "committees"

urlpatterns = [
    path("", views.CommitteeListView.as_view(), name="committee-list"),
    path("<int:pk>/", views.CommitteeDetailView.as_view(), name="committee-detail"),
    path("<int:pk>/change/", views.CommitteeUpdateView.as_view(), name="committee-update"),
    path("<int:pk>/schedule/", views.CommitteeScheduleView.as_view(), name="committee-schedule"),
    path("<int:pk>/meetings.ics", views.CommitteeCalendarView.as_view(), name="committee-calendar"),
    path("<int:pk>/history/", views.CommitteeHistoryView.as_view(), name="committee-history"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:pk>/minutes/", views.MinutesView.as_view(), name="meeting-minutes"),
    path("meetings/<int:pk>/history/", views.MeetingHistoryView.as_view(), name="meeting-history"),
    path("meetings/<int:pk>/agenda.pdf", report_views.AgendaPackView.as_view(), name="agenda-pack"),
    path("reports/", report_views.ReportListView.as_view(), name="report-list"),
    path("reports/new/", report_views.ReportCreateView.as_view(), name="report-create"),
    path("reports/<int:pk>/", report_views.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/edit/", report_views.ReportUpdateView.as_view(), name="report-update"),
    path(
        "reports/<int:pk>/preview/", report_views.ReportPreviewView.as_view(), name="report-preview"
    ),
    path("reports/<int:pk>/report.pdf", report_views.ReportPdfView.as_view(), name="report-pdf"),
    path("reports/<int:pk>/issue/", report_views.ReportIssueView.as_view(), name="report-issue"),
    path(
        "reports/<int:pk>/correct/", report_views.ReportCorrectView.as_view(), name="report-correct"
    ),
    path(
        "reports/<int:pk>/history/", report_views.ReportHistoryView.as_view(), name="report-history"
    ),
]
