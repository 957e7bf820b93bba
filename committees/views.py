from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import DetailView, FormView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from committees import services
from committees.forms import (
    CommitteeForm,
    MeetingForm,
    MinutesFormsets,
    ScheduleMeetingsForm,
)
from committees.models import BoardRequest, Committee, Meeting, MinuteItem, long_date
from core import calendar, panels
from core.permissions import ObjectEditMixin
from core.versioning import StaleEdit
from core.views import RecordHistoryView, VersionedUpdateMixin

NEXT_MEETINGS_SHOWN = 6
PAST_MEETINGS_PER_PAGE = 20


class CommitteeListView(PermissionRequiredMixin, ListView):
    permission_required = "committees.view_committee"
    template_name = "committees/committee_list.html"

    def get_queryset(self):
        return Committee.objects.with_next_meeting()


class CommitteeDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "committees.view_committee"
    template_name = "committees/committee_detail.html"
    queryset = Committee.objects.prefetch_related("members")

    def get_context_data(self, **kwargs):
        committee = self.object
        user = self.request.user
        can_edit = committee.can_be_edited_by(user)
        past = Paginator(committee.meetings.past(), PAST_MEETINGS_PER_PAGE)
        return super().get_context_data(
            next_meetings=committee.next_meetings(NEXT_MEETINGS_SHOWN),
            past_meetings=past.get_page(self.request.GET.get("page")),
            can_edit=can_edit,
            schedule_form=ScheduleMeetingsForm()
            if can_edit and user.has_perm("committees.add_meeting") and committee.meeting_rule
            else None,
            **kwargs,
        )


class CommitteeUpdateView(ObjectEditMixin, VersionedUpdateMixin, UpdateView):
    permission_required = "committees.change_committee"
    model = Committee
    form_class = CommitteeForm
    template_name = "form_page.html"
    success_message = "The meeting arrangements have been saved"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Change meeting arrangements",
            caption=str(self.object),
            back_url=self.object.get_absolute_url(),
            **kwargs,
        )


class CommitteeScheduleView(ObjectEditMixin, SingleObjectMixin, FormView):
    """Schedule the next N meetings from the committee's rule (a POST; GET shows the form)."""

    permission_required = "committees.add_meeting"
    model = Committee
    form_class = ScheduleMeetingsForm
    template_name = "form_page.html"

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def edit_target(self):
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Schedule meetings",
            caption=str(self.object),
            back_url=self.object.get_absolute_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            created = services.schedule_meetings(
                committee=self.object, count=form.cleaned_data["count"]
            )
        except ValidationError as error:
            form.add_error("count", error)
            return self.form_invalid(form)
        if created:
            listed = ", ".join(long_date(meeting.date) for meeting in created)
            messages.success(self.request, f"Meetings scheduled: {listed}")
        else:
            messages.info(self.request, "Those dates already have meetings: nothing to schedule")
        return redirect(self.object)


class CommitteeCalendarView(PermissionRequiredMixin, DetailView):
    """The committee's meetings as an iCalendar file (text/calendar)."""

    permission_required = "committees.view_meeting"
    model = Committee

    def render_to_response(self, context):
        committee = self.object
        return calendar.response(
            self.request,
            name=str(committee),
            events=[meeting.calendar_event() for meeting in committee.meetings.order_by("date")],
            filename=f"{slugify(committee.name)}.ics",
        )


class CommitteeHistoryView(PermissionRequiredMixin, RecordHistoryView):
    permission_required = "committees.view_committee"
    model = Committee


class MeetingDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "committees.view_meeting"
    template_name = "committees/meeting_detail.html"
    queryset = Meeting.objects.for_detail()

    def get_context_data(self, **kwargs):
        meeting = self.object
        return super().get_context_data(
            minute_items=meeting.minute_items.for_display(),
            requests_raised=meeting.requests_raised.for_display().with_outstanding(
                timezone.localdate()
            ),
            requests_due=BoardRequest.objects.due_at(meeting),
            previous_meeting=meeting.previous_meeting(),
            following_meeting=meeting.following_meeting(),
            can_write_minutes=meeting.can_be_edited_by(self.request.user),
            panels=panels.render(panels.MEETING, meeting, self.request.user),
            **kwargs,
        )


class MeetingHistoryView(PermissionRequiredMixin, RecordHistoryView):
    """The meeting's history with its minute items' and requests' history."""

    permission_required = "committees.view_meeting"
    queryset = Meeting.objects.select_related("committee")

    def history_records(self):
        meeting = self.object
        return [
            *super().history_records(),
            *MinuteItem.history.filter(meeting_id=meeting.pk).select_related("history_user"),
            *BoardRequest.history.filter(raised_at_id=meeting.pk).select_related("history_user"),
        ]


class MinutesView(ObjectEditMixin, VersionedUpdateMixin, UpdateView):
    """One page to write a meeting's minutes: the meeting, its items, the requests it raised
    and what happened to the requests due at it. Rows are added by a submit button, so it
    needs no JavaScript; everything is saved in one transaction, or nothing is."""

    permission_required = [
        "committees.change_meeting",
        "committees.add_minuteitem",
        "committees.change_minuteitem",
        "committees.add_boardrequest",
        "committees.change_boardrequest",
    ]
    queryset = Meeting.objects.select_related("committee")
    form_class = MeetingForm
    template_name = "committees/minutes_form.html"
    success_message = "The minutes have been saved"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.parts = MinutesFormsets(self.object)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        self.parts = MinutesFormsets(self.object, request.POST)
        adding = request.POST.get("add")
        if adding in ("items", "requests"):
            self.parts = self.parts.with_row_added(adding, request.POST)
            return self.render_to_response(self.get_context_data(form=form))
        if form.is_valid() and self.parts.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = form.save(commit=False)
                self.object.save_if_unchanged(form.cleaned_data["version"])
                form.save_m2m()
                self.parts.save(next_meeting=lambda: services.next_meeting(self.object))
        except StaleEdit:
            return self.conflict(form)
        messages.success(self.request, self.success_message)
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            parts=self.parts,
            parts_have_errors=any(
                formset.is_bound and not formset.is_valid() for formset in self.parts.all
            ),
            **kwargs,
        )
