"""Exports of the support lists (XLSX, CSV): the staff's queue of applications and the budget usage, with the
pages' filters, through the same selectors and ``accounts.access`` scopes."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts import access
from accounts.exporting import Column, export_response, filter_data, label, requested_format

from . import selectors
from .forms import QueueFilterForm, YearFilterForm

APPLICATION_COLUMNS = [
    Column("Số hồ sơ", lambda a: a.pk, kind="code", width=10),
    Column("Tỉnh/Thành phố", lambda a: a.province.name),
    Column("Mã số thuế", lambda a: a.enterprise.tax_code, width=16),
    Column("Tên doanh nghiệp", lambda a: a.enterprise.name, width=40),
    Column("Nội dung hỗ trợ", lambda a: a.rule.category.name, width=32),
    Column("Chính sách", lambda a: a.rule.policy.name, width=32),
    Column("Năm", lambda a: a.budget_year, kind="code", width=8),
    Column("Tên dự án", lambda a: a.title, width=40),
    Column("Trạng thái", label("status")),
    Column("Ngày nộp", lambda a: a.submitted_at, kind="date", width=14),
    Column("Hỗ trợ tối đa", lambda a: a.max_support, kind="money"),
    Column("Kinh phí được duyệt", lambda a: a.approved_amount, kind="money"),
    Column("Kinh phí quyết toán", lambda a: a.final_amount, kind="money"),
    Column("Đã thanh toán", lambda a: a.paid_total, kind="money"),
]


@login_required
def application_export(request):
    """The staff's queue of applications (support:application_queue) with its filters and order."""
    if not access.can(request.user, "application.list"):
        raise PermissionDenied
    fmt = requested_format(request)
    form = QueueFilterForm(filter_data(request), province_ids=access.province_ids(request.user, "application.list"))
    applications = selectors.application_queue(user=request.user, **form.filters())
    return export_response(
        rows=applications, columns=APPLICATION_COLUMNS, fmt=fmt, stem="ho-so-ho-tro", title=_("Support applications")
    )


BUDGET_COLUMNS = [
    Column("Tỉnh/Thành phố", lambda u: u.allocation.province.name),
    Column("Chính sách / dòng kinh phí", lambda u: str(u.allocation.policy or u.allocation.budget_line), width=45),
    Column("Năm", lambda u: u.allocation.year, kind="code", width=8),
    Column("Được phân bổ", lambda u: u.allocated, kind="money"),
    Column("Đã cam kết", lambda u: u.committed, kind="money"),
    Column("Đã giải ngân", lambda u: u.disbursed, kind="money"),
    Column("Còn lại", lambda u: u.available, kind="money"),
    Column("Đang đề nghị", lambda u: u.requested, kind="money"),
]


@login_required
def budget_export(request):
    """The budget usage (support:budget_usage) with its filters."""
    if not access.can(request.user, "budget.view"):
        raise PermissionDenied
    fmt = requested_format(request)
    form = YearFilterForm(filter_data(request), province_ids=access.province_ids(request.user, "budget.view"))
    rows = selectors.budget_usage(user=request.user, **form.filters())
    return export_response(
        rows=rows, columns=BUDGET_COLUMNS, fmt=fmt, stem="ngan-sach-ho-tro", title=_("Support budget")
    )
