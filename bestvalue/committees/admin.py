from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from bestvalue.committees.models import (
    BoardRequest,
    Committee,
    CommitteeReport,
    Meeting,
    MinuteItem,
)
from core.admin import VersionedHistoryAdmin


@admin.register(Committee)
class CommitteeAdmin(VersionedHistoryAdmin):
    list_display = ["name", "kind", "meeting_rule", "house_style"]
    list_filter = ["kind", "house_style"]
    search_fields = ["name", "description"]
    filter_horizontal = ["members"]


class MinuteItemInline(admin.StackedInline):
    model = MinuteItem
    extra = 0
    autocomplete_fields = ["presented_by"]
    raw_id_fields = ["review"]


class RaisedRequestInline(admin.StackedInline):
    model = BoardRequest
    fk_name = "raised_at"
    extra = 0
    autocomplete_fields = ["asked_of"]
    raw_id_fields = ["due_meeting", "answered_at_meeting", "review"]


@admin.register(Meeting)
class MeetingAdmin(VersionedHistoryAdmin):
    list_display = ["committee", "date", "status"]
    list_filter = ["committee", "status"]
    date_hierarchy = "date"
    list_select_related = ["committee"]
    filter_horizontal = ["attendees"]
    inlines = [MinuteItemInline, RaisedRequestInline]


@admin.register(BoardRequest)
class BoardRequestAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "raised_at", "due_meeting", "status"]
    list_filter = ["status", "raised_at__committee"]
    list_select_related = ["raised_at__committee", "due_meeting__committee"]
    search_fields = ["asked_for", "answer", "asked_of_text"]
    autocomplete_fields = ["asked_of"]
    raw_id_fields = ["raised_at", "due_meeting", "answered_at_meeting", "review"]


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
