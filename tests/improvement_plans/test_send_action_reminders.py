import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from improvement_plans import services
from improvement_plans.models import Action, ReminderSent
from tests.factories import ActionFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def due_in(days, **fields):
    return ActionFactory(
        milestone_date=TODAY + timedelta(days=days),
        start_date=TODAY - timedelta(days=100),
        **fields,
    )


@pytest.fixture
def lead():
    return PersonFactory(full_name="Wes Cuell", email="wes.cuell@example.gov.uk")


def test_each_lead_gets_one_email_listing_actions_overdue_or_due_within_14_days(lead):
    overdue = due_in(-3, lead_officer=lead, description="Block purchase of foster care")
    due = due_in(14, lead_officer=lead, description="Invest-to-save proposal")
    due_in(15, lead_officer=lead, description="Luton Futures")
    done = due_in(-3, lead_officer=lead, description="Planning group set up")
    done.set_status(Action.Status.COMPLETE)
    done.save()
    other = due_in(1, lead_officer=PersonFactory(email="pam.booth@example.gov.uk"))
    call_command("send_action_reminders", "--base-url", "https://bv.example.gov.uk/")
    assert len(mail.outbox) == 2
    wes = next(message for message in mail.outbox if message.to == ["wes.cuell@example.gov.uk"])
    assert wes.subject == "Improvement plan actions: 1 overdue, 1 due within 14 days"
    assert "Block purchase of foster care" in wes.body
    assert "Invest-to-save proposal" in wes.body
    assert "Luton Futures" not in wes.body and "Planning group" not in wes.body
    assert "(overdue)" in wes.body
    assert f"https://bv.example.gov.uk/plans/actions/{overdue.pk}/progress/" in wes.body
    assert f"{due.milestone_date:%-d %B %Y}" in wes.body
    assert other.description not in wes.body


def test_running_again_the_same_day_sends_nothing_more(lead):
    due_in(-1, lead_officer=lead)
    call_command("send_action_reminders")
    call_command("send_action_reminders")
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().person == lead


def test_the_next_day_brings_a_new_reminder(lead):
    due_in(-1, lead_officer=lead)
    services.send_action_reminders(today=TODAY)
    services.send_action_reminders(today=TODAY + timedelta(days=1))
    assert len(mail.outbox) == 2


def test_a_run_that_lost_the_race_for_the_day_does_not_send(lead):
    action = Action.objects.with_rag().get(pk=due_in(-1, lead_officer=lead).pk)
    ReminderSent.objects.create(person=lead, date=TODAY, actions=1)  # another run's claim
    assert services._remind(lead, [action], today=TODAY, base_url="") is False
    assert mail.outbox == []


def test_the_database_allows_one_reminder_per_person_per_day(lead):
    ReminderSent.objects.create(person=lead, date=TODAY, actions=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderSent.objects.create(person=lead, date=TODAY, actions=2)


def test_inactive_leads_leads_without_email_and_lead_groups_get_no_email():
    due_in(-1, lead_officer=PersonFactory(active=False))
    due_in(-1, lead_officer=PersonFactory(email=""))
    due_in(-1, lead_officer=None, lead_group="CMT")
    call_command("send_action_reminders")
    assert mail.outbox == []


def test_a_failed_email_is_retried_by_the_next_run(lead, monkeypatch):
    due_in(-1, lead_officer=lead)

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server away")

    monkeypatch.setattr(services, "send_mail", refuse)
    with pytest.raises(CommandError, match="Wes Cuell"):
        call_command("send_action_reminders")
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    call_command("send_action_reminders")
    assert len(mail.outbox) == 1
