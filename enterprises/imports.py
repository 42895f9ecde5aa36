"""What the enterprises app imports: enterprises from the business registry's spreadsheets."""

from django.utils.translation import gettext_lazy as _

from accounts.importing import ImportKind
from accounts.models import ImportJob

from .resources import EnterpriseResource

KIND = ImportKind(
    key=ImportJob.Kind.ENTERPRISES,
    label=_("Enterprises"),
    description=_(
        "Enterprises from the business registry's spreadsheet. A tax code already on file updates that "
        "enterprise; a new one creates an enterprise awaiting verification. The size class is computed again "
        "from the sector, employees, revenue and capital. An empty cell leaves the current value unchanged."
    ),
    permission="enterprise.import",
    resource_class=EnterpriseResource,
    template_name="mau-nhap-doanh-nghiep.xlsx",
)
