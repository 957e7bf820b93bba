from django.apps import AppConfig


class ImprovementPlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "improvement_plans"
    verbose_name = "Improvement plans"

    def ready(self):
        # Late, as Django requires: what it registers uses the app's models.
        from improvement_plans import contributions  # noqa: PLC0415

        contributions.register()
