"""Test settings: the base settings (SQLite by default, PostgreSQL/Redis when their URLs are set)
with fast hashing, mail kept in Django's outbox and Celery tasks run eagerly unless a test starts
a real worker (tests/conftest.py)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="nscl-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if not REDIS_URL:  # each test run gets its own filesystem broker folders
    _celery_dir = Path(tempfile.mkdtemp(prefix="nscl-test-celery-"))
    for _name in ("queue", "processed", "control"):
        (_celery_dir / _name).mkdir()
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_celery_dir / "queue"),
        "data_folder_out": str(_celery_dir / "queue"),
        "processed_folder": str(_celery_dir / "processed"),
        "control_folder": str(_celery_dir / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{_celery_dir}"
