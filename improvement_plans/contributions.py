"""What the plans app adds to the shared registries: search, the review page's panel and
the milestones calendar feed."""

from core import calendar, panels, search
from improvement_plans.models import Action, ImprovementPlan


def register():
    calendar.register(
        calendar.Feed(slug="milestones", label="Action milestones", events=milestone_events)
    )
    search.register(
        Action,
        "Improvement plan actions",
        text=["description", "success_measure", "lead_group", "business_unit", "updates__note"],
        names=["lead_officer__full_name"],
        related=["key_issue__plan"],
        summary=lambda action: f"{action.reference} · {action.key_issue.plan.title}",
    )
    panels.register(
        panels.REVIEW,
        panels.Panel(order=20, template="improvement_plans/_review_plans.html", context=plans),
    )


def plans(review, user):
    return {"plans": ImprovementPlan.objects.for_review(review)}


def milestone_events(user):
    """Every open action's milestone: officers follow their colleagues' milestones too."""
    for action in Action.objects.open().with_plan():
        yield calendar.Event(
            uid=f"action-{action.pk}-milestone@bestvalue",
            summary=f"Milestone {action.reference}: {action.description[:80]}",
            start=action.milestone_date,
            description=f"{action.key_issue.plan.title}. Lead: {action.lead}",
            url=action.get_absolute_url(),
        )
