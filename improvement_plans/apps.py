from django.apps import AppConfig


class ImprovementPlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "improvement_plans"
    verbose_name = "Improvement plans"

    def ready(self):
        from improvement_plans.models import ImprovementPlan
        from reviews import linked

        linked.register(
            linked.Panel(
                order=20,
                template="improvement_plans/_review_plans.html",
                context=lambda review, user: {"plans": ImprovementPlan.objects.for_review(review)},
            )
        )
