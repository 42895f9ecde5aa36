"""Enterprises the programme supports: their profile, size class, certificates, awards and the claims
of people who register with a tax code that is already on file."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.collation import VietnameseCharField

from .sizes import SectorGroup, SizeClass
from .taxcodes import TAX_CODE_PATTERN, validate_tax_code


class Sector(models.Model):
    """A business sector (a section of the Vietnamese economic activity system, VSIC), in the
    Decree 80/2021 group that sets the size limits. Catalogue data, loaded by a migration."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=255)
    group = models.CharField(_("Decree 80 group"), max_length=20, choices=SectorGroup.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Enterprise(models.Model):
    """An enterprise, cooperative, S&T organisation or household business in a province.

    The size class is computed by ``services`` from the main sector, employees and revenue or capital
    (Decree 80/2021/NĐ-CP Art. 5) whenever one of them changes, and stored for filtering."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("company")
        COOPERATIVE = "cooperative", _("cooperative")
        ST_ORGANISATION = "st_organisation", _("science and technology organisation")
        HOUSEHOLD = "household", _("household business")

    class Ownership(models.TextChoices):
        STATE = "state", _("state-owned")
        PRIVATE = "private", _("private")
        FDI = "fdi", _("foreign-invested (FDI)")

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting verification")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")
        SUSPENDED = "suspended", _("suspended")

    tax_code = models.CharField(
        _("tax code"),
        max_length=14,
        unique=True,
        validators=[validate_tax_code],
        error_messages={"unique": _("An enterprise with this tax code is already registered.")},
        help_text=_("10 digits, or 10 digits, a dash and 3 digits for a branch."),
    )
    name = VietnameseCharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    english_name = models.CharField(_("English name"), max_length=255, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    ownership = models.CharField(_("ownership"), max_length=10, choices=Ownership.choices, default=Ownership.PRIVATE)
    main_sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="main_enterprises", verbose_name=_("main sector")
    )
    other_sectors = models.ManyToManyField(
        Sector, blank=True, related_name="enterprises", verbose_name=_("other sectors")
    )
    employees = models.PositiveIntegerField(
        _("employees"), help_text=_("Average number of employees with social insurance over the last year.")
    )
    revenue = models.BigIntegerField(
        _("revenue (VND)"), validators=[MinValueValidator(0)], help_text=_("Total revenue of the last year.")
    )
    capital = models.BigIntegerField(_("total capital (VND)"), validators=[MinValueValidator(0)])
    size_class = models.CharField(_("size"), max_length=10, choices=SizeClass.choices, editable=False)
    priority_products = models.TextField(_("main and priority products"), blank=True)
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5)],
        help_text=_("The highest OCOP rating of the enterprise's products, if any."),
    )
    province = models.ForeignKey(
        "plans.Province", on_delete=models.PROTECT, related_name="enterprises", verbose_name=_("province")
    )
    commune = models.CharField(_("commune / ward"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    representative_name = models.CharField(_("legal representative"), max_length=150, blank=True)
    representative_title = models.CharField(_("legal representative's title"), max_length=150, blank=True)
    status = models.CharField(
        _("verification status"), max_length=10, choices=Status.choices, default=Status.PENDING, editable=False
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
        editable=False,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    status_reason = models.TextField(
        _("reason"), blank=True, editable=False, help_text=_("Why the registration was rejected or suspended.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                name="enterprise_tax_code_format",
                condition=Q(tax_code__regex=TAX_CODE_PATTERN),
                violation_error_message=_("Write the tax code as 0100233488 or, for a branch, 0314409058-002."),
            ),
            models.CheckConstraint(name="enterprise_revenue_not_negative", condition=Q(revenue__gte=0)),
            models.CheckConstraint(name="enterprise_capital_not_negative", condition=Q(capital__gte=0)),
            models.CheckConstraint(
                name="enterprise_ocop_stars_0_to_5",
                condition=Q(ocop_stars__isnull=True) | Q(ocop_stars__gte=0, ocop_stars__lte=5),
                violation_error_message=_("OCOP stars go from 0 to 5."),
            ),
            models.CheckConstraint(name="enterprise_size_class_valid", condition=Q(size_class__in=SizeClass.values)),
            # Verified and suspended enterprises were verified by someone at some time; rejected and
            # suspended ones say why.
            models.CheckConstraint(
                name="enterprise_status_consistent",
                condition=Q(status="pending")
                | Q(status="verified", verified_at__isnull=False)
                | (Q(status="rejected") & ~Q(status_reason=""))
                | (Q(status="suspended", verified_at__isnull=False) & ~Q(status_reason="")),
            ),
        ]
        indexes = [
            models.Index(fields=["province", "status"], name="enterprise_province_status_idx"),
            # Lists are ordered by name (docs/performance.md): walked in order, never sorted whole.
            models.Index(fields=["name", "id"], name="enterprise_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enterprises:enterprise_detail", args=[self.pk])

    @property
    def is_sme(self) -> bool:
        return self.size_class != SizeClass.LARGE

    @property
    def status_pill(self) -> str:
        """The CSS class of the status pill: ok, warn or bad."""
        return {
            self.Status.VERIFIED: "ok",
            self.Status.PENDING: "warn",
        }.get(self.status, "bad")


class Contact(models.Model):
    """A person the Department can contact at the enterprise (not necessarily a portal user)."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("enterprise")
    )
    name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["enterprise", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.position})" if self.position else self.name


class Certificate(models.Model):
    """A management-system or product-scheme certificate the enterprise holds."""

    class Standard(models.TextChoices):
        ISO_9001 = "iso_9001", "ISO 9001"
        ISO_14001 = "iso_14001", "ISO 14001"
        ISO_22000 = "iso_22000", "ISO 22000"
        ISO_45001 = "iso_45001", "ISO 45001"
        ISO_50001 = "iso_50001", "ISO 50001"
        ISO_56000 = "iso_56000", _("ISO 56000 series (innovation management)")
        ISO_27001 = "iso_27001", "ISO/IEC 27001"
        HACCP = "haccp", "HACCP"
        VIETGAP = "vietgap", "VietGAP"
        GLOBALGAP = "globalgap", "GlobalG.A.P."
        ORGANIC = "organic", _("organic")
        OTHER = "other", _("other")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("enterprise")
    )
    standard = models.CharField(_("standard"), max_length=20, choices=Standard.choices)
    other_standard = models.CharField(
        _("name of the standard"), max_length=150, blank=True, help_text=_('For "other": e.g. "FSSC 22000".')
    )
    number = models.CharField(_("certificate number"), max_length=100)
    certification_body = models.CharField(_("certification body"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["enterprise", "-issued_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="certificate_expires_after_issue",
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=F("issued_on")),
                violation_error_message=_("The expiry date must be after the date of issue."),
            ),
            models.CheckConstraint(
                name="certificate_other_has_name",
                condition=(Q(standard="other") & ~Q(other_standard="")) | (~Q(standard="other") & Q(other_standard="")),
                violation_error_message=_('Name the standard when you choose "other", and only then.'),
            ),
            models.UniqueConstraint(
                fields=["enterprise", "standard", "number"],
                name="certificate_unique_number_per_standard",
                violation_error_message=_("This certificate is already recorded."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard_name} · {self.number}"

    @property
    def standard_name(self) -> str:
        return self.other_standard if self.standard == self.Standard.OTHER else str(self.get_standard_display())

    def is_valid_on(self, day) -> bool:
        return self.issued_on <= day and (self.expires_on is None or day <= self.expires_on)

    @property
    def is_current(self) -> bool:
        return self.is_valid_on(timezone.localdate())


class Award(models.Model):
    """The enterprise's result in the National Quality Award of a year (1,000-point scale: the award
    needs at least 600 points, the gold award at least 800)."""

    class Result(models.TextChoices):
        ENTRANT = "entrant", _("entrant")
        AWARD = "award", _("National Quality Award")
        GOLD = "gold", _("Gold National Quality Award")

    AWARD_MIN_SCORE = 600
    GOLD_MIN_SCORE = 800

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="awards", verbose_name=_("enterprise")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1996), MaxValueValidator(2100)])
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MaxValueValidator(1000)], help_text=_("Out of 1,000 points.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("National Quality Award result")
        verbose_name_plural = _("National Quality Award results")
        ordering = ["enterprise", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "year"],
                name="award_one_result_per_year",
                violation_error_message=_("A result is already recorded for this year."),
            ),
            models.CheckConstraint(
                name="award_score_0_to_1000", condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1000)
            ),
            models.CheckConstraint(
                name="award_score_matches_result",
                condition=Q(score__isnull=True)
                | Q(result="entrant")
                | Q(result="award", score__gte=600)
                | Q(result="gold", score__gte=800),
                violation_error_message=_("The award needs at least 600 points and the gold award at least 800."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.get_result_display()}"

    @property
    def is_winner(self) -> bool:
        return self.result in (self.Result.AWARD, self.Result.GOLD)


class EnterpriseClaim(models.Model):
    """Someone registered with a tax code already on file and asks to join that enterprise.

    Never attached silently: province staff approve (an active membership is created) or reject."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting decision")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enterprise_claims", verbose_name=_("user")
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="claims", verbose_name=_("enterprise")
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("claim to an enterprise")
        verbose_name_plural = _("claims to enterprises")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "enterprise"],
                condition=Q(status="pending"),
                name="claim_one_pending_per_user_and_enterprise",
                violation_error_message=_("You have already asked to join this enterprise."),
            ),
            models.CheckConstraint(
                name="claim_decision_consistent",
                condition=Q(status="pending", decided_at__isnull=True)
                | Q(status="approved", decided_at__isnull=False)
                | (Q(status="rejected", decided_at__isnull=False) & ~Q(reason="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.enterprise}"
