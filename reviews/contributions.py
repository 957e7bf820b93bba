"""What the reviews app adds to the shared registries: its search source."""

from core import search
from reviews.models import Review


def register():
    search.register(
        Review,
        "Reviews",
        text=[
            "title",
            "scope",
            "partner_agencies",
            "deferrals__reason",
            "progress_updates__text",
            "recommendations__text",
        ],
        names=[
            "lead_officer__full_name",
            "team__full_name",
            "responsible_director__full_name",
            "challenge_director__full_name",
        ],
        summary=lambda review: f"{review.financial_year} · {review.get_stage_display()}",
    )
