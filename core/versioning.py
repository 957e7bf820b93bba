"""Optimistic locking: a save only lands if nobody else saved the record since it was read."""

from django import forms
from django.db import models, transaction
from django.db.models import F


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save_if_unchanged(self, expected_version, **kwargs):
        """Save only if the stored version is still `expected_version`; raise StaleEdit if not.

        The conditional UPDATE both checks and claims the row, so two concurrent saves
        cannot both succeed.
        """
        with transaction.atomic():
            claimed = (
                type(self)
                ._default_manager.filter(pk=self.pk, version=expected_version)
                .update(version=F("version") + 1)
            )
            if not claimed:
                raise StaleEdit(self)
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
