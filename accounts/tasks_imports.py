"""Celery tasks of the imports: each takes a job's id, calls one step of ``accounts.import_jobs`` and is safe to
run twice (a step starts only from the status it expects). Registered with the worker by ``accounts.tasks``."""

from celery import shared_task


@shared_task(acks_late=True, ignore_result=True)
def check_import_job(job_id: int) -> str:
    """The dry run of a large file."""
    from .import_jobs import import_job_check, import_job_fail

    try:
        job = import_job_check(job_id=job_id)
    except Exception as exc:
        import_job_fail(job_id=job_id, error=exc)
        raise
    return job.status if job is not None else "missing"


@shared_task(acks_late=True, ignore_result=True)
def run_import_job(job_id: int) -> str:
    """The import of a large, confirmed file: all rows or none."""
    from .import_jobs import import_job_fail, import_job_run

    try:
        job = import_job_run(job_id=job_id)
    except Exception as exc:
        import_job_fail(job_id=job_id, error=exc)
        raise
    return job.status if job is not None else "missing"
