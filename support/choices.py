"""Choices shared by the models, the quote and the workflow (importable before the app registry is ready)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CostKind(models.TextChoices):
    """What a cost line pays for. A support rule says which kinds it supports (Hậu Giang: consultancy and
    the first certification audit, never the surveillance audits of the following years)."""

    CONSULTANCY = "consultancy", _("consultancy")
    CERTIFICATION_AUDIT = "certification_audit", _("first certification audit")
    SURVEILLANCE_AUDIT = "surveillance_audit", _("surveillance audit")
    TESTING = "testing", _("testing")
    EXPERT_ALLOWANCE = "expert_allowance", _("expert allowance")
    REGISTRATION_FEES = "registration_fees", _("registration and assessment fees")
    SOFTWARE = "software", _("software")
    EQUIPMENT = "equipment", _("equipment")
    TRAINING = "training", _("training")
    OTHER = "other", _("other costs")


class CapPer(models.TextChoices):
    """What a rule's cap counts: "tối đa 45 triệu đồng/hệ thống" is a cap per system."""

    SYSTEM = "system", _("per system")
    PRODUCT = "product", _("per product or service")
    ENTERPRISE = "enterprise", _("per enterprise")
    APPLICATION = "application", _("per application")


# Caps counted per unit multiply by the application's quantity; the others apply once.
CAP_MULTIPLIES_BY_QUANTITY = frozenset({CapPer.SYSTEM, CapPer.PRODUCT})


class PrioritySectorMode(models.TextChoices):
    NONE = "none", _("no priority sectors")
    PRIORITISED = "prioritised", _("priority sectors are preferred")
    REQUIRED = "required", _("only priority sectors are eligible")


class Status(models.TextChoices):
    """The states of an application. The transitions between them are declared in ``support.workflow``."""

    DRAFT = "draft", pgettext_lazy("application status", "draft")
    SUBMITTED = "submitted", pgettext_lazy("application status", "submitted")
    SCREENING = "screening", pgettext_lazy("application status", "screening")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("application status", "changes requested")
    COUNCIL_REVIEW = "council_review", pgettext_lazy("application status", "council review")
    APPROVED = "approved", pgettext_lazy("application status", "approved")
    REJECTED = "rejected", pgettext_lazy("application status", "rejected")
    CONTRACTED = "contracted", pgettext_lazy("application status", "contracted")
    IMPLEMENTING = "implementing", pgettext_lazy("application status", "implementing")
    ACCEPTANCE = "acceptance", pgettext_lazy("application status", "awaiting acceptance")
    ACCEPTED = "accepted", pgettext_lazy("application status", "accepted")
    PAID = "paid", pgettext_lazy("application status", "paid")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")
    CANCELLED = "cancelled", pgettext_lazy("application status", "cancelled")
