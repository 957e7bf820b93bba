"""Optimistic locking: a save only lands if nobody else saved the record since it was read."""

from django import forms
from django.db import models, transaction


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def locked(cls, pk, expected_version):
        """The record, locked until the transaction ends, if its version is still
        `expected_version`; StaleEdit if someone saved it since. The one version check:
        page saves, services, the admin and issuing all come through here."""
        current = cls._default_manager.select_for_update().get(pk=pk)
        if current.version != expected_version:
            raise StaleEdit(current)
        return current

    def save_if_unchanged(self, expected_version, **kwargs):
        """Save only if the stored version is still `expected_version`, moving it on; raise
        StaleEdit if not."""
        with transaction.atomic():
            type(self).locked(self.pk, expected_version)
            self.version = expected_version + 1
            self.save(**kwargs)


class VersionedFormMixin:
    """Carries the record's version through the form as a hidden field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a tampered or truncated page lacks it: the browser always sends it back.
        message = "This form could not be checked against the saved record. Open the page again"
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            initial=self.instance.version,
            error_messages={"required": message, "invalid": message},
        )
