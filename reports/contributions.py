"""What the reports app adds to the pages and registries of the apps below it: search of
reports, the reports about a review on its page, and a meeting's agenda on the meeting's."""

from core import panels, search
from reports.models import CommitteeReport


def register():
    search.register(
        CommitteeReport,
        "Committee reports",
        text=[
            "subject",
            "reference",
            "report_by",
            "purpose",
            "executive_summary",
            "recommendations",
            "narrative",
        ],
        names=["contact_officer__full_name"],
        related=["committee"],
        summary=lambda report: f"{report.committee} · {report.get_status_display()}",
    )
    panels.register(
        panels.REVIEW,
        panels.Panel(
            order=40,
            template="reports/_review_reports.html",
            context=lambda review, user: {
                "review": review,
                "reports": CommitteeReport.objects.visible_to(user)
                .filter(review=review)
                .select_related("committee"),
                "can_create_report": user.has_perm("reports.add_committeereport"),
            },
        ),
    )
    panels.register(
        panels.MEETING,
        panels.Panel(
            order=10,
            template="reports/_meeting_agenda.html",
            context=lambda meeting, user: {
                "meeting": meeting,
                "agenda": CommitteeReport.objects.visible_to(user).agenda(meeting),
                "can_create_report": user.has_perm("reports.add_committeereport"),
            },
        ),
    )
