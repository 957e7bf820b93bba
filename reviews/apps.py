from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        # Late, as Django requires: what it registers uses the app's models.
        from reviews import contributions  # noqa: PLC0415

        contributions.register()
