from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self):
        # Late, as Django requires: what it registers uses the app's models.
        from inspections import contributions  # noqa: PLC0415

        contributions.register()
