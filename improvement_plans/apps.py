from django.apps import AppConfig


class ImprovementPlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "improvement_plans"
    verbose_name = "Improvement plans"
