from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from committees import services
from committees.forms import (
    CommitteeForm,
    MeetingCreateForm,
    MeetingForm,
    MinutesFormsets,
    ScheduleMeetingsForm,
)
from committees.models import BoardRequest, Committee, Meeting, MinuteItem, long_date
from core import calendar, panels
from core.permissions import ObjectEditMixin
from core.views import (
    CreateMixin,
    FormPageMixin,
    PartMixin,
    ReadMixin,
    RecordFormMixin,
    RecordHistoryView,
    VersionedUpdateMixin,
)

NEXT_MEETINGS_SHOWN = 6
PAST_MEETINGS_PER_PAGE = 20


class CommitteeListView(ReadMixin, ListView):
    permission_required = "committees.view_committee"
    template_name = "committees/committee_list.html"

    def get_queryset(self):
        return Committee.objects.with_next_meeting()


class CommitteeDetailView(ReadMixin, DetailView):
    permission_required = "committees.view_committee"
    template_name = "committees/committee_detail.html"
    queryset = Committee.objects.prefetch_related("members")

    def get_context_data(self, **kwargs):
        committee = self.object
        user = self.request.user
        can_edit = committee.can_be_edited_by(user)
        can_add_meetings = can_edit and user.has_perm("committees.add_meeting")
        past = Paginator(committee.meetings.past(), PAST_MEETINGS_PER_PAGE)
        return super().get_context_data(
            next_meetings=committee.next_meetings(NEXT_MEETINGS_SHOWN),
            past_meetings=past.get_page(self.request.GET.get("page")),
            can_edit=can_edit,
            can_add_meetings=can_add_meetings,
            schedule_form=ScheduleMeetingsForm()
            if can_add_meetings and committee.meeting_rule
            else None,
            **kwargs,
        )


class CommitteeUpdateView(ObjectEditMixin, VersionedUpdateMixin, FormPageMixin, UpdateView):
    permission_required = "committees.change_committee"
    model = Committee
    form_class = CommitteeForm
    page_title = "Change meeting arrangements"
    success_message = "The meeting arrangements have been saved"


class CommitteeScheduleView(RecordFormMixin, FormView):
    """Schedule the next N meetings from the committee's rule (a POST; GET shows the form)."""

    permission_required = "committees.add_meeting"
    model = Committee
    form_class = ScheduleMeetingsForm
    page_title = "Schedule meetings"

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


class MeetingCreateView(PartMixin, CreateMixin, CreateView):
    """Add a meeting the rule does not give: a one-off, or a past one to write minutes for.
    Whoever may schedule the committee's meetings may add one."""

    permission_required = "committees.add_meeting"
    parent_model = Committee
    model = Meeting
    form_class = MeetingCreateForm
    page_title = "Add a meeting"
    success_message = "The meeting has been added"

    def get_form_kwargs(self):
        committee = self.parent
        meeting = Meeting(committee=committee, time=committee.meeting_time, venue=committee.venue)
        return {**super().get_form_kwargs(), "instance": meeting}


class CommitteeCalendarView(ReadMixin, DetailView):
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


class CommitteeHistoryView(RecordHistoryView):
    permission_required = "committees.view_committee"
    model = Committee


class MeetingDetailView(ReadMixin, DetailView):
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


class MeetingHistoryView(RecordHistoryView):
    """The meeting's history with its minute items' and requests' history."""

    permission_required = "committees.view_meeting"
    queryset = Meeting.objects.select_related("committee")
    parts = [(MinuteItem, "meeting_id"), (BoardRequest, "raised_at_id")]


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

    def save_related(self, form):
        super().save_related(form)
        self.parts.save(next_meeting=lambda: services.next_meeting(self.object))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            parts=self.parts,
            parts_have_errors=any(
                formset.is_bound and not formset.is_valid() for formset in self.parts.all
            ),
            **kwargs,
        )
