"""One small world for the API tests, built once per test module through the services: a Kon Tum plan with
every kind of part, what was done under it, an enterprise with its profile, a policy with its rule and budget,
applications in the states the endpoints need, and a person for every role with an API token."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import AuditEntry, Role, User
from accounts.services import api_token_issue
from enterprises.models import Award, Certificate, Contact, Enterprise
from plans.models import (
    Activity,
    BudgetAmount,
    BudgetLine,
    Indicator,
    IndicatorValue,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    ReportingDuty,
    Target,
    Task,
    TaskProgress,
    Unit,
)
from reporting import services as reporting_services
from reporting.models import GenerationStatus, Report, ReportVersion
from support import services as support_services
from support.choices import Status
from support.models import (
    Application,
    Attachment,
    BudgetAllocation,
    Council,
    Payment,
    Review,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)
from tests.accounts.factories import PASSWORD, make_user
from tests.enterprises.factories import make_enterprise, make_member
from tests.plans import factories as pf
from tests.support import factories as sf

ROLES = (
    "staff",
    "other_staff",
    "leader",
    "council",
    "unit",
    "member",
    "other_member",
    "ministry",
    "admin",
    "anonymous",
)


@dataclass
class World:
    users: dict[str, User | None]
    tokens: dict[str, str]
    plan: Plan
    other_plan: Plan
    phase: Phase
    objective: Objective
    target: Target
    task: Task
    budget_line: BudgetLine
    budget_amount: BudgetAmount
    duty: ReportingDuty
    unit: Unit
    legal_document: LegalDocument
    indicator: Indicator
    manual_indicator: Indicator
    activity: Activity
    progress: TaskProgress
    value: IndicatorValue
    enterprise: Enterprise
    pending_enterprise: Enterprise
    certificate: Certificate
    award: Award
    contact: Contact
    policy: SupportPolicy
    rule: SupportRule
    allocation: BudgetAllocation
    council: Council
    reviewing: Application  # with the council, no review yet
    draft: Application
    implementing: Application
    accepted: Application
    document: Attachment  # of ``reviewing``
    draft_document: Attachment
    audit_entry: AuditEntry
    payment: Payment
    review: Review
    report: Report
    submitted_version: ReportVersion
    failed_version: ReportVersion
    ready_version: ReportVersion
    extra: dict = field(default_factory=dict)


def build_world() -> World:
    kon_tum, hoa_binh = pf.province("kon-tum"), pf.province("hoa-binh")

    # --- a plan with every kind of part, and what was done under it
    unit = pf.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ tỉnh Kon Tum", short_name="Sở KH&CN")
    legal_document = pf.make_legal_document(kind="decision", title="Phê duyệt Chương trình")
    plan = pf.make_plan(
        province=kon_tum, phase=False, end_year=2026, title="Kế hoạch thử nghiệm API", number="12/KH-UBND"
    )
    pf.cite(plan, legal_document)
    phase = pf.make_phase(plan=plan, start_year=2021, end_year=2022)
    pf.make_phase(plan=plan, start_year=2023, end_year=2025)
    objective = pf.make_objective(plan=plan)
    indicator = Indicator.objects.filter(source=Indicator.Source.COMPUTED).order_by("pk").first()
    manual_indicator = Indicator.objects.filter(source=Indicator.Source.MANUAL, unit="%").order_by("pk").first()
    target = pf.make_target(plan=plan, phase=phase, indicator=indicator, value_min=2)
    task = pf.make_task(plan=plan, lead_unit=unit, number="1", timeframe="2021-2025", timeframe_spans=[[2021, 2025]])
    budget_line = pf.make_budget_line(plan=plan, number="I", estimate=100_000_000, support_rate=30, position=0)
    budget_amount = pf.make_budget_amount(line=budget_line, year=2023, amount=30_000_000)
    duty = pf.make_reporting_duty(plan=plan, due_day=30, due_month=11)
    other_plan = pf.make_plan(province=hoa_binh, title="Kế hoạch của tỉnh khác")
    activity = Activity.objects.create(
        plan=plan,
        task=task,
        kind=Activity.Kind.TRAINING_COURSE,
        title="Lớp đào tạo 5S",
        start_date=dt.date(2023, 5, 10),
    )
    progress = TaskProgress.objects.create(task=task, year=2023, unit=unit, percent_complete=40)
    value = IndicatorValue.objects.create(
        plan=plan, indicator=manual_indicator, year=2023, value=Decimal("30.5"), source="Cục Thống kê tỉnh"
    )

    # --- enterprises
    enterprise = make_enterprise(name="Công ty TNHH Cà phê Đăk Hà")
    other_enterprise = make_enterprise(name="Công ty TNHH Khác")
    pending_enterprise = make_enterprise(name="Hợp tác xã Chờ xác minh", status=Enterprise.Status.PENDING)
    certificate = Certificate.objects.create(
        enterprise=enterprise,
        standard=Certificate.Standard.ISO_9001,
        number="VN-1234",
        certification_body="QUACERT",
        issued_on=dt.date(2022, 3, 1),
        expires_on=dt.date(2025, 3, 1),
    )
    award = Award.objects.create(enterprise=enterprise, year=2022, result=Award.Result.AWARD, score=650)
    contact = Contact.objects.create(enterprise=enterprise, name="Nguyễn Thị Lan", position="Kế toán")

    # --- people
    member = make_member(enterprise)
    council = sf.make_council(province_obj=kon_tum)
    users: dict[str, User | None] = {
        "staff": make_user(role=Role.PROVINCE_STAFF, province=kon_tum),
        "other_staff": make_user(role=Role.PROVINCE_STAFF, province=hoa_binh),
        "leader": make_user(role=Role.PROVINCE_LEADER, province=kon_tum),
        "council": council.members.get().user,
        "unit": make_user(role=Role.UNIT_REPORTER, unit=unit),
        "member": member,
        "other_member": make_member(other_enterprise),
        "ministry": make_user(role=Role.MINISTRY),
        "admin": make_user(role=Role.ADMINISTRATOR),
        "anonymous": None,
    }
    people = sf.People(
        member=member,
        staff=users["staff"],
        leader=users["leader"],
        council_member=users["council"],
        ministry=users["ministry"],
        other_member=users["other_member"],
        other_staff=users["other_staff"],
        other_council_member=users["council"],
        council=council,
    )

    # --- support: a policy, its rule and budget, applications in four states
    policy = sf.make_policy(effective_to=dt.date(2025, 12, 31))
    rule = sf.make_rule(policy=policy)
    allocation = sf.make_allocation(rule=rule, amount=500 * sf.MILLION)
    draft = sf.make_application(member=member, enterprise=enterprise, rule=rule)
    reviewing = sf.advance(
        sf.make_application(member=member, enterprise=enterprise, rule=rule), Status.COUNCIL_REVIEW, people
    )
    implementing = sf.advance(
        sf.make_application(member=member, enterprise=enterprise, rule=rule), Status.IMPLEMENTING, people
    )
    accepted = sf.advance(sf.make_application(member=member, enterprise=enterprise, rule=rule), Status.ACCEPTED, people)
    support_services.message_post(application=reviewing, by=member, body="Xin hỏi về hồ sơ.")
    payment = support_services.payment_record(
        application=accepted, by=users["staff"], paid_on=dt.date(2025, 11, 20), amount=1_000_000, reference="UNC-1"
    )
    review = implementing.reviews.get()

    # --- a report with a submitted, a failed and a ready version
    report = reporting_services.report_create(by=users["staff"], plan=plan, kind="annual", start_year=2023)
    versions = {
        status: _version(report, number, status)
        for number, status in enumerate(
            (GenerationStatus.SUBMITTED, GenerationStatus.FAILED, GenerationStatus.READY), start=1
        )
    }

    tokens = {role: api_token_issue(user=user)[1] for role, user in users.items() if user is not None}
    return World(
        users=users,
        tokens=tokens,
        plan=plan,
        other_plan=other_plan,
        phase=phase,
        objective=objective,
        target=target,
        task=task,
        budget_line=budget_line,
        budget_amount=budget_amount,
        duty=duty,
        unit=unit,
        legal_document=legal_document,
        indicator=indicator,
        manual_indicator=manual_indicator,
        activity=activity,
        progress=progress,
        value=value,
        enterprise=enterprise,
        pending_enterprise=pending_enterprise,
        certificate=certificate,
        award=award,
        contact=contact,
        policy=policy,
        rule=rule,
        allocation=allocation,
        council=council,
        reviewing=reviewing,
        draft=draft,
        implementing=implementing,
        accepted=accepted,
        document=reviewing.attachments.order_by("pk").first(),
        draft_document=draft.attachments.order_by("pk").first(),
        audit_entry=AuditEntry.objects.filter(province=kon_tum).order_by("pk").first(),
        payment=payment,
        review=review,
        report=report,
        submitted_version=versions[GenerationStatus.SUBMITTED],
        failed_version=versions[GenerationStatus.FAILED],
        ready_version=versions[GenerationStatus.READY],
        extra={"training_category": SupportCategory.objects.get(code="training").pk},
    )


PDF_BYTES = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
XLSX_BYTES = b"PK\x03\x04 not a real workbook"


def _version(report: Report, number: int, status: str) -> ReportVersion:
    """A generated version made directly (generation itself is the reporting tests' business)."""
    version = ReportVersion(report=report, number=number, status=status, request_key=f"key-{number}", attempts=1)
    if status == GenerationStatus.FAILED:
        version.error = "Không tạo được tệp PDF."
    else:
        version.pdf.save(f"v{number}.pdf", ContentFile(PDF_BYTES), save=False)
        version.xlsx.save(f"v{number}.xlsx", ContentFile(XLSX_BYTES), save=False)
        version.pdf_sha256 = hashlib.sha256(PDF_BYTES).hexdigest()
        version.xlsx_sha256 = hashlib.sha256(XLSX_BYTES).hexdigest()
        version.generated_at = timezone.now()
    if status == GenerationStatus.SUBMITTED:
        version.submitted_at = timezone.now()
    version.save()
    return version


def password() -> str:
    return PASSWORD
