"""The benchmark data generator makes a consistent council at a small scale."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from committees.models import MinuteItem
from improvement_plans.models import Action
from inspections.models import Inspection
from reports.models import CommitteeReport
from reviews.models import Review

pytestmark = pytest.mark.django_db


def test_a_small_council_has_every_kind_of_record_with_history(client, bv_officer):
    call_command("generate_large_council", scale=0.05, stdout=io.StringIO())
    assert Review.objects.count() == 20 * 2
    assert Inspection.objects.count() == 20
    assert Action.objects.count() == 10 * 50
    assert MinuteItem.objects.count() == 12 * 5
    assert CommitteeReport.objects.count() == 50
    assert Review.history.count() == Review.objects.count()
    client.force_login(bv_officer)
    for url in (
        reverse("reviews:review-list") + "?year=2010/11",
        reverse("improvement_plans:due-action-list"),
        reverse("reports:report-list"),
        reverse("home"),
    ):
        assert client.get(url).status_code == 200, url
