"""Shared test set-up.

Components: tests that need PostgreSQL, Redis, a real Celery worker or Chromium ask for them with
``require(...)`` (or the fixtures below). On a laptop without the component such a test is skipped
with the reason; under CI (``CI=true``) a missing component fails the run instead.
"""

from __future__ import annotations

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _postgres_missing() -> str | None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "PostgreSQL is not configured (set DATABASE_URL=postgres://...)"
    return None


def _redis_missing() -> str | None:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        return "Redis is not configured (set REDIS_URL=redis://...)"
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=2):
            return None
    except OSError as exc:
        return f"Redis at {url} is not reachable: {exc}"


def _chromium_missing() -> str | None:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium chromium-driver)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "The playwright package is not installed"
    return None


CHECKS = {"postgres": _postgres_missing, "redis": _redis_missing, "chromium": _chromium_missing}


def require(component: str) -> None:
    """Skip (laptop) or fail (CI) the current test when ``component`` is missing."""
    missing = CHECKS[component]()
    if missing:
        if IN_CI:
            pytest.fail(f"CI requires {component}: {missing}", pytrace=False)
        pytest.skip(missing)


def pytest_sessionstart(session):
    if IN_CI:
        problems = [m for m in (_postgres_missing(), _redis_missing(), _chromium_missing()) if m]
        if problems:
            raise pytest.UsageError("CI must run against the real components: " + "; ".join(problems))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.usefixtures("_needs_postgres"))
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.usefixtures("_needs_chromium"))


@pytest.fixture
def _needs_postgres():
    require("postgres")


@pytest.fixture
def _needs_chromium():
    require("chromium")


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def _playwright_browser():
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(_playwright_browser, live_server):
    """A fresh browser page (own cookies) aimed at the live test server."""
    context = _playwright_browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker, in a thread, consuming the configured broker (Redis in CI)."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    if IN_CI or os.environ.get("REDIS_URL"):
        require("redis")
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, shutdown_timeout=30) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
