from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bestvalue.committees"
    label = "committees"
    verbose_name = "Committees"
