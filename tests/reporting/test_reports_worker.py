"""End to end with a real Celery worker (Redis in CI): the page queues the generation, the worker makes the PDF."""

from __future__ import annotations

import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reporting.models import GenerationStatus, ReportVersion
from tests.enterprises.factories import make_enterprise
from tests.reporting.factories import make_application_row
from tests.reporting.reports_data import annual_report, kon_tum_plan, staff


def _wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.worker
def test_a_real_worker_generates_the_annual_report(celery_worker, client):
    plan = kon_tum_plan()
    make_application_row(enterprise=make_enterprise(province_key="kon-tum", name="Công ty Cà phê Đăk Tô"), year=2023)
    person = staff("kon-tum")
    report = annual_report(plan, by=person, year=2023, assessment="Hạnh phúc là được phục vụ doanh nghiệp.")
    client.force_login(person)

    response = client.post(reverse("reporting:report_generate", args=[report.pk]))

    assert response.status_code == 302
    version = ReportVersion.objects.get(report=report)
    assert _wait_for(lambda: ReportVersion.objects.get(pk=version.pk).status not in ("queued", "generating"))
    version.refresh_from_db()
    assert version.status == GenerationStatus.READY, version.error
    assert version.task_id

    status = client.get(reverse("reporting:version_status", args=[version.pk])).json()
    assert status["done"] is True
    pdf = b"".join(client.get(status["pdf_url"]).streaming_content)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Hạnh phúc là được phục vụ doanh nghiệp." in text
    assert "UBND TỈNH KON TUM" in text and "Kon Tum, ngày" in text
    assert "Số cán bộ, công chức được đào tạo nghiệp vụ chuyên sâu về năng suất chất lượng" in text
    assert "Số doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia" in text
    assert "Số doanh nghiệp được hỗ trợ" in text
    assert "Công ty Cà phê Đăk Tô" in text
