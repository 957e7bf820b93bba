"""The views every app builds on: a versioned edit that reports a conflict, history in
words, and a document's download."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.views.generic import DetailView, View
from django.views.generic.detail import SingleObjectMixin

from core import history
from core.versioning import StaleEdit


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


class DocumentDownloadView(PermissionRequiredMixin, SingleObjectMixin, View):
    """A Document's file (core.models), as an attachment of its checked type under the name
    it was uploaded with. Each use names the `model`, the `permission_required` to read it,
    and the `parent_url_kwarg` holding its parent's id: a document of another parent is 404.
    """

    parent_url_kwarg = ""

    def get_queryset(self):
        parent = {self.model.parent_field: self.kwargs[self.parent_url_kwarg]}
        return super().get_queryset().filter(**parent)

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
