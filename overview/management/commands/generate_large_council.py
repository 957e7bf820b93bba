"""A large council for benchmarks: 20 financial years of reviews and everything around them.

    python manage.py generate_large_council [--scale 0.1]

At scale 1: 20 years × 40 reviews, 400 inspections, 200 plans × 50 actions, 250 meetings
with minutes, 1,000 committee reports (drafts). Rows are bulk-created with their history
(simple-history's bulk_create_with_history), so history pages have something to show.
Run it on an empty or demo database, never a live one.
"""

from datetime import date, timedelta
from itertools import cycle

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from committees.models import Committee, Meeting, MinuteItem
from improvement_plans.models import Action, ImprovementPlan, KeyIssue
from inspections.models import Inspection
from organisation.models import Directorate, Person
from reports import presets
from reports.models import CommitteeReport, HouseStyle
from reviews.models import Review, Stage

FIRST_YEAR = 2003


def _people():
    directorate, _ = Directorate.objects.get_or_create(name="Generated Services")
    people = [
        Person(full_name=f"Generated Officer {n}", directorate=directorate, is_director=n < 10)
        for n in range(40)
    ]
    return bulk_create_with_history(people, Person)


def reviews(scale, people):
    directors = [person for person in people if person.is_director]
    stages = cycle(Stage.values)
    rows = []
    for year in range(FIRST_YEAR, FIRST_YEAR + 20):
        for n in range(max(1, round(40 * scale))):
            start = date(year, 4, 1) + relativedelta(months=n % 10)
            rows.append(
                Review(
                    title=f"Review {year}-{n}: service area {n}",
                    programme_year=year,
                    responsible_director=directors[n % len(directors)],
                    lead_officer=people[n % len(people)],
                    stage=next(stages),
                    planned_start=start,
                    planned_end=start + relativedelta(months=9, days=-1),
                    planned_precision="month",
                )
            )
    return bulk_create_with_history(rows, Review, batch_size=500)


def inspections(scale, people, reviews):
    rows = [
        Inspection(
            title=f"Inspection {n}",
            programme_year=FIRST_YEAR + n % 20,
            review=reviews[n % len(reviews)],
            lead_director=people[n % 10],
            timing_start=date(FIRST_YEAR + n % 20, 9, 1),
            timing_end=date(FIRST_YEAR + n % 20, 11, 30),
            timing_precision="season",
        )
        for n in range(max(1, round(400 * scale)))
    ]
    return bulk_create_with_history(rows, Inspection, batch_size=500)


def plans(scale, people, reviews):
    created = bulk_create_with_history(
        [
            ImprovementPlan(
                review=reviews[n % len(reviews)],
                title=f"Improvement plan {n}",
                period_start=date(FIRST_YEAR + n % 20, 1, 1),
                period_end=date(FIRST_YEAR + n % 20, 12, 31),
                period_precision="month",
            )
            for n in range(max(1, round(200 * scale)))
        ],
        ImprovementPlan,
        batch_size=500,
    )
    issues = bulk_create_with_history(
        [
            KeyIssue(plan=plan, number=number, title=f"Key issue {number}")
            for plan in created
            for number in range(1, 6)
        ],
        KeyIssue,
        batch_size=1000,
    )
    today = date.today()
    actions = [
        Action(
            key_issue=issue,
            number=number,
            description=f"Action {issue.number}.{number}: improve the service",
            lead_officer=people[number % len(people)],
            start_date=today - timedelta(days=100),
            milestone_date=today + timedelta(days=(number * 13) % 120 - 40),
        )
        for issue in issues
        for number in range(1, 11)
    ]
    bulk_create_with_history(actions, Action, batch_size=2000)
    return created


def meetings(scale, people, reviews):
    board, _ = Committee.objects.get_or_create(
        name="Generated Board", defaults={"kind": Committee.Kind.BOARD}
    )
    created = bulk_create_with_history(
        [
            Meeting(committee=board, date=date(FIRST_YEAR, 1, 1) + timedelta(days=28 * n))
            for n in range(max(1, round(250 * scale)))
        ],
        Meeting,
        batch_size=500,
    )
    bulk_create_with_history(
        [
            MinuteItem(
                meeting=meeting,
                number=number,
                heading=f"Item {number}",
                review=reviews[(meeting.pk + number) % len(reviews)],
                text="The Board noted progress and asked for a report to the next meeting.",
            )
            for meeting in created
            for number in range(1, 6)
        ],
        MinuteItem,
        batch_size=1000,
    )
    return created


def reports(scale, people, reviews):
    panel, _ = Committee.objects.get_or_create(
        name="Generated Scrutiny Panel", defaults={"kind": Committee.Kind.SCRUTINY_PANEL}
    )
    style = presets.install(HouseStyle, [presets.SCRUTINY])[presets.SCRUTINY]
    rows = [
        CommitteeReport(
            committee=panel,
            house_style=style,
            kind=CommitteeReport.Kind.REVIEW_PROGRESS,
            review=reviews[n % len(reviews)],
            subject=f"Progress report {n}",
            report_by="Head of Policy and Performance",
            contact_officer=people[n % len(people)],
            narrative="## Background\n\nGenerated for benchmarks.",
        )
        for n in range(max(1, round(1000 * scale)))
    ]
    bulk_create_with_history(rows, CommitteeReport, batch_size=500)


class Command(BaseCommand):
    help = "Generate a large council's data for benchmarks (see bench/)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)

    @transaction.atomic
    def handle(self, *args, scale, **options):
        people = _people()
        generated_reviews = reviews(scale, people)
        inspections(scale, people, generated_reviews)
        plans(scale, people, generated_reviews)
        meetings(scale, people, generated_reviews)
        reports(scale, people, generated_reviews)
        self.stdout.write(
            f"Generated {Review.objects.count()} reviews, {Inspection.objects.count()} "
            f"inspections, {Action.objects.count()} actions, {Meeting.objects.count()} "
            f"meetings, {CommitteeReport.objects.count()} reports."
        )
