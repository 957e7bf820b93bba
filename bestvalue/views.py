from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from bestvalue import calendar, history, search
from bestvalue.forms import SearchForm
from bestvalue.organisation.models import CalendarFeed, new_feed_token
from bestvalue.versioning import StaleEdit


class HomeView(TemplateView):
    """The dashboard: reviews by stage, slipping actions, what is coming (see dashboard.py)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        from bestvalue import dashboard  # imports every app's models

        return super().get_context_data(**dashboard.context(self.request.user), **kwargs)


class TimelineView(PermissionRequiredMixin, TemplateView):
    """The programme's reviews and inspections as a Gantt chart, filtered like the programme."""

    permission_required = "reviews.view_review"
    template_name = "timeline.html"

    def get_context_data(self, **kwargs):
        from bestvalue.timeline import programme_timeline
        from reviews.filters import ProgrammeFilter
        from reviews.models import Review

        filterset = ProgrammeFilter(self.request.GET, queryset=Review.objects.all())
        year = filterset.financial_year
        return super().get_context_data(
            filterset=filterset,
            year=year,
            timeline=programme_timeline(filterset.qs, year, timezone.localdate()),
            **kwargs,
        )


class VersionedUpdateMixin:
    """For UpdateViews of a VersionedModel whose form uses VersionedFormMixin.

    A save made after someone else's is refused: the form comes back with what the user
    typed, a message naming the other person's change, and the current version, so saving
    again deliberately keeps the user's values.
    """

    success_message = "Your changes have been saved"

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = form.save(commit=False)
                self.object.save_if_unchanged(form.cleaned_data["version"])
                form.save_m2m()
        except StaleEdit:
            return self.conflict(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def conflict(self, form):
        current = type(self.object)._default_manager.get(pk=self.object.pk)
        latest = history.entries(
            current.history.select_related("history_user")[:2], user=self.request.user
        )[0]
        changed = "; ".join(f"{c.label}: {c.old} → {c.new}" for c in latest.changes)
        when = formats.date_format(timezone.localtime(latest.when), "j F Y \\a\\t H:i")
        form.add_error(
            None,
            f"{latest.who} changed this record on {when}, after you opened it"
            + (f" ({changed})" if changed else "")
            + ". Your changes have not been saved. Check them below and save again to keep them.",
        )
        data = form.data.copy()
        data["version"] = current.version
        form.data = data
        return self.form_invalid(form)


class RecordHistoryView(DetailView):
    """Who changed what and when, in words, for a record and (by overriding) its parts."""

    template_name = "history.html"

    def history_records(self):
        return list(self.object.history.select_related("history_user"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history.entries(self.history_records(), user=self.request.user), **kwargs
        )


class SearchView(TemplateView):
    template_name = "search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET, auto_id="search-%s")
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = search.search(query, self.request.user)
        return super().get_context_data(form=form, query=query, groups=groups, **kwargs)


class CalendarFeedsView(TemplateView):
    """The signed-in user's subscription addresses, and the button that replaces them."""

    template_name = "calendar_feeds.html"

    def get_context_data(self, **kwargs):
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        addresses = []
        if feed:
            addresses = [
                (
                    item.label,
                    self.request.build_absolute_uri(
                        reverse("calendar-feed", args=[feed.token, item.slug])
                    ),
                )
                for item in calendar.FEEDS.values()
            ]
        return super().get_context_data(feed=feed, addresses=addresses, **kwargs)

    def post(self, request):
        if request.POST.get("action") == "revoke":
            CalendarFeed.objects.filter(user=request.user).delete()
            messages.success(request, "Your calendar addresses have been turned off")
        else:
            CalendarFeed.objects.update_or_create(
                user=request.user, defaults={"token": new_feed_token()}
            )
            messages.success(
                request, "You have new calendar addresses. Any old addresses no longer work"
            )
        return redirect("calendar-feeds")


@login_not_required
@require_safe  # a feed is only read; its secret address must not accept anything else
def calendar_feed(request, token, slug):
    feed = calendar.FEEDS.get(slug)
    owner = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or owner is None or not owner.user.is_active:
        raise Http404("No such calendar")
    body = calendar.to_ical(feed, feed.events(owner.user), request.build_absolute_uri("/")[:-1])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    return response
