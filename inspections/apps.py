from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self):
        from bestvalue import search
        from inspections.models import Inspection

        search.register(
            search.Source(
                kind="Inspections",
                visible_to=lambda user: Inspection.objects.with_people(),
                fields=["title", "notes", "joint_partner"],
                summary=lambda inspection: (
                    f"{inspection.financial_year} · {inspection.get_status_display()}"
                ),
            )
        )
