"""A Part 2 (exempt) report leaks nowhere to those without exempt access.

Every page, download, export, calendar feed and PDF a user can reach is searched for the
report's subject: the pages found by following links from the home page, and those where
the report would show if it leaked (its review, its meeting, search, the dashboard, the
agenda pack, the feeds).
"""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from committees.models import Meeting
from organisation import roles
from organisation.models import CalendarFeed, new_feed_token
from reports import services as report_services
from reviews.models import Review
from tests.crawl import crawl
from tests.factories import CommitteeReportFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Leisure Trust redundancy costs"


@pytest.fixture
def exempt_report(db):
    call_command("load_demo")
    meeting = Meeting.objects.order_by("-date").first()
    report = CommitteeReportFactory(
        committee=meeting.committee,
        meeting=meeting,
        review=Review.objects.order_by("pk").first(),
        part=2,
        exempt_paragraph=3,
        subject=SECRET,
        narrative=f"## {SECRET}\n\nThe figures are commercially sensitive.",
    )
    draft = CommitteeReportFactory(
        committee=meeting.committee, meeting=meeting, part=2, exempt_paragraph=3, subject=SECRET
    )
    report_services.issue_report(report, by=UserFactory(), expected_version=report.version)
    return report, draft


@pytest.fixture
def once_part_2(exempt_report):
    """Reports that were Part 2 and are Part 1 now: a draft made Part 1 with new text, and a
    Part 1 correction of the issued Part 2 report. Their histories hold the exempt text."""
    issued, draft = exempt_report
    made_open = CommitteeReportFactory(
        committee=issued.committee, part=2, exempt_paragraph=3, subject=SECRET
    )
    made_open.subject, made_open.part, made_open.exempt_paragraph = "Leisure review", 1, None
    made_open.save()
    correction = report_services.correct_report(issued)
    correction.subject, correction.part, correction.exempt_paragraph = "Leisure (open)", 1, None
    correction.narrative = "## Leisure\n\nThe figures are in the Part 2 report."
    correction.save()
    return [made_open, correction]


def text_of(response):
    content_type = response.get("Content-Type", "")
    if content_type == "application/pdf":
        pages = PdfReader(io.BytesIO(response.content)).pages
        return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    return response.content.decode(errors="replace")


def everything_seen(client, user, report, once_part_2):
    """{url: text} of every page and download `user` reaches, and where the report would be
    (the histories of reports that were once Part 2 among them)."""
    seen = {}

    def fetch(url):
        response = client.get(url)
        seen[url] = text_of(response) if response.status_code == 200 else ""
        return response.status_code, response.get("Content-Type", ""), seen[url]

    crawl(fetch)
    token = CalendarFeed.objects.create(user=user, token=new_feed_token()).token
    for url in [
        "/",
        report.review.get_absolute_url(),
        report.meeting.get_absolute_url(),
        report.committee.get_absolute_url(),
        reverse("reports:report-list"),
        reverse("reports:report-list") + "?status=draft",
        reverse("search") + "?q=Leisure+Trust+redundancy",
        reverse("reports:agenda-pack", args=[report.meeting.pk]),
        *(reverse("calendar-feed", args=[token, slug]) for slug in ("meetings", "inspections")),
        reverse("reviews:review-list") + "?format=csv",
        *(reverse("reports:report-detail", args=[open_now.pk]) for open_now in once_part_2),
        *(reverse("reports:report-history", args=[open_now.pk]) for open_now in once_part_2),
    ]:
        fetch(url)
    return seen


@pytest.mark.parametrize("role", [roles.MEMBER, roles.REVIEW_OFFICER])
def test_a_part_2_report_leaks_nowhere(client, make_user, exempt_report, once_part_2, role):
    user = make_user(role, person=PersonFactory())
    client.force_login(user)
    seen = everything_seen(client, user, exempt_report[0], once_part_2)
    assert len(seen) > 30
    assert [url for url, text in seen.items() if SECRET.lower() in text.lower()] == []


def test_the_sweep_finds_it_for_an_exempt_member(client, make_user, exempt_report, once_part_2):
    user = make_user(roles.MEMBER_EXEMPT)
    client.force_login(user)
    seen = everything_seen(client, user, exempt_report[0], once_part_2)
    found = {url for url, text in seen.items() if SECRET.lower() in text.lower()}
    report, _ = exempt_report
    assert report.meeting.get_absolute_url() in found
    assert reverse("reports:agenda-pack", args=[report.meeting.pk]) in found
    assert reverse("reports:report-list") + "?status=draft" in found
    for open_now in once_part_2:
        assert reverse("reports:report-history", args=[open_now.pk]) in found
