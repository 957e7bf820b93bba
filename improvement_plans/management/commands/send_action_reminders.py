from django.core.management.base import BaseCommand, CommandError

from improvement_plans.models import REMINDER_DAYS
from improvement_plans.services import send_action_reminders


class Command(BaseCommand):
    help = (
        f"Email each lead officer their improvement plan actions that are overdue or due "
        f"within {REMINDER_DAYS} days. At most one email per person per day, so it is safe "
        "to run from cron every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="The tracker's address, such as https://bestvalue.example.gov.uk, so that "
            "emails link to each action",
        )

    def handle(self, *args, base_url, **options):
        emailed, failed = send_action_reminders(base_url=base_url)
        self.stdout.write(f"Reminders sent: {len(emailed)}.")
        if failed:
            names = ", ".join(str(person) for person in failed)
            raise CommandError(f"Could not email {names}; the next run will try again.")
