"""The view kit every app builds its pages from. A page states its queryset, form, template
and permission; the kit does the rest:

- `ReadMixin`: the model permission, and only records the user may see (`visible_to`);
- `ObjectEditMixin` (core.permissions): the object rule, on the record or its parent;
- `PartMixin`: pages about a part of a record (a review's recommendation, a plan's action),
  whose parent is found from the address and whose editing rule applies;
- `FormPageMixin`: templates/form_page.html's title, caption and back link;
- `CreateMixin` / `VersionedUpdateMixin`: adding once (core.submissions) and saving only
  over what the user saw (core.versioning), each with its success message;
- `FilteredListView`: django-filter, the GOV.UK filter form, pagination, CSV and Excel;
- `RecordHistoryView`: who changed what, for a record and its parts;
- `DocumentDownloadView`: a document's file, to those who may read its parent;
  `DocumentUploadView` and `DocumentRemoveView`: a document added to or taken off its
  parent, by those who may edit the parent.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.messages import views as messages_views
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, DeleteView, DetailView, View
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from core import history
from core.exports import ExportMixin
from core.permissions import ObjectEditMixin
from core.submissions import OneTimeSubmitMixin
from core.versioning import StaleEdit


class ReadMixin(PermissionRequiredMixin):
    """The model permission (the role's ceiling), and only the records the user may see: a
    record they may not see is 404, as if it did not exist."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class FormPageMixin:
    """Fills templates/form_page.html: a title, a caption naming the record, a back link."""

    template_name = "form_page.html"
    page_title = ""

    def get_page_title(self):
        return self.page_title

    def get_caption(self):
        return str(self.object) if getattr(self, "object", None) else ""

    def get_back_url(self):
        return self.object.get_absolute_url() if getattr(self, "object", None) else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.get_page_title(),
            caption=self.get_caption(),
            back_url=self.get_back_url(),
            **kwargs,
        )


class PartMixin(ObjectEditMixin, FormPageMixin):
    """Adding or changing a part of a record: `self.parent`, found by `parent_kwarg` in the
    address; whoever may edit the parent may edit its parts."""

    parent_model = None  # adding: the parent's id is in the address, as `parent_kwarg`
    parent_kwarg = "pk"
    parent_field = ""  # changing: the part's field that holds its parent

    def get_parent(self):
        if self.parent_field:
            return getattr(self.get_object(), self.parent_field)
        return get_object_or_404(self.parent_model, pk=self.kwargs[self.parent_kwarg])

    @cached_property
    def parent(self):
        return self.get_parent()

    def edit_target(self):
        return self.parent

    def get_caption(self):
        return str(self.parent)

    def get_back_url(self):
        return self.parent.get_absolute_url()


class RecordFormMixin(PartMixin, SingleObjectMixin):
    """A form that acts on one record without being its ModelForm (moving a review to its
    next stage, scheduling a committee's meetings): the record's editing rule applies."""

    def get_parent(self):
        return self.object

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.object.get_absolute_url()


class SuccessMessageMixin(messages_views.SuccessMessageMixin):
    """Django's success message, in which `%(object)s` names the record too."""

    def get_success_message(self, cleaned_data):
        return self.success_message % {"object": self.object, **cleaned_data}


class CreateMixin(OneTimeSubmitMixin, SuccessMessageMixin):
    """For CreateViews: saved once however often the page is sent, then a message."""

    success_message = "Added"


class VersionedUpdateMixin(SuccessMessageMixin):
    """For UpdateViews of a VersionedModel whose form uses VersionedFormMixin.

    A save made after someone else's is refused: the form comes back with what the user
    typed, a message naming the other person's change, and the current version, so saving
    again deliberately keeps the user's values.
    """

    success_message = "Your changes have been saved"

    def form_valid(self, form):
        try:
            self.save(form)
        except StaleEdit:
            self.object.refresh_from_db()  # the page shows the record as stored, not as typed
            return self.conflict(form)
        except ValidationError as error:  # a rule that only the save could check
            self.refused(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(form.cleaned_data))
        return redirect(self.get_success_url())

    def save(self, form):
        """The record over the version the user saw, with what is saved with it. A page whose
        save is an operation of its app's services.py (moving a review on, recording a
        judgement) states that call here instead: the service checks the version (StaleEdit)
        and its rules (ValidationError)."""
        with transaction.atomic():
            self.object = form.save(commit=False)
            self.object.save_if_unchanged(form.cleaned_data["version"])
            self.save_related(form)

    def refused(self, form, error):
        """A refusal beside the fields it names; the rest above the form."""
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)

    def save_related(self, form):
        """What is saved with the record, in its transaction: its many-to-many fields, and
        (where a page overrides this) its parts."""
        form.save_m2m()

    def conflict(self, form):
        current = type(self.object)._default_manager.get(pk=self.object.pk)
        entries = history.entries(
            current.history.select_related("history_user")[:2], user=self.request.user
        )
        # The latest change may be one this user may not see (a report made Part 2 since).
        said = "Someone changed this record after you opened it"
        if entries:
            latest = entries[0]
            changed = "; ".join(f"{c.label}: {c.old} → {c.new}" for c in latest.changes)
            when = formats.date_format(timezone.localtime(latest.when), "j F Y \\a\\t H:i")
            said = f"{latest.who} changed this record on {when}, after you opened it" + (
                f" ({changed})" if changed else ""
            )
        form.add_error(
            None,
            said
            + ". Your changes have not been saved. Check them below and save again to keep them.",
        )
        data = form.data.copy()
        data["version"] = current.version
        form.data = data
        return self.form_invalid(form)


class RecordHistoryView(ReadMixin, DetailView):
    """Who changed what and when, in words, for a record and its parts: `parts` lists each
    part's model and the field of its history that holds the record's id."""

    template_name = "history.html"
    parts: list[tuple] = []

    def history_records(self):
        records = list(self.object.history.select_related("history_user"))
        for model, field in self.parts:
            records += model.history.filter(**{field: self.object.pk}).select_related(
                "history_user"
            )
        return records

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history.entries(self.history_records(), user=self.request.user), **kwargs
        )


class FilteredListView(ReadMixin, ExportMixin, FilterView):
    """A list with django-filter's filters in a GOV.UK form (GET, so it works without
    JavaScript and can be bookmarked), pages of `paginate_by`, and the same rows as CSV or
    Excel (`export_name`, `export_columns`). A filter in error lists nothing and says why in
    the error summary, rather than showing rows the officer did not ask for."""

    paginate_by = 25

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


class DocumentMixin(SingleObjectMixin):
    """A Document (core.models) of the parent whose id is in the URL argument `parent_kwarg`:
    a document of another parent is 404. Each use names the `model`."""

    parent_kwarg = ""

    def get_queryset(self):
        parent = {self.model.parent_field: self.kwargs[self.parent_kwarg]}
        return super().get_queryset().filter(**parent)


class DocumentUploadView(DocumentMixin, PartMixin, CreateMixin, CreateView):
    """A document uploaded to its parent, by whoever may edit the parent: each use names the
    `model`, its `form_class` and the permission to add one as `permission_required`, and
    the parent's own rule applies. The uploader is recorded."""

    page_title = "Upload a document"
    success_message = "“%(object)s” has been uploaded"

    def get_parent(self):
        parent_model = self.model._meta.get_field(self.model.parent_field).related_model
        return get_object_or_404(parent_model, pk=self.kwargs[self.parent_kwarg])

    def get_form_kwargs(self):
        document = self.model(
            **{self.model.parent_field: self.parent}, uploaded_by=self.request.user
        )
        return {**super().get_form_kwargs(), "instance": document}

    def get_back_url(self):
        return f"{self.parent.get_absolute_url()}#documents"

    def get_success_url(self):
        return self.get_back_url()


class DocumentDownloadView(PermissionRequiredMixin, DocumentMixin, View):
    """A document's file, as an attachment of its checked type under the name it was
    uploaded with, to those with `permission_required` (to read it)."""

    def get(self, request, *args, **kwargs):
        document = self.get_object()
        try:
            file = document.file.open("rb")
        except FileNotFoundError:
            raise Http404("The document’s file is missing") from None
        return FileResponse(
            file,
            as_attachment=True,
            filename=document.filename,
            content_type=document.content_type,
        )


class DocumentRemoveView(DocumentMixin, PartMixin, SuccessMessageMixin, DeleteView):
    """A document uploaded by mistake, taken off its parent: GET asks, POST removes. Removing
    is editing the parent, so each use names the parent's change permission as
    `permission_required`, and the parent's own rule applies.

    The row goes and django-simple-history keeps it, so the parent's history says who removed
    what; the stored file stays, as that history names it (docs/architecture.md). An issued
    committee report is not touched: it holds its own PDF.
    """

    template_name = "document_remove.html"
    success_message = "“%(object)s” has been removed"

    def get_queryset(self):
        return super().get_queryset().select_related(self.model.parent_field, "uploaded_by")

    def get_page_title(self):
        return f"Remove “{self.document}”"

    @cached_property
    def document(self):
        return super().get_object()

    def get_object(self, queryset=None):
        return self.document

    def get_parent(self):
        return getattr(self.document, self.model.parent_field)

    def get_success_url(self):
        return f"{self.parent.get_absolute_url()}#documents"
