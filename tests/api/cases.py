"""Every operation of the API, with a request that exercises it and the status each role must get.

``CASES`` is also the list the schema test checks against: every path and method of the OpenAPI schema has a
case here (``test_schema.py``), and every case really reaches the route its ``path`` names
(``test_access_matrix.py``).

The roles (``world.ROLES``): the province's staff (Kon Tum) and the staff of another province (Hòa Bình), the
province's leader, a member of the appraisal council the applications were sent to, the reporter of the unit
that leads the plan's task, a member of the enterprise and a member of another enterprise of the province, the
Ministry, a technical administrator, and nobody (anonymous). Expectations follow ``accounts.access.RULES``:
404 when the role cannot see the row, 403 when it sees it but may not act, 401 without credentials.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from enterprises.taxcodes import with_check_digit

from .world import PDF_BYTES, ROLES, World


def expect(default: int | None = None, **statuses: int) -> dict[str, int]:
    """The status per role: ``statuses`` by role, the rest ``default``; anonymous gets 401 unless said."""
    result = dict.fromkeys(ROLES, default)
    result["anonymous"] = 401
    result.update(statuses)
    missing = [role for role, code in result.items() if code is None]
    assert not missing, f"no expectation for {missing}"
    return result


def ok_for(roles: str, code: int = 200, **others: int) -> Callable[[int], dict[str, int]]:
    """``roles`` (space separated) get ``code``; ``others`` name the rest by role, or give ``rest=`` for all."""
    rest = others.pop("rest", None)
    return expect(rest, **dict.fromkeys(roles.split(), code), **others)


EVERYONE = "staff other_staff leader council unit member other_member ministry admin"

# --- Profiles: who reaches what ------------------------------------------------------------------------------

# The Kon Tum plan and its parts (plan.view: staff, leaders, unit reporters of the province, the Ministry).
PLAN_LIST = ok_for("staff other_staff leader unit ministry admin", rest=403)
PLAN_READ = ok_for("staff leader unit ministry admin", rest=404)


def plan_write(code: int = 200) -> dict[str, int]:
    return ok_for("staff leader admin", code, unit=403, ministry=403, rest=404)


PLAN_CREATE = ok_for("staff leader admin", 201, other_staff=403, rest=403)
EVERYONE_OK = ok_for(EVERYONE)
REFERENCE_LIST = ok_for("staff other_staff leader unit ministry admin", rest=403)
REFERENCE_READ = ok_for("staff other_staff leader unit ministry admin", rest=404)

UNIT_WRITE = ok_for("staff leader admin", unit=403, ministry=403, rest=404)
AUDIT_LIST = ok_for("staff other_staff leader ministry admin", rest=403)
AUDIT_READ = ok_for("staff leader ministry admin", rest=404)
PROGRESS_LIST = ok_for("staff other_staff leader unit ministry admin", rest=403)

# The enterprise (enterprise.view: the province's staff, its own members, the Ministry).
ENTERPRISE_LIST = ok_for("staff other_staff leader member other_member ministry admin", rest=403)
ENTERPRISE_READ = ok_for("staff leader member ministry admin", rest=404)


def enterprise_write(code: int = 200) -> dict[str, int]:
    return ok_for("staff leader member admin", code, ministry=403, rest=404)


VERIFY = ok_for("staff leader admin", ministry=403, rest=404)  # an enterprise with no members in the world
SUSPEND = ok_for("staff leader admin", member=403, ministry=403, rest=404)

# Policies are public; the province's staff keep theirs.
POLICY_WRITE = ok_for("staff leader admin", rest=403)
BUDGET_LIST = ok_for("staff other_staff leader ministry admin", rest=403)
BUDGET_READ = ok_for("staff leader ministry admin", rest=404)
BUDGET_WRITE = ok_for("staff leader admin", ministry=403, rest=404)
COUNCIL_LIST = ok_for("staff other_staff leader council ministry admin", rest=403)
COUNCIL_READ = ok_for("staff leader council ministry admin", rest=404)

# Applications (application.view: the province's staff, the council it is assigned to, its enterprise, the
# Ministry). The draft is not assigned to a council.
APPLICATION_LIST = ok_for("staff other_staff leader council member other_member ministry admin", rest=403)
ASSIGNED_READ = ok_for("staff leader council member ministry admin", rest=404)
DRAFT_READ = ok_for("staff leader member ministry admin", rest=404)


def draft_edit(code: int = 200) -> dict[str, int]:
    return ok_for("member admin", code, staff=403, leader=403, ministry=403, rest=404)


REPORT_LIST = ok_for("staff other_staff leader ministry admin", rest=403)
REPORT_READ = ok_for("staff leader ministry admin", rest=404)  # the report has a submitted version
REPORT_WRITE = ok_for("staff leader admin", ministry=403, rest=404)
PROVINCE_VERSION = ok_for("staff leader admin", rest=404)  # versions the Ministry does not see (not submitted)


@dataclass
class Case:
    name: str
    method: str
    path: str  # the OpenAPI path template
    url: Callable[[World], str]
    expected: dict[str, int]
    body: Callable[[World], Any] | None = None
    multipart: bool = False
    writes: bool = True  # an allowed call records an audit row
    extra: dict = field(default_factory=dict)


V1 = "/api/v1"


def _nested_part(
    parent: str, read: dict, write: Callable, prefix: str, obj: str, create: Callable, put: Callable, patch: Callable
) -> list[Case]:
    """The six operations of a collection nested under a plan or an enterprise (``parent``)."""
    base = f"{V1}/{parent}s/{{{parent}_pk}}/{prefix}/"
    item = f"{base}{{id}}/"

    def list_url(w):
        return f"{V1}/{parent}s/{getattr(w, parent).pk}/{prefix}/"

    def item_url(w):
        return f"{list_url(w)}{getattr(w, obj).pk}/"

    return [
        Case(f"{prefix}-list", "get", base, list_url, read, writes=False),
        Case(f"{prefix}-create", "post", base, list_url, write(201), create),
        Case(f"{prefix}-retrieve", "get", item, item_url, read, writes=False),
        Case(f"{prefix}-update", "put", item, item_url, write(), put),
        Case(f"{prefix}-partial-update", "patch", item, item_url, write(), patch),
        Case(f"{prefix}-destroy", "delete", item, item_url, write(204)),
    ]


def _plan_part(prefix: str, obj: str, create: Callable, put: Callable, patch: Callable) -> list[Case]:
    return _nested_part("plan", PLAN_READ, plan_write, prefix, obj, create, put, patch)


def _enterprise_part(prefix: str, obj: str, create: Callable, put: Callable, patch: Callable) -> list[Case]:
    return _nested_part("enterprise", ENTERPRISE_READ, enterprise_write, prefix, obj, create, put, patch)


def _target(w: World, **extra) -> dict:
    return {
        "phase": w.phase.pk,
        "text": "Đào tạo ít nhất 10 chuyên gia",
        "indicator": w.indicator.pk,
        "measure": "count",
        "period": "phase",
        "comparator": "at_least",
        "value_min": "10",
        **extra,
    }


def _enterprise_profile(w: World) -> dict:
    e = w.enterprise
    return {
        "name": e.name,
        "kind": e.kind,
        "ownership": e.ownership,
        "main_sector": e.main_sector_id,
        "employees": 25,
        "revenue": e.revenue,
        "capital": e.capital,
        "address": e.address,
    }


def _app(w: World, attr: str = "reviewing") -> str:
    return f"{V1}/applications/{getattr(w, attr).pk}/"


APP_PART = f"{V1}/applications/{{application_pk}}"


def _pdf():
    return {"kind": "other", "file": SimpleUploadedFile("ghi-chu.pdf", PDF_BYTES, content_type="application/pdf")}


CASES: list[Case] = [
    # --- accounts
    Case(
        "token-create",
        "post",
        f"{V1}/auth/token/",
        lambda w: f"{V1}/auth/token/",
        ok_for(EVERYONE, anonymous=400),
        lambda w: {"email": "", "password": ""},
        writes=False,
        extra={"own_credentials": True},
    ),
    Case(
        "token-destroy",
        "delete",
        f"{V1}/auth/token/",
        lambda w: f"{V1}/auth/token/",
        ok_for(EVERYONE, 204),
        writes=False,
    ),
    Case("me", "get", f"{V1}/auth/me/", lambda w: f"{V1}/auth/me/", EVERYONE_OK, writes=False),
    Case("audit-list", "get", f"{V1}/audit/", lambda w: f"{V1}/audit/", AUDIT_LIST, writes=False),
    Case(
        "audit-retrieve",
        "get",
        f"{V1}/audit/{{id}}/",
        lambda w: f"{V1}/audit/{w.audit_entry.pk}/",
        AUDIT_READ,
        writes=False,
    ),
    # --- reference data
    Case("provinces-list", "get", f"{V1}/provinces/", lambda w: f"{V1}/provinces/", EVERYONE_OK, writes=False),
    Case(
        "provinces-retrieve",
        "get",
        f"{V1}/provinces/{{id}}/",
        lambda w: f"{V1}/provinces/{w.plan.province_id}/",
        EVERYONE_OK,
        writes=False,
    ),
    Case("units-list", "get", f"{V1}/units/", lambda w: f"{V1}/units/", REFERENCE_LIST, writes=False),
    Case(
        "units-create",
        "post",
        f"{V1}/units/",
        lambda w: f"{V1}/units/",
        ok_for("staff leader admin", 201, rest=403),
        lambda w: {"province": w.plan.province_id, "name": "Phòng Kinh tế thành phố", "kind": "district"},
    ),
    Case(
        "units-retrieve",
        "get",
        f"{V1}/units/{{id}}/",
        lambda w: f"{V1}/units/{w.unit.pk}/",
        ok_for("staff leader unit ministry admin", rest=404),
        writes=False,
    ),
    Case(
        "units-update",
        "put",
        f"{V1}/units/{{id}}/",
        lambda w: f"{V1}/units/{w.unit.pk}/",
        UNIT_WRITE,
        lambda w: {"name": "Sở Khoa học và Công nghệ", "short_name": "Sở KH&CN", "kind": "department"},
    ),
    Case(
        "units-partial-update",
        "patch",
        f"{V1}/units/{{id}}/",
        lambda w: f"{V1}/units/{w.unit.pk}/",
        UNIT_WRITE,
        lambda w: {"aliases": "SKHCN\nSở KHCN"},
    ),
    Case(
        "legal-list", "get", f"{V1}/legal-documents/", lambda w: f"{V1}/legal-documents/", REFERENCE_LIST, writes=False
    ),
    Case(
        "legal-create",
        "post",
        f"{V1}/legal-documents/",
        lambda w: f"{V1}/legal-documents/",
        ok_for("staff other_staff leader admin", 201, rest=403),
        lambda w: {"kind": "decision", "number": "99/QĐ-UBND", "issued_on": "2023-01-05", "issuer": "UBND tỉnh"},
    ),
    Case(
        "legal-retrieve",
        "get",
        f"{V1}/legal-documents/{{id}}/",
        lambda w: f"{V1}/legal-documents/{w.legal_document.pk}/",
        REFERENCE_READ,
        writes=False,
    ),
    Case("indicators-list", "get", f"{V1}/indicators/", lambda w: f"{V1}/indicators/", REFERENCE_LIST, writes=False),
    Case(
        "indicators-retrieve",
        "get",
        f"{V1}/indicators/{{id}}/",
        lambda w: f"{V1}/indicators/{w.indicator.pk}/",
        REFERENCE_READ,
        writes=False,
    ),
    # --- plans
    Case("plans-list", "get", f"{V1}/plans/", lambda w: f"{V1}/plans/", PLAN_LIST, writes=False),
    Case(
        "plans-create",
        "post",
        f"{V1}/plans/",
        lambda w: f"{V1}/plans/",
        PLAN_CREATE,
        lambda w: {"province": w.plan.province_id, "title": "Kế hoạch 2026-2030", "start_year": 2026, "end_year": 2030},
    ),
    Case("plans-retrieve", "get", f"{V1}/plans/{{id}}/", lambda w: f"{V1}/plans/{w.plan.pk}/", PLAN_READ, writes=False),
    Case(
        "plans-update",
        "put",
        f"{V1}/plans/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/",
        plan_write(),
        lambda w: {"title": "Tên mới của kế hoạch", "start_year": 2021, "end_year": 2026, "status": "in_force"},
    ),
    Case(
        "plans-partial-update",
        "patch",
        f"{V1}/plans/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/",
        plan_write(),
        lambda w: {"number": "13/KH-UBND"},
    ),
    Case(
        "plans-budget",
        "get",
        f"{V1}/plans/{{id}}/budget/",
        lambda w: f"{V1}/plans/{w.plan.pk}/budget/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "plans-progress",
        "get",
        f"{V1}/plans/{{plan_pk}}/progress/",
        lambda w: f"{V1}/plans/{w.plan.pk}/progress/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "targets-progress",
        "get",
        f"{V1}/plans/{{plan_pk}}/targets/{{id}}/progress/",
        lambda w: f"{V1}/plans/{w.plan.pk}/targets/{w.target.pk}/progress/",
        PLAN_READ,
        writes=False,
    ),
    *_plan_part(
        "phases",
        "phase",
        lambda w: {"name": "Giai đoạn 2026", "start_year": 2026, "end_year": 2026},
        lambda w: {"name": "Giai đoạn I", "start_year": 2021, "end_year": 2022},
        lambda w: {"name": "Giai đoạn một"},
    ),
    *_plan_part(
        "objectives",
        "objective",
        lambda w: {"text": "Nâng cao năng suất lao động"},
        lambda w: {"text": "Nâng cao chất lượng sản phẩm", "position": 0},
        lambda w: {"text": "Mục tiêu đã sửa"},
    ),
    *_plan_part("targets", "target", _target, lambda w: _target(w, value_min="12"), lambda w: {"text": "Chỉ tiêu sửa"}),
    *_plan_part(
        "tasks",
        "task",
        lambda w: {"number": "2", "content": "Hội nghị tuyên truyền", "lead_unit": w.unit.pk, "timeframe": "2023"},
        lambda w: {"number": "1", "content": "Đào tạo chuyên gia", "lead_unit": w.unit.pk, "timeframe": "Hàng năm"},
        lambda w: {"expected_output": "02 lớp"},
    ),
    *_plan_part(
        "budget-lines",
        "budget_line",
        lambda w: {"content": "Chi đào tạo", "category": "training", "estimate": 50_000_000, "support_rate": "100"},
        lambda w: {"number": "I", "content": "Chi hỗ trợ doanh nghiệp", "estimate": 120_000_000, "support_rate": "30"},
        lambda w: {"basis": "Thông tư 97/2010/TT-BTC"},
    ),
    *_plan_part(
        "budget-amounts",
        "budget_amount",
        lambda w: {"line": w.budget_line.pk, "year": 2024, "source": "state_local", "amount": 30_000_000},
        lambda w: {"line": w.budget_line.pk, "year": 2023, "source": "state_local", "amount": 31_000_000},
        lambda w: {"amount": 32_000_000},
    ),
    *_plan_part(
        "reporting-duties",
        "duty",
        lambda w: {"kind": "mid_term", "year": 2025, "due_month": 6},
        lambda w: {"kind": "annual", "due_day": 15, "due_month": 12},
        lambda w: {"recipients": "Bộ Khoa học và Công nghệ"},
    ),
    # --- what was done
    Case(
        "activities-list",
        "get",
        f"{V1}/plans/{{plan_pk}}/activities/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "activities-create",
        "post",
        f"{V1}/plans/{{plan_pk}}/activities/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/",
        plan_write(201),
        lambda w: {"kind": "conference", "title": "Hội nghị năng suất", "start_date": "2024-03-01", "participants": 50},
    ),
    Case(
        "activities-retrieve",
        "get",
        f"{V1}/plans/{{plan_pk}}/activities/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/{w.activity.pk}/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "activities-update",
        "put",
        f"{V1}/plans/{{plan_pk}}/activities/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/{w.activity.pk}/",
        plan_write(),
        lambda w: {"kind": "training_course", "title": "Lớp đào tạo Kaizen", "start_date": "2023-05-10"},
    ),
    Case(
        "activities-partial-update",
        "patch",
        f"{V1}/plans/{{plan_pk}}/activities/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/{w.activity.pk}/",
        plan_write(),
        lambda w: {"participants": 40, "person_times": 65},
    ),
    Case(
        "activities-destroy",
        "delete",
        f"{V1}/plans/{{plan_pk}}/activities/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/activities/{w.activity.pk}/",
        plan_write(204),
    ),
    Case(
        "values-list",
        "get",
        f"{V1}/plans/{{plan_pk}}/indicator-values/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "values-create",
        "post",
        f"{V1}/plans/{{plan_pk}}/indicator-values/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/",
        plan_write(201),
        lambda w: {"indicator": w.manual_indicator.pk, "year": 2024, "value": "31.2", "source": "Cục Thống kê tỉnh"},
    ),
    Case(
        "values-retrieve",
        "get",
        f"{V1}/plans/{{plan_pk}}/indicator-values/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/{w.value.pk}/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "values-update",
        "put",
        f"{V1}/plans/{{plan_pk}}/indicator-values/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/{w.value.pk}/",
        plan_write(),
        lambda w: {"indicator": w.manual_indicator.pk, "year": 2023, "value": "29", "source": "Niên giám 2023"},
    ),
    Case(
        "values-partial-update",
        "patch",
        f"{V1}/plans/{{plan_pk}}/indicator-values/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/{w.value.pk}/",
        plan_write(),
        lambda w: {"value": "29.5"},
    ),
    Case(
        "values-destroy",
        "delete",
        f"{V1}/plans/{{plan_pk}}/indicator-values/{{id}}/",
        lambda w: f"{V1}/plans/{w.plan.pk}/indicator-values/{w.value.pk}/",
        plan_write(204),
    ),
    Case("progress-list", "get", f"{V1}/task-progress/", lambda w: f"{V1}/task-progress/", PROGRESS_LIST, writes=False),
    Case(
        "progress-create",
        "post",
        f"{V1}/task-progress/",
        lambda w: f"{V1}/task-progress/",
        ok_for("staff leader unit admin", 201, other_staff=400, rest=403),
        lambda w: {"task": w.task.pk, "year": 2024, "unit": w.unit.pk, "status": "in_progress", "percent_complete": 20},
    ),
    Case(
        "progress-retrieve",
        "get",
        f"{V1}/task-progress/{{id}}/",
        lambda w: f"{V1}/task-progress/{w.progress.pk}/",
        PLAN_READ,
        writes=False,
    ),
    Case(
        "progress-update",
        "put",
        f"{V1}/task-progress/{{id}}/",
        lambda w: f"{V1}/task-progress/{w.progress.pk}/",
        ok_for("staff leader unit admin", ministry=403, rest=404),
        lambda w: {"status": "in_progress", "percent_complete": 60, "results": "Đã tổ chức 01 lớp"},
    ),
    Case(
        "progress-partial-update",
        "patch",
        f"{V1}/task-progress/{{id}}/",
        lambda w: f"{V1}/task-progress/{w.progress.pk}/",
        ok_for("staff leader unit admin", ministry=403, rest=404),
        lambda w: {"percent_complete": 70},
    ),
    # --- enterprises
    Case("sectors-list", "get", f"{V1}/sectors/", lambda w: f"{V1}/sectors/", EVERYONE_OK, writes=False),
    Case(
        "sectors-retrieve",
        "get",
        f"{V1}/sectors/{{id}}/",
        lambda w: f"{V1}/sectors/{w.enterprise.main_sector_id}/",
        EVERYONE_OK,
        writes=False,
    ),
    Case(
        "enterprises-list", "get", f"{V1}/enterprises/", lambda w: f"{V1}/enterprises/", ENTERPRISE_LIST, writes=False
    ),
    Case(
        "enterprises-retrieve",
        "get",
        f"{V1}/enterprises/{{id}}/",
        lambda w: f"{V1}/enterprises/{w.enterprise.pk}/",
        ENTERPRISE_READ,
        writes=False,
    ),
    Case(
        "enterprises-update",
        "put",
        f"{V1}/enterprises/{{id}}/",
        lambda w: f"{V1}/enterprises/{w.enterprise.pk}/",
        enterprise_write(),
        _enterprise_profile,
    ),
    Case(
        "enterprises-partial-update",
        "patch",
        f"{V1}/enterprises/{{id}}/",
        lambda w: f"{V1}/enterprises/{w.enterprise.pk}/",
        enterprise_write(),
        lambda w: {"employees": 30, "website": "https://caphe.example.vn"},
    ),
    Case(
        "enterprises-verify",
        "post",
        f"{V1}/enterprises/{{id}}/verify/",
        lambda w: f"{V1}/enterprises/{w.pending_enterprise.pk}/verify/",
        VERIFY,
    ),
    Case(
        "enterprises-reject",
        "post",
        f"{V1}/enterprises/{{id}}/reject/",
        lambda w: f"{V1}/enterprises/{w.pending_enterprise.pk}/reject/",
        VERIFY,
        lambda w: {"reason": "Thiếu giấy chứng nhận đăng ký kinh doanh."},
    ),
    Case(
        "enterprises-suspend",
        "post",
        f"{V1}/enterprises/{{id}}/suspend/",
        lambda w: f"{V1}/enterprises/{w.enterprise.pk}/suspend/",
        SUSPEND,
        lambda w: {"reason": "Doanh nghiệp tạm ngừng hoạt động."},
    ),
    Case(
        "enterprises-validate-tax-code",
        "post",
        f"{V1}/enterprises/validate-tax-code/",
        lambda w: f"{V1}/enterprises/validate-tax-code/",
        ok_for("staff other_staff leader member other_member admin", rest=403),
        lambda w: {"tax_code": with_check_digit("010023348")},
        writes=False,
    ),
    *_enterprise_part(
        "certificates",
        "certificate",
        lambda w: {
            "standard": "iso_14001",
            "number": "VN-9",
            "certification_body": "QUACERT",
            "issued_on": "2023-01-01",
        },
        lambda w: {
            "standard": "iso_9001",
            "number": "VN-1234",
            "certification_body": "Vinacert",
            "issued_on": "2022-03-01",
            "expires_on": "2025-03-01",
        },
        lambda w: {"expires_on": "2026-03-01"},
    ),
    *_enterprise_part(
        "awards",
        "award",
        lambda w: {"year": 2023, "result": "entrant"},
        lambda w: {"year": 2022, "result": "gold", "score": 850},
        lambda w: {"note": "Trao tại Hà Nội"},
    ),
    *_enterprise_part(
        "contacts",
        "contact",
        lambda w: {"name": "Trần Văn An", "position": "Giám đốc"},
        lambda w: {"name": "Nguyễn Thị Lan", "position": "Kế toán trưởng"},
        lambda w: {"phone": "0260 3862 123"},
    ),
    # --- support: catalogue, policies, budget, councils
    Case(
        "categories-list",
        "get",
        f"{V1}/support-categories/",
        lambda w: f"{V1}/support-categories/",
        EVERYONE_OK,
        writes=False,
    ),
    Case(
        "categories-retrieve",
        "get",
        f"{V1}/support-categories/{{id}}/",
        lambda w: f"{V1}/support-categories/{w.rule.category_id}/",
        EVERYONE_OK,
        writes=False,
    ),
    Case("policies-list", "get", f"{V1}/policies/", lambda w: f"{V1}/policies/", EVERYONE_OK, writes=False),
    Case(
        "policies-create",
        "post",
        f"{V1}/policies/",
        lambda w: f"{V1}/policies/",
        POLICY_WRITE | {"staff": 201, "leader": 201, "admin": 201},
        lambda w: {"province": w.plan.province_id, "name": "Chính sách 2026-2030", "effective_from": "2026-01-01"},
    ),
    Case(
        "policies-retrieve",
        "get",
        f"{V1}/policies/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/",
        EVERYONE_OK,
        writes=False,
    ),
    Case(
        "policies-update",
        "put",
        f"{V1}/policies/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/",
        POLICY_WRITE,
        lambda w: {"name": "Chính sách hỗ trợ 2021-2025", "effective_from": "2021-01-01", "effective_to": "2025-12-31"},
    ),
    Case(
        "policies-partial-update",
        "patch",
        f"{V1}/policies/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/",
        POLICY_WRITE,
        lambda w: {"allowed_size_classes": ["micro", "small", "medium"]},
    ),
    Case(
        "rules-list",
        "get",
        f"{V1}/policies/{{policy_pk}}/rules/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/",
        EVERYONE_OK,
        writes=False,
    ),
    Case(
        "rules-create",
        "post",
        f"{V1}/policies/{{policy_pk}}/rules/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/",
        POLICY_WRITE | {"staff": 201, "leader": 201, "admin": 201},
        lambda w: {
            "category": w.extra["training_category"],
            "rate": "50",
            "cap": 20_000_000,
            "cap_per": "application",
            "cost_kinds": [{"kind": "training"}, {"kind": "expert_allowance", "rate": "100"}],
        },
    ),
    Case(
        "rules-retrieve",
        "get",
        f"{V1}/policies/{{policy_pk}}/rules/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/{w.rule.pk}/",
        EVERYONE_OK,
        writes=False,
    ),
    Case(
        "rules-update",
        "put",
        f"{V1}/policies/{{policy_pk}}/rules/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/{w.rule.pk}/",
        POLICY_WRITE,
        lambda w: {"category": w.rule.category_id, "rate": "50", "cap": 45_000_000, "cap_per": "system"},
    ),
    Case(
        "rules-partial-update",
        "patch",
        f"{V1}/policies/{{policy_pk}}/rules/{{id}}/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/{w.rule.pk}/",
        POLICY_WRITE,
        lambda w: {"notes": "Theo Nghị quyết của HĐND tỉnh"},
    ),
    Case(
        "rules-quote",
        "post",
        f"{V1}/policies/{{policy_pk}}/rules/{{id}}/quote/",
        lambda w: f"{V1}/policies/{w.policy.pk}/rules/{w.rule.pk}/quote/",
        EVERYONE_OK,
        lambda w: {"lines": [{"kind": "consultancy", "amount": 60_000_000}], "quantity": 1},
        writes=False,
    ),
    Case("allocations-list", "get", f"{V1}/allocations/", lambda w: f"{V1}/allocations/", BUDGET_LIST, writes=False),
    Case(
        "allocations-create",
        "post",
        f"{V1}/allocations/",
        lambda w: f"{V1}/allocations/",
        ok_for("staff leader admin", 201, rest=403),
        lambda w: {"province": w.plan.province_id, "policy": w.policy.pk, "year": 2024, "amount": 100_000_000},
    ),
    Case(
        "allocations-retrieve",
        "get",
        f"{V1}/allocations/{{id}}/",
        lambda w: f"{V1}/allocations/{w.allocation.pk}/",
        BUDGET_READ,
        writes=False,
    ),
    Case(
        "allocations-update",
        "put",
        f"{V1}/allocations/{{id}}/",
        lambda w: f"{V1}/allocations/{w.allocation.pk}/",
        BUDGET_WRITE,
        lambda w: {"amount": 600_000_000, "note": "Bổ sung dự toán"},
    ),
    Case(
        "allocations-partial-update",
        "patch",
        f"{V1}/allocations/{{id}}/",
        lambda w: f"{V1}/allocations/{w.allocation.pk}/",
        BUDGET_WRITE,
        lambda w: {"amount": 550_000_000},
    ),
    Case("councils-list", "get", f"{V1}/councils/", lambda w: f"{V1}/councils/", COUNCIL_LIST, writes=False),
    Case(
        "councils-retrieve",
        "get",
        f"{V1}/councils/{{id}}/",
        lambda w: f"{V1}/councils/{w.council.pk}/",
        COUNCIL_READ,
        writes=False,
    ),
    # --- applications
    Case(
        "applications-list",
        "get",
        f"{V1}/applications/",
        lambda w: f"{V1}/applications/",
        APPLICATION_LIST,
        writes=False,
    ),
    Case(
        "applications-create",
        "post",
        f"{V1}/applications/",
        lambda w: f"{V1}/applications/",
        ok_for("member admin", 201, other_member=400, rest=403),
        lambda w: {
            "enterprise": w.enterprise.pk,
            "rule": w.rule.pk,
            "budget_year": 2025,
            "title": "Áp dụng ISO 22000",
            "cost_items": [{"kind": "consultancy", "estimated_amount": 50_000_000}],
        },
    ),
    Case("applications-retrieve", "get", f"{V1}/applications/{{id}}/", _app, ASSIGNED_READ, writes=False),
    Case(
        "applications-update",
        "put",
        f"{V1}/applications/{{id}}/",
        lambda w: _app(w, "draft"),
        draft_edit(),
        lambda w: {"title": "Dự án sửa", "budget_year": 2025, "quantity": 1, "counterpart_funds": 10_000_000},
    ),
    Case(
        "applications-partial-update",
        "patch",
        f"{V1}/applications/{{id}}/",
        lambda w: _app(w, "draft"),
        draft_edit(),
        lambda w: {"description": "Thuyết minh bổ sung"},
    ),
    Case(
        "applications-transition",
        "post",
        f"{V1}/applications/{{id}}/transitions/{{transition}}/",
        lambda w: f"{_app(w)}transitions/reject/",
        ok_for("staff leader admin", member=403, council=403, ministry=403, rest=404),
        lambda w: {"comment": "Không đáp ứng tiêu chí của chính sách."},
    ),
    Case(
        "cost-items-list",
        "get",
        f"{APP_PART}/cost-items/",
        lambda w: f"{_app(w, 'draft')}cost-items/",
        DRAFT_READ,
        writes=False,
    ),
    Case(
        "cost-items-create",
        "post",
        f"{APP_PART}/cost-items/",
        lambda w: f"{_app(w, 'draft')}cost-items/",
        draft_edit(201),
        lambda w: {"kind": "training", "estimated_amount": 5_000_000, "description": "Đào tạo nội bộ"},
    ),
    Case(
        "cost-items-retrieve",
        "get",
        f"{APP_PART}/cost-items/{{id}}/",
        lambda w: f"{_app(w, 'draft')}cost-items/{w.draft.cost_items.first().pk}/",
        DRAFT_READ,
        writes=False,
    ),
    Case(
        "cost-items-update",
        "put",
        f"{APP_PART}/cost-items/{{id}}/",
        lambda w: f"{_app(w, 'draft')}cost-items/{w.draft.cost_items.first().pk}/",
        draft_edit(),
        lambda w: {"kind": "consultancy", "estimated_amount": 70_000_000},
    ),
    Case(
        "cost-items-partial-update",
        "patch",
        f"{APP_PART}/cost-items/{{id}}/",
        lambda w: f"{_app(w, 'draft')}cost-items/{w.draft.cost_items.first().pk}/",
        draft_edit(),
        lambda w: {"description": "Tư vấn ISO 9001"},
    ),
    Case(
        "cost-items-destroy",
        "delete",
        f"{APP_PART}/cost-items/{{id}}/",
        lambda w: f"{_app(w, 'draft')}cost-items/{w.draft.cost_items.first().pk}/",
        draft_edit(204),
    ),
    Case(
        "cost-items-actual",
        "post",
        f"{APP_PART}/cost-items/{{id}}/actual/",
        lambda w: f"{_app(w, 'implementing')}cost-items/{w.implementing.cost_items.first().pk}/actual/",
        ok_for("staff leader member admin", council=403, ministry=403, rest=404),
        lambda w: {"actual_amount": 55_000_000},
    ),
    Case(
        "documents-list", "get", f"{APP_PART}/documents/", lambda w: f"{_app(w)}documents/", ASSIGNED_READ, writes=False
    ),
    Case(
        "documents-create",
        "post",
        f"{APP_PART}/documents/",
        lambda w: f"{_app(w)}documents/",
        ok_for("staff leader member admin", 201, council=403, ministry=403, rest=404),
        lambda w: _pdf(),
        multipart=True,
    ),
    Case(
        "documents-retrieve",
        "get",
        f"{APP_PART}/documents/{{id}}/",
        lambda w: f"{_app(w)}documents/{w.document.pk}/",
        ASSIGNED_READ,
        writes=False,
    ),
    Case(
        "documents-download",
        "get",
        f"{APP_PART}/documents/{{id}}/download/",
        lambda w: f"{_app(w)}documents/{w.document.pk}/download/",
        ASSIGNED_READ,
        writes=False,
    ),
    Case(
        "documents-destroy",
        "delete",
        f"{APP_PART}/documents/{{id}}/",
        lambda w: f"{_app(w, 'draft')}documents/{w.draft_document.pk}/",
        draft_edit(204),
    ),
    Case("events-list", "get", f"{APP_PART}/events/", lambda w: f"{_app(w)}events/", ASSIGNED_READ, writes=False),
    Case(
        "events-retrieve",
        "get",
        f"{APP_PART}/events/{{id}}/",
        lambda w: f"{_app(w)}events/{w.reviewing.events.first().pk}/",
        ASSIGNED_READ,
        writes=False,
    ),
    Case(
        "messages-list",
        "get",
        f"{APP_PART}/messages/",
        lambda w: f"{_app(w)}messages/",
        ok_for("staff leader member ministry admin", council=403, rest=404),
        writes=False,
    ),
    Case(
        "messages-create",
        "post",
        f"{APP_PART}/messages/",
        lambda w: f"{_app(w)}messages/",
        ok_for("staff leader member admin", 201, council=403, ministry=403, rest=404),
        lambda w: {"body": "Đề nghị bổ sung báo giá."},
    ),
    Case(
        "messages-retrieve",
        "get",
        f"{APP_PART}/messages/{{id}}/",
        lambda w: f"{_app(w)}messages/{w.reviewing.messages.first().pk}/",
        ok_for("staff leader member ministry admin", council=403, rest=404),
        writes=False,
    ),
    Case(
        "reviews-list",
        "get",
        f"{APP_PART}/reviews/",
        lambda w: f"{_app(w)}reviews/",
        ok_for("staff leader council ministry admin", member=403, rest=404),
        writes=False,
    ),
    Case(
        "reviews-create",
        "post",
        f"{APP_PART}/reviews/",
        lambda w: f"{_app(w)}reviews/",
        ok_for("council", 201, staff=403, leader=403, member=403, ministry=403, admin=403, rest=404),
        lambda w: {"score": 80, "recommendation": "approve", "opinion": "Hồ sơ đầy đủ."},
    ),
    Case(
        "reviews-retrieve",
        "get",
        f"{APP_PART}/reviews/{{id}}/",
        lambda w: f"{_app(w, 'implementing')}reviews/{w.review.pk}/",
        ok_for("staff leader council ministry admin", member=403, rest=404),
        writes=False,
    ),
    Case(
        "reviews-conflict",
        "post",
        f"{APP_PART}/reviews/conflict/",
        lambda w: f"{_app(w)}reviews/conflict/",
        ok_for("council", staff=403, leader=403, member=403, ministry=403, admin=403, rest=404),
        lambda w: {"note": "Tôi là cổ đông của doanh nghiệp."},
    ),
    Case(
        "payments-list",
        "get",
        f"{APP_PART}/payments/",
        lambda w: f"{_app(w, 'accepted')}payments/",
        ASSIGNED_READ,
        writes=False,
    ),
    Case(
        "payments-create",
        "post",
        f"{APP_PART}/payments/",
        lambda w: f"{_app(w, 'accepted')}payments/",
        ok_for("staff leader admin", 201, member=403, council=403, ministry=403, rest=404),
        lambda w: {"paid_on": "2025-12-01", "amount": 2_000_000, "reference": "UNC-2"},
    ),
    Case(
        "payments-retrieve",
        "get",
        f"{APP_PART}/payments/{{id}}/",
        lambda w: f"{_app(w, 'accepted')}payments/{w.payment.pk}/",
        ASSIGNED_READ,
        writes=False,
    ),
    # --- reports
    Case("reports-list", "get", f"{V1}/reports/", lambda w: f"{V1}/reports/", REPORT_LIST, writes=False),
    Case(
        "reports-create",
        "post",
        f"{V1}/reports/",
        lambda w: f"{V1}/reports/",
        ok_for("staff leader admin", 201, other_staff=400, rest=403),
        lambda w: {"plan": w.plan.pk, "kind": "annual", "start_year": 2024},
    ),
    Case(
        "reports-retrieve",
        "get",
        f"{V1}/reports/{{id}}/",
        lambda w: f"{V1}/reports/{w.report.pk}/",
        REPORT_READ,
        writes=False,
    ),
    Case(
        "reports-update",
        "put",
        f"{V1}/reports/{{id}}/",
        lambda w: f"{V1}/reports/{w.report.pk}/",
        REPORT_WRITE,
        lambda w: {
            "title": "Tình hình thực hiện Chương trình năm 2023",
            "parent_agency": "UBND TỈNH KON TUM",
            "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "place": "Kon Tum",
            "assessment": "Cơ bản hoàn thành các chỉ tiêu.",
        },
    ),
    Case(
        "reports-partial-update",
        "patch",
        f"{V1}/reports/{{id}}/",
        lambda w: f"{V1}/reports/{w.report.pk}/",
        REPORT_WRITE,
        lambda w: {"difficulties": "Kinh phí còn hạn chế."},
    ),
    Case(
        "versions-list",
        "get",
        f"{V1}/reports/{{report_pk}}/versions/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/",
        REPORT_READ,
        writes=False,
    ),
    Case(
        "versions-create",
        "post",
        f"{V1}/reports/{{report_pk}}/versions/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/",
        ok_for("staff leader admin", 202, ministry=403, rest=404),
    ),
    Case(
        "versions-retrieve",
        "get",
        f"{V1}/reports/{{report_pk}}/versions/{{id}}/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/{w.submitted_version.pk}/",
        REPORT_READ,
        writes=False,
    ),
    Case(
        "versions-pdf",
        "get",
        f"{V1}/reports/{{report_pk}}/versions/{{id}}/pdf/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/{w.submitted_version.pk}/pdf/",
        REPORT_READ,
        writes=False,
    ),
    Case(
        "versions-xlsx",
        "get",
        f"{V1}/reports/{{report_pk}}/versions/{{id}}/xlsx/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/{w.submitted_version.pk}/xlsx/",
        REPORT_READ,
        writes=False,
    ),
    Case(
        "versions-submit",
        "post",
        f"{V1}/reports/{{report_pk}}/versions/{{id}}/submit/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/{w.ready_version.pk}/submit/",
        ok_for("leader admin", staff=403, rest=404),
        extra={"needs_url": "reporting:ministry_matrix"},  # the Ministry is told with a link to its page
    ),
    Case(
        "versions-retry",
        "post",
        f"{V1}/reports/{{report_pk}}/versions/{{id}}/retry/",
        lambda w: f"{V1}/reports/{w.report.pk}/versions/{w.failed_version.pk}/retry/",
        PROVINCE_VERSION,
    ),
]

CASES_BY_NAME = {case.name: case for case in CASES}
assert len(CASES_BY_NAME) == len(CASES), "case names must be unique"
