from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import ratelimit, services
from .forms import GuardedPasswordChangeForm, LoginForm, QueuedPasswordResetForm, rate_limited


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.rate_limited:
            response.status_code = 429
        return response


def admin_login(request, extra_context=None):
    """The Django admin's sign-in page (``/quan-tri/login/``): limited like every sign-in by the authentication
    backend; here it only answers 429, as the portal's page does, when the limit refused the attempt."""
    response = admin.site.login(request, extra_context)
    form = (getattr(response, "context_data", None) or {}).get("form")
    if request.method == "POST" and form is not None and form.is_bound and rate_limited(form):
        response.status_code = 429
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Changing one's password: the current one is guessed no faster than at the sign-in page, and the new one
    revokes the person's API tokens (their sessions elsewhere end by Django's session hash)."""

    form_class = GuardedPasswordChangeForm
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        services.api_tokens_revoke(user=form.user, by=form.user, reason=_("the password was changed"))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.rate_limited:
            response.status_code = 429
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password from the e-mailed link: it revokes the person's API tokens."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.api_tokens_revoke(user=form.user, by=form.user, reason=_("the password was reset"))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        attempt = ratelimit.Attempt(
            [
                ("password_reset_ip", ratelimit.client_ip(self.request)),
                ("password_reset_account", form.cleaned_data["email"]),
            ]
        )
        try:
            attempt.begin()  # counted first, then decided: parallel requests cannot all slip under the limit
        except ratelimit.TooManyAttemptsError as exc:
            form.add_error(None, exc)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


@login_required
def profile(request):
    memberships = request.user.memberships.select_related("province", "unit", "enterprise").filter(is_active=True)
    return render(request, "accounts/profile.html", {"memberships": memberships})


@login_required
def notification_list(request):
    page = Paginator(request.user.notifications.all(), 25).get_page(request.GET.get("page"))
    return render(request, "accounts/notifications.html", {"page": page})


@login_required
@require_POST
def notifications_read(request):
    count = services.notifications_mark_read(user=request.user)
    messages.success(request, _("%(count)s notifications marked as read.") % {"count": count})
    return redirect("accounts:notifications")
