import pytest
from django.urls import reverse
from django.utils import timezone

from improvement_plans.models import ReminderSent
from tests.factories import ActionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_administrators_find_plans_actions_and_reminders_sent(client, administrator):
    action = ActionFactory(description="Develop Performance Indicators")
    ReminderSent.objects.create(
        person=PersonFactory(full_name="Wes Cuell"), date=timezone.localdate(), actions=2
    )
    client.force_login(administrator)
    pages = {
        "improvement_plans_improvementplan_changelist": action.key_issue.plan.title,
        "improvement_plans_action_changelist": "Develop Performance Indicators",
        "improvement_plans_remindersent_changelist": "Wes Cuell",
    }
    for name, text in pages.items():
        assert text in client.get(reverse(f"admin:{name}")).text


def test_reminders_sent_cannot_be_edited_in_the_admin(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("admin:improvement_plans_remindersent_add")).status_code == 403
