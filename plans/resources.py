"""Imports into plans (django-import-export resources): activities, and the values of indicators entered with
their source. Rows name the plan by its number ("187/KH-UBND") or id; the plan must be one the person may
change. The rules are those of ``plans.services_activities`` (``activity_check``, ``indicator_value_check``).

A row that names an activity already recorded (same plan, kind, title and start date) or a value already
entered (same plan, indicator and year) updates it instead of adding a duplicate.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import access
from accounts.importing import (
    ChoiceWidget,
    Column,
    DateWidget,
    DecimalWidget,
    LookupWidget,
    PortalResource,
    TextWidget,
    WholeNumberWidget,
    YearWidget,
    fold,
    parse_date,
)

from .models import Activity, Indicator, IndicatorValue, Plan, Task
from .services_activities import ACTIVITY_FIELDS, activity_check, indicator_value_check

PLAN_COLUMN = "Kế hoạch"


class PlanRowsResource(PortalResource):
    """Rows that belong to a plan the person may change (``PLAN_PERMISSION``)."""

    PLAN_PERMISSION = "plan.change"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._plans: list[Plan] | None = None

    def plans(self) -> list[Plan]:
        if self._plans is None:
            self._plans = list(access.scope(self.user, self.PLAN_PERMISSION, Plan.objects.select_related("province")))
        return self._plans

    def resolve_plan(self, value) -> Plan:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        plans = self.plans()
        if text.isdigit():
            found = [p for p in plans if p.pk == int(text)]
        else:
            wanted = fold(text)
            found = [p for p in plans if p.number and fold(p.number) == wanted] or [
                p for p in plans if fold(p.title) == wanted
            ]
        if not found:
            raise ValueError(_("None of the plans you may change has the number or id “%(value)s”.") % {"value": value})
        if len(found) > 1:
            raise ValueError(
                _("Several of your plans have the number “%(value)s”: write the plan's id (%(ids)s).")
                % {"value": value, "ids": ", ".join(f"{p.pk}: {p}" for p in found)}
            )
        return found[0]

    def plan_of_row(self, row: dict) -> Plan | None:
        try:
            value = row.get(PLAN_COLUMN)
            return None if value in (None, "") else self.resolve_plan(value)
        except ValueError:
            return None

    def province_id_of(self, instance) -> int | None:
        return instance.plan.province_id


# --- Activities -------------------------------------------------------------------------------------------------


def _count(header: str, attribute: str, *aliases: str, example: Any = "") -> Column:
    return Column(header, attribute, WholeNumberWidget(maximum=10_000_000), aliases=aliases, example=example)


def _cost(header: str, attribute: str, *aliases: str, example: Any = "") -> Column:
    return Column(header, attribute, WholeNumberWidget(maximum=10**15), aliases=aliases, example=example)


class ActivityResource(PlanRowsResource):
    PLAN_PERMISSION = "activity.change"
    COLUMNS = (
        Column(
            PLAN_COLUMN,
            "plan",
            LookupWidget("resolve_plan", required=True),
            required=True,
            aliases=("Số kế hoạch", "Mã kế hoạch"),
            help=gettext_lazy("The plan's number (e.g. 187/KH-UBND) or its id."),
            example="187/KH-UBND",
        ),
        Column(
            "Nhiệm vụ",
            "import_task",
            TextWidget(max_length=20),
            aliases=("Số nhiệm vụ", "STT nhiệm vụ"),
            help=gettext_lazy("The number of the plan's task this activity carries out, e.g. 2.1."),
        ),
        Column(
            "Loại hoạt động",
            "kind",
            ChoiceWidget(Activity.Kind, required=True),
            required=True,
            aliases=("Loại",),
            help=gettext_lazy(
                "Training course, training of experts, conference or workshop, communication product, study tour, "
                "award or commendation."
            ),
            example="hội nghị, hội thảo",
        ),
        Column(
            "Loại sản phẩm",
            "communication_type",
            ChoiceWidget(Activity.CommunicationType),
            aliases=("Loại sản phẩm truyền thông",),
            help=gettext_lazy("For communication products only: TV or radio report, talk show, video ..."),
        ),
        Column("Đối tượng", "audience", ChoiceWidget(Activity.Audience), aliases=("Đối tượng tham gia",)),
        Column(
            "Tên hoạt động",
            "title",
            TextWidget(max_length=255, required=True),
            required=True,
            aliases=("Tên", "Nội dung hoạt động"),
            example="Hội thảo giới thiệu công cụ Lean",
        ),
        Column(
            "Ngày bắt đầu",
            "start_date",
            DateWidget(required=True),
            required=True,
            aliases=("Ngày", "Ngày tổ chức", "Từ ngày"),
            example="15/06/2023",
        ),
        Column("Ngày kết thúc", "end_date", DateWidget(), aliases=("Đến ngày",)),
        Column("Địa điểm", "location", TextWidget(max_length=255), example="Thành phố Kon Tum"),
        _count("Số người tham dự", "participants", "Số người", "Số người tham gia", example=80),
        _count("Số lượt người", "person_times", "Lượt người", example=80),
        _count("Số chuyên gia được đào tạo", "experts_trained", "Chuyên gia được đào tạo"),
        _count("Số chuyên gia được cấp chứng chỉ", "experts_certified", "Chuyên gia được cấp chứng chỉ"),
        _count("Số doanh nghiệp tham gia", "enterprises", "Số doanh nghiệp", example=35),
        Column("Số lượng", "quantity", WholeNumberWidget(minimum=1, maximum=10_000), example=1),
        _cost("Kinh phí NSTW", "cost_state_central", "Ngân sách trung ương", example=0),
        _cost("Kinh phí NSĐP", "cost_state_local", "Ngân sách địa phương", example=45_000_000),
        _cost("Kinh phí doanh nghiệp", "cost_enterprise", "Doanh nghiệp đóng góp", example=0),
        _cost("Kinh phí khác", "cost_other", "Nguồn khác", example=0),
        Column("Ghi chú", "notes", TextWidget()),
    )
    ERROR_ALIASES = {"task": "import_task"}
    AUDITED_FIELDS = ("plan", *ACTIVITY_FIELDS)

    class Meta:
        model = Activity

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._tasks: dict[int, dict[str, Task]] = {}

    def instance_key(self, row: dict):
        plan = self.plan_of_row(row)
        try:
            kind = self.fields["kind"].widget.parse(row.get("Loại hoạt động"))
            start = parse_date(row.get("Ngày bắt đầu"))
        except (ValueError, TypeError):
            return None
        title = fold(row.get("Tên hoạt động") or "")
        return (plan.pk, kind, title, start) if plan and title else None

    def existing_instances(self, keys: set) -> dict:
        plan_ids = {key[0] for key in keys}
        found = {}
        for activity in Activity.objects.filter(plan_id__in=plan_ids):
            found.setdefault((activity.plan_id, activity.kind, fold(activity.title), activity.start_date), activity)
        return found

    def tasks_of(self, plan: Plan) -> dict[str, Task]:
        if plan.pk not in self._tasks:
            self._tasks[plan.pk] = {t.number: t for t in Task.objects.filter(plan=plan, is_group=False) if t.number}
        return self._tasks[plan.pk]

    def check_row(self, instance, row, problems, *, failed, row_number):
        if "plan" in failed or instance.plan_id is None:
            return
        plan: Plan = instance.plan
        number = getattr(instance, "import_task", None)
        if number:
            task = self.tasks_of(plan).get(str(number).strip().rstrip("."))
            if task is None:
                problems.setdefault("import_task", []).append(
                    _("The plan has no task numbered %(number)s.") % {"number": number}
                )
            else:
                instance.task = task
        if "Số lượt người" in row and row.get("Số lượt người") in (None, ""):
            instance.person_times = None  # as in the form: empty is one time per participant
        data = {name: getattr(instance, name) for name in ACTIVITY_FIELDS if name not in failed}
        try:
            values = activity_check(plan=plan, data=data)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                problems.setdefault(name, []).extend(messages)
            return
        for name, value in values.items():
            setattr(instance, name, value)

    def prepare_save(self, instance, row):
        if instance.pk is None and getattr(self.user, "pk", None):
            instance.recorded_by = self.user


# --- Indicator values entered with their source -------------------------------------------------------------------


class IndicatorValueResource(PlanRowsResource):
    PLAN_PERMISSION = "indicatorvalue.change"
    COLUMNS = (
        Column(
            PLAN_COLUMN,
            "plan",
            LookupWidget("resolve_plan", required=True),
            required=True,
            aliases=("Số kế hoạch", "Mã kế hoạch"),
            help=gettext_lazy("The plan's number (e.g. 187/KH-UBND) or its id."),
            example="187/KH-UBND",
        ),
        Column(
            "Mã chỉ số",
            "indicator",
            LookupWidget("resolve_indicator", required=True),
            required=True,
            aliases=("Chỉ số", "Mã chỉ tiêu"),
            help=gettext_lazy("The code of an indicator entered with its source, e.g. labour_productivity_growth."),
            example="labour_productivity_growth",
        ),
        Column("Năm", "year", YearWidget(required=True), required=True, example=2023),
        Column(
            "Giá trị",
            "value",
            DecimalWidget(required=True),
            required=True,
            aliases=("Số liệu",),
            help=gettext_lazy("A number with at most 2 decimals, e.g. 7,5."),
            example="7,5",
        ),
        Column(
            "Nguồn",
            "source",
            TextWidget(max_length=255, required=True),
            required=True,
            aliases=("Nguồn số liệu",),
            example="Cục Thống kê tỉnh, Niên giám 2023",
        ),
        Column("Ghi chú", "note", TextWidget()),
    )
    AUDITED_FIELDS = ("plan", "indicator", "year", "value", "source", "note")

    class Meta:
        model = IndicatorValue

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._indicators: dict[str, Indicator] | None = None

    def indicators(self) -> dict[str, Indicator]:
        if self._indicators is None:
            self._indicators = {}
            for indicator in Indicator.objects.all():
                self._indicators[fold(indicator.code)] = indicator
                self._indicators.setdefault(fold(indicator.name), indicator)
        return self._indicators

    def resolve_indicator(self, value) -> Indicator:
        indicator = self.indicators().get(fold(value))
        if indicator is None:
            raise ValueError(_("No indicator has the code “%(value)s”.") % {"value": value})
        return indicator

    def instance_key(self, row: dict):
        plan = self.plan_of_row(row)
        try:
            indicator = self.resolve_indicator(row.get("Mã chỉ số") or "")
            year = self.fields["year"].widget.parse(row.get("Năm"))
        except (ValueError, TypeError):
            return None
        return (plan.pk, indicator.pk, year) if plan else None

    def existing_instances(self, keys: set) -> dict:
        plan_ids = {key[0] for key in keys}
        return {
            (v.plan_id, v.indicator_id, v.year): v
            for v in IndicatorValue.objects.filter(plan_id__in=plan_ids).select_related("indicator")
        }

    def check_row(self, instance, row, problems, *, failed, row_number):
        if {"plan", "indicator"} & failed or instance.plan_id is None:
            return
        data = {
            name: getattr(instance, name) for name in ("indicator", "year", "value", "source") if name not in failed
        }
        try:
            indicator_value_check(plan=instance.plan, instance=instance if instance.pk else None, data=data)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                problems.setdefault(name, []).extend(messages)

    def prepare_save(self, instance, row):
        instance.source = (instance.source or "").strip()
        instance.entered_by = self.user if getattr(self.user, "pk", None) else None
        instance.entered_at = timezone.now()
