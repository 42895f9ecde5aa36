"""What the support app imports: the beneficiaries of 2021-2025, supported before the portal."""

from django.utils.translation import gettext_lazy as _

from accounts.importing import ImportKind
from accounts.models import ImportJob

from .resources import HistoricApplicationResource

KIND = ImportKind(
    key=ImportJob.Kind.BENEFICIARIES,
    label=_("Historic beneficiaries"),
    description=_(
        "Enterprises supported in 2021-2025, before the portal, entered as paid: each row becomes an application "
        "with its approval decision, acceptance and payment, and its money is committed to and disbursed from "
        "the year's allocation when you recorded one (a row that would overspend it is refused). Import the "
        "enterprises first."
    ),
    permission="application.import",
    resource_class=HistoricApplicationResource,
    template_name="mau-nhap-doanh-nghiep-da-ho-tro.xlsx",
)
