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


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_refuses_to_start_without_a_real_secret_key_when_debug_is_off():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_template_pack_is_told_the_installed_govuk_frontend_version():
    package = settings.BASE_DIR / "node_modules" / "govuk-frontend" / "package.json"
    assert json.loads(package.read_text())["version"] == settings.CRISPY_GDS_FRONTEND_VERSION
