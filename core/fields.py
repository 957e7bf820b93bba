"""Storing and entering a fuzzy `Period` (core/periods.py) in models and forms.

A period is kept as three real columns, `<name>_start`, `<name>_end` and `<name>_precision`,
so it can be filtered and sorted in the database; `PeriodColumns` reads and writes them as one
`Period`. `PeriodField` is the form field that accepts the spellings councils write, and
`FinancialYearField` the one for a programme year, "2003/04". Dates are entered through
`core.forms.DateInputField`.
"""

from django import forms
from django.db import models
from django.db.models.functions import Lower

from core.periods import ACCEPTED_SPELLINGS, FinancialYear, Period, PeriodError, Precision

PRECISION_CHOICES = [(p.value, p.value.capitalize()) for p in Precision]


def period_columns(verbose_name, *, required=False):
    """The three model fields of a period, to unpack into a model: see `PeriodColumns`."""
    blank = not required
    return (
        models.DateField(f"{verbose_name} (first day)", null=blank, blank=blank),
        models.DateField(f"{verbose_name} (last day)", null=blank, blank=blank),
        models.CharField(
            f"{verbose_name} (precision)", max_length=6, choices=PRECISION_CHOICES, blank=True
        ),
    )


def unique_name(model_name, thing):
    """A constraint keeping a list's names unique whatever their case ("Housing" and
    "housing" are one directorate), refused with a message naming the thing."""
    article = "An" if thing[0] in "aeiou" else "A"
    return models.UniqueConstraint(
        Lower("name"),
        name=f"{model_name}_name_unique",
        violation_error_message=f"{article} {thing} with this name already exists.",
    )


def period_constraint(model_name, name):
    """A period's end is not before its start — in the database as well as in forms."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{name}_end__gte": models.F(f"{name}_start")})
        | models.Q(**{f"{name}_start__isnull": True}),
        name=f"{model_name}_{name}_end_not_before_start",
        violation_error_message="The end of the period must not be before its start.",
    )


class PeriodColumns:
    """Descriptor: `review.planned` is a `Period` (or None) backed by the three columns."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        start = getattr(instance, f"{self.name}_start")
        if start is None:
            return None
        return Period(
            start,
            getattr(instance, f"{self.name}_end"),
            Precision(getattr(instance, f"{self.name}_precision") or Precision.DAY),
        )

    def __set__(self, instance, period):
        setattr(instance, f"{self.name}_start", period.start if period else None)
        setattr(instance, f"{self.name}_end", period.end if period else None)
        setattr(instance, f"{self.name}_precision", period.precision.value if period else "")


class PeriodField(forms.CharField):
    """A text box for "Autumn 2004", "July–September 2003" and the like."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "For example, April–June 2027, Autumn 2027 or 2027/28")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return str(value) if isinstance(value, Period) else value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return Period.parse(text)
        except PeriodError as error:
            raise forms.ValidationError(f"{error}. {ACCEPTED_SPELLINGS}", code="invalid") from None


class FinancialYearField(forms.CharField):
    """A text box for a financial year, "2003/04"; cleans to its first calendar year, 2003."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "For example, 2026/27")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return str(FinancialYear(value))
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return FinancialYear.parse(text).start_year
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class ReviewChoiceField(forms.ModelChoiceField):
    """A review chooser whose options say each review's programme year."""

    def label_from_instance(self, review):
        return f"{review.title} ({review.financial_year})"
