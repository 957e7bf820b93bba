from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core import documents


class FormSubmission(models.Model):
    """A create form's one-time token, claimed by the save it made (see core/submissions.py).

    The unique token is what makes a double submit save once: the second insert waits for
    the first transaction and then fails.
    """

    token = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return str(self.token)


def document_path(document, filename):
    """Where an upload is kept: its app's folder, its parent's id, then its short ASCII name
    (`reviews/12/vision-report.pdf`)."""
    parent_id = getattr(document, f"{document.parent_field}_id")
    return f"{document._meta.app_label}/{parent_id}/{documents.stored_name(filename)}"


class Document(models.Model):
    """An uploaded file belonging to a record: what core/documents.py accepts, checked by its
    content in `clean()` (so forms and the admin alike refuse anything else) and by the
    database. A concrete document adds its parent's foreign key, named by `parent_field`, and
    its own kinds."""

    parent_field = ""
    # In the parent's history (core.history): a document taken off by mistake is removed.
    history_actions = {"+": "Uploaded", "-": "Removed"}

    title = models.CharField(max_length=300)
    file = models.FileField(
        upload_to=document_path,
        max_length=300,
        help_text=f"A {documents.ALLOWED} file of 20 MB or less",
    )
    filename = models.CharField("file name", max_length=300, editable=False)  # as uploaded
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=documents.MAX_SIZE),
                name="%(class)s_at_most_20_mb",
                violation_error_message="The file must be 20 MB or smaller.",
            ),
            models.CheckConstraint(
                condition=Q(
                    content_type__in=sorted(kind.content_type for kind in documents.TYPES.values())
                ),
                name="%(class)s_type_allowed",
                violation_error_message=f"The file must be a {documents.ALLOWED} document.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.filename = PurePath(self.file.name).name  # before it is stored under another
        super().save(*args, **kwargs)

    def clean(self):
        """Check a new upload by its content and record what it is."""
        super().clean()
        if self.file and not self.file._committed:
            try:
                kind = documents.identify(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from None
            self.content_type = kind.content_type
            self.size = self.file.size
