"""Time every kind of page: median and 95th percentile latency, and SQL queries per page.

    scripts/with-postgres.sh .venv/bin/python bench/pages.py [--repeat 20] [--generate]

Runs in-process through Django's test client against the configured database (use
PostgreSQL: with-postgres.sh makes a throwaway one). Pages are found by following links from
the home page as a best value officer, one URL per kind of page, so new pages are measured
without editing this script. With --generate the large-council data set is loaded first.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bestvalue.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from tests.crawl import crawl  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, url, repeat):
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return response.status_code, statistics.median(timings), percentile(timings, 0.95), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--generate", action="store_true", help="load the large data set first")
    parser.add_argument("--scale", type=float, default=1.0, help="of the large data set")
    args = parser.parse_args()

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    if args.generate:
        call_command("generate_large_council", scale=args.scale)
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would have them on a live database: without
        # them a freshly loaded database picks plans that are seconds slower.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from django.contrib.auth.models import User

    from core.periods import FinancialYear
    from reviews.models import Review

    client = Client()
    client.force_login(User.objects.get(username="bvofficer"))

    def fetch(url):
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        html = response.content.decode() if content_type.startswith("text/html") else ""
        return response.status_code, content_type, html

    pages = [(url, route) for url, route, status in crawl(fetch) if status == 200]
    print(f"{'page':<45} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url, route in pages:
        status, median, p95, queries = measure(client, url, args.repeat)
        print(f"{(route or url)[:45]:<45} {median:>10.1f} {p95:>8.1f} {queries:>8}")

    # Our programme against the Django admin's changelist of the same reviews and filter.
    year = Review.objects.order_by("-programme_year").values_list("programme_year", flat=True)[0]
    admin = User.objects.get(username="admin")
    client.force_login(admin)
    ours = measure(client, f"/reviews/?year={FinancialYear(year)}", args.repeat)[1]
    theirs = measure(client, f"/admin/reviews/review/?programme_year={year}", args.repeat)[1]
    print(
        f"\nProgramme {FinancialYear(year)}: ours {ours:.1f} ms, Django admin changelist "
        f"{theirs:.1f} ms (admin / ours = {theirs / ours:.2f})"
    )


if __name__ == "__main__":
    main()
