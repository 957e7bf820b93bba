"""The admin's side of optimistic locking (core/versioning.py)."""

from django import forms
from simple_history.admin import SimpleHistoryAdmin

from core.versioning import StaleEdit, VersionedFormMixin


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """Refuses a save when the record changed after the admin page was opened.

    The admin validates and saves in one transaction, so locking the row here keeps an
    officer's save from landing between this check and the admin's save.
    """

    # Declared so that the admin's fieldsets include it (the mixin sets its value); the
    # model field itself is not editable, so the generated form must leave it out.
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        # The admin lists the fields; this only keeps the non-editable model field out.
        exclude = ["version"]  # noqa: DJ006

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "version" in cleaned:
            try:
                type(self.instance).locked(self.instance.pk, cleaned["version"])
            except StaleEdit:
                raise forms.ValidationError(
                    "Someone changed this record after you opened it. Open it again to see "
                    "their change, then make yours."
                ) from None
        return cleaned


class VersionedHistoryAdmin(SimpleHistoryAdmin):
    """For VersionedModels: every admin save moves the version on, so a form an officer
    opened before it sees a conflict instead of overwriting the change."""

    form = VersionedAdminForm

    def save_model(self, request, obj, form, change):
        if change:
            obj.version = form.cleaned_data["version"] + 1
        super().save_model(request, obj, form, change)
