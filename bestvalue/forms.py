"""Form plumbing shared by every app: GOV.UK-styled rendering through crispy-forms-gds."""

from crispy_forms_gds import fields as gds_fields
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError


class GDSFormMixin:
    """Render a form the GOV.UK way: labels as text, errors beside fields, one primary button.

    The error summary sits above the page heading (templates/components/error_summary.html),
    so the helper does not repeat non-field errors inside the form.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        self.helper.add_input(Submit("submit", self.submit_label))


class DateInputField(gds_fields.DateInputField):
    """GOV.UK's day, month and year boxes. Every date input in the tracker is one of these."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except OverflowError:
            # A year such as 99999999999 overflows date() rather than raising ValueError, which
            # the template pack turns into an error; treat it as the impossible date it is.
            raise ValidationError("Enter a real date", code="invalid") from None


class SignInForm(GDSFormMixin, auth_forms.AuthenticationForm):
    submit_label = "Sign in"
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask an administrator.",
    }


class PasswordChangeForm(GDSFormMixin, auth_forms.PasswordChangeForm):
    submit_label = "Change password"


class PasswordResetForm(GDSFormMixin, auth_forms.PasswordResetForm):
    submit_label = "Send reset link"


class SetPasswordForm(GDSFormMixin, auth_forms.SetPasswordForm):
    submit_label = "Set password"
