"""Shared test set-up.

Components: tests that need PostgreSQL, Redis, a real Celery worker or Chromium ask for them with
``require(...)`` (or the fixtures below). On a laptop without the component such a test is skipped
with the reason; under CI (``CI=true``) a missing component fails the run instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import uuid
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


def pytest_runtest_setup(item):
    """Markers name the components a test needs: skip (laptop) or fail (CI) before it starts."""
    if item.get_closest_marker("postgres"):
        require("postgres")
    if item.get_closest_marker("browser"):
        require("chromium")
    if item.get_closest_marker("redis"):
        require("redis")
    if item.get_closest_marker("worker") and (IN_CI or os.environ.get("REDIS_URL")):
        require("redis")


PROJECT_APPS = ("accounts", "plans", "enterprises", "support", "reporting")


def restore_reference_data() -> None:
    """Re-run the project's data migrations (provinces, indicators, sectors, the support catalogue).

    Transactional tests (browser journeys, real workers) end with a flush that empties every table,
    reference data included. ``serialized_rollback`` cannot restore it once Playwright's event loop runs in
    the main thread (Django then resolves another connection object); the data migrations are idempotent
    (update_or_create), so running them again is the simple, engine-independent way back.
    """
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    targets = [node for node in loader.graph.leaf_nodes() if node[0] in PROJECT_APPS]
    seen: set[tuple[str, str]] = set()
    with connection.schema_editor() as editor:
        for target in targets:
            for key in loader.graph.forwards_plan(target):
                if key in seen or key[0] not in PROJECT_APPS:
                    continue
                seen.add(key)
                for operation in loader.graph.nodes[key].operations:
                    if isinstance(operation, RunPython):
                        operation.code(apps, editor)


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Transactional tests start with the reference data the migrations load, whatever ran before."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        marker = request.node.get_closest_marker("django_db")
        if not (marker and marker.kwargs.get("transaction")):
            return
    request.getfixturevalue("transactional_db")
    from plans.models import Province

    if not Province.objects.exists():
        restore_reference_data()


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _own_rate_limit_counters(settings):
    """Each test counts its own sign-in, registration and reset attempts: the cache (Redis in CI) outlives tests."""
    settings.NSCL_RATE_LIMIT_PREFIX = f"test-rl:{uuid.uuid4().hex}"


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


@pytest.fixture
def as_of(settings):
    """Run the test as of a given day: ``as_of("2026-12-15")`` sets the portal's today (accounts.clock)."""
    import datetime as dt

    def set_today(day: str | dt.date) -> dt.date:
        settings.NSCL_AS_OF = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
        return settings.NSCL_AS_OF

    return set_today
