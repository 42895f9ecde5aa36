"""Export of the enterprises list (XLSX, CSV) with the page's filters, through the same selector and access scope.

The columns are those of the enterprise import (then size and verification status), so an exported list can be
corrected and imported again.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts import access
from accounts.exporting import Column, export_response, filter_data, label, requested_format

from . import selectors
from .forms import EnterpriseFilterForm

ENTERPRISE_COLUMNS = [
    Column("Mã số thuế", lambda e: e.tax_code, width=16),
    Column("Tên doanh nghiệp", lambda e: e.name, width=45),
    Column("Tên viết tắt", lambda e: e.short_name),
    Column("Loại hình", label("kind")),
    Column("Sở hữu", label("ownership")),
    Column("Địa chỉ", lambda e: e.address, width=35),
    Column("Tỉnh/Thành phố", lambda e: e.province.name),
    Column("Xã/Phường", lambda e: e.commune),
    Column("Điện thoại", lambda e: e.phone),
    Column("Email", lambda e: e.email, width=26),
    Column("Ngành nghề kinh doanh chính", lambda e: f"{e.main_sector.code} - {e.main_sector.name}", width=40),
    Column("Số lao động", lambda e: e.employees, kind="number"),
    Column("Doanh thu", lambda e: e.revenue, kind="money", width=20),
    Column("Tổng nguồn vốn", lambda e: e.capital, kind="money", width=20),
    Column("Người đại diện", lambda e: e.representative_name, width=24),
    Column("Quy mô", label("size_class")),
    Column("Trạng thái xác minh", label("status")),
]


@login_required
def enterprise_export(request):
    """The enterprises list (enterprises:enterprise_list) with its filters."""
    if not access.can(request.user, "enterprise.view"):
        raise PermissionDenied
    fmt = requested_format(request)
    form = EnterpriseFilterForm(filter_data(request), province_ids=access.province_ids(request.user, "enterprise.view"))
    enterprises = selectors.enterprise_list(user=request.user, **form.filters())
    return export_response(
        rows=enterprises, columns=ENTERPRISE_COLUMNS, fmt=fmt, stem="doanh-nghiep", title=_("Enterprises")
    )
