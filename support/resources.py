"""Import of historic beneficiaries: support given in 2021-2025, before the portal, entered as paid.

Each row names the enterprise by its tax code (it must be on file: import the enterprises first), the support
content (and, when several of the province's policies cover it that year, the policy), the year, the approved,
final and paid amounts and the approval decision. The row is written by
``support.services.application_import_historic``, which keeps the application, its decision, acceptance,
payment, events, audit rows and the year's allocation consistent, and refuses what would overspend it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import access
from accounts.importing import (
    Column,
    DateWidget,
    LookupWidget,
    PortalResource,
    TextWidget,
    WholeNumberWidget,
    YearWidget,
    fold,
)
from enterprises.models import Enterprise
from enterprises.resources import TaxCodeWidget, _tax_code_text
from enterprises.taxcodes import normalise_tax_code

from .models import Application, SupportCategory, SupportRule
from .services import application_import_historic


class HistoricApplicationResource(PortalResource):
    COLUMNS = (
        Column(
            "Mã số thuế",
            "enterprise",
            LookupWidget("resolve_enterprise", required=True),
            required=True,
            aliases=("MST", "Mã số doanh nghiệp"),
            help=gettext_lazy("The enterprise must be on file: import the enterprises first."),
            example="0100233488",
        ),
        Column(
            "Nội dung hỗ trợ",
            "import_category",
            LookupWidget("resolve_category", required=True),
            required=True,
            aliases=("Nội dung", "Nội dung được hỗ trợ"),
            help=gettext_lazy("A support content of the national catalogue, by its name or code."),
            example="Chứng nhận hệ thống quản lý",
        ),
        Column(
            "Chính sách",
            "import_policy",
            TextWidget(max_length=255),
            aliases=("Tên chính sách", "Văn bản chính sách"),
            help=gettext_lazy("Needed only when several of your policies cover the content that year."),
        ),
        Column(
            "Năm", "budget_year", YearWidget(required=True), required=True, aliases=("Năm ngân sách",), example=2023
        ),
        Column("Tên dự án", "title", TextWidget(max_length=255), aliases=("Tên nhiệm vụ", "Tên hồ sơ")),
        Column(
            "Số lượng", "quantity", WholeNumberWidget(minimum=1, maximum=10_000), aliases=("Số hệ thống",), example=1
        ),
        Column(
            "Kinh phí được duyệt",
            "approved_amount",
            WholeNumberWidget(required=True),
            required=True,
            aliases=("Kinh phí phê duyệt", "Số tiền được duyệt", "Kinh phí hỗ trợ được duyệt"),
            help=gettext_lazy("In đồng, as the approval decision says."),
            example=45_000_000,
        ),
        Column(
            "Kinh phí quyết toán",
            "final_amount",
            WholeNumberWidget(),
            aliases=("Kinh phí nghiệm thu", "Kinh phí hỗ trợ sau nghiệm thu"),
            help=gettext_lazy("Empty: the approved support."),
            example=42_500_000,
        ),
        Column(
            "Đã thanh toán",
            "import_paid",
            WholeNumberWidget(),
            aliases=("Kinh phí đã thanh toán", "Đã giải ngân"),
            help=gettext_lazy("Empty: the final support, fully paid."),
            example=42_500_000,
        ),
        Column(
            "Số quyết định",
            "import_decision_number",
            TextWidget(max_length=60, required=True),
            required=True,
            aliases=("Quyết định phê duyệt", "Số QĐ"),
            example="125/QĐ-SKHCN",
        ),
        Column(
            "Ngày quyết định",
            "import_decision_date",
            DateWidget(required=True),
            required=True,
            aliases=("Ngày QĐ", "Ngày ký quyết định"),
            example="12/05/2023",
        ),
        Column("Người ký", "import_signer", TextWidget(max_length=150), aliases=("Người ký quyết định",)),
        Column(
            "Ngày nghiệm thu",
            "import_accepted_on",
            DateWidget(),
            help=gettext_lazy("Empty: the date of the decision."),
            example="20/11/2023",
        ),
        Column("Số biên bản nghiệm thu", "import_minutes", TextWidget(max_length=60), aliases=("Biên bản nghiệm thu",)),
        Column(
            "Ngày thanh toán",
            "import_paid_on",
            DateWidget(),
            help=gettext_lazy("Empty: the date of the acceptance."),
            example="15/12/2023",
        ),
        Column("Số chứng từ", "import_reference", TextWidget(max_length=100), aliases=("Chứng từ thanh toán",)),
    )
    ERROR_ALIASES = {
        "paid_amount": "import_paid",
        "decision_number": "import_decision_number",
        "decision_date": "import_decision_date",
        "signer_name": "import_signer",
        "accepted_on": "import_accepted_on",
        "minutes_number": "import_minutes",
        "paid_on": "import_paid_on",
        "reference": "import_reference",
        "rule": "import_category",
    }
    AUDITED_FIELDS = ()  # the service writes the audit rows

    class Meta:
        model = Application
        force_init_instance = True  # every row is new; the service refuses a support already recorded

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enterprises: dict[str, Enterprise] = {}
        self.categories: list[SupportCategory] = []
        self.rules: list[SupportRule] = []

    # Lookups, loaded once -----------------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        codes = set()
        for value in dataset["Mã số thuế"] if "Mã số thuế" in dataset.headers else ():
            try:
                codes.add(normalise_tax_code(_tax_code_text(value)))
            except (ValidationError, TypeError):
                continue
        visible = access.scope(self.user, "enterprise.view", Enterprise.objects.filter(tax_code__in=codes))
        self.enterprises = {e.tax_code: e for e in visible}
        self.categories = list(SupportCategory.objects.all())
        reach = access.province_ids(self.user, "application.import")
        rules = SupportRule.objects.select_related("policy__province", "category")
        self.rules = list(rules if reach is None else rules.filter(policy__province_id__in=reach))

    def resolve_enterprise(self, value) -> Enterprise:
        code = TaxCodeWidget().parse(value)
        enterprise = self.enterprises.get(code)
        if enterprise is None:
            raise ValueError(
                _("No enterprise of yours has the tax code %(code)s: import the enterprise first.") % {"code": code}
            )
        return enterprise

    def resolve_category(self, value) -> SupportCategory:
        wanted = fold(value)
        for category in self.categories:
            if wanted in (fold(category.code), fold(category.name)):
                return category
        raise ValueError(_("“%(value)s” is not a support content of the national catalogue.") % {"value": value})

    # Rules -----------------------------------------------------------------------------------------------------

    def check_row(self, instance, row, problems, *, failed, row_number):
        category = getattr(instance, "import_category", None)
        year = instance.budget_year
        if category is None or year is None or {"import_category", "budget_year"} & failed:
            return
        candidates = [r for r in self.rules if r.category_id == category.pk and r.policy.in_force_in(year)]
        policy_name = fold(getattr(instance, "import_policy", "") or "")
        if policy_name:
            candidates = [r for r in candidates if policy_name in fold(r.policy.name)]
        if not candidates:
            problems.setdefault("import_category", []).append(
                _("None of your policies supports “%(content)s” in %(year)s.")
                % {"content": category.name, "year": year}
            )
        elif len(candidates) > 1:
            problems.setdefault("import_policy", []).append(
                _("Several of your policies support “%(content)s” in %(year)s: write the policy's name (%(names)s).")
                % {"content": category.name, "year": year, "names": "; ".join(r.policy.name for r in candidates)}
            )
        else:
            instance.rule = candidates[0]

    def do_instance_save(self, instance, is_create):
        final = instance.final_amount if instance.final_amount is not None else instance.approved_amount
        paid = getattr(instance, "import_paid", None)
        application = application_import_historic(
            by=self.user,
            enterprise=instance.enterprise,
            rule=instance.rule,
            budget_year=instance.budget_year,
            approved_amount=instance.approved_amount,
            final_amount=final,
            paid_amount=final if paid is None else paid,
            decision_number=getattr(instance, "import_decision_number", ""),
            decision_date=getattr(instance, "import_decision_date", None),
            title=instance.title or "",
            quantity=instance.quantity or 1,
            signer_name=getattr(instance, "import_signer", None) or "",
            accepted_on=getattr(instance, "import_accepted_on", None),
            minutes_number=getattr(instance, "import_minutes", None) or "",
            paid_on=getattr(instance, "import_paid_on", None),
            payment_reference=getattr(instance, "import_reference", None) or "",
        )
        instance.pk = application.pk

    def save_instance(self, instance, is_create, row, **kwargs):
        self.before_save_instance(instance, row, **kwargs)
        self.do_instance_save(instance, is_create)  # the service writes the audit rows
        self.after_save_instance(instance, row, **kwargs)
