"""Provinces, units and the provinces' plans: legal basis, phases, objectives, targets, tasks, budgets."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.collation import VietnameseCharField

MERGER_DATE_ISO = "2025-07-01"


class Province(models.Model):
    """A province or centrally governed city, with its validity and successor across the 2025 merger.

    Several provinces formed on 1 July 2025 reuse an old province's statistics code (GSO code), so the
    stable identity is ``key``, not the code.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("centrally governed city")

    key = models.SlugField(_("key"), max_length=40, unique=True)
    gso_code = models.CharField(_("statistics code"), max_length=2)
    name = VietnameseCharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name", "valid_from"]
        constraints = [
            models.CheckConstraint(
                name="province_valid_period",
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
            ),
            models.CheckConstraint(name="province_not_own_successor", condition=~Q(successor=F("pk"))),
        ]

    def __str__(self) -> str:
        if self.valid_to:
            return _("%(name)s (until %(date)s)") % {"name": self.name, "date": self.valid_to.strftime("%d/%m/%Y")}
        if self.valid_from:
            return _("%(name)s (from %(date)s)") % {"name": self.name, "date": self.valid_from.strftime("%d/%m/%Y")}
        return self.name

    @property
    def title(self) -> str:
        """ "Tỉnh Kon Tum", "Thành phố Hà Nội"."""
        prefix = _("City") if self.kind == self.Kind.CITY else _("Province")
        return f"{prefix} {self.name}"

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class Unit(models.Model):
    """A body that leads or coordinates tasks: a department, a district, an association, a council.
    Units are data: names changed in 2025 and districts were abolished. A unit with no province is
    national (the Ministry, its standards directorate)."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("department or provincial agency")
        DISTRICT = "district", _("district / city people's committee")
        ASSOCIATION = "association", _("association or cooperative alliance")
        COUNCIL = "council", _("council or board")
        MEDIA = "media", _("press, radio and television")
        ORGANISATION = "organisation", _("S&T or conformity assessment organisation")
        NATIONAL = "national", _("national body")
        ENTERPRISES = "enterprises", _("enterprises")
        GROUP = "group", _("group of units")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="units", verbose_name=_("province")
    )
    name = VietnameseCharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("One per line: other ways documents write this unit, used to recognise pasted tables."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["province__name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="unit_unique_name_per_province", nulls_distinct=False
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:unit_list") + f"?province={self.province_id or ''}"

    @property
    def alias_list(self) -> list[str]:
        names = [self.name]
        if self.short_name:
            names.append(self.short_name)
        names += [line.strip() for line in self.aliases.splitlines() if line.strip()]
        return names


class LegalDocument(models.Model):
    """A legal document cited as the basis of a plan or a policy: number, date, issuer."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("decision")
        RESOLUTION = "resolution", _("resolution")
        DECREE = "decree", _("decree")
        CIRCULAR = "circular", _("circular")
        JOINT_CIRCULAR = "joint_circular", _("joint circular")
        PLAN = "plan", _("plan")
        LAW = "law", _("law")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DECISION)
    number = models.CharField(_("number"), max_length=60, help_text=_('As written, e.g. "1322/QĐ-TTg".'))
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=200, help_text=_('e.g. "Thủ tướng Chính phủ".'))
    title = models.TextField(pgettext_lazy("document", "title"), blank=True)

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issued_on"], name="legaldocument_unique_number_date", nulls_distinct=False
            ),
        ]

    def __str__(self) -> str:
        if self.issued_on:
            return _("%(number)s of %(date)s") % {"number": self.number, "date": self.issued_on.strftime("%d/%m/%Y")}
        return self.number


class Programme(models.TextChoices):
    NSCL_2021_2030 = "1322", _("National programme 2021-2030 (Decision 1322/QĐ-TTg)")
    NSCL_2010_2020 = "712", _("National programme to 2020 (Decision 712/QĐ-TTg)")


class Plan(models.Model):
    """A province's plan (Kế hoạch), scheme (Đề án) or project (Dự án) implementing the programme."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("plan")
        SCHEME = "scheme", _("scheme")
        PROJECT = "project", _("project")

    class Status(models.TextChoices):
        """What staff record. An issued plan ("in_force") takes its standing from its period and today's
        date (:class:`Standing`); "ended" ends it before its period does."""

        DRAFT = "draft", _("draft")
        IN_FORCE = "in_force", _("in force")
        ENDED = "ended", _("ended")

    class Standing(models.TextChoices):
        """Where the plan stands today (``accounts.clock.today``), computed by ``plans.standing``."""

        DRAFT = "draft", pgettext_lazy("plan standing", "draft")
        UPCOMING = "upcoming", pgettext_lazy("plan standing", "not yet in force")
        IN_FORCE = "in_force", pgettext_lazy("plan standing", "in force")
        SUPERSEDED = "superseded", pgettext_lazy("plan standing", "superseded by a later plan")
        ENDED = "ended", pgettext_lazy("plan standing", "ended")

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="plans", verbose_name=_("province"))
    programme = models.CharField(
        _("programme"), max_length=10, choices=Programme.choices, default=Programme.NSCL_2021_2030
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PLAN)
    title = models.TextField(pgettext_lazy("document", "title"))
    number = models.CharField(_("number"), max_length=60, blank=True, help_text=_('e.g. "187/KH-UBND".'))
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issued_note = models.CharField(
        _("date as written"),
        max_length=100,
        blank=True,
        help_text=_('When the document gives no full date, e.g. "tháng 9 năm 2021".'),
    )
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signature_block = models.TextField(
        _("signature block"),
        blank=True,
        default="",
        db_default="",  # rows written in bulk without it (support/scale.py) have none
        help_text=_(
            "As the document prints it above the name, one line each: "
            "«TM. ỦY BAN NHÂN DÂN», «KT. CHỦ TỊCH», «PHÓ CHỦ TỊCH»."
        ),
    )
    start_year = models.PositiveSmallIntegerField(
        _("from year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("to year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    legal_basis = models.ManyToManyField(
        LegalDocument, through="PlanLegalBasis", related_name="plans", blank=True, verbose_name=_("legal basis")
    )
    funding = models.TextField(_("funding"), blank=True, help_text=_("The plan's section on funding, as written."))
    source_note = models.TextField(_("source"), blank=True, help_text=_("Where the text of this plan was taken from."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["province__name", "-start_year", "id"]
        constraints = [
            models.CheckConstraint(name="plan_period_order", condition=Q(end_year__gte=F("start_year"))),
        ]
        indexes = [models.Index(fields=["province", "start_year"], name="plan_province_year_idx")]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display().capitalize()} {self.number or ''} {self.province.name} "
            f"{self.start_year}-{self.end_year}".replace("  ", " ")
        )

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def signature_lines(self) -> list[str]:
        """The signature block as printed above the signer's name: the lines as written, or (for a plan
        entered without them) the signer's title in capitals."""
        lines = [line.strip() for line in self.signature_block.splitlines() if line.strip()]
        return lines or [line.strip().upper() for line in self.signer_title.splitlines() if line.strip()]

    @property
    def standing(self) -> str:
        """Where the plan stands today: the annotation of ``plans.standing.with_standing`` when the
        queryset has it, otherwise computed for this plan alone (one query for a later plan)."""
        annotated = self.__dict__.get("standing_now")
        if annotated is not None:
            return annotated
        from .standing import plan_standing

        return plan_standing(self)

    @property
    def standing_label(self) -> str:
        return str(self.Standing(self.standing).label)

    @property
    def standing_pill(self) -> str:
        return {self.Standing.IN_FORCE: "ok", self.Standing.DRAFT: "warn", self.Standing.UPCOMING: "warn"}.get(
            self.standing, ""
        )


class PlanLegalBasis(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="basis_links")
    document = models.ForeignKey(
        LegalDocument, on_delete=models.PROTECT, related_name="plan_links", verbose_name=_("legal document")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    wording = models.TextField(
        _("as written"),
        blank=True,
        default="",
        db_default="",
        help_text=_("The plan's own sentence citing the document («Căn cứ Quyết định số ...;»), word for word."),
    )

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal basis")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "document"], name="plan_basis_unique")]

    def __str__(self) -> str:
        return str(self.document)


class Phase(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases", verbose_name=_("plan"))
    name = models.CharField(_("name"), max_length=100)
    start_year = models.PositiveSmallIntegerField(_("from year"))
    end_year = models.PositiveSmallIntegerField(_("to year"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["plan", "start_year", "position"]
        constraints = [
            models.CheckConstraint(name="phase_period_order", condition=Q(end_year__gte=F("start_year"))),
            models.UniqueConstraint(fields=["plan", "start_year"], name="phase_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}-{self.end_year})"

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class Objective(models.Model):
    """A general objective (mục tiêu chung), as written."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("plan"))
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("general objective")
        verbose_name_plural = _("general objectives")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Indicator(models.Model):
    """What a target is measured by. Computed from the portal's own data where it can be, otherwise
    entered with its source (labour productivity and TFP come from the statistics office)."""

    class Source(models.TextChoices):
        COMPUTED = "computed", _("computed from portal data")
        MANUAL = "manual", _("entered with its source")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit of measure"), max_length=60)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    computation = models.CharField(
        _("computation"),
        max_length=60,
        blank=True,
        help_text=_("For computed indicators: which count of portal data measures it (see reporting)."),
    )
    parameter = models.CharField(
        _("parameter"), max_length=60, blank=True, help_text=_("Narrows the computation, e.g. a support content code.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """A specific target (chỉ tiêu): the wording as written, and its numbers in a comparable form.

    The kinds the documents use are combinations of what is measured, over which period and how:
    "≥10 experts" per phase, "≥2 enterprises per year", "10-20 enterprises per year", "80 % of key
    products", "+3-5 %/year", "labour productivity >7 %/year", "TFP ≈30 %".
    """

    class Measure(models.TextChoices):
        COUNT = "count", _("count")
        PERCENTAGE = "percentage", _("percentage")
        GROWTH_RATE = "growth_rate", _("growth rate")
        SHARE = "share", _("share")

    class Period(models.TextChoices):
        PHASE = "phase", _("per phase")
        YEAR = "year", _("per year")

    class Comparator(models.TextChoices):
        AT_LEAST = "at_least", "≥"
        MORE_THAN = "more_than", ">"
        EXACTLY = "exactly", "="
        APPROXIMATELY = "approximately", "≈"
        RANGE = "range", _("from … to …")
        QUALITATIVE = "qualitative", _("no number")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("plan"))
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="targets", verbose_name=_("phase"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("wording"), help_text=_("The target as the document words it."))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    measure = models.CharField(_("measure"), max_length=15, choices=Measure.choices, default=Measure.COUNT)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices, default=Period.PHASE)
    comparator = models.CharField(
        _("comparator"), max_length=15, choices=Comparator.choices, default=Comparator.AT_LEAST
    )
    value_min = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    value_max = models.DecimalField(_("up to"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_('As the target counts it: "chuyên gia", "lượt người", "%".')
    )

    class Meta:
        verbose_name = _("specific target")
        verbose_name_plural = _("specific targets")
        ordering = ["plan", "phase__start_year", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="target_values_match_comparator",
                condition=(
                    Q(comparator="qualitative", value_min__isnull=True, value_max__isnull=True)
                    | Q(
                        comparator="range",
                        value_min__isnull=False,
                        value_max__isnull=False,
                        value_max__gte=F("value_min"),
                    )
                    | (
                        Q(
                            comparator__in=["at_least", "more_than", "exactly", "approximately"],
                            value_min__isnull=False,
                            value_max__isnull=True,
                        )
                    )
                ),
            ),
            models.CheckConstraint(
                name="target_values_not_negative", condition=Q(value_min__isnull=True) | Q(value_min__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.value_display}"

    @property
    def kind_label(self) -> str:
        """The target's kind in the documents' terms: count per phase, range per year, ..."""
        if self.comparator == self.Comparator.QUALITATIVE:
            return str(_("qualitative"))
        labels = {
            (self.Measure.COUNT, self.Period.PHASE): _("count per phase"),
            (self.Measure.COUNT, self.Period.YEAR): _("count per year"),
            (self.Measure.PERCENTAGE, self.Period.PHASE): _("percentage"),
            (self.Measure.PERCENTAGE, self.Period.YEAR): _("percentage per year"),
            (self.Measure.GROWTH_RATE, self.Period.YEAR): _("growth rate per year"),
            (self.Measure.GROWTH_RATE, self.Period.PHASE): _("growth rate"),
            (self.Measure.SHARE, self.Period.PHASE): _("share"),
            (self.Measure.SHARE, self.Period.YEAR): _("share per year"),
        }
        label = str(labels[(self.measure, self.period)])
        if self.comparator == self.Comparator.RANGE and self.measure == self.Measure.COUNT:
            label = str(_("range per year")) if self.period == self.Period.YEAR else str(_("range per phase"))
        elif self.comparator == self.Comparator.APPROXIMATELY and self.measure == self.Measure.SHARE:
            label = str(_("approximate share"))
        return label

    @property
    def value_display(self) -> str:
        from .formatting import format_number

        if self.comparator == self.Comparator.QUALITATIVE:
            return "—"
        suffix = " %" if self.measure != self.Measure.COUNT else ""
        low = format_number(self.value_min)
        if self.comparator == self.Comparator.RANGE:
            text = f"{low}–{format_number(self.value_max)}{suffix}"
        else:
            text = f"{self.get_comparator_display()} {low}{suffix}"
        if self.period == self.Period.YEAR:
            text += str(_("/year"))
        return text


class Task(models.Model):
    """A row of the plan's task table. A group row (numbered I, II, ... in most documents, "Nhiệm vụ 1"
    in Kon Tum's) heads the rows under it (``parent``); a group row may itself have a lead unit and
    timeframe."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("plan"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("group")
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    number = models.CharField(_("number"), max_length=20, blank=True)
    is_group = models.BooleanField(
        _("group row"), default=False, help_text=_("A row that heads the tasks listed under it.")
    )
    content = models.TextField(_("content"))
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="led_tasks", verbose_name=_("lead unit")
    )
    coordinating_units = models.ManyToManyField(
        Unit, blank=True, related_name="coordinated_tasks", verbose_name=_("coordinating units")
    )
    coordinating_text = models.TextField(
        _("coordinating units as written"),
        blank=True,
        help_text=_("The document's wording; recognised units are linked above."),
    )
    timeframe = models.CharField(
        _("timeframe"),
        max_length=100,
        blank=True,
        help_text=_('As written: "2023", "2021-2023", "2023 2027", "Hàng năm".'),
    )
    is_annual = models.BooleanField(_("every year"), default=False)
    timeframe_spans = models.JSONField(
        _("years"), default=list, blank=True, help_text=_("[[from, to], ...] parsed from the timeframe.")
    )
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    expected_output = models.TextField(_("expected output"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="task_group_is_top_level", condition=Q(is_group=False) | Q(parent__isnull=True)
            ),
            models.CheckConstraint(
                name="task_year_order",
                condition=Q(first_year__isnull=True) | Q(last_year__isnull=True) | Q(last_year__gte=F("first_year")),
            ),
        ]
        indexes = [models.Index(fields=["plan", "position"], name="task_plan_position_idx")]

    def __str__(self) -> str:
        prefix = f"{self.number}. " if self.number else ""
        return prefix + (self.content[:90] + ("…" if len(self.content) > 90 else ""))

    def active_in(self, year: int) -> bool:
        """Is the task scheduled in ``year``? Annual tasks run every year of the plan."""
        if self.is_annual:
            return self.plan.start_year <= year <= self.plan.end_year
        return any(start <= year <= end for start, end in self.timeframe_spans)


class BudgetSource(models.TextChoices):
    STATE_CENTRAL = "state_central", _("central state budget")
    STATE_LOCAL = "state_local", _("local state budget")
    ENTERPRISE = "enterprise", _("enterprise counterpart")
    OTHER = "other", _("other lawful sources")


STATE_SOURCES = (BudgetSource.STATE_CENTRAL, BudgetSource.STATE_LOCAL)


class BudgetLine(models.Model):
    """A line of the plan's cost estimate. A leaf line has an estimate and the share the state
    supports; the rest is the enterprises' counterpart. A heading line sums the lines under it.
    Amounts are whole VND."""

    class Category(models.TextChoices):
        COMMUNICATION = "communication", _("communication")
        ENTERPRISE_SUPPORT = "enterprise_support", _("enterprise support")
        TRAINING = "training", _("training")
        OPERATIONS = "operations", _("operations")
        OTHER = "other", _("other")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("plan"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("heading")
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    number = models.CharField(_("number"), max_length=20, blank=True)
    content = models.TextField(_("content"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.OTHER)
    estimate = models.BigIntegerField(_("estimate (VND)"), null=True, blank=True, validators=[MinValueValidator(0)])
    support_rate = models.DecimalField(
        _("support rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the estimate paid by the state budget."),
    )
    state_source = models.CharField(
        _("state budget level"),
        max_length=20,
        choices=[(s.value, s.label) for s in STATE_SOURCES],
        default=BudgetSource.STATE_LOCAL,
    )
    basis = models.TextField(_("related documents"), blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="budgetline_estimate_not_negative", condition=Q(estimate__isnull=True) | Q(estimate__gte=0)
            ),
            models.CheckConstraint(
                name="budgetline_rate_between_0_and_100",
                condition=Q(support_rate__isnull=True) | Q(support_rate__gte=0, support_rate__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:80]}" if self.number else self.content[:80]

    @property
    def state_amount(self) -> int | None:
        """The state's share of a leaf line: estimate × rate, rounded half up to the VND."""
        if self.estimate is None or self.support_rate is None:
            return None
        return int((Decimal(self.estimate) * self.support_rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def enterprise_amount(self) -> int | None:
        state = self.state_amount
        return None if state is None else self.estimate - state


class BudgetAmount(models.Model):
    """Money planned for a budget line in one year from one source (e.g. the state share by year)."""

    line = models.ForeignKey(
        BudgetLine, on_delete=models.CASCADE, related_name="amounts", verbose_name=_("budget line")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=20, choices=BudgetSource.choices)
    amount = models.BigIntegerField(_("amount (VND)"), validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("budget amount by year")
        verbose_name_plural = _("budget amounts by year")
        ordering = ["line", "year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["line", "year", "source"], name="budgetamount_unique"),
            models.CheckConstraint(name="budgetamount_not_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.line} · {self.year} · {self.get_source_display()}"


class SupportLine(models.Model):
    """A line of the plan's own support table ("Về chính sách hỗ trợ", "Chính sách hỗ trợ doanh nghiệp tham
    gia dự án"): what the state budget pays for, at what rate and up to what cap, word for word. Lines that are
    not support to enterprises (the programme's communication and training, its management) are lines of the
    table too. The support app's policy rules are the portal's working form of the enterprise lines; this is
    the document's own table."""

    class Beneficiary(models.TextChoices):
        ENTERPRISES = "enterprises", _("support to enterprises")
        PROGRAMME = "programme", _("the programme's own activities")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="support_lines", verbose_name=_("plan"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.CharField(_("section"), max_length=20, blank=True, help_text=_('As numbered: "III.2.1".'))
    heading = models.TextField(
        _("heading as written"),
        blank=True,
        help_text=_(
            "The sentence that introduces the line: «Ngân sách nhà nước hỗ trợ 100% kinh phí cho các hoạt động sau:»."
        ),
    )
    wording = models.TextField(_("as written"))
    beneficiary = models.CharField(
        _("who benefits"), max_length=12, choices=Beneficiary.choices, default=Beneficiary.ENTERPRISES
    )
    rate = models.DecimalField(
        _("rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Empty when the document sets no rate (support under other regulations)."),
    )
    cap = models.BigIntegerField(_("cap (VND)"), null=True, blank=True, validators=[MinValueValidator(0)])
    cap_per = models.CharField(
        _("cap counted per"),
        max_length=100,
        blank=True,
        help_text=_('As written: "sản phẩm hoặc dịch vụ", "hệ thống".'),
    )
    notes = models.TextField(
        _("portal's notes"), blank=True, help_text=_("What the portal reads into the line, marked as its own reading.")
    )

    class Meta:
        verbose_name = _("line of the support table")
        verbose_name_plural = _("lines of the support table")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="supportline_rate_between_0_and_100",
                condition=Q(rate__isnull=True) | Q(rate__gte=0, rate__lte=100),
            ),
            models.CheckConstraint(name="supportline_cap_not_negative", condition=Q(cap__isnull=True) | Q(cap__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.wording[:80]}".strip()


class Responsibility(models.Model):
    """What a body must do under the plan (its "Tổ chức thực hiện" section), word for word: the body as
    the heading names it (a unit, or the wording of a group of bodies) and its duties, one per line as the
    document lists them. The duties to report that it creates are :class:`ReportingDuty` rows."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("plan"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.CharField(_("section"), max_length=20, blank=True, help_text=_('As numbered: "V.3".'))
    body = models.TextField(
        _("body as written"),
        blank=True,
        help_text=_(
            "The heading naming who is responsible, e.g. «Sở Tài chính chịu trách nhiệm»; "
            "empty for the closing paragraph."
        ),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsibilities",
        verbose_name=_("unit"),
        help_text=_("The unit (or group of units) the heading names, when it is one."),
    )
    text = models.TextField(_("duties as written"), help_text=_("One line per duty, with its dash as written."))

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return f"{self.section} {self.body or self.text[:60]}".strip()

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.strip()]


class ReportingDuty(models.Model):
    """A report the plan requires of a body: who reports (``reporter``), to whom (``recipient_units``, and
    the wording in ``recipients``), how often (``kind``, see :attr:`frequency`) and by when (``due_month``
    and ``due_day``: "trước ngày 30 tháng 11" is 30/11, Hậu Giang's "tháng 5, tháng 12" two duties due in
    May and December), with the sentence that creates it (``note``) and the responsibility it belongs to."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("annual")
        FIVE_YEAR = "five_year", _("five-year")
        PERIODIC = "periodic", _("periodic (period not stated)")
        MID_TERM = "mid_term", _("mid-term review")
        FINAL = "final", _("final review")
        AD_HOC = "ad_hoc", _("ad hoc")

    class Frequency(models.TextChoices):
        YEARLY = "yearly", _("every year")
        FIVE_YEARLY = "five_yearly", _("every five years")
        PERIODIC = "periodic", _("periodically")
        ONCE = "once", _("once")
        ON_REQUEST = "on_request", _("on request")

    class Level(models.TextChoices):
        PROVINCE = "province", _("the province's report (to the People's Committee, the Ministry)")
        UNIT = "unit", _("a body's report to the Department")

    FREQUENCY_OF_KIND = {
        Kind.ANNUAL: Frequency.YEARLY,
        Kind.FIVE_YEAR: Frequency.FIVE_YEARLY,
        Kind.PERIODIC: Frequency.PERIODIC,
        Kind.MID_TERM: Frequency.ONCE,
        Kind.FINAL: Frequency.ONCE,
        Kind.AD_HOC: Frequency.ON_REQUEST,
    }

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_duties", verbose_name=_("plan"))
    responsibility = models.ForeignKey(
        Responsibility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporting_duties",
        verbose_name=_("responsibility"),
        help_text=_("The responsibility whose sentence creates this duty."),
    )
    # db_default: rows written in bulk without these columns (support/scale.py) get them from the database.
    position = models.PositiveSmallIntegerField(_("order"), default=0, db_default=0)
    level = models.CharField(
        _("level"),
        max_length=10,
        choices=Level.choices,
        default=Level.PROVINCE,
        db_default=Level.PROVINCE,
        help_text=_(
            "The province's own report (what the reports section produces), or a body's report to the Department."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reporter = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_duties",
        verbose_name=_("who reports"),
    )
    reporter_text = models.CharField(
        _("who reports, as written"), max_length=255, blank=True, default="", db_default=""
    )
    recipient_units = models.ManyToManyField(
        Unit, blank=True, related_name="reports_received", verbose_name=_("reported to")
    )
    due_month = models.PositiveSmallIntegerField(
        _("due month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    due_day = models.PositiveSmallIntegerField(
        _("due day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("For a review held in one year (2025, 2030).")
    )
    recipients = models.CharField(_("reported to, as written"), max_length=255, blank=True)
    note = models.TextField(_("as written"), blank=True)

    class Meta:
        verbose_name = _("reporting duty")
        verbose_name_plural = _("reporting duties")
        ordering = ["plan", "position", "kind", "year", "due_month", "id"]
        constraints = [
            models.CheckConstraint(
                name="reportingduty_day_needs_month", condition=Q(due_day__isnull=True) | Q(due_month__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        due = ""
        if self.due_day and self.due_month:
            due = f" {self.due_day:02d}/{self.due_month:02d}"
        elif self.due_month:
            due = " " + str(_("month %(month)s") % {"month": self.due_month})
        return f"{self.get_kind_display()}{due}{f' {self.year}' if self.year else ''}"

    @property
    def frequency(self) -> str:
        """How often the report is due, for the reporting calendars: a function of ``kind``."""
        return self.FREQUENCY_OF_KIND[self.kind]

    @property
    def frequency_label(self) -> str:
        return str(self.Frequency(self.frequency).label)

    @property
    def who_reports(self) -> str:
        return self.reporter_text or (str(self.reporter) if self.reporter_id else "")


class Board(models.Model):
    """A board or council the plan sets up or names (Ban Điều hành, Ban chỉ đạo, Tổ giúp việc, Hội đồng
    xét duyệt ...), with its composition as the document gives it: the sentence itself in ``composition``
    and its members one by one (:class:`BoardMember`)."""

    class Kind(models.TextChoices):
        STEERING_BOARD = "steering", _("steering or executive board")
        WORKING_GROUP = "working_group", _("working group")
        COUNCIL = "council", _("council")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="boards", verbose_name=_("plan"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.CharField(_("section"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    name = models.CharField(_("name as written"), max_length=255)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="boards",
        verbose_name=_("unit"),
        help_text=_("The unit row tasks and responsibilities use for this board."),
    )
    established_by = models.TextField(
        _("set up by, as written"), blank=True, help_text=_("The document's sentence on who sets it up.")
    )
    composition = models.TextField(
        _("composition as written"), blank=True, help_text=_("Empty when the document does not give it.")
    )
    duties = models.TextField(_("duties as written"), blank=True)
    notes = models.TextField(_("portal's notes"), blank=True)

    class Meta:
        verbose_name = _("board or council")
        verbose_name_plural = _("boards and councils")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.name


class BoardMember(models.Model):
    """A seat on a board as the document gives it: the role (Trưởng ban, Phó ban, thành viên), the
    capacity ("Phó Chủ tịch", "đại diện lãnh đạo", "cán bộ") and the body it comes from."""

    class Role(models.TextChoices):
        HEAD = "head", _("head")
        STANDING_DEPUTY = "standing_deputy", _("standing deputy head")
        DEPUTY = "deputy", _("deputy head")
        MEMBER = "member", _("member")

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members", verbose_name=_("board"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    role = models.CharField(_("role"), max_length=15, choices=Role.choices, default=Role.MEMBER)
    role_title = models.CharField(_("role as written"), max_length=100, blank=True)
    capacity = models.CharField(_("capacity as written"), max_length=150, blank=True)
    body = models.CharField(_("body as written"), max_length=255)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="board_seats", verbose_name=_("unit")
    )
    source = models.CharField(
        _("where the document says so"), max_length=20, blank=True, help_text=_('The section, e.g. "IV.3".')
    )

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        ordering = ["board", "position", "id"]

    def __str__(self) -> str:
        return " ".join(part for part in (self.capacity, self.body) if part)


# --- What was done: activities, progress of tasks, indicator values entered with their source ----------------


class Activity(models.Model):
    """Something the plan's units did: a training course, a conference, a communication product, a study
    tour, an award ceremony. The raw facts that the computed indicators count (see ``reporting.indicators``).

    One record may stand for several products of the same kind ("03 phóng sự" broadcast in a series):
    ``quantity`` counts them. Costs are whole VND by source."""

    class Kind(models.TextChoices):
        TRAINING_COURSE = "training_course", _("training course")
        EXPERT_TRAINING = "expert_training", _("training of experts")
        CONFERENCE = "conference", _("conference or workshop")
        COMMUNICATION = "communication", _("communication product")
        STUDY_TOUR = "study_tour", _("study tour")
        AWARD = "award", _("award or commendation")

    class CommunicationType(models.TextChoices):
        TV_REPORT = "tv_report", _("TV or radio report")
        TALK_SHOW = "talk_show", _("talk show")
        VIDEO = "video", _("video")
        LEAFLET = "leaflet", _("leaflet or brochure")
        ARTICLE = "article", _("article")
        OTHER = "other", _("other")

    class Audience(models.TextChoices):
        ENTERPRISES = "enterprises", _("enterprises")
        OFFICIALS = "officials", _("officials and civil servants")
        MIXED = "mixed", _("enterprises and officials")

    TRAINING_KINDS = (Kind.TRAINING_COURSE, Kind.EXPERT_TRAINING)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan"))
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("task"),
        help_text=_("The task of the plan this activity carries out, if any."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    communication_type = models.CharField(
        _("type of product"),
        max_length=20,
        choices=CommunicationType.choices,
        blank=True,
        help_text=_("For communication products only."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.MIXED, blank=True
    )
    title = models.CharField(_("title"), max_length=255)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty for a one-day activity."))
    location = models.CharField(_("location"), max_length=255, blank=True)
    participants = models.PositiveIntegerField(_("participants (persons)"), default=0)
    person_times = models.PositiveIntegerField(
        _("person-times"), default=0, help_text=_("One person attending two sessions counts twice.")
    )
    experts_trained = models.PositiveIntegerField(_("experts trained"), default=0)
    experts_certified = models.PositiveIntegerField(_("experts certified"), default=0)
    enterprises = models.PositiveIntegerField(_("enterprises taking part"), default=0)
    quantity = models.PositiveIntegerField(
        _("quantity"), default=1, help_text=_("How many products or sessions this record stands for, e.g. 3 reports.")
    )
    cost_state_central = models.BigIntegerField(_("central state budget (VND)"), default=0)
    cost_state_local = models.BigIntegerField(_("local state budget (VND)"), default=0)
    cost_enterprise = models.BigIntegerField(_("enterprises (VND)"), default=0)
    cost_other = models.BigIntegerField(_("other sources (VND)"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["plan", "-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                name="activity_dates_ordered",
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                violation_error_message=_("The activity cannot end before it starts."),
            ),
            models.CheckConstraint(
                name="activity_counts_not_negative",
                condition=Q(
                    participants__gte=0,
                    person_times__gte=0,
                    experts_trained__gte=0,
                    experts_certified__gte=0,
                    enterprises__gte=0,
                ),
            ),
            models.CheckConstraint(name="activity_quantity_positive", condition=Q(quantity__gte=1)),
            models.CheckConstraint(
                name="activity_person_times_cover_participants",
                condition=Q(person_times__gte=F("participants")),
                violation_error_message=_("Person-times cannot be fewer than the participants."),
            ),
            models.CheckConstraint(
                name="activity_costs_not_negative",
                condition=Q(
                    cost_state_central__gte=0, cost_state_local__gte=0, cost_enterprise__gte=0, cost_other__gte=0
                ),
            ),
            models.CheckConstraint(
                name="activity_type_only_for_communication",
                condition=Q(kind="communication") | Q(communication_type=""),
            ),
        ]
        indexes = [models.Index(fields=["plan", "start_date"], name="activity_plan_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%d/%m/%Y})"

    @property
    def cost_total(self) -> int:
        return self.cost_state_central + self.cost_state_local + self.cost_enterprise + self.cost_other

    @property
    def kind_label(self) -> str:
        if self.kind == self.Kind.COMMUNICATION and self.communication_type:
            return str(self.get_communication_type_display())
        return str(self.get_kind_display())


class TaskProgress(models.Model):
    """How far a task got in a year, as a unit (or the Department, without a unit) reports it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DELAYED = "delayed", _("delayed")
        CANCELLED = "cancelled", _("cancelled")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress_reports", verbose_name=_("task"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress_reports",
        verbose_name=_("reporting unit"),
        help_text=_("Empty when the Department reports for the task as a whole."),
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.IN_PROGRESS)
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), default=0, validators=[MaxValueValidator(100)]
    )
    results = models.TextField(_("results achieved"), blank=True)
    difficulties = models.TextField(_("difficulties and proposals"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
        editable=False,
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("task progress")
        verbose_name_plural = _("task progress reports")
        ordering = ["task", "-year", "unit", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "year", "unit"],
                name="taskprogress_one_per_task_year_unit",
                nulls_distinct=False,
                violation_error_message=_("Progress for this task, year and unit is already reported."),
            ),
            models.CheckConstraint(
                name="taskprogress_percent_0_100", condition=Q(percent_complete__gte=0, percent_complete__lte=100)
            ),
            models.CheckConstraint(
                name="taskprogress_percent_matches_status",
                condition=~Q(status="done") | Q(percent_complete=100),
                violation_error_message=_("A task that is done is 100 percent complete."),
            ),
            models.CheckConstraint(
                name="taskprogress_not_started_is_zero",
                condition=~Q(status="not_started") | Q(percent_complete=0),
                violation_error_message=_("A task that has not started is 0 percent complete."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.year}"

    @property
    def status_pill(self) -> str:
        return {
            self.Status.DONE: "ok",
            self.Status.IN_PROGRESS: "ok",
            self.Status.NOT_STARTED: "warn",
            self.Status.DELAYED: "bad",
            self.Status.CANCELLED: "bad",
        }.get(self.status, "")


class IndicatorValue(models.Model):
    """The value of an indicator the portal cannot compute (labour productivity growth, TFP share, shares of
    key products ...) for a plan and a year, with where it comes from."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("plan"))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_('Where the figure comes from, e.g. "Cục Thống kê tỉnh, Niên giám 2023".'),
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
        editable=False,
    )
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["plan", "indicator__name", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator", "year"],
                name="indicatorvalue_one_per_plan_indicator_year",
                violation_error_message=_("A value for this indicator and year is already entered."),
            ),
            models.CheckConstraint(name="indicatorvalue_has_source", condition=~Q(source="")),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.year}"
