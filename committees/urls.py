from django.urls import path

from committees import views

app_name = "committees"

urlpatterns = [
    path("", views.CommitteeListView.as_view(), name="committee-list"),
    path("<int:pk>/", views.CommitteeDetailView.as_view(), name="committee-detail"),
    path("<int:pk>/change/", views.CommitteeUpdateView.as_view(), name="committee-update"),
    path("<int:pk>/schedule/", views.CommitteeScheduleView.as_view(), name="committee-schedule"),
    path("<int:pk>/meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("<int:pk>/meetings.ics", views.CommitteeCalendarView.as_view(), name="committee-calendar"),
    path("<int:pk>/history/", views.CommitteeHistoryView.as_view(), name="committee-history"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:pk>/minutes/", views.MinutesView.as_view(), name="meeting-minutes"),
    path("meetings/<int:pk>/history/", views.MeetingHistoryView.as_view(), name="meeting-history"),
]
