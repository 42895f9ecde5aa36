from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts import access
from accounts.models import Role


@login_required
def home(request):
    """Send each person to where their work is."""
    principal = access.principal_for(request.user)
    if principal.has_role(Role.PROVINCE_STAFF, Role.PROVINCE_LEADER, Role.UNIT_REPORTER, Role.MINISTRY):
        return redirect("plans:plan_list")
    return render(request, "home.html")
