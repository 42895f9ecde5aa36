from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template import loader
from django.utils.translation import gettext_lazy as _

from .ratelimit import SignInGuard
from .services import email_queue


def rate_limited(form) -> bool:
    """Did the limits on attempts (accounts.ratelimit) refuse what the form was asked? (The page answers 429.)"""
    return any(e.code == "rate_limited" for errors in form.errors.as_data().values() for e in errors)


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is not active."),
    }

    # The limits on attempts are applied by the authentication backend (accounts.backends), for every door.

    @property
    def rate_limited(self) -> bool:
        return rate_limited(self)


class GuardedPasswordChangeForm(PasswordChangeForm):
    """The password change asks for the current password: a door like the sign-in page (a session left open on
    a shared computer must not allow guessing it), so it is counted in the same buckets."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        guard = SignInGuard(self.request, self.user.email)
        guard.begin()
        if not self.user.check_password(old_password):
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        guard.succeeded()
        return old_password

    @property
    def rate_limited(self) -> bool:
        return rate_limited(self)


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail is sent by the Celery worker, not inside the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        email_queue(to=[to_email], subject=subject, body=body)
