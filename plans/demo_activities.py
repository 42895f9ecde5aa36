"""Demo data for the dashboards: activities, progress of tasks and entered indicator values of the Kon Tum
(2021-2025) and Bạc Liêu (2021-2030) seed plans, for 2021-2025. The figures are invented but plausible, and
marked "Dữ liệu minh họa" wherever a record has room for a note. Idempotent: running it again changes
nothing. Kon Tum was merged into Quảng Ngãi on 1 July 2025, so its 2025 activities end before that."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q

from .models import Activity, Indicator, IndicatorValue, Plan, Task, TaskProgress, Unit

DEMO = "Dữ liệu minh họa"
MILLION = 1_000_000
K = Activity.Kind


def _row(title: str, kind: str, start: str, *, end: str | None = None, task: str = "", **fields) -> dict:
    """An activity: money in millions of VND (``local``, ``enterprise``), the rest as the model names it."""
    return {
        "title": title,
        "kind": kind,
        "start_date": dt.date.fromisoformat(start),
        "end_date": dt.date.fromisoformat(end) if end else None,
        "task_number": task,
        "cost_state_local": fields.pop("local", 0) * MILLION,
        "cost_enterprise": fields.pop("enterprise", 0) * MILLION,
        **fields,
    }


KON_TUM_ACTIVITIES = [
    _row(
        "Hội nghị thông tin, tuyên truyền về Chương trình NSCL giai đoạn 2021-2025",
        K.CONFERENCE,
        "2021-10-20",
        location="TP. Kon Tum",
        participants=62,
        person_times=62,
        enterprises=24,
        local=45,
        task="1.1",
    ),
]
# year: (trainees, enterprises trained, TV reports, experts trained, experts certified)
for year, (trainees, firms, reports, experts, certified) in {
    2021: (38, 11, 2, 0, 0),
    2022: (52, 14, 3, 4, 2),
    2023: (57, 16, 3, 3, 2),
    2024: (61, 18, 2, 3, 3),
    2025: (34, 10, 1, 0, 0),
}.items():
    month = 5 if year == 2025 else 8  # Kon Tum's 2025 activities end before the merger of 1 July 2025
    KON_TUM_ACTIVITIES += [
        _row(
            f"Tập huấn áp dụng công cụ cải tiến năng suất cho doanh nghiệp năm {year}",
            K.TRAINING_COURSE,
            f"{year}-{month:02d}-12",
            end=f"{year}-{month:02d}-13",
            audience="enterprises",
            location="TP. Kon Tum",
            participants=trainees,
            person_times=trainees * 2,
            enterprises=firms,
            local=60,
            enterprise=8,
            task="2.1",
        ),
        _row(
            f"Phóng sự truyền hình về năng suất chất lượng năm {year}",
            K.COMMUNICATION,
            f"{year}-{month - 1:02d}-20",
            communication_type="tv_report",
            location="Đài PT-TH tỉnh Kon Tum",
            quantity=reports,
            local=12 * reports,
            task="1.2",
        ),
    ]
    if experts:
        KON_TUM_ACTIVITIES.append(
            _row(
                f"Đào tạo chuyên gia năng suất chất lượng cho cán bộ, công chức năm {year}",
                K.EXPERT_TRAINING,
                f"{year}-{month - 2:02d}-05",
                end=f"{year}-{month - 2:02d}-16",
                audience="officials",
                location="Hà Nội",
                participants=experts,
                person_times=experts,
                experts_trained=experts,
                experts_certified=certified,
                local=35,
            )
        )

BAC_LIEU_ACTIVITIES = []
# year: (officials trained, enterprises at the workshop, experts trained, experts certified)
for year, (officials, firms, experts, certified) in {
    2021: (40, 9, 0, 0),
    2022: (55, 12, 5, 3),
    2023: (60, 14, 6, 4),
    2024: (70, 15, 4, 3),
    2025: (45, 11, 0, 0),
}.items():
    BAC_LIEU_ACTIVITIES += [
        _row(
            f"Tập huấn kiến thức năng suất chất lượng cho cán bộ lãnh đạo, quản lý năm {year}",
            K.TRAINING_COURSE,
            f"{year}-06-08",
            end=f"{year}-06-09",
            audience="officials",
            location="TP. Bạc Liêu",
            participants=officials,
            person_times=officials,
            local=40,
        ),
        _row(
            f"Hội thảo phổ biến mô hình, công cụ cải tiến năng suất năm {year}",
            K.CONFERENCE,
            f"{year}-09-14",
            audience="enterprises",
            location="TP. Bạc Liêu",
            participants=3 * firms,
            person_times=3 * firms,
            enterprises=firms,
            local=30,
        ),
        _row(
            f"Tọa đàm truyền hình về năng suất chất lượng năm {year}",
            K.COMMUNICATION,
            f"{year}-10-25",
            communication_type="talk_show",
            location="Đài PT-TH tỉnh Bạc Liêu",
            local=15,
        ),
    ]
    if experts:
        BAC_LIEU_ACTIVITIES.append(
            _row(
                f"Đào tạo chuyên gia năng suất chất lượng năm {year}",
                K.EXPERT_TRAINING,
                f"{year}-04-03",
                end=f"{year}-04-21",
                audience="officials",
                location="TP. Hồ Chí Minh",
                participants=experts,
                person_times=experts,
                experts_trained=experts,
                experts_certified=certified,
                local=50,
            )
        )

# (indicator code, {year: value}, source)
BAC_LIEU_VALUES = [
    (
        "labour_productivity_growth",
        {2021: "6.8", 2022: "7.6", 2023: "7.2", 2024: "7.9"},
        "Cục Thống kê tỉnh Bạc Liêu, Niên giám thống kê {year}",
    ),
    (
        "tfp_share",
        {2021: "27.5", 2022: "28.9", 2023: "30.4", 2024: "31.2"},
        "Cục Thống kê tỉnh Bạc Liêu, Niên giám thống kê {year}",
    ),
    ("conformity_assessment_bodies", {2023: "1"}, "Quyết định công nhận năng lực thử nghiệm năm {year}"),
]

# Progress per year of the first tasks with a lead unit: (status, percent, results)
PROGRESS = {
    2021: ("done", 100, "Đã triển khai theo kế hoạch năm."),
    2022: ("done", 100, "Đã hoàn thành các nội dung của năm."),
    2023: ("done", 100, "Đã hoàn thành; một số doanh nghiệp chậm đối ứng kinh phí."),
    2024: ("in_progress", 80, "Đang triển khai; dự kiến hoàn thành trong quý IV."),
    2025: ("in_progress", 40, "Đang triển khai."),
}


def _plan(province_key: str, start_year: int) -> Plan | None:
    return Plan.objects.filter(province__key=province_key, start_year=start_year).order_by("pk").first()


def _activities(plan: Plan, rows: list[dict]) -> int:
    tasks = {t.number: t for t in Task.objects.filter(plan=plan).exclude(number="")}
    for row in rows:
        values = dict(row)
        task = tasks.get(values.pop("task_number"))
        title, start = values.pop("title"), values.pop("start_date")
        Activity.objects.update_or_create(
            plan=plan, title=title, start_date=start, defaults={**values, "task": task, "notes": DEMO}
        )
    return len(rows)


def _progress(plan: Plan, years: range, *, extra_unit_name: str = "") -> int:
    tasks = list(
        Task.objects.filter(plan=plan, is_group=False, lead_unit__isnull=False)
        .prefetch_related("coordinating_units")
        .order_by("position", "id")[:8]
    )
    reports = [(task, task.lead_unit) for task in tasks]
    unit = Unit.objects.filter(province=plan.province, name=extra_unit_name).first() if extra_unit_name else None
    if unit is not None:  # the tasks a demo unit reporter follows get a report of their unit
        followed = (
            Task.objects.filter(plan=plan, is_group=False)
            .filter(Q(lead_unit=unit) | Q(coordinating_units=unit))
            .distinct()
            .order_by("position", "id")[:3]
        )
        reports += [(task, unit) for task in followed]
    count = 0
    for task, reporting_unit in reports:
        for year in years:
            if not task.active_in(year):
                continue
            status, percent, results = PROGRESS[year]
            TaskProgress.objects.update_or_create(
                task=task,
                year=year,
                unit=reporting_unit,
                defaults={"status": status, "percent_complete": percent, "results": f"({DEMO}) {results}"},
            )
            count += 1
    return count


def _values(plan: Plan, rows) -> int:
    count = 0
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[code for code, _v, _s in rows])}
    for code, by_year, source in rows:
        if code not in indicators:
            continue
        for year, value in by_year.items():
            IndicatorValue.objects.update_or_create(
                plan=plan,
                indicator=indicators[code],
                year=year,
                defaults={"value": Decimal(value), "source": f"{source.format(year=year)} ({DEMO})", "note": DEMO},
            )
            count += 1
    return count


def load() -> str:
    kon_tum, bac_lieu = _plan("kon-tum", 2021), _plan("bac-lieu", 2021)
    activities = progress = values = 0
    if kon_tum is not None:
        activities += _activities(kon_tum, KON_TUM_ACTIVITIES)
        progress += _progress(kon_tum, range(2021, 2026), extra_unit_name="Đài Phát thanh và Truyền hình tỉnh Kon Tum")
    if bac_lieu is not None:
        activities += _activities(bac_lieu, BAC_LIEU_ACTIVITIES)
        progress += _progress(bac_lieu, range(2021, 2026))
        values += _values(bac_lieu, BAC_LIEU_VALUES)
    return f"{activities} activities, {progress} progress reports, {values} indicator values (demo)"
