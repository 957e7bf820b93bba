from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from organisation.models import Directorate, Person, Ward
from organisation.resources import DirectorateResource, PersonResource, WardResource


@admin.register(Directorate)
class DirectorateAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [DirectorateResource]
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]


@admin.register(Person)
class PersonAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [PersonResource]
    list_display = [
        "full_name",
        "job_title",
        "directorate",
        "phone_extension",
        "email",
        "is_director",
        "active",
    ]
    list_filter = ["is_director", "active", "directorate"]
    list_select_related = ["directorate"]
    search_fields = ["full_name", "job_title", "email", "phone_extension"]
    autocomplete_fields = ["user"]


@admin.register(Ward)
class WardAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [WardResource]
    list_display = ["name", "ons_code", "active"]
    list_filter = ["active"]
    search_fields = ["name", "ons_code"]


admin.site.site_header = "Best Value tracker administration"
admin.site.site_title = "Best Value tracker"
