import django_filters

from core.forms import FilterForm
from reports.models import CommitteeReport


class ReportFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=CommitteeReport.Status.choices, empty_label="Any status"
    )

    class Meta:
        model = CommitteeReport
        fields = []
        form = FilterForm
