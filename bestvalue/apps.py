from django.apps import AppConfig
from django.core import checks

from bestvalue.checks import static_files_collected


class BestValueConfig(AppConfig):
    """The project package itself: shared template tags, templates and commands."""

    name = "bestvalue"
    verbose_name = "Best Value tracker"

    def ready(self):
        # Not tagged "staticfiles": collectstatic runs those, and it is the cure.
        checks.register(static_files_collected)
