from datetime import timedelta

from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self):
        from bestvalue import calendar, search
        from inspections.models import Inspection
        from reviews import linked

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
        linked.register(
            linked.Panel(
                order=10,
                template="inspections/_review_inspections.html",
                context=lambda review, user: {"inspections": Inspection.objects.for_review(review)},
            )
        )
        calendar.register(
            calendar.Feed(slug="inspections", label="Inspections", events=inspection_events)
        )


def inspection_events(user):
    from bestvalue.calendar import Event
    from inspections.models import Inspection

    # A fuzzy timing ("Autumn 2004") becomes an all-day event across the whole period.
    for inspection in (
        Inspection.objects.with_people()
        .exclude(timing_start=None)
        .exclude(status=Inspection.Status.CANCELLED)
    ):
        yield Event(
            uid=f"inspection-{inspection.pk}@bestvalue",
            summary=f"Inspection: {inspection.title} ({inspection.timing})",
            start=inspection.timing_start,
            end=inspection.timing_end + timedelta(days=1),
            description=f"{inspection.get_kind_display()} · {inspection.get_status_display()}",
            url=inspection.get_absolute_url(),
        )
