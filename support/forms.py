"""Forms of the support pages. They read and check what people type; the services decide and write.

Amounts are whole VND typed with or without "." grouping ("45.000.000"); dates are typed dd/mm/yyyy or picked
in the browser's date field."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from enterprises.forms import DATE_WIDGET, VndField, add_service_errors
from enterprises.models import Enterprise, Sector
from enterprises.sizes import SizeClass
from plans.models import LegalDocument, Plan, Province

from .choices import CapPer, CostKind, PrioritySectorMode, Status
from .models import Attachment, Council, CouncilMember, Review, SupportCategory, SupportPolicy, SupportRule
from .services import APPLICATION_FIELDS, MAX_UPLOAD_BYTES
from .workflow import DATA_FIELDS, Transition

__all__ = ["add_service_errors"]

YEAR_MIN, YEAR_MAX = 2000, 2100


def capitalised(choices) -> list[tuple[str, str]]:
    """Choices as a list shows them: "Tư vấn", not "tư vấn"."""
    return [(value, capfirst(label)) for value, label in choices]


COST_KINDS = [("", "—"), *capitalised(CostKind.choices)]


def this_year() -> int:
    return timezone.localdate().year


def default_year(rule: SupportRule) -> int:
    """The budget year to offer for a rule: this year while its policy is in force, else the policy's nearest
    year."""
    year, policy = this_year(), rule.policy
    if policy.in_force_in(year):
        return year
    if policy.effective_to is not None and policy.effective_to.year < year:
        return policy.effective_to.year
    return policy.effective_from.year


def rule_label(rule: SupportRule) -> str:
    """ "Chứng nhận hệ thống quản lý — Chính sách … (01/01/2021 – 31/12/2025)"."""
    return f"{rule.category.name} — {rule.policy.name} ({rule.policy.period})"


class RuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return rule_label(obj)


# --- Lists ------------------------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    """The staff's queue: status, content, year, size, sector, province, a search and the order."""

    q = forms.CharField(label=_("Enterprise, tax code or title"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all but drafts")), *capitalised(Status.choices)], required=False
    )
    category = forms.ModelChoiceField(
        label=_("Support content"), queryset=SupportCategory.objects.all(), required=False, empty_label=_("all")
    )
    year = forms.IntegerField(label=_("Budget year"), min_value=YEAR_MIN, max_value=YEAR_MAX, required=False)
    size_class = forms.ChoiceField(
        label=_("Size"), choices=[("", _("all")), *capitalised(SizeClass.choices)], required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, empty_label=_("all")
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.none(), required=False, empty_label=_("all")
    )
    ordering = forms.ChoiceField(
        label=_("Order by"),
        required=False,
        choices=[
            ("submitted", _("submitted, oldest first")),
            ("-submitted", _("submitted, newest first")),
            ("enterprise", _("enterprise")),
            ("year", _("budget year")),
            ("amount", _("maximum support, largest first")),
            ("status", _("status")),
        ],
    )

    def __init__(self, *args, province_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.all()
        if province_ids is not None:
            provinces = provinces.filter(pk__in=province_ids)
        self.fields["province"].queryset = provinces.order_by("name", "valid_from")

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data.get("q") or "",
            "status": data.get("status") or "",
            "category": data.get("category"),
            "year": data.get("year"),
            "size_class": data.get("size_class") or "",
            "sector": data.get("sector"),
            "province": data.get("province"),
            "ordering": data.get("ordering") or "submitted",
        }


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *capitalised(Status.choices)], required=False
    )

    def chosen(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_bound and self.is_valid() else ""


class YearFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX, required=False)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.none(), required=False, empty_label=_("all")
    )

    def __init__(self, *args, province_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.all()
        if province_ids is not None:
            provinces = provinces.filter(pk__in=province_ids)
        self.fields["province"].queryset = provinces.order_by("name", "valid_from")

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {"year": self.cleaned_data.get("year"), "province": self.cleaned_data.get("province")}


# --- Quote and application --------------------------------------------------------------------------


def label_rows(form: forms.Form) -> None:
    """Name each input of a formset row for screen readers (the table shows the labels once, as headings):
    "Kind of cost, line 2"."""
    try:
        number = int(str(form.prefix).rsplit("-", 1)[-1]) + 1
    except ValueError:
        return
    for field in form.fields.values():
        if not isinstance(field.widget, forms.HiddenInput):
            label = _("%(field)s, line %(number)s") % {"field": field.label, "number": number}
            field.widget.attrs["aria-label"] = label


class CostLineForm(forms.Form):
    """One line of a cost estimate. A line left empty is ignored."""

    kind = forms.ChoiceField(label=_("Kind of cost"), choices=COST_KINDS, required=False)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)
    amount = VndField(label=_("Amount (VND)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_rows(self)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        kind, amount = data.get("kind"), data.get("amount")
        if kind and amount is None:
            self.add_error("amount", _("Enter the amount of this cost."))
        elif amount is not None and not kind:
            self.add_error("kind", _("Choose the kind of this cost."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("kind") and data.get("amount") is None and not data.get("description")


class BaseCostLineFormSet(forms.BaseFormSet):
    def lines(self) -> list[dict]:
        return [
            {
                "kind": f.cleaned_data["kind"],
                "amount": f.cleaned_data["amount"],
                "description": f.cleaned_data["description"],
            }
            for f in self.forms
            if f.cleaned_data and not f.is_blank
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.lines():
            raise ValidationError(_("Enter at least one cost."), code="no_lines")


CostLineFormSet = forms.formset_factory(CostLineForm, formset=BaseCostLineFormSet, extra=4, max_num=30)


class QuoteForm(forms.Form):
    rule = RuleChoiceField(label=_("Support content"), queryset=SupportRule.objects.none(), empty_label=None)
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=1000,
        initial=1,
        help_text=_("Number of systems or products the cap is counted for."),
    )

    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = rules


class ApplicationForm(forms.Form):
    """Title, description, content, budget year, quantity and counterpart funds. The content is chosen when
    the draft is created: another content is another application."""

    title = forms.CharField(label=pgettext_lazy("application", "Title"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the project does and what it will improve."),
    )
    rule = RuleChoiceField(label=_("Support content"), queryset=SupportRule.objects.none(), empty_label=None)
    budget_year = forms.IntegerField(label=_("Budget year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=1000,
        initial=1,
        help_text=_("Number of systems or products the cap is counted for."),
    )
    counterpart_funds = VndField(
        label=_("Counterpart funds (VND)"), initial=0, help_text=_("What the enterprise pays itself.")
    )

    def __init__(self, *args, rules=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rules is None:
            del self.fields["rule"]
        else:
            self.fields["rule"].queryset = rules
        self.fields["budget_year"].initial = this_year()

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in APPLICATION_FIELDS}


class CostItemForm(forms.Form):
    """A line of the application's cost estimate, new or existing (``item``), removable."""

    item = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Kind of cost"), choices=COST_KINDS, required=False)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)
    estimated_amount = VndField(label=_("Estimated amount (VND)"), required=False)
    delete = forms.BooleanField(label=_("Remove the line"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_rows(self)

    def clean(self):
        data = super().clean()
        if self.errors or data.get("delete"):
            return data
        kind, amount = data.get("kind"), data.get("estimated_amount")
        if kind and amount is None:
            self.add_error("estimated_amount", _("Enter the amount of this cost."))
        elif amount is not None and not kind:
            self.add_error("kind", _("Choose the kind of this cost."))
        elif data.get("item") and not kind and amount is None:
            self.add_error("kind", _("Choose the kind of this cost, or tick “Remove the line”."))
        return data


class BaseCostItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, items=(), **kwargs):
        self.items = {item.pk: item for item in items}
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        for form in self.forms:
            pk = form.cleaned_data.get("item") if form.cleaned_data else None
            if pk and pk not in self.items:
                raise ValidationError(_("A cost line of another application was sent."), code="foreign_item")

    def cost_lines(self) -> list[dict]:
        """The lines for ``services.application_draft_save``; empty new lines are left out."""
        lines = []
        for form in self.forms:
            data = form.cleaned_data
            if not data:
                continue
            item = self.items.get(data.get("item"))
            if item is None and (data.get("delete") or (not data.get("kind") and data.get("estimated_amount") is None)):
                continue
            lines.append(
                {
                    "item": item,
                    "kind": data.get("kind"),
                    "description": data.get("description") or "",
                    "estimated_amount": data.get("estimated_amount"),
                    "delete": bool(data.get("delete")),
                }
            )
        return lines


CostItemFormSet = forms.formset_factory(CostItemForm, formset=BaseCostItemFormSet, extra=3, max_num=40)


def cost_item_initial(items) -> list[dict]:
    return [
        {"item": item.pk, "kind": item.kind, "description": item.description, "estimated_amount": item.estimated_amount}
        for item in items
    ]


# --- Documents, messages, actual costs -------------------------------------------------------------


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=capitalised(Attachment.Kind.choices))
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, JPG or PNG, at most %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
    )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))


class ActualCostsForm(forms.Form):
    """One amount per cost item: the actual cost from the invoices."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"actual_{item.pk}"] = VndField(
                label=item_label(item),
                initial=item.actual_amount,
                help_text=_("Estimated: %(amount)s đ") % {"amount": _vnd(item.estimated_amount)},
            )

    def amounts(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"actual_{item.pk}"] for item in self.items}


def item_label(item) -> str:
    kind = capfirst(item.get_kind_display())
    return f"{kind} ({item.description})" if item.description else str(kind)


def _vnd(value) -> str:
    from plans.formatting import format_vnd

    return format_vnd(value)


# --- Workflow ----------------------------------------------------------------------------------------


class TransitionForm(forms.Form):
    """The data one transition needs (``Transition.fields`` / ``optional``) and its comment. For the
    acceptance, also the actual amount of each cost item, which staff may correct."""

    def __init__(self, *args, spec: Transition, councils=None, cost_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        order = list(DATA_FIELDS)
        for name in sorted((*spec.fields, *spec.optional), key=order.index):
            field_spec = DATA_FIELDS[name]
            required = name in spec.fields
            label = capfirst(field_spec.label)
            if field_spec.kind == "date":
                field = forms.DateField(label=label, required=required, widget=DATE_WIDGET)
            elif field_spec.kind == "vnd":
                field = VndField(label=_("%(field)s (VND)") % {"field": label}, required=required, min_value=1)
            elif field_spec.kind == "council":
                field = forms.ModelChoiceField(
                    label=label,
                    queryset=councils if councils is not None else Council.objects.none(),
                    required=required,
                )
            else:
                field = forms.CharField(label=label, max_length=150 if "signer" in name else 60, required=required)
            self.fields[name] = field
        self.cost_items = list(cost_items)
        for item in self.cost_items:
            self.fields[f"actual_{item.pk}"] = VndField(
                label=_("Accepted actual cost: %(item)s")
                % {
                    "item": f"{capfirst(item.get_kind_display())}{f' ({item.description})' if item.description else ''}"
                },
                initial=item.actual_amount,
            )
        self.fields["comment"] = forms.CharField(
            label=_("Reason (the enterprise will read it)") if spec.comment_required else _("Comment"),
            required=spec.comment_required,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def transition_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in (*self.spec.fields, *self.spec.optional)}

    def actual_amounts(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"actual_{item.pk}"] for item in self.cost_items}


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Payment date"), widget=DATE_WIDGET)
    amount = VndField(label=_("Amount (VND)"), min_value=1)
    reference = forms.CharField(label=_("Reference"), max_length=100, help_text=_("Payment order or voucher number."))

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate() + dt.timedelta(days=1):
            raise ValidationError(_("The payment date cannot be in the future."))
        return paid_on


# --- Council ------------------------------------------------------------------------------------------


class ReviewForm(forms.Form):
    score = forms.IntegerField(label=_("Score (0-100)"), min_value=0, max_value=100)
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=capitalised(Review.Recommendation.choices), widget=forms.RadioSelect
    )
    opinion = forms.CharField(label=_("Opinion"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("What the conflict of interest is"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: you advise this enterprise, or a relative works there."),
    )


class CouncilForm(forms.Form):
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), empty_label=None)
    name = forms.CharField(label=_("Name"), max_length=255)
    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    round = forms.IntegerField(label=_("Round"), min_value=1, max_value=50, initial=1)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Decision date"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["year"].initial = this_year()


class CouncilMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the person"), help_text=_("The person must have an account."))
    role = forms.ChoiceField(label=_("Role in the council"), choices=capitalised(CouncilMember.Role.choices))

    def clean_email(self):
        from accounts.models import User

        email = self.cleaned_data["email"].lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("No active account has this e-mail address."))
        self.user = user
        return email


# --- Budget allocations -------------------------------------------------------------------------------


class AllocationForm(forms.Form):
    """Money set aside for a policy in a year (new), or its amount and note (``policy`` None: an update)."""

    policy = forms.ModelChoiceField(label=_("Policy"), queryset=SupportPolicy.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    amount = VndField(label=_("Allocated (VND)"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, policies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if policies is None:
            del self.fields["policy"], self.fields["year"]
        else:
            self.fields["policy"].queryset = policies
            self.fields["year"].initial = this_year()


# --- Policies and their rules -------------------------------------------------------------------------


class PolicyForm(forms.Form):
    """A province's policy: its basis, its period and who is eligible. The province is chosen when it is
    recorded; a new resolution is a new policy."""

    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), empty_label=None)
    name = forms.CharField(label=_("Name"), max_length=255)
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none(), required=False)
    legal_basis = forms.ModelMultipleChoiceField(
        label=_("Legal basis"), queryset=LegalDocument.objects.all(), required=False
    )
    legal_basis_text = forms.CharField(
        label=_("Legal basis as written"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    effective_from = forms.DateField(label=_("In force from"), widget=DATE_WIDGET)
    effective_to = forms.DateField(label=_("In force until"), required=False, widget=DATE_WIDGET)
    allowed_size_classes = forms.MultipleChoiceField(
        label=_("Eligible sizes"),
        choices=capitalised(SizeClass.choices),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any size."),
    )
    allowed_enterprise_types = forms.MultipleChoiceField(
        label=_("Eligible types"),
        choices=capitalised(Enterprise.Kind.choices),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any type."),
    )
    excluded_ownerships = forms.MultipleChoiceField(
        label=_("Not supported"),
        choices=capitalised(Enterprise.Ownership.choices),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    priority_sector_mode = forms.ChoiceField(
        label=_("Priority sectors"), choices=capitalised(PrioritySectorMode.choices)
    )
    priority_sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    priority_products_note = forms.CharField(
        label=_("Priority products"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, provinces=None, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if provinces is None:
            del self.fields["province"]
        else:
            self.fields["province"].queryset = provinces
        self.fields["plan"].queryset = plans if plans is not None else Plan.objects.none()

    def clean(self):
        data = super().clean()
        start, end = data.get("effective_from"), data.get("effective_to")
        if start and end and end < start:
            self.add_error("effective_to", _("The end of the policy cannot come before its start."))
        return data

    def service_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "province"}


def policy_initial(policy: SupportPolicy) -> dict:
    return {
        "name": policy.name,
        "plan": policy.plan_id,
        "legal_basis": list(policy.legal_basis.all()),
        "legal_basis_text": policy.legal_basis_text,
        "effective_from": policy.effective_from,
        "effective_to": policy.effective_to,
        "allowed_size_classes": policy.allowed_size_classes,
        "allowed_enterprise_types": policy.allowed_enterprise_types,
        "excluded_ownerships": policy.excluded_ownerships,
        "priority_sector_mode": policy.priority_sector_mode,
        "priority_sectors": list(policy.priority_sectors.all()),
        "priority_products_note": policy.priority_products_note,
        "notes": policy.notes,
    }


NOT_COVERED, SUPPORTED, EXCLUDED = "", "supported", "excluded"


class RuleForm(forms.Form):
    """One support content of a policy, and how it treats each kind of cost."""

    category = forms.ModelChoiceField(label=_("Support content"), queryset=SupportCategory.objects.all())
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=1)
    wording = forms.CharField(
        label=_("As written"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The policy's sentence for this content."),
    )
    rate = forms.DecimalField(
        label=_("Support rate (%)"), min_value=0, max_value=100, max_digits=5, decimal_places=2, localize=True
    )
    cap = VndField(label=_("Cap (VND)"), required=False, help_text=_("Empty: no cap."))
    cap_per = forms.ChoiceField(label=_("Cap counted"), choices=capitalised(CapPer.choices))
    once_per_enterprise = forms.BooleanField(label=_("Once per enterprise"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    TREATMENTS = [
        (NOT_COVERED, _("not covered")),
        (SUPPORTED, _("supported")),
        (EXCLUDED, _("explicitly excluded")),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in CostKind.choices:
            self.fields[f"kind_{kind}"] = forms.ChoiceField(
                label=capfirst(label), choices=self.TREATMENTS, required=False
            )
            self.fields[f"kind_{kind}_rate"] = forms.DecimalField(
                label=_("Own rate (%%) for %(kind)s") % {"kind": label},
                min_value=0,
                max_value=100,
                max_digits=5,
                decimal_places=2,
                required=False,
                localize=True,
            )
            self.fields[f"kind_{kind}_note"] = forms.CharField(
                label=_("Note on %(kind)s") % {"kind": label}, max_length=255, required=False
            )
            for name in (f"kind_{kind}_rate", f"kind_{kind}_note"):
                self.fields[name].widget.attrs["aria-label"] = self.fields[name].label

    MAIN_FIELDS = ("category", "position", "wording", "rate", "cap", "cap_per", "once_per_enterprise", "notes")

    def main_fields(self):
        return [self[name] for name in self.MAIN_FIELDS]

    def kind_rows(self):
        """(treatment, own rate, note) bound fields per kind of cost, for the table."""
        return [
            (self[f"kind_{kind}"], self[f"kind_{kind}_rate"], self[f"kind_{kind}_note"]) for kind in CostKind.values
        ]

    def clean(self):
        data = super().clean()
        for kind in CostKind.values:
            if data.get(f"kind_{kind}_rate") is not None and data.get(f"kind_{kind}") != SUPPORTED:
                self.add_error(f"kind_{kind}_rate", _("An own rate is given only to a supported kind of cost."))
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.MAIN_FIELDS}

    def cost_kinds(self) -> list[dict]:
        rows = []
        for kind in CostKind.values:
            treatment = self.cleaned_data.get(f"kind_{kind}")
            if treatment in (SUPPORTED, EXCLUDED):
                rows.append(
                    {
                        "kind": kind,
                        "eligible": treatment == SUPPORTED,
                        "rate": self.cleaned_data.get(f"kind_{kind}_rate"),
                        "note": self.cleaned_data.get(f"kind_{kind}_note") or "",
                    }
                )
        return rows


def rule_initial(rule: SupportRule) -> dict:
    initial = {name: getattr(rule, name) for name in RuleForm.MAIN_FIELDS if name != "category"}
    initial["category"] = rule.category_id
    for ck in rule.cost_kinds.all():
        initial[f"kind_{ck.kind}"] = SUPPORTED if ck.eligible else EXCLUDED
        initial[f"kind_{ck.kind}_rate"] = ck.rate
        initial[f"kind_{ck.kind}_note"] = ck.note
    return initial
