from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from overview import demo_logins

# Each app's demo module, in dependency order; each `load()` is idempotent.
LOADERS = [
    "organisation.demo",
    "reviews.demo",
    "inspections.demo",
    "committees.demo",
    "improvement_plans.demo",
    "overview.demo_logins",
    "reports.demo",
]


class Command(BaseCommand):
    help = "Load the demo council from the seed papers and create one demo login per role."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in LOADERS:
                import_module(module).load()
        if options["verbosity"] == 0:
            return
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo logins:"))
        for username, password, role in demo_logins.describe():
            self.stdout.write(f"  {username:<14} {password:<16} {role}")
