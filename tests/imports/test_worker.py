"""A large file with a real Celery worker (Redis in CI): the upload queues the check, the confirmation queues the
import, the job's page follows the progress to 100 % and the job ends done."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from accounts.models import AuditEntry, ImportJob, Role
from enterprises.models import Enterprise
from tests.accounts.factories import make_user
from tests.imports.factories import ENTERPRISE_HEADERS, csv_bytes, enterprise_row, tax_codes, upload
from tests.plans.factories import province

ROWS = 600


def _wait_for(condition, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _status(job_id: int) -> str:
    return ImportJob.objects.values_list("status", flat=True).get(pk=job_id)


@pytest.mark.worker
def test_a_large_file_is_checked_and_imported_by_a_real_worker(celery_worker, client, settings):
    settings.IMPORT_SYNC_MAX_ROWS = 100  # the file's 600 rows go to Celery
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025"))
    codes = list(tax_codes(ROWS, prefix="45"))
    content = csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(code, n) for n, code in enumerate(codes, start=1)])
    client.force_login(staff)

    response = client.post(reverse("imports:upload", args=["enterprises"]), {"file": upload("lon.csv", content)})

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.rows_total == ROWS
    running = client.get(reverse("imports:job", args=[job.pk]))
    assert running.status_code == 200
    assert _wait_for(lambda: _status(job.pk) != ImportJob.Status.CHECKING)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READY, job.report
    assert (job.created_count, job.rows_done) == (ROWS, ROWS)
    assert not Enterprise.objects.exists()

    response = client.post(reverse("imports:job_confirm", args=[job.pk]))
    assert response.status_code == 302
    assert _wait_for(lambda: _status(job.pk) != ImportJob.Status.IMPORTING)

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.report
    progress = client.get(reverse("imports:job_progress", args=[job.pk])).json()
    assert (progress["percent"], progress["done"], progress["total"], progress["running"]) == (100, ROWS, ROWS, False)
    assert Enterprise.objects.count() == ROWS
    assert AuditEntry.objects.filter(action="import", actor=staff).count() == ROWS + 1  # each enterprise, the job

    # The task is safe to run twice: a second delivery finds the job done and changes nothing.
    from accounts.tasks_imports import run_import_job

    assert run_import_job.apply(args=[job.pk]).get() == ImportJob.Status.DONE
    assert Enterprise.objects.count() == ROWS


@pytest.mark.django_db
def test_the_page_of_a_running_job_refreshes_itself_without_javascript(client):
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025"))
    job = ImportJob.objects.create(
        kind=ImportJob.Kind.ENTERPRISES,
        status=ImportJob.Status.CHECKING,
        file="imports/none.csv",
        original_name="cho.csv",
        size=10,
        rows_total=50,
        province=province("quang-ngai-2025"),
        created_by=staff,
    )
    client.force_login(staff)
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert reverse("imports:job_progress", args=[job.pk]) in page
    assert client.get(reverse("imports:job_progress", args=[job.pk])).json()["running"] is True
