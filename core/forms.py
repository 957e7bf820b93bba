"""Form plumbing shared by every app: GOV.UK-styled rendering through crispy-forms-gds."""

import datetime

from crispy_forms_gds import fields as gds_fields
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from core import times
from core.widgets import use_quick_selects

# PostgreSQL cannot store a NUL character; Django's text fields refuse it, in these words.
NULL_CHARACTER = ProhibitNullCharactersValidator(
    message="Remove the hidden null character from the text. It was probably pasted in"
)


class GDSFormMixin:
    """Render a form the GOV.UK way: labels as text, errors beside fields, one primary button.

    The error summary sits above the page heading (templates/components/error_summary.html),
    so the helper does not repeat non-field errors inside the form. Text containing a NUL
    character, which PostgreSQL cannot store, is refused with a message that says what to do.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        # Hidden fields a view adds after the layout is made (core.submissions' token).
        self.helper.render_hidden_fields = True
        self.helper.add_input(Submit("submit", self.submit_label))
        use_quick_selects(self)
        for field in self.fields.values():
            field.validators = [
                NULL_CHARACTER if isinstance(v, ProhibitNullCharactersValidator) else v
                for v in field.validators
            ]


class DateInputField(gds_fields.DateInputField):
    """GOV.UK's day, month and year boxes. Every date input in the tracker is one of these.

    A date that does not exist gets `invalid_message` (a field may name itself in it), not
    Python's "day is out of range for month", which the template pack would pass on.
    """

    invalid_message = "Enter a real date, for example 29 1 2027"

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (ValidationError, OverflowError):
            # OverflowError: a year such as 99999999999 is too big for date() at all.
            raise ValidationError(self.invalid_message, code="invalid") from None


class TimeField(forms.TimeField):
    """A time of day as people write it: "6pm", "7.30pm", "18:00" (core.times). Every time
    input in the tracker is one of these."""

    widget = forms.TextInput(attrs={"class": "govuk-input--width-5"})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", f"For example, {times.EXAMPLES}")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return times.in_words(value) if isinstance(value, datetime.time) else value

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if text in self.empty_values:
            return None
        if isinstance(text, datetime.time):
            return text
        try:
            return times.parse(text)
        except times.TimeError as error:
            raise ValidationError(str(error), code="invalid") from None


class DocumentUploadForm(GDSFormMixin, forms.ModelForm):
    """The upload form of a Document (core.models), which checks the file in `clean()`: each
    app's names its model and fields in a `Meta(DocumentUploadForm.Meta)`."""

    submit_label = "Upload document"

    class Meta:
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "title": {"required": "Enter a title for the document"},
            "file": {
                "required": "Select a file",
                "empty": "The selected file is empty",
                "max_length": "The file's name must be 300 characters or fewer",
            },
        }


class FilterForm(GDSFormMixin, forms.Form):
    """The form of every list's filters (django-filter's FilterSet.Meta.form): a GET form,
    so filtered lists work without JavaScript and can be bookmarked."""

    submit_label = "Apply filters"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.helper.form_class = "bv-filters"


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


class SearchForm(GDSFormMixin, forms.Form):
    """The search box; templates/search.html lays it out by hand, beside its button."""

    submit_label = "Search"
    # Every word becomes a condition on every searched column: a bound keeps the query sane.
    q = forms.CharField(
        required=False,
        max_length=200,
        error_messages={"max_length": "Search for 200 characters or fewer"},
    )
