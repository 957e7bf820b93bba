from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bestvalue.committees"
    label = "committees"
    verbose_name = "Committees"

    def ready(self):
        from bestvalue import calendar, search
        from bestvalue.committees.models import BoardRequest, CommitteeReport, MinuteItem
        from reviews import linked

        calendar.register(
            calendar.Feed(slug="meetings", label="Committee meetings", events=meeting_events)
        )
        search.register(
            search.Source(
                kind="Minutes",
                visible_to=lambda user: MinuteItem.objects.select_related("meeting__committee"),
                fields=["heading", "text"],
                summary=lambda item: str(item.meeting),
            )
        )
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


def meeting_events(user):
    """Every committee's meetings from a year ago on, at their time when it is known."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    from bestvalue.calendar import Event
    from bestvalue.committees.models import Meeting

    since = timezone.localdate() - timedelta(days=365)
    meetings = (
        Meeting.objects.filter(date__gte=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
    )
    for meeting in meetings:
        start = meeting.date
        if meeting.time is not None:
            start = timezone.make_aware(datetime.combine(meeting.date, meeting.time))
        yield Event(
            uid=meeting.ical_uid,
            summary=str(meeting.committee),
            start=start,
            location=meeting.venue,
            url=meeting.get_absolute_url(),
        )
