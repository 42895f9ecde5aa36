"""What the reporting endpoints return and accept: targets against results (``reporting.progress``), reports
and their generated versions."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.api.base import IdField, ScopedPrimaryKeyRelatedField
from plans.models import Plan

from ..models import NARRATIVE_FIELDS, GenerationStatus, Report
from ..progress import STATUS_LABELS, PhaseRule, Status

DECIMAL = {"max_digits": 20, "decimal_places": 2, "allow_null": True}


def progress_status_choices() -> list[tuple[str, str]]:
    """The statuses of a target against its results (also named in the schema's ENUM_NAME_OVERRIDES)."""
    return [(status.value, STATUS_LABELS[status]) for status in Status]


class EvaluationSerializer(serializers.Serializer):
    start_year = serializers.IntegerField()
    end_year = serializers.IntegerField()
    target_min = serializers.DecimalField(**DECIMAL)
    target_max = serializers.DecimalField(**DECIMAL)
    actual = serializers.DecimalField(**DECIMAL)
    percent = serializers.DecimalField(**DECIMAL, help_text=_("Actual ÷ target × 100."))
    status = serializers.ChoiceField(choices=progress_status_choices())
    status_label = serializers.SerializerMethodField()
    due = serializers.DecimalField(**DECIMAL, help_text=_("The part of a cumulative target due by the date."))
    years_achieved = serializers.IntegerField(allow_null=True)
    years_counted = serializers.IntegerField(allow_null=True)

    def get_status_label(self, evaluation) -> str:
        return Status(evaluation.status).label


class IndicatorBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    source = serializers.CharField()


class YearSourceSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    source = serializers.CharField()


class TargetProgressSerializer(serializers.Serializer):
    target = serializers.IntegerField(source="target.pk")
    text = serializers.CharField(source="target.text")
    phase = serializers.IntegerField(source="phase.pk")
    indicator = IndicatorBriefSerializer()
    measure = serializers.CharField(source="target.measure")
    period = serializers.CharField(source="target.period")
    comparator = serializers.CharField(source="target.comparator")
    value_min = serializers.DecimalField(source="target.value_min", **DECIMAL)
    value_max = serializers.DecimalField(source="target.value_max", **DECIMAL)
    status = serializers.ChoiceField(choices=progress_status_choices())
    phase_rule = serializers.ChoiceField(
        choices=[(r.value, r.value) for r in PhaseRule], help_text=_("How the phase value was obtained.")
    )
    phase_result = EvaluationSerializer()
    years = EvaluationSerializer(many=True, help_text=_("Year by year, for targets set per year."))
    sources = serializers.SerializerMethodField()

    @extend_schema_field(YearSourceSerializer(many=True))
    def get_sources(self, progress) -> list[dict]:
        return [{"year": year, "source": source} for year, source in sorted(progress.sources.items())]


class PhaseProgressSerializer(serializers.Serializer):
    phase = serializers.IntegerField(source="phase.pk")
    name = serializers.CharField(source="phase.name")
    start_year = serializers.IntegerField(source="phase.start_year")
    end_year = serializers.IntegerField(source="phase.end_year")
    targets = TargetProgressSerializer(many=True)


class StatusCountSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=progress_status_choices())
    count = serializers.IntegerField()


class PlanProgressSerializer(serializers.Serializer):
    """Every target of the plan against its results, per phase and (targets set per year) per year."""

    plan = serializers.IntegerField(source="plan.pk")
    as_of = serializers.DateField()
    years = serializers.ListField(child=serializers.IntegerField())
    phases = PhaseProgressSerializer(many=True)
    status_counts = serializers.SerializerMethodField()

    @extend_schema_field(StatusCountSerializer(many=True))
    def get_status_counts(self, progress) -> list[dict]:
        return [{"status": status.value, "count": count} for status, count in progress.status_counts.items()]


class ProgressFilterSerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text=_("The date progress is judged on (default: today)."))


# --- Reports and their versions ----------------------------------------------------------------------------------


class ReportVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    number = serializers.IntegerField()
    status = serializers.ChoiceField(choices=GenerationStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    pending = serializers.BooleanField(source="is_pending", help_text=_("Still queued or generating: ask again."))
    done = serializers.BooleanField(source="is_done", help_text=_("Ready (or submitted): the files can be downloaded."))
    error = serializers.CharField()
    attempts = serializers.IntegerField()
    requested_at = serializers.DateTimeField()
    generated_at = serializers.DateTimeField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    pdf_sha256 = serializers.CharField()
    xlsx_sha256 = serializers.CharField()
    pdf = serializers.SerializerMethodField(help_text=_("Where to download the PDF, once done."))
    xlsx = serializers.SerializerMethodField(help_text=_("Where to download the XLSX, once done."))

    def _url(self, version, name: str) -> str | None:
        if not version.is_done or not getattr(version, name):
            return None
        return reverse(f"api:report-version-{name}", args=[version.report_id, version.pk])

    def get_pdf(self, version) -> str | None:
        return self._url(version, "pdf")

    def get_xlsx(self, version) -> str | None:
        return self._url(version, "xlsx")


class ReportSerializer(serializers.ModelSerializer):
    province_name = serializers.CharField(source="province.name", read_only=True)
    period = serializers.CharField(read_only=True)
    latest_version = serializers.IntegerField(source="latest_number", read_only=True, allow_null=True, default=None)
    latest_status = serializers.ChoiceField(
        choices=GenerationStatus.choices, read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Report
        fields = [
            "id",
            "province",
            "province_name",
            "plan",
            "kind",
            "start_year",
            "end_year",
            "period",
            "title",
            "number",
            "status",
            "due_date",
            "dated",
            "latest_version",
            "latest_status",
            "created_at",
            "updated_at",
        ]

    def to_representation(self, report):
        """The Ministry reads a report as it was submitted (``working`` is False: ``reporting.selectors.
        reports_readable``): the narrative of its latest submitted version and that version's number, never the
        draft the province is writing."""
        data = super().to_representation(report)
        if getattr(report, "working", True) is False:
            submitted = report.submitted_narrative or {}
            for name in NARRATIVE_FIELDS:
                if name in data:
                    data[name] = submitted.get(name) or (None if name == "dated" else "")
            data["latest_version"] = report.submitted_number
            data["latest_status"] = GenerationStatus.SUBMITTED.value
        return data


class ReportDetailSerializer(ReportSerializer):
    class Meta(ReportSerializer.Meta):
        fields = [
            *ReportSerializer.Meta.fields,
            *(f for f in NARRATIVE_FIELDS if f not in ReportSerializer.Meta.fields),
        ]


class ReportInputSerializer(serializers.ModelSerializer):
    plan = ScopedPrimaryKeyRelatedField(permission="plan.view", queryset=Plan.objects.all())
    end_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=2000, max_value=2100, help_text=_("Not for annual reports.")
    )

    class Meta:
        model = Report
        fields = ["plan", "kind", "start_year", "end_year", *NARRATIVE_FIELDS, "due_date"]
        extra_kwargs = {name: {"required": False} for name in (*NARRATIVE_FIELDS, "due_date")}
        validators: list = []  # one report per plan, kind and period: the service's rule, with its message


class ReportUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = [*NARRATIVE_FIELDS, "due_date"]


class ReportFilterSerializer(serializers.Serializer):
    province = IdField(required=False)
    plan = IdField(required=False)
    kind = serializers.ChoiceField(choices=Report.Kind.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100, help_text=_("A year it covers."))
