"""Support policies (what a province supports, at what rate, up to what cap) and the applications of
enterprises for that support, from the dossier to the payment.

Money is whole VND in ``BigIntegerField``s, rates are ``Decimal`` percentages; the invariants (approved
≤ maximum, final ≤ approved, paid ≤ final, committed ≤ allocated) are database constraints. Statuses
change only through ``support.workflow.application_transition``.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from enterprises.sizes import SizeClass

from .choices import CapPer, CostKind, PrioritySectorMode, Status

# --- Private file storage ------------------------------------------------------------------------


class PrivateStorage(FileSystemStorage):
    """Files under ``MEDIA_ROOT/private``: outside any web root and never given a URL of their own.
    They are read only through access-checked download views. The location follows the setting (read
    when first used, and again when tests change it), never at import time."""

    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through an access-checked view.")


def private_storage() -> PrivateStorage:
    return _PRIVATE_STORAGE


_PRIVATE_STORAGE = PrivateStorage()


def attachment_path(instance: Attachment, filename: str) -> str:
    """A name chosen by the portal, never by the uploader: applications/<id>/<random>.<ext>."""
    import uuid

    ext = os.path.splitext(filename)[1].lower()
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}{ext}"


# --- Catalogue and policies ------------------------------------------------------------------------


class SupportCategory(models.Model):
    """A support content of the national catalogue (Circular 35/2021/TT-BTC and the programme), e.g.
    "Chứng nhận hệ thống quản lý". Kept by the Ministry; names are data, in Vietnamese."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    legal_reference = models.CharField(_("legal reference"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("support content")
        verbose_name_plural = _("support contents")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class SupportPolicy(models.Model):
    """A province's support policy: its legal basis, when it is in force, who is eligible, and one rule
    per support content. Policies are versioned by their effective dates: a new resolution is a new
    policy, and applications keep the rule they were made under."""

    province = models.ForeignKey(
        "plans.Province", on_delete=models.PROTECT, related_name="support_policies", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=255)
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_policies",
        verbose_name=_("plan"),
    )
    legal_basis = models.ManyToManyField(
        "plans.LegalDocument", blank=True, related_name="support_policies", verbose_name=_("legal basis")
    )
    legal_basis_text = models.TextField(
        _("legal basis as written"), blank=True, help_text=_("The document's own wording of its basis and section.")
    )
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    allowed_size_classes = models.JSONField(
        _("eligible sizes"),
        default=list,
        blank=True,
        help_text=_("Size classes under Decree 80/2021 that may apply; empty means any size."),
    )
    allowed_enterprise_types = models.JSONField(
        _("eligible types"), default=list, blank=True, help_text=_("Types of enterprise that may apply; empty: any.")
    )
    excluded_ownerships = models.JSONField(
        _("excluded ownerships"), default=list, blank=True, help_text=_("e.g. foreign-invested enterprises.")
    )
    priority_sectors = models.ManyToManyField(
        "enterprises.Sector", blank=True, related_name="support_policies", verbose_name=_("priority sectors")
    )
    priority_sector_mode = models.CharField(
        _("priority sectors"),
        max_length=12,
        choices=PrioritySectorMode.choices,
        default=PrioritySectorMode.NONE,
    )
    priority_products_note = models.TextField(
        _("priority products"),
        blank=True,
        help_text=_("Priority products or OCOP products, as the document lists them."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("support policy")
        verbose_name_plural = _("support policies")
        ordering = ["province__name", "-effective_from", "id"]
        constraints = [
            models.CheckConstraint(
                name="supportpolicy_period_order",
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=F("effective_from")),
                violation_error_message=_("The end of the policy cannot come before its start."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def in_force_in(self, year: int) -> bool:
        """Is the policy in force on some day of ``year``?"""
        return self.effective_from.year <= year and (self.effective_to is None or year <= self.effective_to.year)

    @property
    def period(self) -> str:
        end = self.effective_to.strftime("%d/%m/%Y") if self.effective_to else "…"
        return f"{self.effective_from:%d/%m/%Y} – {end}"

    def size_class_labels(self) -> list[str]:
        return [str(SizeClass(v).label) for v in self.allowed_size_classes if v in SizeClass.values]


class SupportRule(models.Model):
    """One support content of a policy: the rate, the cap and what it is counted per, and the cost
    kinds it supports. "Ngân sách hỗ trợ 50 % … tối đa không quá 45 triệu đồng/hệ thống"."""

    policy = models.ForeignKey(SupportPolicy, on_delete=models.CASCADE, related_name="rules", verbose_name=_("policy"))
    category = models.ForeignKey(
        SupportCategory, on_delete=models.PROTECT, related_name="rules", verbose_name=_("support content")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    wording = models.TextField(_("as written"), blank=True, help_text=_("The policy's sentence for this content."))
    rate = models.DecimalField(
        _("support rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    cap = models.BigIntegerField(
        _("cap (VND)"), null=True, blank=True, validators=[MinValueValidator(0)], help_text=_("Empty: no cap.")
    )
    cap_per = models.CharField(_("cap counted"), max_length=12, choices=CapPer.choices, default=CapPer.APPLICATION)
    once_per_enterprise = models.BooleanField(
        _("once per enterprise"), default=False, help_text=_("An enterprise is supported only once for this content.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("support rule")
        verbose_name_plural = _("support rules")
        ordering = ["policy", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "category"], name="supportrule_one_per_content"),
            models.CheckConstraint(name="supportrule_rate_0_100", condition=Q(rate__gte=0, rate__lte=100)),
            models.CheckConstraint(name="supportrule_cap_not_negative", condition=Q(cap__isnull=True) | Q(cap__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.policy} · {self.category}"


class RuleCostKind(models.Model):
    """Whether a kind of cost is supported under a rule, and at its own rate if it has one. A kind with
    no row is not supported."""

    rule = models.ForeignKey(SupportRule, on_delete=models.CASCADE, related_name="cost_kinds", verbose_name=_("rule"))
    kind = models.CharField(_("kind of cost"), max_length=24, choices=CostKind.choices)
    eligible = models.BooleanField(_("supported"), default=True)
    rate = models.DecimalField(
        _("own rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Empty: the rule's rate."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("eligible kind of cost")
        verbose_name_plural = _("eligible kinds of cost")
        ordering = ["rule", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "kind"], name="rulecostkind_unique"),
            models.CheckConstraint(
                name="rulecostkind_rate_0_100", condition=Q(rate__isnull=True) | Q(rate__gte=0, rate__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


# --- Budget ------------------------------------------------------------------------------------------


class BudgetAllocation(models.Model):
    """Money a province set aside for a policy (or a plan's budget line) in a year, and how much of it
    approved applications have committed and payments have disbursed."""

    province = models.ForeignKey(
        "plans.Province", on_delete=models.PROTECT, related_name="support_allocations", verbose_name=_("province")
    )
    policy = models.ForeignKey(
        SupportPolicy,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("policy"),
    )
    budget_line = models.ForeignKey(
        "plans.BudgetLine",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_allocations",
        verbose_name=_("budget line"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = models.BigIntegerField(_("allocated (VND)"), validators=[MinValueValidator(0)])
    committed = models.BigIntegerField(_("committed (VND)"), default=0, editable=False)
    disbursed = models.BigIntegerField(_("disbursed (VND)"), default=0, editable=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("budget allocation")
        verbose_name_plural = _("budget allocations")
        ordering = ["province__name", "-year", "id"]
        constraints = [
            models.CheckConstraint(name="allocation_amount_not_negative", condition=Q(amount__gte=0)),
            models.CheckConstraint(name="allocation_committed_not_negative", condition=Q(committed__gte=0)),
            models.CheckConstraint(name="allocation_disbursed_not_negative", condition=Q(disbursed__gte=0)),
            models.CheckConstraint(name="allocation_committed_within_amount", condition=Q(committed__lte=F("amount"))),
            models.CheckConstraint(
                name="allocation_disbursed_within_committed", condition=Q(disbursed__lte=F("committed"))
            ),
            models.CheckConstraint(
                name="allocation_for_policy_or_line",
                condition=Q(policy__isnull=False) | Q(budget_line__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["policy", "year"], condition=Q(policy__isnull=False), name="allocation_one_per_policy_year"
            ),
            models.UniqueConstraint(
                fields=["budget_line", "year"],
                condition=Q(policy__isnull=True),
                name="allocation_one_per_line_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.policy or self.budget_line} · {self.year}"

    @property
    def available(self) -> int:
        return self.amount - self.committed


# --- Appraisal councils -------------------------------------------------------------------------------


class Council(models.Model):
    """An appraisal (selection) council set up by a decision of the Department for a round of applications."""

    province = models.ForeignKey(
        "plans.Province", on_delete=models.PROTECT, related_name="support_councils", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appraisal council")
        verbose_name_plural = _("appraisal councils")
        ordering = ["province__name", "-year", "-round", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year}, {self.round})"


class CouncilMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        MEMBER = "member", _("member")
        SECRETARY = "secretary", _("secretary")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members", verbose_name=_("council"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_seats",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["council", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="councilmember_unique"),
            models.UniqueConstraint(fields=["council"], condition=Q(role="chair"), name="councilmember_one_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


# --- Applications --------------------------------------------------------------------------------------


class Application(models.Model):
    """An enterprise's application for support under one rule of a policy, for one budget year."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="support_applications",
        verbose_name=_("enterprise"),
    )
    rule = models.ForeignKey(
        SupportRule, on_delete=models.PROTECT, related_name="applications", verbose_name=_("support content")
    )
    # The policy's province, copied when the application is created: the scope of the province's staff.
    province = models.ForeignKey(
        "plans.Province",
        on_delete=models.PROTECT,
        related_name="support_applications",
        verbose_name=_("province"),
        editable=False,
    )
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(pgettext_lazy("application", "title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    quantity = models.PositiveSmallIntegerField(
        _("quantity"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Number of systems or products the cap is counted for."),
    )
    counterpart_funds = models.BigIntegerField(
        _("counterpart funds (VND)"), default=0, validators=[MinValueValidator(0)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    max_support = models.BigIntegerField(_("maximum support (VND)"), null=True, blank=True, editable=False)
    approved_amount = models.BigIntegerField(_("approved support (VND)"), null=True, blank=True, editable=False)
    final_amount = models.BigIntegerField(_("final support (VND)"), null=True, blank=True, editable=False)
    paid_total = models.BigIntegerField(_("paid (VND)"), default=0, editable=False)
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("council"),
        editable=False,
    )
    allocation = models.ForeignKey(
        BudgetAllocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("budget allocation"),
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("support application")
        verbose_name_plural = _("support applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(name="application_status_valid", condition=Q(status__in=Status.values)),
            models.CheckConstraint(name="application_quantity_positive", condition=Q(quantity__gte=1)),
            models.CheckConstraint(name="application_counterpart_not_negative", condition=Q(counterpart_funds__gte=0)),
            models.CheckConstraint(
                name="application_max_not_negative", condition=Q(max_support__isnull=True) | Q(max_support__gte=0)
            ),
            models.CheckConstraint(
                name="application_approved_within_max",
                condition=Q(approved_amount__isnull=True)
                | Q(approved_amount__gte=0, max_support__isnull=False, approved_amount__lte=F("max_support")),
            ),
            models.CheckConstraint(
                name="application_final_within_approved",
                condition=Q(final_amount__isnull=True)
                | Q(final_amount__gte=0, approved_amount__isnull=False, final_amount__lte=F("approved_amount")),
            ),
            models.CheckConstraint(
                name="application_paid_within_final",
                condition=Q(paid_total=0)
                | Q(paid_total__gt=0, final_amount__isnull=False, paid_total__lte=F("final_amount")),
            ),
        ]
        indexes = [
            models.Index(fields=["province", "status"], name="application_province_status"),
            models.Index(fields=["enterprise", "status"], name="application_enterprise_status"),
            models.Index(fields=["budget_year", "status"], name="application_year_status"),
            # National scale (docs/performance.md): each order of the staff's queue and of the API walks an
            # index and stops after a page, instead of sorting every application of the country.
            models.Index(fields=["submitted_at", "id"], name="application_submitted_idx"),
            models.Index(fields=["created_at", "id"], name="application_created_idx"),
            models.Index(fields=["max_support", "id"], name="application_max_support_idx"),
            models.Index(fields=["budget_year", "id"], name="application_year_id_idx"),
            models.Index(fields=["status", "-id"], name="application_status_id_idx"),
            # A status or a year filtered, oldest first: recent states and years sit at the end of the submission
            # order, so a walk of application_submitted_idx would cross most of the table to find them.
            models.Index(fields=["status", "submitted_at", "id"], name="application_status_sub_idx"),
            models.Index(fields=["budget_year", "submitted_at", "id"], name="application_year_sub_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}" if self.pk else self.title

    @property
    def policy(self) -> SupportPolicy:
        return self.rule.policy

    @property
    def remaining_to_pay(self) -> int:
        return (self.final_amount or 0) - self.paid_total

    @property
    def status_pill(self) -> str:
        """The CSS class of the status pill: ok, warn or bad."""
        if self.status in (Status.APPROVED, Status.CONTRACTED, Status.ACCEPTED, Status.PAID):
            return "ok"
        if self.status in (Status.REJECTED, Status.WITHDRAWN, Status.CANCELLED):
            return "bad"
        return "warn"


class CostItem(models.Model):
    """A line of the application's cost estimate; its actual amount is entered for acceptance."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="cost_items", verbose_name=_("application")
    )
    kind = models.CharField(_("kind of cost"), max_length=24, choices=CostKind.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)
    estimated_amount = models.BigIntegerField(_("estimated (VND)"), validators=[MinValueValidator(0)])
    actual_amount = models.BigIntegerField(_("actual (VND)"), null=True, blank=True, validators=[MinValueValidator(0)])
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        ordering = ["application", "position", "id"]
        constraints = [
            models.CheckConstraint(name="costitem_estimate_not_negative", condition=Q(estimated_amount__gte=0)),
            models.CheckConstraint(
                name="costitem_actual_not_negative", condition=Q(actual_amount__isnull=True) | Q(actual_amount__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.description}".strip()


class Attachment(models.Model):
    """A document of the dossier. Stored in private storage, checked by extension and content, ≤ 10 MB."""

    class Kind(models.TextChoices):
        APPLICATION_FORM = "application_form", _("application form")
        BUSINESS_REGISTRATION = "business_registration", _("business registration certificate")
        PROJECT_DESCRIPTION = "project_description", _("project description with cost estimate")
        QUOTATION = "quotation", _("quotation")
        INVOICE = "invoice", _("invoice")
        ACCEPTANCE_EVIDENCE = "acceptance_evidence", _("acceptance evidence")
        OTHER = "other", _("other")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("application")
    )
    kind = models.CharField(_("kind of document"), max_length=24, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "kind", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ApplicationEvent(models.Model):
    """One row per status change: the transition log the workflow writes."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    transition = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(pgettext_lazy("status change", "from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(pgettext_lazy("status change", "to"), max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["application", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ApplicationMessage(models.Model):
    """A message between the enterprise and the province's staff about an application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="messages", verbose_name=_("application")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    from_enterprise = models.BooleanField(_("from the enterprise"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["application", "created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class Review(models.Model):
    """A council member's review of an application: a score and a recommendation, or a declared conflict
    of interest (then no score)."""

    class Recommendation(models.TextChoices):
        APPROVE = "approve", pgettext_lazy("council recommendation", "approve")
        REJECT = "reject", pgettext_lazy("council recommendation", "reject")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    member = models.ForeignKey(
        CouncilMember, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("council member")
    )
    conflict_of_interest = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    opinion = models.TextField(_("opinion"), blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=10, choices=Recommendation.choices, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "member__role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "member"], name="review_one_per_member"),
            models.CheckConstraint(
                name="review_conflict_or_score",
                condition=Q(conflict_of_interest=True, score__isnull=True, recommendation="")
                | Q(
                    conflict_of_interest=False,
                    score__isnull=False,
                    score__gte=0,
                    score__lte=100,
                    recommendation__in=["approve", "reject"],
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.application}"


class Decision(models.Model):
    """The approval decision (quyết định phê duyệt), recorded with the approve transition."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="decision", verbose_name=_("application")
    )
    number = models.CharField(_("decision number"), max_length=60)
    decided_on = models.DateField(_("decision date"))
    signer_name = models.CharField(_("signed by"), max_length=150)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    approved_amount = models.BigIntegerField(_("approved support (VND)"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("approval decision")
        verbose_name_plural = _("approval decisions")
        ordering = ["-decided_on", "id"]
        constraints = [models.CheckConstraint(name="decision_amount_positive", condition=Q(approved_amount__gt=0))]

    def __str__(self) -> str:
        return self.number


class Contract(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="contract", verbose_name=_("application")
    )
    number = models.CharField(_("contract number"), max_length=60)
    signed_on = models.DateField(_("date signed"))
    signer_name = models.CharField(_("signed by"), max_length=150)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-signed_on", "id"]

    def __str__(self) -> str:
        return self.number


class Acceptance(models.Model):
    """The acceptance (nghiệm thu): the actual costs and the final support they give."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="acceptance", verbose_name=_("application")
    )
    accepted_on = models.DateField(_("acceptance date"))
    minutes_number = models.CharField(_("minutes number"), max_length=60)
    actual_cost = models.BigIntegerField(_("actual cost (VND)"))
    eligible_actual_cost = models.BigIntegerField(_("eligible actual cost (VND)"))
    quoted_support = models.BigIntegerField(_("support on actual costs (VND)"))
    final_amount = models.BigIntegerField(_("final support (VND)"))
    explanation = models.JSONField(_("calculation"), default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("acceptance")
        verbose_name_plural = _("acceptances")
        ordering = ["-accepted_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="acceptance_amounts_not_negative",
                condition=Q(
                    actual_cost__gte=0, eligible_actual_cost__gte=0, quoted_support__gte=0, final_amount__gte=0
                ),
            ),
            models.CheckConstraint(
                name="acceptance_final_within_quote", condition=Q(final_amount__lte=F("quoted_support"))
            ),
        ]

    def __str__(self) -> str:
        return self.minutes_number


class Payment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="payments", verbose_name=_("application")
    )
    paid_on = models.DateField(_("payment date"))
    amount = models.BigIntegerField(_("amount (VND)"), validators=[MinValueValidator(1)])
    reference = models.CharField(_("reference"), max_length=100, help_text=_("Payment order or voucher number."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["application", "paid_on", "id"]
        constraints = [models.CheckConstraint(name="payment_amount_positive", condition=Q(amount__gt=0))]

    def __str__(self) -> str:
        return f"{self.reference} · {self.paid_on:%d/%m/%Y}"
