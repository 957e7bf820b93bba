from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import forms
from overview import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("account/calendar/", views.CalendarFeedsView.as_view(), name="calendar-feeds"),
    path("calendar/<str:token>/<slug:slug>.ics", views.calendar_feed, name="calendar-feed"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=forms.SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "account/password/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=forms.PasswordResetForm),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("reviews/", include("reviews.urls")),
    path("inspections/", include("inspections.urls")),
    path("committees/", include("committees.urls")),
    path("committees/", include("reports.urls")),
    path("plans/", include("improvement_plans.urls")),
    path("admin/", admin.site.urls),
]
