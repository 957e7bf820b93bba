import django_filters

from core.forms import FilterForm
from core.periods import FinancialYear
from inspections.models import Inspection, Inspectorate
from organisation.models import Person


class InspectionFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label="Programme year", empty_label="Any year", method="filter_year"
    )
    inspectorate = django_filters.ModelChoiceFilter(
        queryset=Inspectorate.objects.all(), empty_label="Any inspectorate"
    )
    kind = django_filters.ChoiceFilter(choices=Inspection.Kind.choices, empty_label="Any kind")
    status = django_filters.ChoiceFilter(
        choices=Inspection.Status.choices, empty_label="Any status"
    )
    director = django_filters.ModelChoiceFilter(
        label="Lead director",
        field_name="lead_director",
        queryset=Person.objects.directors(),
        empty_label="Any director",
    )

    class Meta:
        model = Inspection
        fields = []
        form = FilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Years written "2003/04", as on the programme page, and only those with inspections.
        years = [str(year) for year in Inspection.objects.programme_years()]
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_year(self, queryset, name, value):
        return queryset.filter(programme_year=FinancialYear.parse(value).start_year)
