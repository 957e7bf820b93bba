from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committees"
    verbose_name = "Committees"

    def ready(self):
        # Late, as Django requires: what it registers uses the app's models.
        from committees import contributions  # noqa: PLC0415

        contributions.register()
