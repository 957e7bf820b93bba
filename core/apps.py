from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and that knows nothing of the domain."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Core"
