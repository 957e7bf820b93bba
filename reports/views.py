"""Committee report pages: list, create, edit the narrative, preview, PDF, issue, correct;
and the house styles they are laid out in.

Part 2 reports are hidden from users without exempt access: every view looks reports up
through `visible_to(user)`, so a Part 2 report's address gives them 404, not 403.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views import View
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from committees.models import Meeting
from core.permissions import ObjectEditMixin
from core.report_layout import render_html, render_preview, render_report_pdf
from core.versioning import StaleEdit
from core.views import (
    CreateMixin,
    FilteredListView,
    FormPageMixin,
    ReadMixin,
    RecordHistoryView,
    VersionedUpdateMixin,
)
from reports import kinds, presets, services
from reports.filters import ReportFilter
from reports.forms import HouseStyleForm, ReportCreateForm, ReportForm, header_rows
from reports.models import CommitteeReport, CommitteeStyle, HouseStyle


class ReportPageMixin(ReadMixin):
    """Reports the user may read: a Part 2 report is 404 to those without exempt access."""

    permission_required = "reports.view_committeereport"
    queryset = CommitteeReport.objects.for_list()


class ReportListView(ReportPageMixin, FilteredListView):
    filterset_class = ReportFilter
    template_name = "reports/report_list.html"
    context_object_name = "report_list"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_create=self.request.user.has_perm("reports.add_committeereport"), **kwargs
        )


class ReportCreateView(PermissionRequiredMixin, CreateMixin, FormPageMixin, CreateView):
    permission_required = "reports.add_committeereport"
    form_class = ReportCreateForm
    page_title = "Create a committee report"
    success_message = "The draft has been filled in from the records. Edit the narrative."

    def get_initial(self):
        # Links from a review, plan or board meeting say what the report is built from.
        # Who the report is by is left for the officer to write: the field's hint gives an example.
        names = ("kind", "review", "plan", "board_meeting", "committee", "meeting")
        return {name: self.request.GET[name] for name in names if name in self.request.GET}

    def get_back_url(self):
        return reverse("reports:report-list")

    def form_valid(self, form):
        self.object = services.create_report(form.save(commit=False))
        messages.success(self.request, self.get_success_message(form.cleaned_data))
        return redirect("reports:report-update", self.object.pk)


class ReportDetailView(ReportPageMixin, DetailView):
    template_name = "reports/report_detail.html"

    def get_context_data(self, **kwargs):
        report, user = self.object, self.request.user
        can_issue = not report.is_issued and user.has_perm("reports.issue_committeereport")
        # A correction of a Part 2 report must not lead to it, nor name its date.
        corrects = report.supersedes_id and (
            CommitteeReport.objects.visible_to(user).filter(pk=report.supersedes_id).first()
        )
        return super().get_context_data(
            can_edit=not report.is_issued and report.can_be_edited_by(user),
            can_issue=can_issue,
            can_correct=report.status == CommitteeReport.Status.ISSUED
            and user.has_perm("reports.add_committeereport"),
            missing=services.missing_before_issue(report) if can_issue else [],
            corrects=corrects,
            **kwargs,
        )


class ReportUpdateView(
    ObjectEditMixin, ReportPageMixin, VersionedUpdateMixin, FormPageMixin, UpdateView
):
    permission_required = "reports.change_committeereport"
    form_class = ReportForm
    page_title = "Edit the report"
    success_message = "The draft has been saved"

    def dispatch(self, request, *args, **kwargs):
        report = self.get_object()
        if report.is_issued:
            messages.error(request, "An issued report cannot change. Make a corrected version.")
            return redirect(report)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class ReportPreviewView(ReportPageMixin, DetailView):
    """The report as Members will read it, from the same template as the PDF."""

    def render_to_response(self, context, **kwargs):
        if self.object.is_issued:  # what was issued is the PDF, not today's records
            return redirect("reports:report-pdf", self.object.pk)
        return HttpResponse(render_html(kinds.layout(self.object)))


class ReportPdfView(ReportPageMixin, DetailView):
    def render_to_response(self, context, **kwargs):
        report = self.object
        pdf = bytes(report.pdf) if report.is_issued else render_report_pdf(kinds.layout(report))
        response = HttpResponse(pdf, content_type="application/pdf")
        name = slugify(report.subject)[:80] or "report"
        suffix = "" if report.is_issued else "-draft"
        response["Content-Disposition"] = f'inline; filename="{name}{suffix}.pdf"'
        if report.is_issued:
            response["ETag"] = f'"{report.sha256}"'
        return response


class ReportIssueView(ReportPageMixin, SingleObjectMixin, View):
    permission_required = "reports.issue_committeereport"

    def post(self, request, *args, **kwargs):
        report = self.get_object()
        if services.missing_before_issue(report):
            messages.error(request, "The report cannot be issued yet: see what is missing.")
            return redirect(report)
        try:
            version = int(request.POST.get("version", ""))
            report = services.issue_report(report, by=request.user, expected_version=version)
        except (ValueError, StaleEdit):
            messages.error(
                request, "Someone changed the report after you opened it. Check it and issue again."
            )
            return redirect(report)
        except ValidationError as error:  # e.g. its item number was taken a moment ago
            messages.error(request, " ".join(error.messages))
            return redirect(report)
        messages.success(request, "The report has been issued. Its PDF will not change.")
        return redirect(report)


class ReportCorrectView(ReportPageMixin, SingleObjectMixin, View):
    permission_required = "reports.add_committeereport"

    def post(self, request, *args, **kwargs):
        report = self.get_object()
        if report.status != CommitteeReport.Status.ISSUED:
            raise Http404("Only an issued report can be corrected")
        draft = services.correct_report(report)
        if not CommitteeReport.objects.visible_to(request.user).filter(pk=draft.pk).exists():
            # Someone made the correction Part 2: its address is not for this user.
            messages.error(request, "A corrected version has already been started by someone else.")
            return redirect(report)
        messages.success(request, "A corrected version has been started as a draft.")
        return redirect("reports:report-update", draft.pk)


class ReportHistoryView(ReportPageMixin, RecordHistoryView):
    pass


class AgendaPackView(ReportPageMixin, DetailView):
    """The meeting's issued reports as one PDF; Part 2 reports only for those who may read them."""

    queryset = Meeting.objects.select_related("committee")

    def render_to_response(self, context, **kwargs):
        agenda = CommitteeReport.objects.visible_to(self.request.user).agenda(self.object)
        if not agenda:
            raise Http404("This meeting has no issued reports")
        response = HttpResponse(services.agenda_pack(agenda), content_type="application/pdf")
        name = slugify(f"{self.object.committee} {self.object.date}")
        response["Content-Disposition"] = f'inline; filename="agenda-{name}.pdf"'
        return response


# House styles ------------------------------------------------------------------------------


class HouseStylePageMixin(ReadMixin):
    permission_required = "reports.view_housestyle"
    queryset = HouseStyle.objects.with_committees()


class HouseStyleListView(HouseStylePageMixin, ListView):
    template_name = "reports/house_style_list.html"
    context_object_name = "house_styles"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=self.request.user.has_perm("reports.add_housestyle"), **kwargs
        )


class HouseStyleDetailView(HouseStylePageMixin, DetailView):
    """A house style in words, and a sample report laid out in it."""

    template_name = "reports/house_style_detail.html"
    context_object_name = "house_style"

    def get_context_data(self, **kwargs):
        style = self.object
        return super().get_context_data(
            can_edit=style.can_be_edited_by(self.request.user),
            preview=render_preview(presets.sample_layout(style)),
            **kwargs,
        )


class HouseStyleFormMixin(FormPageMixin):
    """A house style's fields and its header block's rows on one page. "Preview" lays out a
    sample report in what the page holds, unsaved; "Add another row" shows one more blank
    row. Both are submit buttons: the page needs no JavaScript."""

    form_class = HouseStyleForm
    template_name = "reports/house_style_form.html"
    preview = ""

    def get_context_data(self, **kwargs):
        if not hasattr(self, "rows"):
            self.rows = header_rows(self.object or HouseStyle())
        return super().get_context_data(
            rows=self.rows, formsets=[self.rows], preview=self.preview, **kwargs
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_edited()
        form = self.get_form()
        self.rows = header_rows(form.instance, request.POST)
        if request.POST.get("add") == "header":
            self.rows = header_rows(form.instance, self.rows.data_with_row_added(request.POST))
            new_row = self.rows.forms[-1]
            new_row.fields["field"].widget.attrs["autofocus"] = True
            return self.render_to_response(self.get_context_data(form=form))
        if self.rows.is_valid():
            # Before the form is checked: the style's own rules look at its header block.
            form.instance.header = self.rows.header()
        if not (form.is_valid() and self.rows.is_valid()):
            return self.form_invalid(form)
        if "preview" in request.POST:
            self.preview = render_preview(presets.sample_layout(form.instance))
            return self.render_to_response(self.get_context_data(form=form))
        return self.form_valid(form)


class HouseStyleCreateView(PermissionRequiredMixin, CreateMixin, HouseStyleFormMixin, CreateView):
    permission_required = "reports.add_housestyle"
    page_title = "Add a house style"
    success_message = "The house style “%(object)s” has been added"

    def get_edited(self):
        return None

    def get_back_url(self):
        return reverse("reports:house-style-list")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.use_for_committees(self.object, form.cleaned_data["committees"])
        return response


class HouseStyleUpdateView(
    ObjectEditMixin, HouseStylePageMixin, VersionedUpdateMixin, HouseStyleFormMixin, UpdateView
):
    permission_required = "reports.change_housestyle"
    queryset = HouseStyle.objects.all()  # the form finds its committees itself
    page_title = "Change the house style"
    success_message = "The house style has been saved"

    def get_edited(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        if self.request.method == "GET":  # the style as saved, until the page previews another
            self.preview = render_preview(presets.sample_layout(self.object))
        return super().get_context_data(**kwargs)

    def save_related(self, form):
        super().save_related(form)
        services.use_for_committees(self.object, form.cleaned_data["committees"])


class HouseStyleHistoryView(HouseStylePageMixin, RecordHistoryView):
    """The style's history, with the committees that took it as their usual style."""

    parts = [(CommitteeStyle, "house_style_id")]
