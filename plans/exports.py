"""Exports of the plans' lists (XLSX, CSV): the plans, the task table of a plan, the activities of a plan.

Each reads the same query string and goes through the same selectors and ``accounts.access`` scope as its page;
``accounts.exporting`` writes the file in constant memory. The activities' columns are those of their import,
so an exported list can be corrected and imported again.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts import access
from accounts.exporting import Column, export_response, filter_data, label, requested_format

from . import forms, selectors
from . import selectors_activities as activity_selectors
from .forms_activities import ActivityFilterForm
from .models import Activity, Plan, Task

PLAN_COLUMNS = [
    Column("Tỉnh/Thành phố", lambda p: p.province.name),
    Column("Loại văn bản", label("kind")),
    Column("Số hiệu", lambda p: p.number),
    Column("Tên kế hoạch", lambda p: p.title, width=60),
    Column("Ngày ban hành", lambda p: p.issued_on or p.issued_note, kind="date"),
    Column("Từ năm", lambda p: p.start_year, kind="code", width=10),
    Column("Đến năm", lambda p: p.end_year, kind="code", width=10),
    Column("Trạng thái", lambda p: p.standing_label),
    Column("Chương trình", label("programme"), width=40),
]


@login_required
def plan_export(request):
    """The plans list (plans:plan_list) with its filters."""
    if not access.can(request.user, "plan.view"):
        raise PermissionDenied
    fmt = requested_format(request)
    visible = access.scope(request.user, "plan.view", selectors.plan_list_queryset())
    filters = forms.PlanFilterForm(filter_data(request), provinces=selectors.provinces_of(visible))
    plans = visible
    if filters.is_bound:
        filters.is_valid()
        chosen = filters.cleaned_data
        plans = selectors.plan_filter(
            visible,
            province_id=chosen["province"].pk if chosen.get("province") else None,
            standing=chosen.get("status", ""),
            programme=chosen.get("programme", ""),
            year=chosen.get("year"),
            text=chosen.get("q", ""),
        )
    return export_response(rows=plans, columns=PLAN_COLUMNS, fmt=fmt, stem="ke-hoach", title=_("Plans"))


def _units(task: Task) -> str:
    names = [u.name for u in task.coordinating_units.all()]
    return "; ".join(names) or task.coordinating_text


TASK_COLUMNS = [
    Column("STT", lambda r: r.obj.number, width=8),
    Column("Nội dung nhiệm vụ", lambda r: ("    " * r.depth) + r.obj.content, width=70),
    Column("Đơn vị chủ trì", lambda r: r.obj.lead_unit.name if r.obj.lead_unit_id else "", width=30),
    Column("Đơn vị phối hợp", lambda r: _units(r.obj), width=40),
    Column("Thời gian thực hiện", lambda r: r.obj.timeframe, width=16),
    Column("Sản phẩm", lambda r: r.obj.expected_output, width=30),
    Column("Ghi chú", lambda r: r.obj.notes, width=30),
]


@login_required
def task_export(request, pk: int):
    """The task table of a plan, in the plan's order (groups, then their tasks)."""
    plan = access.get_object_or_404(request.user, "plan.view", Plan.objects.select_related("province"), pk=pk)
    fmt = requested_format(request)
    tasks = access.scope(
        request.user,
        "plan.view",
        Task.objects.filter(plan=plan).select_related("lead_unit").prefetch_related("coordinating_units"),
    )
    rows = selectors.tree_rows(tasks)
    stem = f"nhiem-vu-ke-hoach-{plan.pk}"
    return export_response(rows=rows, columns=TASK_COLUMNS, fmt=fmt, stem=stem, title=_("Tasks"))


ACTIVITY_COLUMNS = [
    Column("Kế hoạch", lambda a: a.plan.number or a.plan_id, kind="code"),
    Column("Nhiệm vụ", lambda a: a.task.number if a.task_id else "", width=10),
    Column("Loại hoạt động", label("kind"), width=24),
    Column("Loại sản phẩm", label("communication_type")),
    Column("Đối tượng", label("audience")),
    Column("Tên hoạt động", lambda a: a.title, width=50),
    Column("Ngày bắt đầu", lambda a: a.start_date, kind="date", width=14),
    Column("Ngày kết thúc", lambda a: a.end_date, kind="date", width=14),
    Column("Địa điểm", lambda a: a.location, width=24),
    Column("Số người tham dự", lambda a: a.participants, kind="number"),
    Column("Số lượt người", lambda a: a.person_times, kind="number"),
    Column("Số chuyên gia được đào tạo", lambda a: a.experts_trained, kind="number"),
    Column("Số chuyên gia được cấp chứng chỉ", lambda a: a.experts_certified, kind="number"),
    Column("Số doanh nghiệp tham gia", lambda a: a.enterprises, kind="number"),
    Column("Số lượng", lambda a: a.quantity, kind="number", width=10),
    Column("Kinh phí NSTW", lambda a: a.cost_state_central, kind="money"),
    Column("Kinh phí NSĐP", lambda a: a.cost_state_local, kind="money"),
    Column("Kinh phí doanh nghiệp", lambda a: a.cost_enterprise, kind="money"),
    Column("Kinh phí khác", lambda a: a.cost_other, kind="money"),
    Column("Ghi chú", lambda a: a.notes, width=30),
]


@login_required
def activity_export(request, pk: int):
    """The activities of a plan (plans:activity_list) with its filters."""
    plan = access.get_object_or_404(request.user, "activity.view", Plan.objects.select_related("province"), pk=pk)
    fmt = requested_format(request)
    filters = ActivityFilterForm(filter_data(request), plan=plan)
    activities = access.scope(
        request.user, "activity.view", activity_selectors.activity_queryset(plan).select_related("plan")
    )
    if filters.is_bound and filters.is_valid():
        activities = activity_selectors.activity_filter(
            activities, kind=filters.cleaned_data.get("kind") or "", year=filters.cleaned_data.get("year")
        )
    stem = f"hoat-dong-ke-hoach-{plan.pk}"
    return export_response(
        rows=activities, columns=ACTIVITY_COLUMNS, fmt=fmt, stem=stem, title=str(Activity._meta.verbose_name_plural)
    )
