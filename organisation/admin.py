from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from organisation.models import Directorate, Person, Ward
from organisation.resources import DirectorateResource, PersonResource, WardResource


class CouncilListAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """A list the council keeps in a spreadsheet (organisation/resources.py): the admin's list
    shows the spreadsheet's columns."""

    def get_list_display(self, request):
        return self.resource_classes[0].Meta.fields


@admin.register(Directorate)
class DirectorateAdmin(CouncilListAdmin):
    resource_classes = [DirectorateResource]
    search_fields = ["name", "abbreviation"]


@admin.register(Person)
class PersonAdmin(CouncilListAdmin):
    resource_classes = [PersonResource]
    list_filter = ["is_director", "active", "directorate"]
    list_select_related = ["directorate"]
    search_fields = ["full_name", "job_title", "email", "phone_extension"]
    autocomplete_fields = ["user"]


@admin.register(Ward)
class WardAdmin(CouncilListAdmin):
    resource_classes = [WardResource]
    list_filter = ["active"]
    search_fields = ["name", "ons_code"]


admin.site.site_header = "Best Value tracker administration"
admin.site.site_title = "Best Value tracker"
