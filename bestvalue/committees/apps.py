from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bestvalue.committees"
    label = "committees"
    verbose_name = "Committees"

    def ready(self):
        from bestvalue import search
        from bestvalue.committees.models import BoardRequest, CommitteeReport, MinuteItem
        from reviews import linked

        search.register(
            search.Source(
                kind="Committee reports",
                visible_to=lambda user: CommitteeReport.objects.visible_to(user).for_list(),
                fields=["subject", "purpose", "recommendations", "narrative"],
                summary=lambda report: f"{report.committee} · {report.get_status_display()}",
            )
        )

        linked.register(
            linked.Panel(
                order=30,
                template="committees/_review_minutes.html",
                context=lambda review, user: {
                    "review": review,
                    "minute_items": MinuteItem.objects.about_review(review),
                    "open_requests": BoardRequest.objects.open_about(review),
                    "reports": CommitteeReport.objects.visible_to(user)
                    .filter(review=review)
                    .select_related("committee"),
                    "can_create_report": user.has_perm("committees.add_committeereport"),
                },
            )
        )
