from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from inspections.models import Inspectorate


@admin.register(Inspectorate)
class InspectorateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]
