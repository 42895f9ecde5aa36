from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts import access

from .menu import MENU


@login_required
def home(request):
    """Send each person to the first page of the menu they may use (their work), if any."""
    for item in MENU:
        if access.can(request.user, item.permission):
            return redirect(reverse(item.url_name))
    return render(request, "home.html")
