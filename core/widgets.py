"""Widgets for every app's forms."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class Select(forms.Select):
    """A select whose options are written in Python, not through two templates each.

    The template language spends about 0.1 ms on an option, and a council's reviews, plans and
    people run to hundreds on every form that offers them. Named Select because
    crispy-forms-gds styles a widget by its class name (govuk-select and its error state).
    Option groups, which no form here uses, are left to Django's templates.
    """

    def render(self, name, value, attrs=None, renderer=None):
        # Through iter(): list() alone asks a model field's choices for their length first,
        # a COUNT query of its own.
        choices = list(iter(self.choices))
        if any(isinstance(label, list | tuple) for _, label in choices):
            return super().render(name, value, attrs, renderer)
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            self.options_html(choices, self.format_value(value)),
        )

    def options_html(self, choices, selected):
        """The <option>s of `choices`, those whose value is in `selected` (strings) selected."""
        return mark_safe(
            "".join(option(value, label, str(value) in selected) for value, label in choices)
        )


def option(value, label, selected=False):
    return format_html('<option value="{}"{}>{}</option>', value, " selected" * selected, label)


def use_quick_selects(form):
    """Give `form`'s plain selects the quick widget, keeping their attributes and choices."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            old = field.widget
            field.widget = Select(attrs=old.attrs, choices=old.choices)
            field.widget.is_required = old.is_required
