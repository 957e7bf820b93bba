from django.apps import AppConfig


class BestValueConfig(AppConfig):
    """The project package itself: shared template tags, templates and commands."""

    name = "bestvalue"
    verbose_name = "Best Value tracker"
