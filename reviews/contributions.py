"""What the reviews app adds to the shared registries: its search source."""

from core import search
from reviews.models import Review


def register():
    search.register(
        search.Source(
            kind="Reviews",
            visible_to=lambda user: Review.objects.with_people(),
            fields=["title", "scope", "partner_agencies"],
            summary=lambda review: f"{review.financial_year} · {review.get_stage_display()}",
        )
    )
