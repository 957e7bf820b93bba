"""Load test: gunicorn on PostgreSQL, simulated officers reading pages and writing updates.

    scripts/with-postgres.sh .venv/bin/python bench/load.py [--officers 50] [--seconds 60]

Loopback only, bounded in time. Prints throughput, median and 95th percentile latency per
kind of request and the number of 5xx answers (must be 0), then checks that every write the
server accepted is in the database with its history: zero lost writes.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "load-test-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "AXES_FAILURE_LIMIT": "1000",
}
os.environ.update(SERVER_ENV)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bestvalue.settings")

import django  # noqa: E402

django.setup()

from officers import PASSWORD, Officer  # noqa: E402


def prepare(officers):
    """Demo data, one sign-in per simulated officer, and reviews and actions to update."""
    from datetime import date, timedelta

    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from improvement_plans.models import Action, KeyIssue
    from organisation import roles
    from organisation.models import Person
    from reviews.models import Review

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    group = Group.objects.get(name=roles.BEST_VALUE_OFFICER)
    names = []
    for n in range(officers):
        user, created = User.objects.get_or_create(username=f"officer{n}")
        if created:
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(group)
            # Officers log hours against actions, which needs their person record.
            Person.objects.create(full_name=f"Load Officer {n}", user=user)
        names.append(user.username)
    director = Person.objects.filter(is_director=True).first()
    Review.objects.bulk_create(
        Review(title=f"Load review {n}", programme_year=2003, responsible_director=director)
        for n in range(officers * 10)
    )
    issue = KeyIssue.objects.order_by("pk").first()
    Action.objects.bulk_create(
        Action(
            key_issue=issue,
            number=100 + n,
            description=f"Load action {n}",
            lead_group="CMT",
            start_date=date.today() - timedelta(days=30),
            milestone_date=date.today() + timedelta(days=60),
        )
        for n in range(officers * 4)
    )
    reviews = list(
        Review.objects.filter(title__startswith="Load review").values_list("pk", flat=True)
    )
    actions = list(
        Action.objects.filter(description__startswith="Load").values_list("pk", flat=True)
    )
    return names, reviews, actions


def start_server(port, workers, **extra_env):
    env = {**os.environ, **SERVER_ENV, **extra_env}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bestvalue.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            Officer("127.0.0.1", port, "probe").request("GET", "/sign-in/", "probe")
            if Officer("127.0.0.1", port, "probe").request("GET", "/sign-in/", "probe")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def run_officers(port, names, reviews, actions, seconds, during=None):
    """Every officer signs in, then mixes reads and writes until time is up."""
    stop = time.monotonic() + seconds
    reads = ["/", "/reviews/?year=2003%2F04", "/plans/overdue/", "/inspections/", "/timeline/"]
    officers = [Officer("127.0.0.1", port, name) for name in names]

    def work(officer):
        if not officer.sign_in():
            return
        while time.monotonic() < stop:
            roll = random.random()
            if roll < 0.6:
                officer.read(reads + [f"/reviews/{random.choice(reviews)}/"])
            elif roll < 0.8:
                officer.update_status(random.choice(reviews))
            else:
                officer.update_action(random.choice(actions))

    threads = [threading.Thread(target=work, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    if during:
        during()
    for thread in threads:
        thread.join(seconds + 60)
    return officers


def report(officers, seconds):
    results = [result for officer in officers for result in officer.results]
    print(f"{len(results)} requests in {seconds} s: {len(results) / seconds:.1f} a second")
    by_kind = {}
    for result in results:
        by_kind.setdefault(result.kind, []).append(result.seconds * 1000)
    print(f"{'kind':<16} {'count':>7} {'median ms':>10} {'p95 ms':>8}")
    for kind, times in sorted(by_kind.items()):
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{kind:<16} {len(times):>7} {statistics.median(times):>10.1f} {p95:>8.1f}")
    statuses = Counter(result.status for result in results)
    print("answers:", dict(sorted(statuses.items())))
    return statuses


def lost_writes(officers):
    """Accepted writes missing from the database or from its history."""
    from datetime import timedelta

    from improvement_plans.models import ActionUpdate
    from reviews.models import ProgressUpdate, StageChange

    same_moment = timedelta(seconds=5)  # one transaction writes both

    accepted = [write for officer in officers for write in officer.accepted]
    missing = 0
    for kind, marker in accepted:
        if kind == "status":
            update = ProgressUpdate.objects.filter(text=marker).first()
            ok = (
                update is not None
                and update.history.exists()
                and StageChange.objects.filter(
                    review=update.review,
                    changed_at__range=(
                        update.created_at - same_moment,
                        update.created_at + same_moment,
                    ),
                ).exists()
            )
        else:
            update = ActionUpdate.objects.filter(note=marker).first()
            ok = update is not None and update.history.exists()
        missing += not ok
    print(f"{len(accepted)} writes accepted; {missing} missing from the database or history")
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    names, reviews, actions = prepare(args.officers)
    server = start_server(args.port, args.workers)
    try:
        officers = run_officers(args.port, names, reviews, actions, args.seconds)
    finally:
        server.terminate()
        server.wait(10)
    statuses = report(officers, args.seconds)
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    missing = lost_writes(officers)
    print(f"5xx answers: {server_errors}; lost writes: {missing}")
    sys.exit(1 if server_errors or missing else 0)


if __name__ == "__main__":
    main()
