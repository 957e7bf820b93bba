from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import VersionedHistoryAdmin
from reviews.models import (
    ChallengeEvidence,
    Deferral,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    ReviewDocument,
    StageChange,
)


@admin.register(Review)
class ReviewAdmin(VersionedHistoryAdmin):
    list_display = ["title", "programme_year", "responsible_director", "stage"]
    list_filter = ["programme_year", "stage", "inspection_offer", "directorates"]
    list_select_related = ["responsible_director"]
    search_fields = ["title", "scope"]
    autocomplete_fields = ["responsible_director", "challenge_director", "lead_officer"]
    filter_horizontal = ["directorates", "team", "wards"]
    # The stage moves only through "Update status" (reviews.services.change_stage), which
    # records why; the planned period is typed as words on the review's own form.
    readonly_fields = ["stage", "planned_start", "planned_end", "planned_precision"]


@admin.register(StageChange)
class StageChangeAdmin(SimpleHistoryAdmin):
    list_display = ["review", "from_stage", "to_stage", "changed_on", "changed_by"]
    list_filter = ["to_stage"]
    list_select_related = ["review", "changed_by"]
    search_fields = ["review__title", "note"]
    readonly_fields = ["review", "from_stage", "to_stage", "changed_at", "changed_by"]


@admin.register(Deferral)
class DeferralAdmin(SimpleHistoryAdmin):
    list_display = ["review", "deferred_on", "agreed_by"]
    list_select_related = ["review"]
    search_fields = ["review__title", "reason"]
    readonly_fields = [
        "review",
        "old_target_start",
        "old_target_end",
        "old_target_precision",
        "new_target_start",
        "new_target_end",
        "new_target_precision",
        "recorded_by",
    ]


class ReviewPartAdmin(VersionedHistoryAdmin):
    """A part of a review: listed with its review, which is chosen by typing its title."""

    list_select_related = ["review"]
    autocomplete_fields = ["review"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReviewPartAdmin):
    list_display = ["review", "date", "recorded_by"]
    list_select_related = ["review", "recorded_by"]
    search_fields = ["review__title", "text"]


@admin.register(Recommendation)
class RecommendationAdmin(ReviewPartAdmin):
    list_display = ["review", "letter", "status"]
    list_filter = ["status"]
    search_fields = ["review__title", "text"]


@admin.register(Outcome)
class OutcomeAdmin(ReviewPartAdmin):
    list_display = ["review", "theme", "order"]
    search_fields = ["review__title", "theme", "text"]


@admin.register(ChallengeEvidence)
class ChallengeEvidenceAdmin(ReviewPartAdmin):
    list_display = ["review", "c"]
    list_filter = ["c"]
    search_fields = ["review__title", "evidence"]


@admin.register(ReviewDocument)
class ReviewDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "review", "kind", "content_type", "size", "is_background_paper"]
    list_filter = ["kind", "is_background_paper"]
    list_select_related = ["review"]
    search_fields = ["title", "review__title"]
    autocomplete_fields = ["review"]
    readonly_fields = ["content_type", "size", "uploaded_by", "uploaded_at"]
    # The review first, as before the shared Document's fields came to lead the model's.
    fields = ["review", "title", "kind", "file", "is_background_paper", *readonly_fields]
