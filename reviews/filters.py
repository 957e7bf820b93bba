import django_filters
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.http import QueryDict
from django.utils.functional import cached_property

from core.periods import FinancialYear
from organisation.models import Directorate, Person
from reviews.models import Review, Stage


def financial_year_choices():
    """The financial years with reviews in their programme, and the current one; newest first.

    A year with none of its own may still have reviews carried over into it.
    """
    years = {FinancialYear.current().start_year}
    rows = Review.objects.order_by().values_list("programme_year", "planned_end").distinct()
    for programme_year, planned_end in rows:
        years.add(programme_year)
        if planned_end is not None:
            years.update(
                range(programme_year, FinancialYear.containing(planned_end).start_year + 1)
            )
    return [(str(FinancialYear(year)),) * 2 for year in sorted(years, reverse=True)]


# The programme's sort orders: key in the query string -> (label, ordering).
SORTS = {
    "title": ("Title", ["title"]),
    "planned": ("Planned start", ["planned_start"]),
    "director": ("Responsible director", ["responsible_director__full_name"]),
    "stage": ("Stage", ["stage_order"]),
}


class ProgrammeFilterForm(forms.Form):
    """The filters as a GET form that works without JavaScript."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.label_size = "s"


class CheckboxFilter(django_filters.BooleanFilter):
    """One checkbox: ticked filters, unticked does not. (BooleanFilter's own NullBooleanField
    would read a ticked box's "on" as unknown.)"""

    field_class = forms.BooleanField


class ProgrammeFilter(django_filters.FilterSet):
    """The programme page's filters. `year` is always given: when the address has none, the
    programme opens on `ReviewQuerySet.default_programme_year`."""

    year = django_filters.ChoiceFilter(
        label="Financial year",
        method="filter_year",
        empty_label=None,
        required=True,
    )
    directorate = django_filters.ModelChoiceFilter(
        label="Directorate",
        field_name="directorates",
        queryset=Directorate.objects.all(),
        empty_label="All directorates",
    )
    responsible_director = django_filters.ModelChoiceFilter(
        label="Responsible director",
        queryset=Person.objects.filter(is_director=True),
        empty_label="All directors",
    )
    lead_officer = django_filters.ModelChoiceFilter(
        label="Lead officer",
        queryset=Person.objects.filter(reviews_led__isnull=False).distinct(),
        empty_label="All lead officers",
    )
    stage = django_filters.ChoiceFilter(
        label="Stage", choices=Stage.choices, empty_label="All stages"
    )
    text = django_filters.CharFilter(label="Title or scope contains", method="filter_text")
    late = CheckboxFilter(label="Late only", method="filter_late")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="sort_by",
        empty_label=None,
    )

    class Meta:
        model = Review
        fields = []
        form = ProgrammeFilterForm

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if "year" not in data:
            data["year"] = str(self.default_year)
        data.setdefault("sort", "title")
        super().__init__(data, *args, **kwargs)
        # Worked out once here: a callable would query again each time the choices are read.
        self.filters["year"].extra["choices"] = financial_year_choices()

    def filter_year(self, queryset, name, value):
        if self.late_only:
            return queryset.late_up_to(FinancialYear.parse(value))
        return queryset.for_programme(FinancialYear.parse(value))

    def filter_late(self, queryset, name, value):
        # Done by the year's filter, which alone can reach back to earlier programmes.
        return queryset

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def sort_by(self, queryset, name, value):
        # Ties broken the same way every time, so that pages neither overlap nor skip.
        return queryset.order_by(*SORTS[value][1], "title", "pk")

    def filter_queryset(self, queryset):
        if "year" in self.form.errors:
            # The error shows on the form; meanwhile the programme it opens on is listed.
            queryset = self.filter_year(queryset, "year", str(self.financial_year))
        return super().filter_queryset(
            queryset.with_stage_order().with_lateness().order_by("title", "pk")
        )

    @property
    def late_only(self):
        return bool(self.form.cleaned_data.get("late"))

    @cached_property
    def default_year(self):
        return Review.objects.default_programme_year()

    @property
    def financial_year(self):
        """The year whose programme is shown: the one asked for, or else the default one."""
        if "year" in self.form.errors:
            return self.default_year
        return FinancialYear.parse(self.form.cleaned_data["year"])
