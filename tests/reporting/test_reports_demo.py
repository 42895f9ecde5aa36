"""The demo data of the reports: Kon Tum's 2023 annual report, narrative written, nothing generated yet."""

import datetime as dt

import pytest

from accounts.demo import load as load_demo_accounts
from plans.seeding import seed_plans_load
from reporting import demo
from reporting.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_has_kon_tums_2023_report_with_its_narrative_and_no_version():
    seed_plans_load()
    load_demo_accounts()

    demo.load()
    demo.load()  # loading twice changes nothing

    report = Report.objects.get()
    assert (report.province.key, report.kind, report.start_year) == ("kon-tum", "annual", 2023)
    assert report.dated == dt.date(2023, 11, 25)
    assert report.assessment.startswith("Năm 2023, Sở Khoa học và Công nghệ")
    assert report.signer_name == "Trần Văn Minh"
    assert report.due_date == dt.date(2023, 11, 30)  # "trước ngày 30 tháng 11 hàng năm"
    assert not report.versions.exists()
