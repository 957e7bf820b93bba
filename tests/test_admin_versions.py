"""Admin saves take part in optimistic locking, as the officers' pages do: a save in the
admin moves the record's version, so a page opened before it sees a conflict; and an admin
page opened before an officer's save is refused instead of overwriting it."""

import pytest
from django.urls import reverse

from core.versioning import StaleEdit
from tests.factories import (
    ActionFactory,
    CommitteeFactory,
    CommitteeReportFactory,
    HouseStyleFactory,
    ImprovementPlanFactory,
    MeetingFactory,
    ReviewFactory,
)
from tests.forms import submitted

pytestmark = pytest.mark.django_db

RECORDS = {
    "improvement_plans_improvementplan": ImprovementPlanFactory,
    "improvement_plans_action": ActionFactory,
    "committees_meeting": MeetingFactory,
    "committees_committee": CommitteeFactory,
    "reports_committeereport": CommitteeReportFactory,
    "reports_housestyle": HouseStyleFactory,
    "reviews_review": ReviewFactory,
}


def admin_page_as_submitted(client, name, record):
    url = reverse(f"admin:{name}_change", args=[record.pk])
    page = client.get(url)
    assert page.status_code == 200
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    return url, submitted(*forms)


@pytest.mark.parametrize("name", RECORDS)
def test_an_admin_save_moves_the_version(client, administrator, name):
    record = RECORDS[name]()
    opened_at = record.version
    client.force_login(administrator)
    url, data = admin_page_as_submitted(client, name, record)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert record.version == opened_at + 1
    # An officer's form opened before the admin's save is now refused.
    with pytest.raises(StaleEdit):
        record.save_if_unchanged(opened_at)


@pytest.mark.parametrize("name", RECORDS)
def test_an_admin_page_opened_before_an_officers_save_is_refused(client, administrator, name):
    record = RECORDS[name]()
    client.force_login(administrator)
    url, data = admin_page_as_submitted(client, name, record)
    record.save_if_unchanged(record.version)  # the officer's save
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone changed this record after you opened it" in response.text
    record.refresh_from_db()
    assert record.version == 2


def test_an_officer_page_opened_before_an_admin_save_shows_a_conflict(client, administrator):
    plan = ImprovementPlanFactory(title="Housing repairs plan")
    client.force_login(administrator)
    officer_page = client.get(reverse("improvement_plans:plan-update", args=[plan.pk]))
    officer_data = {**submitted(officer_page.context["form"]), "title": "Officer's title"}
    url, data = admin_page_as_submitted(client, "improvement_plans_improvementplan", plan)
    assert client.post(url, {**data, "title": "Admin's title"}).status_code == 302
    response = client.post(reverse("improvement_plans:plan-update", args=[plan.pk]), officer_data)
    assert response.status_code == 200
    assert "after you opened it" in response.text
    plan.refresh_from_db()
    assert plan.title == "Admin's title"
