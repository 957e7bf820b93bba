from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from committees.models import BoardRequest, Committee, Meeting, MinuteItem
from core.admin import VersionedHistoryAdmin


@admin.register(Committee)
class CommitteeAdmin(VersionedHistoryAdmin):
    list_display = ["name", "kind", "meets"]
    # The rule is set on the committee's page, built from choices or typed in words. (An
    # admin's exclude replaces its form's, so VersionedAdminForm's "version" is named again.)
    exclude = ["meeting_rule", "version"]
    readonly_fields = ["meets"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    filter_horizontal = ["members"]

    @admin.display(description="meets")
    def meets(self, committee):
        return committee.meeting_rule_in_words or "No meeting rule"


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
