"""Each demo database dumped before a restructuring migrates forward losing no row and no
permission, and issued reports keep their bytes (docs/upgrades.md)."""

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from psycopg import sql

from reports import presets

DUMPS = sorted(Path(__file__).parent.glob("demo-*.sql"))

# Tables renamed by migrations since a dump: name in the dump -> name now.
RENAMED_TABLES = {
    # reports 0001 (docs/architecture.md)
    "committees_historicalcommitteereport_wards": "reports_historicalcommitteereport_wards",
}

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="the dump is PostgreSQL's",
)


def url_of(database):
    """DATABASE_URL, pointing at another database of the same server."""
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{database}").geturl()


def psql():
    """The throwaway cluster's own psql, else the one on PATH, else the newest installed."""
    if os.environ.get("PGTEST_BIN"):
        return str(Path(os.environ["PGTEST_BIN"], "psql"))
    if shutil.which("psql"):
        return "psql"
    installed = Path("/usr/lib/postgresql").glob("*/bin/psql")
    return str(max(installed, key=lambda path: int(path.parts[-3])))


@pytest.fixture(params=DUMPS, ids=lambda dump: dump.name)
def restored(request):
    """A dump, restored into a database of its own, dropped afterwards; yields its URL."""
    dump = request.param
    name = f"bestvalue_upgrade_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as server:
        server.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name))
        )
        try:
            restore = subprocess.run(
                [psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url_of(name), "-f", dump],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert restore.returncode == 0, f"restoring {dump.name}: {restore.stderr}"
            yield url_of(name)
        finally:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def row_counts(url):
    with psycopg.connect(url) as connection:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        ).fetchall()
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for (table,) in tables
        }


def holdings(url):
    """Each group's and each user's permissions (a user's groups' included) as
    {("group" or "user", name): {(app_label, model, codename)}}, and the content types."""
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            """
            SELECT 'group', g.name, ct.app_label, ct.model, p.codename
              FROM auth_group g
              JOIN auth_group_permissions gp ON gp.group_id = g.id
              JOIN auth_permission p ON p.id = gp.permission_id
              JOIN django_content_type ct ON ct.id = p.content_type_id
            UNION
            SELECT 'user', u.username, ct.app_label, ct.model, p.codename
              FROM auth_user u
              JOIN (
                SELECT user_id, permission_id FROM auth_user_user_permissions
                UNION
                SELECT ug.user_id, gp.permission_id
                  FROM auth_user_groups ug
                  JOIN auth_group_permissions gp ON gp.group_id = ug.group_id
              ) held ON held.user_id = u.id
              JOIN auth_permission p ON p.id = held.permission_id
              JOIN django_content_type ct ON ct.id = p.content_type_id
            """
        ).fetchall()
        content_types = set(
            connection.execute("SELECT app_label, model FROM django_content_type").fetchall()
        )
    held = {}
    for kind, name, *permission in rows:
        held.setdefault((kind, name), set()).add(tuple(permission))
    return held, content_types


def superusers(url):
    # A superuser holds every permission without a row saying so.
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT username FROM auth_user WHERE is_superuser").fetchall()
    return {username for (username,) in rows}


def lost_rows(before, after):
    problems = []
    for table, count in sorted(before.items()):
        new_name = RENAMED_TABLES.get(table, table)
        if new_name not in after:
            problems.append(
                f"table {table} is gone after migrating; if a migration renamed it, "
                "add it to RENAMED_TABLES"
            )
        elif after[new_name] < count:
            renamed = "" if new_name == table else f" ({table} in the dump)"
            problems.append(
                f"table {new_name}{renamed} had {count} rows before, {after[new_name]} after"
            )
    return problems


def lost_permissions(before, after, content_types_before, content_types_after):
    """What each group and user held before and lacks after, and what they gained on a model
    the dump already had. A permission is its model and codename: a model that moved to
    another app takes its permissions with it."""
    # Only a content type of a model in the code counts: a stale one, left behind by a move,
    # grants a permission no check asks for.
    current = {(model._meta.app_label, model._meta.model_name) for model in apps.get_models()}
    live = content_types_after & current
    app_labels = {}
    for app_label, model in live:
        app_labels.setdefault(model, []).append(app_label)

    def moved(permission):
        app_label, model, codename = permission
        if (app_label, model) in live or model not in app_labels:
            return permission
        assert len(app_labels[model]) == 1, (
            f"{app_label}.{model} is not a model any more, and there are models named"
            f" {model!r} in {sorted(app_labels[model])}: which one has its permissions?"
        )
        return app_labels[model][0], model, codename

    models_before = {model for _, model in content_types_before}
    problems = []
    for holder in sorted(before.keys() | after.keys()):
        expected = {moved(permission): permission for permission in before.get(holder, set())}
        now = {permission for permission in after.get(holder, set()) if permission[:2] in live}
        for permission in sorted(expected.keys() - now):
            was = expected[permission]
            moved_from = "" if was == permission else f" (in the dump: {'.'.join(was)})"
            problems.append(f"{holder[0]} {holder[1]!r} lost {'.'.join(permission)}{moved_from}")
        problems += [
            f"{holder[0]} {holder[1]!r} gained {'.'.join(permission)}, on a model the dump had"
            for permission in sorted(now - expected.keys())
            if permission[1] in models_before
        ]
    return problems


def grant_directly(url, username, codename):
    """A permission given to one user in the admin, as a council gives one Member exempt
    access: groups are re-synced from the roles on every migrate, so only such a grant
    shows whether a migration carried a permission across."""
    with psycopg.connect(url) as connection:
        connection.execute(
            """
            INSERT INTO auth_user_user_permissions (user_id, permission_id)
            SELECT u.id, p.id FROM auth_user u, auth_permission p
             WHERE u.username = %s AND p.codename = %s
            """,
            [username, codename],
        )


def migrate_forward(url):
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr


def test_a_demo_dump_migrates_forward_keeping_every_row_and_permission(restored):
    grant_directly(restored, "member", "view_exempt_report")
    rows_before = row_counts(restored)
    held_before, content_types_before = holdings(restored)
    superusers_before = superusers(restored)
    assert held_before, "the dump has no permissions to compare: was the demo loaded?"

    migrate_forward(restored)

    held_after, content_types_after = holdings(restored)
    problems = [
        *lost_rows(rows_before, row_counts(restored)),
        *lost_permissions(held_before, held_after, content_types_before, content_types_after),
        *(
            f"user {name!r} is no longer a superuser"
            for name in superusers_before - superusers(restored)
        ),
    ]
    assert not problems, "\n".join(problems)


def issued_reports(url):
    """{report id: (PDF bytes, SHA-256)} of every issued report, as stored."""
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT id, pdf, sha256 FROM committees_committeereport WHERE status <> 'draft'"
        ).fetchall()
    return {pk: (bytes(pdf), sha256) for pk, pdf, sha256 in rows}


def house_styles(url):
    """Each committee's usual house style and each report's, by name; after reports 0003."""
    with psycopg.connect(url) as connection:
        committees = connection.execute(
            "SELECT c.name, s.name FROM committees_committee c"
            " JOIN reports_committeestyle cs ON cs.committee_id = c.id"
            " JOIN reports_housestyle s ON s.id = cs.house_style_id"
        ).fetchall()
        reports = connection.execute(
            "SELECT r.kind, s.name FROM committees_committeereport r"
            " JOIN reports_housestyle s ON s.id = r.house_style_id"
        ).fetchall()
    return dict(committees), reports


def test_house_styles_become_data_and_every_report_keeps_its_look_and_its_bytes(restored):
    with psycopg.connect(restored) as connection:
        was = dict(connection.execute("SELECT name, house_style FROM committees_committee"))
        kinds = connection.execute(
            "SELECT r.kind, c.house_style FROM committees_committeereport r"
            " JOIN committees_committee c ON c.id = r.committee_id"
        ).fetchall()
    issued = issued_reports(restored)
    assert issued, "the dump has no issued report to keep"
    assert set(was.values()) == {"scrutiny", "cabinet"}

    migrate_forward(restored)

    assert issued_reports(restored) == issued
    for pdf, sha256 in issued.values():
        assert hashlib.sha256(pdf).hexdigest() == sha256
    committee_styles, report_styles = house_styles(restored)
    preset = {"scrutiny": presets.SCRUTINY, "cabinet": presets.CABINET}
    assert committee_styles == {name: preset[style] for name, style in was.items()}
    # Review progress reports were numbered through in the scrutiny style (seed 003).
    through = {("review_progress", "scrutiny"): presets.SCRUTINY_NUMBERED_THROUGH}
    assert sorted(report_styles) == sorted(
        (kind, through.get((kind, style), preset[style])) for kind, style in kinds
    )
