"""Reports a province owes the Ministry, their generated versions, the reminders before they fall due, and the
Ministry's national compilations.

A :class:`Report` holds what staff write (narrative, recipients, signer) and what it covers (a plan and a
period). Each request to produce the document makes a :class:`ReportVersion`: the narrative as it was asked
for, the figures snapshot taken by the Celery task, the PDF and XLSX files with their checksums. A version
that is ready never changes again except to be submitted, and a submitted version never changes at all:
``reporting.services`` refuses, the admin is read-only. Files live in ``support``'s private storage, served
only through access-checked views.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from support.models import private_storage


def report_file_path(instance: ReportVersion, filename: str) -> str:
    import uuid

    ext = filename.rsplit(".", 1)[-1].lower()
    return f"reports/{instance.report_id}/v{instance.number}-{uuid.uuid4().hex[:12]}.{ext}"


def compilation_file_path(instance: NationalCompilation, filename: str) -> str:
    import uuid

    ext = filename.rsplit(".", 1)[-1].lower()
    return f"compilations/{instance.start_year}-{instance.end_year}/v{instance.number}-{uuid.uuid4().hex[:12]}.{ext}"


class GenerationStatus(models.TextChoices):
    """Where a generated document stands. Ready and submitted documents are immutable."""

    QUEUED = "queued", _("queued")
    GENERATING = "generating", _("generating")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")
    SUBMITTED = "submitted", _("submitted")


PENDING_STATUSES = (GenerationStatus.QUEUED, GenerationStatus.GENERATING)
# A request identical to one of these is not made again: the existing version is returned.
LIVE_STATUSES = (
    GenerationStatus.QUEUED,
    GenerationStatus.GENERATING,
    GenerationStatus.READY,
    GenerationStatus.SUBMITTED,
)
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Report(models.Model):
    """A report of a province on one of its plans: annual (a year), mid-term (a phase), final (the whole plan)
    or ad hoc (any period). The narrative parts are written by staff; the figures come from the portal."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("annual report")
        MID_TERM = "mid_term", _("mid-term review")
        FINAL = "final", _("final review")
        AD_HOC = "ad_hoc", _("ad hoc report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("being prepared")
        SUBMITTED = "submitted", _("submitted to the Ministry")

    province = models.ForeignKey(
        "plans.Province", on_delete=models.PROTECT, related_name="reports", verbose_name=_("province"), editable=False
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="reports", verbose_name=_("plan"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ANNUAL)
    start_year = models.PositiveSmallIntegerField(_("from year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("to year"), validators=YEAR_VALIDATORS)
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("The line under «BÁO CÁO», e.g. «Kết quả thực hiện Kế hoạch … năm 2023»."),
    )
    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("As on the document, e.g. «125/BC-SKHCN»; empty: «…/BC-SKHCN»."),
    )
    parent_agency = models.CharField(_("parent agency"), max_length=150, help_text=_("e.g. «UBND TỈNH KON TUM»."))
    agency = models.CharField(_("issuing agency"), max_length=150, help_text=_("e.g. «SỞ KHOA HỌC VÀ CÔNG NGHỆ»."))
    place = models.CharField(_("place"), max_length=100, help_text=_("The place of the date line, e.g. «Kon Tum»."))
    dated = models.DateField(
        _("date of the document"), null=True, blank=True, help_text=_("Empty: the day it is generated.")
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    assessment = models.TextField(_("general assessment"), blank=True)
    difficulties = models.TextField(_("difficulties and shortcomings"), blank=True)
    recommendations = models.TextField(_("proposals and recommendations"), blank=True)
    next_year_plan = models.TextField(_("plan for the next period"), blank=True)
    recipients = models.TextField(
        _("recipients"), blank=True, help_text=_("One per line, as in «Nơi nhận:», e.g. «Bộ Khoa học và Công nghệ».")
    )
    signer_title = models.TextField(
        _("signature block"), blank=True, help_text=_("One line each, e.g. «KT. GIÁM ĐỐC» then «PHÓ GIÁM ĐỐC».")
    )
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["province__name", "-start_year", "kind", "id"]
        constraints = [
            models.CheckConstraint(name="report_period_order", condition=Q(end_year__gte=F("start_year"))),
            models.CheckConstraint(
                name="report_annual_is_one_year", condition=~Q(kind="annual") | Q(end_year=F("start_year"))
            ),
            models.UniqueConstraint(
                fields=["plan", "kind", "start_year", "end_year"],
                condition=~Q(kind="ad_hoc"),
                name="report_one_per_plan_kind_period",
            ),
        ]
        indexes = [models.Index(fields=["province", "kind", "start_year"], name="report_province_kind_year")]

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()} {self.period} · {self.province.name}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def period(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}-{self.end_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def narrative(self) -> dict[str, str]:
        """What a version freezes when it is requested (and what its request key is made of)."""
        values = {name: getattr(self, name) for name in NARRATIVE_FIELDS}
        values["dated"] = self.dated.isoformat() if self.dated else ""
        return values


# The fields a version copies at request time: what the document says besides the figures.
NARRATIVE_FIELDS = (
    "title",
    "number",
    "parent_agency",
    "agency",
    "place",
    "dated",
    "assessment",
    "difficulties",
    "recommendations",
    "next_year_plan",
    "recipients",
    "signer_title",
    "signer_name",
)


class ReportVersion(models.Model):
    """One generation of a report: the request, then the files. Numbered 1, 2, … per report."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions", verbose_name=_("report"))
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=GenerationStatus.choices, default=GenerationStatus.QUEUED
    )
    request_key = models.CharField(_("request key"), max_length=64)
    narrative = models.JSONField(_("narrative as requested"), default=dict)
    data_fingerprint = models.JSONField(_("data at the request"), default=dict, blank=True)
    snapshot = models.JSONField(_("data snapshot"), default=dict, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=report_file_path, storage=private_storage, blank=True, max_length=255)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    xlsx = models.FileField(_("XLSX"), upload_to=report_file_path, storage=private_storage, blank=True, max_length=255)
    xlsx_sha256 = models.CharField(_("XLSX SHA-256"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_unique_number"),
            # The same request (same narrative, parameters and data) never makes two live versions, even
            # when two requests race: the second insert fails and the service returns the first.
            models.UniqueConstraint(
                fields=["report", "request_key"],
                condition=Q(status__in=["queued", "generating", "ready", "submitted"]),
                name="reportversion_one_live_per_request",
            ),
            models.CheckConstraint(
                name="reportversion_files_when_done",
                condition=~Q(status__in=["ready", "submitted"]) | (~Q(pdf="") & ~Q(pdf_sha256="")),
            ),
            models.CheckConstraint(
                name="reportversion_submitted_has_date",
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} · v{self.number}"

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES

    @property
    def is_done(self) -> bool:
        return self.status in (GenerationStatus.READY, GenerationStatus.SUBMITTED)

    @property
    def status_pill(self) -> str:
        if self.is_done:
            return "ok"
        return "bad" if self.status == GenerationStatus.FAILED else "warn"


class ReportReminder(models.Model):
    """A reminder sent to a province's staff ``days_before`` a report falls due; one per report and offset."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("report"))
    days_before = models.PositiveSmallIntegerField(_("days before the due date"))
    due_date = models.DateField(_("due date"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("people reminded"), default=0)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        ordering = ["report", "-days_before"]
        constraints = [
            models.UniqueConstraint(fields=["report", "days_before", "due_date"], name="reportreminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.days_before}"


class NationalCompilation(models.Model):
    """The Ministry's compilation of every province for a year or a phase: a row per province (by the provinces
    of the time and rolled up into today's), national totals, charts. Each generation is a new numbered row."""

    class Kind(models.TextChoices):
        YEAR = "year", _("one year")
        PHASE = "phase", _("a phase")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.YEAR)
    start_year = models.PositiveSmallIntegerField(_("from year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("to year"), validators=YEAR_VALIDATORS)
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=GenerationStatus.choices, default=GenerationStatus.QUEUED
    )
    request_key = models.CharField(_("request key"), max_length=64)
    data_fingerprint = models.JSONField(_("data at the request"), default=dict, blank=True)
    snapshot = models.JSONField(_("data snapshot"), default=dict, blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to=compilation_file_path, storage=private_storage, blank=True, max_length=255
    )
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    xlsx = models.FileField(
        _("XLSX"), upload_to=compilation_file_path, storage=private_storage, blank=True, max_length=255
    )
    xlsx_sha256 = models.CharField(_("XLSX SHA-256"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("national compilation")
        verbose_name_plural = _("national compilations")
        ordering = ["-start_year", "-end_year", "-number"]
        constraints = [
            models.CheckConstraint(name="compilation_period_order", condition=Q(end_year__gte=F("start_year"))),
            models.UniqueConstraint(fields=["start_year", "end_year", "number"], name="compilation_unique_number"),
            models.UniqueConstraint(
                fields=["request_key"],
                condition=Q(status__in=["queued", "generating", "ready"]),
                name="compilation_one_live_per_request",
            ),
            models.CheckConstraint(
                name="compilation_files_when_ready", condition=~Q(status="ready") | (~Q(pdf="") & ~Q(pdf_sha256=""))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} · v{self.number}"

    @property
    def period(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}-{self.end_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES

    @property
    def is_done(self) -> bool:
        return self.status == GenerationStatus.READY

    @property
    def status_pill(self) -> str:
        if self.is_done:
            return "ok"
        return "bad" if self.status == GenerationStatus.FAILED else "warn"
