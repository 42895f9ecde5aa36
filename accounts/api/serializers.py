"""What the accounts endpoints accept and return: API tokens, the signed-in person, the audit trail."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.api.base import IdField
from accounts.models import AuditEntry, Membership, User


class UserBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "full_name", "email"]


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(label=_("e-mail"))
    password = serializers.CharField(label=_("password"), trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_("Send it as “Authorization: Token <token>”. It is shown once: the portal keeps only its digest.")
    )
    expires_at = serializers.DateTimeField(help_text=_("After this moment the token no longer opens the API."))
    user = UserBriefSerializer()


class MembershipSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(source="get_role_display")

    class Meta:
        model = Membership
        fields = ["role", "role_label", "province", "unit", "enterprise", "title"]


class MeSerializer(serializers.ModelSerializer):
    memberships = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "full_name", "email", "phone", "is_superuser", "memberships"]

    @extend_schema_field(MembershipSerializer(many=True))
    def get_memberships(self, user: User):
        rows = user.memberships.filter(is_active=True).order_by("role", "id")
        return MembershipSerializer(rows, many=True).data


class AuditEntrySerializer(serializers.ModelSerializer):
    actor = UserBriefSerializer(allow_null=True)
    object_type = serializers.SerializerMethodField()
    action_label = serializers.CharField(source="get_action_display")

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "action",
            "action_label",
            "object_type",
            "object_id",
            "object_repr",
            "province",
            "changes",
            "comment",
        ]

    def get_object_type(self, entry: AuditEntry) -> str:
        return f"{entry.content_type.app_label}.{entry.content_type.model}"


class AuditFilterSerializer(serializers.Serializer):
    province = IdField(required=False, help_text=_("Province id."))
    object_type = serializers.RegexField(
        r"^[a-z_]+\.[a-z_]+$", required=False, max_length=100, help_text=_("e.g. plans.plan")
    )
    object_id = serializers.CharField(required=False, max_length=64)
    action = serializers.ChoiceField(choices=AuditEntry.Action.choices, required=False)
    ordering = serializers.ChoiceField(choices=["-at", "at"], required=False)
