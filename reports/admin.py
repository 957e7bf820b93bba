from django.contrib import admin

from core.admin import VersionedHistoryAdmin
from reports.models import CommitteeReport, HouseStyle


@admin.register(CommitteeReport)
class CommitteeReportAdmin(VersionedHistoryAdmin):
    list_display = ["subject", "committee", "meeting", "kind", "part", "status"]
    list_filter = ["kind", "part", "status", "committee"]
    search_fields = ["subject", "narrative"]
    raw_id_fields = ["meeting", "board_meeting", "review", "plan", "contact_officer"]
    filter_horizontal = ["wards"]
    readonly_fields = ["status", "sha256", "issued_by", "issued_at", "supersedes"]

    # An issued report is frozen: the admin shows it and cannot change or delete it.
    def has_change_permission(self, request, obj=None):
        return not (obj and obj.is_issued) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_issued) and super().has_delete_permission(request, obj)


@admin.register(HouseStyle)
class HouseStyleAdmin(VersionedHistoryAdmin):
    list_display = ["name", "date_format", "numbering"]
    search_fields = ["name"]
