from django.apps import AppConfig


class ImprovementPlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "improvement_plans"
    verbose_name = "Improvement plans"

    def ready(self):
        from bestvalue import calendar, search
        from improvement_plans.models import Action, ImprovementPlan
        from reviews import linked

        calendar.register(
            calendar.Feed(slug="milestones", label="Action milestones", events=milestone_events)
        )
        search.register(
            search.Source(
                kind="Improvement plan actions",
                visible_to=lambda user: Action.objects.with_plan(),
                fields=["description", "success_measure", "lead_group", "business_unit"],
                summary=lambda action: f"{action.reference} · {action.key_issue.plan.title}",
            )
        )

        linked.register(
            linked.Panel(
                order=20,
                template="improvement_plans/_review_plans.html",
                context=lambda review, user: {"plans": ImprovementPlan.objects.for_review(review)},
            )
        )


def milestone_events(user):
    """Every open action's milestone: officers follow their colleagues' milestones too."""
    from bestvalue.calendar import Event
    from improvement_plans.models import Action

    for action in Action.objects.open().with_plan():
        yield Event(
            uid=f"action-{action.pk}-milestone@bestvalue",
            summary=f"Milestone {action.reference}: {action.description[:80]}",
            start=action.milestone_date,
            description=f"{action.key_issue.plan.title}. Lead: {action.lead}",
            url=action.get_absolute_url(),
        )
