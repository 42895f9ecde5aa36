"""The main menu: each entry shows to whoever holds its permission (decided by accounts.access)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuItem:
    url_name: str
    label: str | Promise
    permission: str
    section: str | Promise = ""


PLANS = _("Plans")
SUPPORT = _("Enterprises and support")
REPORTS = _("Results and reports")

MENU: list[MenuItem] = [
    MenuItem("plans:plan_list", _("Plans"), "plan.view", PLANS),
    MenuItem("plans:unit_list", _("Units"), "unit.change", PLANS),
    MenuItem("plans:progress_list", _("Progress reports"), "progress.view", PLANS),
    MenuItem("enterprises:my_enterprise", _("Enterprise profile"), "enterprise.own", SUPPORT),
    MenuItem("support:my_applications", _("My applications"), "application.add", SUPPORT),
    MenuItem("support:council_reviews", _("Appraisal"), "application.review", SUPPORT),
    MenuItem("enterprises:enterprise_list", _("Enterprises"), "enterprise.list", SUPPORT),
    MenuItem("support:application_queue", _("Support applications"), "application.list", SUPPORT),
    MenuItem("support:policy_list", _("Support policies"), "policy.view", SUPPORT),
    MenuItem("support:budget_usage", _("Support budget"), "budget.view", SUPPORT),
    MenuItem("support:council_list", _("Councils"), "council.change", SUPPORT),
    MenuItem("dashboard:index", _("Target progress"), "plan.view", REPORTS),
    MenuItem("reporting:report_list", _("Reports"), "report.view", REPORTS),
    MenuItem("reporting:ministry_matrix", _("Provinces' reports"), "report.view_submitted", REPORTS),
    MenuItem("imports:index", _("Import and export"), "import.view", REPORTS),
]
