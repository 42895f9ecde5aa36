import os
import uuid

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROVINCE_STAFF = "province_staff", _("Province staff")
    PROVINCE_LEADER = "province_leader", _("Province leader")
    COUNCIL_MEMBER = "council_member", _("Council member")
    UNIT_REPORTER = "unit_reporter", _("Unit reporter")
    ENTERPRISE_MEMBER = "enterprise_member", _("Enterprise member")
    MINISTRY = "ministry", _("Ministry")
    ADMINISTRATOR = "administrator", _("Administrator")


PROVINCE_SCOPED_ROLES = (Role.PROVINCE_STAFF, Role.PROVINCE_LEADER, Role.COUNCIL_MEMBER, Role.UNIT_REPORTER)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address. What they may do comes from memberships."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_demo = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Demo accounts have published passwords and cannot sign in outside demo mode."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split()[-1] if self.full_name else self.email


class Membership(models.Model):
    """Ties a person to the scope a role is held in: a province, a unit or an enterprise.

    Province staff, leaders and council members hold their role in a province; unit reporters in a
    unit (and its province); enterprise members in an enterprise; the Ministry nationwide.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    province = models.ForeignKey(
        "plans.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("province"),
    )
    unit = models.ForeignKey(
        "plans.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("enterprise"),
    )
    title = models.CharField(_("position"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user", "role"]
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(
                        role__in=["province_staff", "province_leader", "council_member"],
                        province__isnull=False,
                        unit__isnull=True,
                        enterprise__isnull=True,
                    )
                    | Q(role="unit_reporter", province__isnull=False, unit__isnull=False, enterprise__isnull=True)
                    | Q(
                        role__in=["ministry", "administrator"],
                        province__isnull=True,
                        unit__isnull=True,
                        enterprise__isnull=True,
                    )
                    | Q(role="enterprise_member", province__isnull=True, unit__isnull=True, enterprise__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "province", "unit", "enterprise"],
                name="membership_unique_scope",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.province or self.enterprise
        return f"{self.user} · {self.get_role_display()}" + (f" · {scope}" if scope else "")


class AuditEntry(models.Model):
    """One row per change: who, when, what, from what to what. Written by the service that changes it,
    in the same transaction."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        TRANSITION = "transition", _("status changed")
        IMPORT = "import", _("imported")
        SUBMIT = "submit", _("submitted")
        OTHER = "other", _("other")

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("object type"))
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    province = models.ForeignKey(
        "plans.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.object_repr}"


class Notification(models.Model):
    """A message to a person inside the portal; the same message usually also goes out by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.title


# --- API tokens -------------------------------------------------------------------------------------


class ApiToken(models.Model):
    """A key a person's programs send as ``Authorization: Token <key>``.

    Only the key's SHA-256 digest is stored (a copy of the database opens nothing). A token expires
    (``NSCL_API_TOKEN_DAYS`` after it is issued), is revoked when its person's password changes or the account is
    deactivated, and is bound to the password it was issued under: ``password_fingerprint`` is the password's
    session hash of that moment, so a password changed by any path (the portal, the admin, ``changepassword``)
    voids it even before the row is deleted (``accounts.api.authentication``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    digest = models.CharField(_("key digest"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("key prefix"), max_length=8, editable=False, help_text=_("The first characters of the key, to recognise it.")
    )
    password_fingerprint = models.CharField(max_length=128, editable=False)
    created_at = models.DateTimeField(_("issued at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"), editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "expires_at"], name="apitoken_user_expiry_idx")]

    def __str__(self) -> str:
        return f"{self.prefix}… · {self.user}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


# --- Imports of programme data from spreadsheets ------------------------------------------------------


class ImportFileStorage(FileSystemStorage):
    """Uploaded spreadsheets under ``MEDIA_ROOT/private``: never given a URL, read only by the import code.
    The location follows the setting when first used (and again when tests change it), never at import time.
    (The same arrangement as ``support.models.PrivateStorage``; accounts sits below support, so it has its own.)"""

    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    def url(self, name):
        raise ValueError("Import files have no URL.")


_IMPORT_STORAGE = ImportFileStorage()


def import_storage() -> ImportFileStorage:
    return _IMPORT_STORAGE


def import_file_path(instance: "ImportJob", filename: str) -> str:
    """A name chosen by the portal, never by the uploader: imports/<random>.<ext>."""
    ext = os.path.splitext(filename)[1].lower()
    return f"imports/{uuid.uuid4().hex}{ext}"


class ImportJob(models.Model):
    """One spreadsheet a person uploaded to import programme data: its check (the dry run and every
    invalid row), then, once confirmed, the import itself (all rows or none). Large files are checked and
    imported by Celery; ``rows_done`` of ``rows_total`` is the progress shown on the job's page."""

    class Kind(models.TextChoices):
        ENTERPRISES = "enterprises", _("enterprises")
        BENEFICIARIES = "beneficiaries", _("historic beneficiaries")
        ACTIVITIES = "activities", _("activities")
        INDICATOR_VALUES = "indicator_values", _("indicator values")

    class Status(models.TextChoices):
        CHECKING = "checking", _("being checked")
        INVALID = "invalid", _("has errors")
        READY = "ready", _("ready to import")
        IMPORTING = "importing", _("being imported")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind of data"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CHECKING)
    file = models.FileField(_("file"), upload_to=import_file_path, storage=import_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    invalid_count = models.PositiveIntegerField(_("invalid rows"), default=0)
    report = models.JSONField(
        _("check report"), default=dict, blank=True, help_text=_("The rows refused by the check and why.")
    )
    province = models.ForeignKey(
        "plans.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(name="importjob_progress_within_total", condition=Q(rows_done__lte=F("rows_total"))),
            models.CheckConstraint(
                name="importjob_done_has_no_invalid_rows", condition=~Q(status="done") | Q(invalid_count=0)
            ),
        ]
        indexes = [models.Index(fields=["province", "-created_at"], name="importjob_province_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.original_name}"

    @property
    def percent(self) -> int:
        return 100 if not self.rows_total else min(100, self.rows_done * 100 // self.rows_total)

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)

    @property
    def status_pill(self) -> str:
        return {
            self.Status.DONE: "ok",
            self.Status.READY: "ok",
            self.Status.INVALID: "bad",
            self.Status.FAILED: "bad",
        }.get(self.status, "warn")
