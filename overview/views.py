from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django_filters.views import FilterView

from core import calendar, search
from core.forms import SearchForm
from core.views import ReadMixin
from inspections.timeline import programme_timeline
from organisation.models import CalendarFeed, new_feed_token
from overview import dashboard
from reviews.filters import ProgrammeFilter
from reviews.models import Review


class HomeView(TemplateView):
    """The dashboard: reviews by stage, slipping actions, what is coming (see dashboard.py)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**dashboard.context(self.request.user), **kwargs)


class TimelineView(ReadMixin, FilterView):
    """The programme's reviews and inspections as a Gantt chart, filtered like the programme."""

    permission_required = "reviews.view_review"
    filterset_class = ProgrammeFilter
    model = Review
    template_name = "timeline.html"

    def get_context_data(self, **kwargs):
        year = self.filterset.financial_year
        return super().get_context_data(
            filterset=self.filterset,
            year=year,
            timeline=programme_timeline(self.object_list, year, timezone.localdate()),
            **kwargs,
        )


class SearchView(TemplateView):
    """Every source's matches (core/search.py), grouped, counted and with their snippets."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET, auto_id="search-%s")
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = search.search(query, self.request.user)
        total = sum(group.count for group in groups)
        return super().get_context_data(
            form=form, query=query, groups=groups, total=total, **kwargs
        )


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
    return calendar.response(
        request, name=feed.calendar_name, events=feed.events(owner.user), filename=f"{slug}.ics"
    )
