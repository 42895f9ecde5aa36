"""What the plans app imports: activities, and the values of indicators entered with their source."""

from django.utils.translation import gettext_lazy as _

from accounts.importing import ImportKind
from accounts.models import ImportJob

from .resources import ActivityResource, IndicatorValueResource

ACTIVITIES = ImportKind(
    key=ImportJob.Kind.ACTIVITIES,
    label=_("Activities"),
    description=_(
        "Training courses, conferences, communication products, study tours and awards of your plans, with their "
        "participants and costs. A row with the plan, kind, title and start date of an activity already recorded "
        "updates it."
    ),
    permission="activity.change",
    resource_class=ActivityResource,
    template_name="mau-nhap-hoat-dong.xlsx",
)

INDICATOR_VALUES = ImportKind(
    key=ImportJob.Kind.INDICATOR_VALUES,
    label=_("Indicator values"),
    description=_(
        "Values of the indicators the portal cannot compute (labour productivity, TFP share ...), per plan and "
        "year, with their source. A value already entered for the plan, indicator and year is replaced."
    ),
    permission="indicatorvalue.change",
    resource_class=IndicatorValueResource,
    template_name="mau-nhap-so-lieu-chi-so.xlsx",
)
