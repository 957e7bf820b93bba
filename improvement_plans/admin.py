"""Administration views for support staff; officers edit plans through the app's own pages,
which check versions and permissions."""

from django.contrib import admin

from core.admin import VersionedHistoryAdmin
from improvement_plans.models import Action, ImprovementPlan, ReminderSent


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(VersionedHistoryAdmin):
    list_display = ["title", "review", "inspection", "period_start", "monitoring_committee"]
    list_select_related = ["review", "inspection", "monitoring_committee"]
    search_fields = ["title", "review__title", "inspection__title"]


@admin.register(Action)
class ActionAdmin(VersionedHistoryAdmin):
    list_display = [
        "__str__",
        "key_issue",
        "lead_officer",
        "lead_group",
        "milestone_date",
        "status",
    ]
    list_filter = ["status"]
    list_select_related = ["key_issue", "lead_officer"]
    search_fields = ["description", "lead_group", "lead_officer__full_name"]
    readonly_fields = ["inspection_recommendation"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """Which reminder emails went out: a record, not something to edit."""

    list_display = ["person", "date", "sent_at", "actions"]
    list_select_related = ["person"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
