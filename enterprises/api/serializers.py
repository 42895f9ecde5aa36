"""What the enterprises endpoints return and accept. The tax code is checked with python-stdnum
(``enterprises.taxcodes``); the profile's rules and the size class are ``enterprises.services``'."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts import access
from accounts.api.base import IdField
from plans.models import Province

from ..models import Award, Certificate, Contact, Enterprise, Sector
from ..services import PROFILE_FIELDS
from ..taxcodes import normalise_tax_code


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["id", "code", "name", "group"]


class CertificateSerializer(serializers.ModelSerializer):
    standard_name = serializers.CharField(read_only=True)
    is_current = serializers.BooleanField(read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "standard",
            "other_standard",
            "standard_name",
            "number",
            "certification_body",
            "issued_on",
            "expires_on",
            "is_current",
        ]


class CertificateInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Certificate
        fields = ["standard", "other_standard", "number", "certification_body", "issued_on", "expires_on"]

    def validate(self, data):
        standard = data.get("standard", getattr(self.context.get("instance"), "standard", None))
        if standard and standard != Certificate.Standard.OTHER:
            data["other_standard"] = ""  # the name of the standard is asked only for "other"
        return data


class AwardSerializer(serializers.ModelSerializer):
    is_winner = serializers.BooleanField(read_only=True)

    class Meta:
        model = Award
        fields = ["id", "year", "result", "score", "note", "is_winner"]


class AwardInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Award
        fields = ["year", "result", "score", "note"]
        validators: list = []  # one result per year: checked by the service with its own message


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = ["id", "name", "position", "phone", "email"]


class ContactInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = ["name", "position", "phone", "email"]


class EnterpriseSerializer(serializers.ModelSerializer):
    province_name = serializers.CharField(source="province.name", read_only=True)
    main_sector = SectorSerializer(read_only=True)
    is_sme = serializers.BooleanField(read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "tax_code",
            "name",
            "short_name",
            "english_name",
            "kind",
            "ownership",
            "size_class",
            "is_sme",
            "main_sector",
            "employees",
            "revenue",
            "capital",
            "ocop_stars",
            "province",
            "province_name",
            "commune",
            "status",
            "created_at",
            "updated_at",
        ]


class EnterpriseDetailSerializer(EnterpriseSerializer):
    other_sectors = SectorSerializer(many=True, read_only=True)
    certificates = CertificateSerializer(many=True, read_only=True)
    awards = AwardSerializer(many=True, read_only=True)
    contacts = ContactSerializer(many=True, read_only=True)

    class Meta(EnterpriseSerializer.Meta):
        fields = [
            *EnterpriseSerializer.Meta.fields,
            "other_sectors",
            "priority_products",
            "address",
            "phone",
            "email",
            "website",
            "representative_name",
            "representative_title",
            "status_reason",
            "verified_at",
            "certificates",
            "awards",
            "contacts",
        ]


class TaxCodeField(serializers.CharField):
    """A tax code, normalised to its stored form ("0314409058-002") and checked with its check digit."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("10 digits, or 10 digits, a dash and 3 digits for a branch."))
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        try:
            return normalise_tax_code(text)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


class EnterpriseUpdateSerializer(serializers.ModelSerializer):
    """The profile, as the enterprise's members and the province's staff change it."""

    class Meta:
        model = Enterprise
        fields = [*PROFILE_FIELDS, "other_sectors"]
        extra_kwargs = {"other_sectors": {"required": False}}


class EnterpriseStaffUpdateSerializer(EnterpriseUpdateSerializer):
    """The profile with the tax code and the province, which only the province's staff correct."""

    tax_code = TaxCodeField(required=False)

    class Meta(EnterpriseUpdateSerializer.Meta):
        fields = ["tax_code", "province", *EnterpriseUpdateSerializer.Meta.fields]
        extra_kwargs = {
            "other_sectors": {"required": False},
            "province": {"required": False, "help_text": _("One of today's provinces (staff only).")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request, instance = self.context.get("request"), self.context.get("instance")
        choices = Q(valid_to__isnull=True)
        ids = access.province_ids(request.user, "enterprise.verify") if request is not None else frozenset()
        if ids is not None:
            choices &= Q(pk__in=ids)
        if instance is not None:
            choices |= Q(pk=instance.province_id)
        self.fields["province"].queryset = Province.objects.filter(choices)

    def validate_tax_code(self, value):
        instance = self.context.get("instance")
        clash = Enterprise.objects.filter(tax_code=value)
        if instance is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            raise serializers.ValidationError(_("An enterprise with this tax code is already registered."))
        return value


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        allow_blank=True, max_length=2000, help_text=_("Why: the enterprise's members will read it.")
    )


class TaxCodeCheckSerializer(serializers.Serializer):
    tax_code = TaxCodeField()


class TaxCodeResultSerializer(serializers.Serializer):
    tax_code = serializers.CharField(help_text=_("The tax code in its standard form."))


class EnterpriseFilterSerializer(serializers.Serializer):
    province = IdField(required=False, help_text=_("Province id (a merged province includes its predecessors)."))
    status = serializers.ChoiceField(choices=Enterprise.Status.choices, required=False)
    size_class = serializers.ChoiceField(choices=Enterprise._meta.get_field("size_class").choices, required=False)
    kind = serializers.ChoiceField(choices=Enterprise.Kind.choices, required=False)
    ownership = serializers.ChoiceField(choices=Enterprise.Ownership.choices, required=False)
    sector = IdField(required=False, help_text=_("Sector id (main or other)."))
    search = serializers.CharField(required=False, max_length=100, help_text=_("Words of the name, or a tax code."))
    ordering = serializers.ChoiceField(choices=["name", "-name", "-created_at", "created_at"], required=False)
