"""Settings for every environment, switched by environment variables.

With no variable set this is the embedded default used by ``make run``: SQLite, Celery on kombu's
``filesystem://`` broker (no server), e-mail to the console, media on local disk, demo accounts
allowed. ``DATABASE_URL`` and ``REDIS_URL`` switch to PostgreSQL and Redis. Production adds its
hardening in ``config.settings.production``.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("NSCL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = env_bool("DJANGO_DEBUG", True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Demo accounts with published passwords exist only in the embedded default (see accounts.checks).
DEMO_MODE = env_bool("NSCL_DEMO_MODE", True)

# Project apps, in dependency order: accounts <- plans <- enterprises <- support <- reporting.
PROJECT_APPS = ["accounts", "plans", "enterprises", "support", "reporting"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc assets served locally: the docs work offline
    "import_export",
    "csp",
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.portal",
                "config.context_processors.menu",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            # The web server and the Celery worker share the file: wait for locks, write-ahead log.
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite cannot build unique constraints whose NULLs count as equal (nulls_distinct=False); PostgreSQL, the
# production and CI database, enforces them. The embedded demo does without, quietly.
SILENCED_SYSTEM_CHECKS = [] if DATABASE_URL else ["models.W047"]

# --- Cache, Celery --------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    _queue_dir = VAR_DIR / "celery" / "queue"
    _processed_dir = VAR_DIR / "celery" / "processed"
    _control_dir = VAR_DIR / "celery" / "control"
    for _d in (_queue_dir, _processed_dir, _control_dir, VAR_DIR / "celery" / "results"):
        _d.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(_processed_dir),
        "control_folder": str(_control_dir),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{VAR_DIR / 'celery' / 'results'}"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BEAT_SCHEDULE: dict = {
    # Once a day: remind province staff 14, 7 and 1 days before an annual report falls due (idempotent).
    "report-reminders": {"task": "reporting.tasks.send_report_reminders", "schedule": 24 * 60 * 60},
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.PortalBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Session lengths by role (accounts/sessions.py): a session opened by anyone holding a role of the Department, a
# council, a unit, the Ministry or the admin lasts NSCL_SESSION_HOURS_STAFF hours from sign-in; one opened by an
# enterprise member only, NSCL_SESSION_DAYS_ENTERPRISE days.
NSCL_SESSION_HOURS_STAFF = int(os.environ.get("NSCL_SESSION_HOURS_STAFF", "8"))
NSCL_SESSION_DAYS_ENTERPRISE = int(os.environ.get("NSCL_SESSION_DAYS_ENTERPRISE", "14"))
SESSION_COOKIE_AGE = NSCL_SESSION_DAYS_ENTERPRISE * 24 * 60 * 60

# --- Browser security headers -----------------------------------------------------------------------------
# Content-Security-Policy (django-csp 4): scripts and styles from the portal's own static files only, never inline
# (the few inline blocks a library's page needs carry the request's nonce); no plug-ins, no framing, forms post to
# the portal only. The API documentation pages widen it for themselves (config/api.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Permissions-Policy (accounts.middleware.PermissionsPolicyMiddleware): the portal uses none of these features.
NSCL_PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The OpenAPI schema and its documentation pages (/api/schema/, /api/docs/, /api/redoc/): open in the embedded
# default, behind sign-in in production.
NSCL_API_DOCS_PUBLIC = env_bool("NSCL_API_DOCS_PUBLIC", True)

# --- Internationalisation: Vietnamese first --------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# The project's catalogues come before Django's own (whose admin and auth catalogues would otherwise win for
# words like "History" or "Add", being earlier in INSTALLED_APPS); tests/test_translations.py keeps it so.
LOCALE_PATHS = [BASE_DIR / "locale"] + [BASE_DIR / app / "locale" for app in PROJECT_APPS]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]
# Grouping is applied explicitly (|vnd, |number filters, localized form fields), so that years and
# ids are never printed as "2.023".
USE_THOUSAND_SEPARATOR = False

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Outside production whitenoise serves static files straight from the sources (no collectstatic), so that the
# demo runs with DEBUG off and people see the portal's own Vietnamese 404 and 500 pages, not Django's.
WHITENOISE_USE_FINDERS = env_bool("NSCL_STATIC_FROM_SOURCES", True)
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media-not-served/"  # uploaded documents are served only through access-checked views
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cổng NSCL <no-reply@nscl.localhost>")
# The address that serves the portal, for links in e-mails (sent by the worker, which has no request):
# scripts/run.sh sets it from HOST and PORT; production sets it to the public address.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Limits on signing in, registering and password resets (accounts/ratelimit.py): {scope: (attempts, seconds)}
# overrides its defaults. NSCL_PROXY_COUNT: the trusted proxies in front of gunicorn (1 behind nginx), so that
# the person's address is read from X-Forwarded-For.
NSCL_RATE_LIMITS: dict[str, tuple[int, int]] = {}
NSCL_PROXY_COUNT = int(os.environ.get("NSCL_PROXY_COUNT", "0"))
# API tokens (accounts.ApiToken) expire this many days after they are issued.
NSCL_API_TOKEN_DAYS = int(os.environ.get("NSCL_API_TOKEN_DAYS", "30"))

# The portal's today (accounts/clock.py): empty for the local date in TIME_ZONE, or a fixed YYYY-MM-DD for
# reproducible demos and tests (a plan's standing, deadlines).
NSCL_AS_OF = os.environ.get("NSCL_AS_OF", "")

# --- REST framework ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an anonymous API call is answered 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "accounts.api.schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "accounts.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "NSCL portal API",
    "DESCRIPTION": "Provincial productivity-and-quality programme (Decision 1322/QĐ-TTg).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "accounts.api.schema.add_error_responses",
    ],
    # One name per choice set the API shares ("kind", "status" and "source" mean different things by model).
    "ENUM_NAME_OVERRIDES": {
        "ProvinceKindEnum": "plans.models.Province.Kind",
        "UnitKindEnum": "plans.models.Unit.Kind",
        "LegalDocumentKindEnum": "plans.models.LegalDocument.Kind",
        "PlanKindEnum": "plans.models.Plan.Kind",
        "PlanStatusEnum": "plans.models.Plan.Status",
        "ReportingDutyKindEnum": "plans.models.ReportingDuty.Kind",
        "PlanStandingEnum": "plans.models.Plan.Standing",
        "ReportingDutyLevelEnum": "plans.models.ReportingDuty.Level",
        "ReportingDutyFrequencyEnum": "plans.models.ReportingDuty.Frequency",
        "SupportLineBeneficiaryEnum": "plans.models.SupportLine.Beneficiary",
        "BoardKindEnum": "plans.models.Board.Kind",
        "BoardMemberRoleEnum": "plans.models.BoardMember.Role",
        "ActivityKindEnum": "plans.models.Activity.Kind",
        "TaskProgressStatusEnum": "plans.models.TaskProgress.Status",
        "IndicatorSourceEnum": "plans.models.Indicator.Source",
        "BudgetSourceEnum": "plans.models.BudgetSource",
        "EnterpriseKindEnum": "enterprises.models.Enterprise.Kind",
        "EnterpriseStatusEnum": "enterprises.models.Enterprise.Status",
        "OwnershipEnum": "enterprises.models.Enterprise.Ownership",
        "SizeClassEnum": "enterprises.sizes.SizeClass",
        "CostKindEnum": "support.choices.CostKind",
        "ApplicationStatusEnum": "support.choices.Status",
        "AttachmentKindEnum": "support.models.Attachment.Kind",
        "ReportKindEnum": "reporting.models.Report.Kind",
        "ReportStatusEnum": "reporting.models.Report.Status",
        "GenerationStatusEnum": "reporting.models.GenerationStatus",
        "ProgressStatusEnum": "reporting.api.serializers.progress_status_choices",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Page sizes for list pages.
PAGE_SIZE = 25

# Demo data (make run): each loader is "module.function", run in dependency order by load_demo_data.
DEMO_DATA_LOADERS = [
    "plans.demo.load",
    "accounts.demo.load",
    "enterprises.demo.load",
    "support.demo.load",
    "reporting.demo.load",
    "plans.demo_activities.load",
]
DEMO_PASSWORD = "nscl-demo-2025"
