import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7!kq2-production-like-secret-key-that-is-long-enough-0123456789",
    "ALLOWED_HOSTS": "bestvalue.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://bestvalue.example.gov.uk",
    "DATABASE_URL": "sqlite:////tmp/bestvalue-check.sqlite3",
}


def run_python(*args, env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args, env):
    return run_python("manage.py", *args, env=env)


def collect_static(static_root):
    """Leave the manifest collectstatic writes (a real run takes 20 seconds; bench/load.py
    makes one and serves pages with gunicorn)."""
    manifest = {"paths": {}, "version": "1.1", "hash": ""}
    (static_root / "staticfiles.json").write_text(json.dumps(manifest))


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    collect_static(tmp_path)
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_refuses_to_start_without_a_real_secret_key_when_debug_is_off():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_with_debug_off_nothing_starts_until_static_files_are_collected(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    missing = f"Static files have not been collected into {tmp_path}: run manage.py collectstatic"
    check = run_manage("check", env=env)
    assert check.returncode != 0
    assert missing in check.stderr
    wsgi = run_python("-c", "import bestvalue.wsgi", env=env)  # what a gunicorn worker does first
    assert wsgi.returncode != 0
    assert f"ImproperlyConfigured: {missing}" in wsgi.stderr
    # The checks collectstatic runs (Django's staticfiles tag) pass: the cure is not stopped.
    assert run_manage("check", "--tag", "staticfiles", env=env).returncode == 0

    collect_static(tmp_path)
    assert run_manage("check", env=env).returncode == 0
    assert run_python("-c", "import bestvalue.wsgi", env=env).returncode == 0


def test_template_pack_is_told_the_installed_govuk_frontend_version():
    package = settings.BASE_DIR / "node_modules" / "govuk-frontend" / "package.json"
    assert json.loads(package.read_text())["version"] == settings.CRISPY_GDS_FRONTEND_VERSION
