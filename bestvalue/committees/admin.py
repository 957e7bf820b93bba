from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from bestvalue.committees.models import Committee


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
