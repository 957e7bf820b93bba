"""Time each kind of committee report's PDF, and its peak memory, on the demo data and on a
200-action improvement plan.

    scripts/with-postgres.sh .venv/bin/python bench/reports.py [--repeat 5]

Each kind runs in a fresh process so its peak resident memory (Django, WeasyPrint, Pango)
is its own. If LibreOffice is installed, the same report's HTML is also converted with
`soffice --headless --convert-to pdf`, the alternative a council would otherwise use, and the
ratio printed.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bestvalue.settings")


def setup():
    import django

    django.setup()


def large_plan_report():
    """The demo plan report with a key issue of 200 more actions."""
    from datetime import date, timedelta

    from improvement_plans.models import Action, KeyIssue
    from reports.models import CommitteeReport

    report = CommitteeReport.objects.get(kind="improvement_plan")
    issue, _ = KeyIssue.objects.get_or_create(
        plan=report.plan, number=99, defaults={"title": "Two hundred actions"}
    )
    if not issue.actions.exists():
        Action.objects.bulk_create(
            Action(
                key_issue=issue,
                number=n,
                description=f"Action {n}: carry out the work agreed with partners",
                lead_group="CMT",
                business_unit="Strategic & Performance Services",
                start_date=date(2004, 1, 1),
                milestone_date=date(2004, 1, 1) + timedelta(days=n),
            )
            for n in range(1, 201)
        )
    return report


def one(kind, repeat):
    """Run in a child process: time `kind` and report its peak memory as JSON."""
    setup()
    from core.report_layout import render_html, render_report_pdf
    from reports import kinds
    from reports.models import CommitteeReport

    report = large_plan_report() if kind == "large_plan" else CommitteeReport.objects.get(kind=kind)
    timings, pdf = [], b""
    for _ in range(repeat):
        started = time.perf_counter()
        pdf = render_report_pdf(kinds.layout(report))
        timings.append(time.perf_counter() - started)
    result = {
        "kind": kind,
        "median_s": statistics.median(timings),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bytes": len(pdf),
    }
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "report.html"
            css = (ROOT / "static/css/report.css").read_text()
            html = render_html(kinds.layout(report), for_pdf=True)
            source.write_text(html.replace("</head>", f"<style>{css}</style></head>"))
            started = time.perf_counter()
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True,
                capture_output=True,
            )
            result["soffice_s"] = time.perf_counter() - started
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one(args.one, args.repeat)

    setup()
    from django.core.management import call_command

    from reports.models import CommitteeReport

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    kinds = [*CommitteeReport.Kind.values, "large_plan"]
    print(f"{'report':<20} {'median s':>9} {'peak MB':>8} {'PDF KB':>7}", end="")
    print(f" {'soffice s':>10} {'ratio':>6}")
    for kind in kinds:
        output = subprocess.run(
            [sys.executable, __file__, "--one", kind, "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        soffice = row.get("soffice_s")
        print(
            f"{kind:<20} {row['median_s']:>9.2f} {row['peak_mb']:>8.0f} {row['bytes'] / 1024:>7.0f}"
            + (
                f" {soffice:>10.2f} {soffice / row['median_s']:>6.1f}"
                if soffice
                else "  (no soffice)"
            )
        )


if __name__ == "__main__":
    main()
