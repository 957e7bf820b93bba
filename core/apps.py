from django.apps import AppConfig
from django.core import checks

from core.checks import static_files_collected


class CoreConfig(AppConfig):
    """What every app uses and that knows nothing of the domain."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Not tagged "staticfiles": collectstatic runs those, and it is the cure.
        checks.register(static_files_collected)
