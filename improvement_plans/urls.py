from django.urls import path

from improvement_plans import views

app_name = "improvement_plans"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan-list"),
    path("new/", views.PlanCreateView.as_view(), name="plan-create"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("<int:pk>/edit/", views.PlanUpdateView.as_view(), name="plan-update"),
    path("<int:pk>/history/", views.PlanHistoryView.as_view(), name="plan-history"),
    path("<int:pk>/key-issues/new/", views.KeyIssueCreateView.as_view(), name="keyissue-create"),
    path(
        "<int:pk>/commissions/new/",
        views.CommissionCreateView.as_view(),
        name="commission-create",
    ),
    path(
        "<int:pk>/actions-from-inspection/",
        views.ActionsFromInspectionView.as_view(),
        name="plan-actions-from-inspection",
    ),
    path("key-issues/<int:pk>/edit/", views.KeyIssueUpdateView.as_view(), name="keyissue-update"),
    path(
        "key-issues/<int:pk>/actions/new/", views.ActionCreateView.as_view(), name="action-create"
    ),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action-update"),
    path("actions/<int:pk>/progress/", views.ActionProgressView.as_view(), name="action-progress"),
    path("actions/<int:pk>/time/new/", views.TimeLogCreateView.as_view(), name="timelog-create"),
    path("actions/<int:pk>/history/", views.ActionHistoryView.as_view(), name="action-history"),
    path("my-actions/", views.MyActionListView.as_view(), name="my-action-list"),
    path("overdue/", views.DueActionListView.as_view(), name="due-action-list"),
    path("staff-time/", views.StaffTimeView.as_view(), name="staff-time-totals"),
    path("commissions/", views.CommissionListView.as_view(), name="commission-list"),
    path(
        "commissions/<int:pk>/edit/",
        views.CommissionUpdateView.as_view(),
        name="commission-update",
    ),
]
