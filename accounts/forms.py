from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template import loader
from django.utils.translation import gettext_lazy as _

from .ratelimit import SignInGuard, TooManyAttemptsError
from .services import email_queue


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is not active."),
    }

    def clean(self):
        """Sign in, within the limits on failed attempts (accounts.ratelimit)."""
        if not self.cleaned_data.get("username") or not self.cleaned_data.get("password"):
            return super().clean()
        guard = SignInGuard(self.request, self.cleaned_data["username"])
        try:
            guard.check()
        except TooManyAttemptsError as exc:
            raise ValidationError(exc.message, code="rate_limited") from exc
        try:
            cleaned = super().clean()
        except ValidationError:
            guard.failed()
            raise
        guard.succeeded()
        return cleaned

    @property
    def rate_limited(self) -> bool:
        return any(e.code == "rate_limited" for e in self.errors.as_data().get("__all__", []))


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail is sent by the Celery worker, not inside the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        email_queue(to=[to_email], subject=subject, body=body)
