from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Committee reports"

    def ready(self):
        # Late, as Django requires: what it registers uses the app's models.
        from reports import contributions  # noqa: PLC0415

        contributions.register()
