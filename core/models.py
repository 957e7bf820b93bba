from django.conf import settings
from django.db import models


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
