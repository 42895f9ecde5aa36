"""Settings switched by environment: the production path passes `check --deploy` with its secrets
and refuses to start without them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    skip = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SITE_URL")
    base = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-" + "x" * 30,
    "DJANGO_ALLOWED_HOSTS": "nscl.example.gov.vn",
    "DATABASE_URL": "postgres://nscl@127.0.0.1:5432/nscl",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://nscl.example.gov.vn",
}


def test_production_settings_pass_the_deploy_check_when_their_secrets_are_given():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_demo_data():
    result = _manage("load_demo_data", env=PRODUCTION)
    assert result.returncode != 0
    assert "refused outside demo mode" in result.stderr


def test_embedded_default_needs_no_environment(tmp_path):
    result = _manage("check", env={"DJANGO_SETTINGS_MODULE": "config.settings.base", "NSCL_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_the_address_that_links_in_e_mails_point_to():
    env = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr
