"""Fault test: a gunicorn worker killed mid-request, then PostgreSQL restarted mid-load.

    scripts/with-postgres.sh .venv/bin/python bench/faults.py [--officers 20] [--seconds 40]

Needs the throwaway cluster of scripts/with-postgres.sh (it exports where the cluster is, so
this script can restart it). Passes when: no 500 answers (while the database is away the
app answers 503 "try again in a minute"), the app recovers by itself, and no half-written
status update remains (every stage change has its progress update and the other way round),
and every accepted write is stored.
"""

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from load import lost_writes, prepare, report, run_officers, start_server
from officers import Officer


def as_postgres(*command):
    prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True)


def kill_a_worker(server):
    workers = subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    os.kill(int(workers[0]), signal.SIGKILL)
    print(f"killed worker {workers[0]} of {len(workers)}")


def restart_postgres():
    data, bindir = os.environ["PGTEST_DATA"], os.environ["PGTEST_BIN"]
    # Start it again with the options it was started with (socket directory, port).
    words = shlex.split(Path(data, "postmaster.opts").read_text())[1:]
    options = [word for word in words if word not in ("-D", data)]
    as_postgres(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop")
    print("PostgreSQL stopped")
    time.sleep(4)  # officers keep working: they should get 503s, not 500s
    as_postgres(
        f"{bindir}/pg_ctl",
        "-D",
        data,
        "-l",
        f"{data}/../server.log",
        "-w",
        "-o",
        shlex.join(options),
        "start",
    )
    print("PostgreSQL started again")


def half_written():
    """Load reviews' stage changes without their progress update, or the other way round."""
    from django.db.models import Count

    from reviews.models import Review

    counts = Review.objects.filter(title__startswith="Load review").annotate(
        changes=Count("stage_changes", distinct=True),
        updates=Count("progress_updates", distinct=True),
    )
    return sum(1 for review in counts if review.changes != review.updates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    names, reviews, actions = prepare(args.officers)
    # The throwaway cluster trades durability for speed (synchronous_commit=off), which a
    # crash would expose as lost commits; the server's sessions ask for it back, as a real
    # database would have it.
    url = os.environ["DATABASE_URL"]
    durable = url + ("&" if "?" in url else "?") + "options=-c%20synchronous_commit%3Don"
    server = start_server(args.port, 3, DATABASE_URL=durable)

    def faults():
        time.sleep(args.seconds / 4)
        kill_a_worker(server)
        time.sleep(args.seconds / 4)
        restart_postgres()

    try:
        officers = run_officers(args.port, names, reviews, actions, args.seconds, during=faults)
        # Recovery: a fresh officer signs in and reads a page, without anyone intervening.
        probe = Officer("127.0.0.1", args.port, names[0])
        recovered = probe.sign_in() and probe.request("GET", "/", "read")[0] == 200
    finally:
        server.terminate()
        server.wait(10)
    statuses = report(officers, args.seconds)
    from django.db import connection

    connection.close()  # the cluster restarted under this process too
    errors = sum(count for status, count in statuses.items() if status >= 500 and status != 503)
    halves = half_written()
    missing = lost_writes(officers)
    print(
        f"503 while the database was away: {statuses.get(503, 0)}; other 5xx: {errors}; "
        f"recovered by itself: {recovered}; half-written: {halves}; lost writes: {missing}"
    )
    sys.exit(1 if errors or halves or missing or not recovered else 0)


if __name__ == "__main__":
    main()
