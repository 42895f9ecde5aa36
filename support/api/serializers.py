"""What the support endpoints return and accept: the catalogue, policies and their rules, the quote, budget
allocations, councils, and applications with their parts. Shapes only: the rules are ``support.services``' and
``support.workflow``'s."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.api.base import IdField, ScopedPrimaryKeyRelatedField
from accounts.api.serializers import UserBriefSerializer
from enterprises.models import Enterprise, Sector
from enterprises.sizes import SizeClass
from plans.models import BudgetLine, LegalDocument, Plan, Province

from ..choices import CapPer, CostKind, Status
from ..models import (
    Acceptance,
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    Contract,
    CostItem,
    Council,
    CouncilMember,
    Decision,
    Payment,
    Review,
    RuleCostKind,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)
from ..workflow import DATA_FIELDS

MONEY = {"min_value": 0, "max_value": 10**15}

# --- Catalogue, policies, rules -----------------------------------------------------------------------------


class SupportCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportCategory
        fields = ["id", "code", "name", "description", "legal_reference", "position", "is_active"]


class RuleCostKindSerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleCostKind
        fields = ["kind", "eligible", "rate", "note"]


class SupportRuleSerializer(serializers.ModelSerializer):
    category = SupportCategorySerializer(read_only=True)
    cost_kinds = RuleCostKindSerializer(many=True, read_only=True)

    class Meta:
        model = SupportRule
        fields = [
            "id",
            "policy",
            "category",
            "position",
            "wording",
            "rate",
            "cap",
            "cap_per",
            "once_per_enterprise",
            "notes",
            "cost_kinds",
        ]


class RuleCostKindInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CostKind.choices)
    eligible = serializers.BooleanField(default=True)
    rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False, allow_null=True, default=None
    )
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class SupportRuleInputSerializer(serializers.ModelSerializer):
    category = serializers.PrimaryKeyRelatedField(queryset=SupportCategory.objects.all())
    rate = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)
    cap = serializers.IntegerField(allow_null=True, required=False, help_text=_("Empty: no cap."), **MONEY)
    cost_kinds = RuleCostKindInputSerializer(
        many=True, required=False, help_text=_("The kinds of cost the rule supports (replaces the list).")
    )

    class Meta:
        model = SupportRule
        fields = [
            "category",
            "position",
            "wording",
            "rate",
            "cap",
            "cap_per",
            "once_per_enterprise",
            "notes",
            "cost_kinds",
        ]
        validators: list = []  # one rule per content: the database refuses a second one


class SupportPolicySerializer(serializers.ModelSerializer):
    province_name = serializers.CharField(source="province.name", read_only=True)
    rules = SupportRuleSerializer(many=True, read_only=True)

    class Meta:
        model = SupportPolicy
        fields = [
            "id",
            "province",
            "province_name",
            "name",
            "plan",
            "legal_basis",
            "legal_basis_text",
            "effective_from",
            "effective_to",
            "allowed_size_classes",
            "allowed_enterprise_types",
            "excluded_ownerships",
            "priority_sectors",
            "priority_sector_mode",
            "priority_products_note",
            "notes",
            "rules",
            "created_at",
            "updated_at",
        ]


def _choice_list(choices, help_text) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices), required=False, help_text=help_text, max_length=20
    )


class SupportPolicyInputSerializer(serializers.ModelSerializer):
    province = serializers.PrimaryKeyRelatedField(queryset=Province.objects.all())
    plan = ScopedPrimaryKeyRelatedField(
        permission="plan.view", queryset=Plan.objects.all(), allow_null=True, required=False
    )
    legal_basis = ScopedPrimaryKeyRelatedField(
        permission="legaldocument.view", queryset=LegalDocument.objects.all(), many=True, required=False
    )
    priority_sectors = serializers.PrimaryKeyRelatedField(queryset=Sector.objects.all(), many=True, required=False)
    allowed_size_classes = _choice_list(SizeClass.choices, _("Sizes that may apply; empty: any."))
    allowed_enterprise_types = _choice_list(Enterprise.Kind.choices, _("Types that may apply; empty: any."))
    excluded_ownerships = _choice_list(Enterprise.Ownership.choices, _("Ownerships that may not apply."))

    class Meta:
        model = SupportPolicy
        fields = [
            "province",
            "name",
            "plan",
            "legal_basis",
            "legal_basis_text",
            "effective_from",
            "effective_to",
            "allowed_size_classes",
            "allowed_enterprise_types",
            "excluded_ownerships",
            "priority_sectors",
            "priority_sector_mode",
            "priority_products_note",
            "notes",
        ]


class SupportPolicyUpdateSerializer(SupportPolicyInputSerializer):
    class Meta(SupportPolicyInputSerializer.Meta):
        fields = [name for name in SupportPolicyInputSerializer.Meta.fields if name != "province"]


class PolicyFilterSerializer(serializers.Serializer):
    province = IdField(required=False, help_text=_("Province id."))
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100, help_text=_("In force that year."))


# --- The quote ---------------------------------------------------------------------------------------------


class CostLineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CostKind.choices)
    amount = serializers.IntegerField(help_text=_("Whole VND."), **MONEY)
    description = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class QuoteRequestSerializer(serializers.Serializer):
    lines = CostLineSerializer(many=True, max_length=100)
    quantity = serializers.IntegerField(
        min_value=1, max_value=1000, default=1, help_text=_("Systems or products the cap is counted for.")
    )
    enterprise = ScopedPrimaryKeyRelatedField(
        permission="enterprise.view",
        queryset=Enterprise.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("For a cap per enterprise: count the support it already has under the rule."),
    )


class QuoteLineSerializer(serializers.Serializer):
    kind = serializers.CharField(source="line.kind")
    amount = serializers.IntegerField(source="line.amount")
    description = serializers.CharField(source="line.description")
    eligible = serializers.BooleanField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    reason = serializers.CharField()


class QuoteSerializer(serializers.Serializer):
    """``support = min(rate × eligible cost, cap × quantity)``, rounded down to the whole đồng, with the
    reasoning in words."""

    rate = serializers.DecimalField(max_digits=5, decimal_places=2)
    quantity = serializers.IntegerField()
    eligible_cost = serializers.IntegerField()
    ineligible_cost = serializers.IntegerField()
    uncapped_support = serializers.IntegerField()
    cap = serializers.IntegerField(allow_null=True)
    cap_per = serializers.ChoiceField(choices=CapPer.choices)
    cap_total = serializers.IntegerField(allow_null=True)
    cap_binds = serializers.BooleanField()
    support = serializers.IntegerField()
    counterpart = serializers.IntegerField()
    lines = QuoteLineSerializer(many=True)
    explanation = serializers.ListField(child=serializers.CharField())


# --- Budget allocations and councils ----------------------------------------------------------------------


class BudgetAllocationSerializer(serializers.ModelSerializer):
    available = serializers.IntegerField(read_only=True)

    class Meta:
        model = BudgetAllocation
        fields = [
            "id",
            "province",
            "policy",
            "budget_line",
            "year",
            "amount",
            "committed",
            "disbursed",
            "available",
            "note",
        ]


class BudgetAllocationInputSerializer(serializers.Serializer):
    province = serializers.PrimaryKeyRelatedField(queryset=Province.objects.all())
    policy = ScopedPrimaryKeyRelatedField(
        permission="policy.view", queryset=SupportPolicy.objects.all(), allow_null=True, required=False
    )
    budget_line = ScopedPrimaryKeyRelatedField(
        permission="plan.view", queryset=BudgetLine.objects.all(), allow_null=True, required=False
    )
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = serializers.IntegerField(**MONEY)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class BudgetAllocationUpdateSerializer(serializers.Serializer):
    amount = serializers.IntegerField(**MONEY)
    note = serializers.CharField(required=False, allow_blank=True)


class AllocationFilterSerializer(serializers.Serializer):
    province = IdField(required=False)
    policy = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class CouncilMemberSerializer(serializers.ModelSerializer):
    user = UserBriefSerializer(read_only=True)

    class Meta:
        model = CouncilMember
        fields = ["id", "user", "role"]


class CouncilSerializer(serializers.ModelSerializer):
    members = CouncilMemberSerializer(many=True, read_only=True)

    class Meta:
        model = Council
        fields = ["id", "province", "name", "year", "round", "decision_number", "decision_date", "members"]


class CouncilFilterSerializer(serializers.Serializer):
    province = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


# --- Applications and their parts ----------------------------------------------------------------------------


class CostItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CostItem
        fields = ["id", "kind", "description", "estimated_amount", "actual_amount", "position"]


class CostItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CostKind.choices)
    description = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    estimated_amount = serializers.IntegerField(help_text=_("Whole VND."), **MONEY)


class ActualAmountSerializer(serializers.Serializer):
    actual_amount = serializers.IntegerField(help_text=_("Whole VND, from the invoices."), **MONEY)


class AttachmentSerializer(serializers.ModelSerializer):
    uploaded_by = UserBriefSerializer(read_only=True, allow_null=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = [
            "id",
            "kind",
            "original_name",
            "size",
            "content_type",
            "sha256",
            "uploaded_by",
            "uploaded_at",
            "download",
        ]

    def get_download(self, attachment: Attachment) -> str:
        return reverse("api:document-download", args=[attachment.application_id, attachment.pk])


class AttachmentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Attachment.Kind.choices)
    file = serializers.FileField(help_text=_("PDF, DOCX, XLSX, JPG or PNG, at most 10 MB."))


class ApplicationEventSerializer(serializers.ModelSerializer):
    actor = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ApplicationEvent
        fields = ["id", "transition", "from_status", "to_status", "actor", "at", "comment", "data"]


class ApplicationMessageSerializer(serializers.ModelSerializer):
    author = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ApplicationMessage
        fields = ["id", "author", "from_enterprise", "body", "created_at"]


class MessageInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=10_000)


class ReviewSerializer(serializers.ModelSerializer):
    member = CouncilMemberSerializer(read_only=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "member",
            "conflict_of_interest",
            "conflict_note",
            "score",
            "recommendation",
            "opinion",
            "created_at",
            "updated_at",
        ]


class ReviewInputSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    recommendation = serializers.ChoiceField(choices=Review.Recommendation.choices)
    opinion = serializers.CharField(required=False, allow_blank=True, default="", max_length=10_000)


class ConflictInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=10_000, help_text=_("What the conflict of interest is."))


class PaymentSerializer(serializers.ModelSerializer):
    recorded_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Payment
        fields = ["id", "paid_on", "amount", "reference", "recorded_by", "recorded_at"]


class PaymentInputSerializer(serializers.Serializer):
    paid_on = serializers.DateField()
    amount = serializers.IntegerField(min_value=1, max_value=10**15, help_text=_("Whole VND."))
    reference = serializers.CharField(max_length=100, help_text=_("Payment order or voucher number."))


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["number", "decided_on", "signer_name", "signer_title", "approved_amount", "recorded_at"]


class ContractSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contract
        fields = ["number", "signed_on", "signer_name", "recorded_at"]


class AcceptanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Acceptance
        fields = [
            "accepted_on",
            "minutes_number",
            "actual_cost",
            "eligible_actual_cost",
            "quoted_support",
            "final_amount",
            "explanation",
            "recorded_at",
        ]


class ApplicationSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    category = serializers.CharField(source="rule.category.code", read_only=True)
    category_name = serializers.CharField(source="rule.category.name", read_only=True)
    policy = serializers.IntegerField(source="rule.policy_id", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "title",
            "enterprise",
            "enterprise_name",
            "rule",
            "policy",
            "category",
            "category_name",
            "province",
            "budget_year",
            "status",
            "status_label",
            "quantity",
            "counterpart_funds",
            "max_support",
            "approved_amount",
            "final_amount",
            "paid_total",
            "council",
            "submitted_at",
            "created_at",
            "updated_at",
        ]


class TransitionSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    target = serializers.ChoiceField(choices=Status.choices)
    fields = serializers.ListField(child=serializers.CharField(), help_text=_("Data the action needs."))
    optional = serializers.ListField(child=serializers.CharField())
    comment_required = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text=_("Why it would be refused now."))


class ApplicationPermissionsSerializer(serializers.Serializer):
    can_edit = serializers.BooleanField()
    can_attach = serializers.BooleanField()
    can_message = serializers.BooleanField()
    can_review = serializers.BooleanField()
    can_pay = serializers.BooleanField()


class ApplicationDetailSerializer(serializers.Serializer):
    """One application as its page shows it to this person (``support.selectors.application_detail``)."""

    application = ApplicationSerializer()
    description = serializers.CharField(source="application.description")
    cost_items = CostItemSerializer(many=True)
    documents = AttachmentSerializer(many=True, source="attachments")
    events = ApplicationEventSerializer(many=True)
    payments = PaymentSerializer(many=True)
    decision = DecisionSerializer(allow_null=True)
    contract = ContractSerializer(allow_null=True)
    acceptance = AcceptanceSerializer(allow_null=True)
    quote = QuoteSerializer(allow_null=True, help_text=_("The support the estimated costs give."))
    actual_quote = QuoteSerializer(allow_null=True, help_text=_("The support the actual costs give."))
    transitions = serializers.SerializerMethodField()
    messages = ApplicationMessageSerializer(many=True, allow_null=True, help_text=_("Null: you may not read them."))
    reviews = ReviewSerializer(many=True)
    permissions = serializers.SerializerMethodField()

    @extend_schema_field(TransitionSerializer(many=True))
    def get_transitions(self, detail) -> list[dict]:
        return TransitionSerializer(
            [
                {
                    "name": spec.name,
                    "label": str(spec.label),
                    "target": spec.target,
                    "fields": list(spec.fields),
                    "optional": list(spec.optional),
                    "comment_required": spec.comment_required,
                    "reasons": [str(reason) for reason in reasons],
                }
                for spec, reasons in detail.transitions
                if not spec.automatic
            ],
            many=True,
        ).data

    @extend_schema_field(ApplicationPermissionsSerializer)
    def get_permissions(self, detail) -> dict:
        return {name: getattr(detail, name) for name in ApplicationPermissionsSerializer().fields}


class ApplicationCreateSerializer(serializers.Serializer):
    enterprise = ScopedPrimaryKeyRelatedField(
        permission="enterprise.view", queryset=Enterprise.objects.all(), help_text=_("One of your enterprises.")
    )
    rule = ScopedPrimaryKeyRelatedField(
        permission="policy.view",
        queryset=SupportRule.objects.select_related("policy__province", "category"),
        help_text=_("The rule (support content of a policy) applied under."),
    )
    budget_year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    quantity = serializers.IntegerField(min_value=1, max_value=32767, default=1)
    counterpart_funds = serializers.IntegerField(default=0, **MONEY)
    cost_items = CostItemInputSerializer(many=True, required=False, max_length=100, default=list)

    def validate(self, data):
        """The contents an enterprise may apply for are those of its provinces' policies (as on the form)."""
        from ..selectors import enterprise_rules

        enterprise, rule = data["enterprise"], data["rule"]
        if not enterprise_rules(enterprise=enterprise).filter(pk=rule.pk).exists():
            message = _("The policy applies to enterprises of %(province)s only.") % {
                "province": rule.policy.province.name
            }
            raise serializers.ValidationError({"rule": [message]})
        return data


class ApplicationUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True)
    budget_year = serializers.IntegerField(min_value=2000, max_value=2100)
    quantity = serializers.IntegerField(min_value=1, max_value=32767)
    counterpart_funds = serializers.IntegerField(**MONEY)


class ApplicationFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100, help_text=_("Budget year."))
    category = serializers.SlugField(required=False, max_length=50, help_text=_("Support content code."))
    province = IdField(required=False)
    enterprise = IdField(required=False)
    search = serializers.CharField(required=False, max_length=100, help_text=_("Title, enterprise name or tax code."))
    ordering = serializers.ChoiceField(
        choices=["-created_at", "created_at", "-budget_year", "budget_year"], required=False
    )


def _data_field(name: str, kind: str) -> serializers.Field:
    label = DATA_FIELDS[name].label
    if kind == "date":
        return serializers.DateField(required=False, label=label)
    if kind == "vnd":
        return serializers.IntegerField(required=False, min_value=1, max_value=10**15, label=label)
    if kind == "council":
        return ScopedPrimaryKeyRelatedField(
            permission="council.view", queryset=Council.objects.all(), required=False, label=label
        )
    return serializers.CharField(required=False, allow_blank=True, max_length=255, label=label)


class ActualAmountLineSerializer(serializers.Serializer):
    cost_item = IdField()
    actual_amount = serializers.IntegerField(**MONEY)


class TransitionInputSerializer(serializers.Serializer):
    """The data of a workflow action. Give only what the action takes (its ``fields`` and ``optional`` in the
    application's ``transitions``); ``comment`` is the reason the enterprise reads."""

    comment = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    actual_amounts = ActualAmountLineSerializer(
        many=True, required=False, help_text=_("For “accept”: the actual costs as the acceptance found them.")
    )

    def get_fields(self):
        fields = super().get_fields()
        for name, spec in DATA_FIELDS.items():
            fields[name] = _data_field(name, spec.kind)
        return fields
