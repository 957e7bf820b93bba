from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from bestvalue import search
        from reviews.models import Review

        search.register(
            search.Source(
                kind="Reviews",
                visible_to=lambda user: Review.objects.with_people(),
                fields=["title", "scope", "partner_agencies"],
                summary=lambda review: f"{review.financial_year} · {review.get_stage_display()}",
            )
        )
