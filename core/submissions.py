"""Create forms that save once, however often they are sent (a double click, a retry after
a slow response, the browser's back button).

Each create form carries a one-time token in a hidden field. The save claims the token in
the same transaction, so of several submissions of one page only the first saves; the
others are sent to where the first one went.
"""

import uuid
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone

from core.models import FormSubmission

FIELD = "submission"
KEPT_FOR = timedelta(days=7)  # longer than any page stays open in a browser


class _NotSaved(Exception):
    """The view answered without saving (the form came back with errors)."""

    def __init__(self, response):
        self.response = response


class OneTimeSubmitMixin:
    """For CreateViews and other views whose form adds records."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        message = "This form could not be checked. Open the page again and fill it in"
        form.fields[FIELD] = forms.UUIDField(
            widget=forms.HiddenInput,
            initial=uuid.uuid4,
            # Only a tampered page lacks it; such a post is saved as before, just not guarded.
            required=False,
            error_messages={"invalid": message},
        )
        return form

    def post(self, request, *args, **kwargs):
        try:
            token = uuid.UUID(request.POST.get(FIELD, ""))
        except ValueError:  # missing or garbled: the form says so, or saves unguarded
            return super().post(request, *args, **kwargs)
        try:
            with transaction.atomic():
                claim = FormSubmission.objects.create(token=token, user=request.user)
                response = super().post(request, *args, **kwargs)
                if not response.has_header("Location"):
                    raise _NotSaved(response)
                claim.url = response["Location"]
                claim.save(update_fields=["url"])
        except _NotSaved as not_saved:
            return not_saved.response
        except IntegrityError:
            first = FormSubmission.objects.filter(token=token, user=request.user).first()
            if first is None:
                raise
            messages.info(request, "That form was sent more than once. It was saved once.")
            return redirect(first.url or "home")
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
        return response
