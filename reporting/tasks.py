"""Celery tasks of the reporting app. Each takes ids, calls one service and is safe to run twice."""

from celery import shared_task


@shared_task(acks_late=True, ignore_result=True)
def generate_report_version(version_id: int) -> str:
    """Snapshot, render and store one report version (``reporting.services.report_version_generate``)."""
    from .services import report_version_generate

    version = report_version_generate(version_id=version_id)
    return version.status if version is not None else "missing"


@shared_task(acks_late=True, ignore_result=True)
def generate_compilation(compilation_id: int) -> str:
    """Compile every province for a year or a phase (``reporting.services.compilation_generate``)."""
    from .services import compilation_generate

    compilation = compilation_generate(compilation_id=compilation_id)
    return compilation.status if compilation is not None else "missing"


@shared_task(acks_late=True, ignore_result=True)
def send_report_reminders() -> int:
    """Daily (Celery beat): remind province staff 14, 7 and 1 days before an annual report falls due."""
    from .services import report_reminders_send

    return report_reminders_send()
