from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bestvalue.committees"
    label = "committees"
    verbose_name = "Committees"

    def ready(self):
        from bestvalue.committees.models import BoardRequest, MinuteItem
        from reviews import linked

        linked.register(
            linked.Panel(
                order=30,
                template="committees/_review_minutes.html",
                context=lambda review: {
                    "review": review,
                    "minute_items": MinuteItem.objects.about_review(review),
                    "open_requests": BoardRequest.objects.open_about(review),
                },
            )
        )
