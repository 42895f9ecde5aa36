from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts import access

from .models import Plan, Unit


@login_required
def plan_list(request):
    plans = access.scope(request.user, "plan.view", Plan.objects.select_related("province__successor"))
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, pk: int):
    plan = access.get_object_or_404(request.user, "plan.view", Plan.objects.select_related("province"), pk=pk)
    return render(request, "plans/plan_detail.html", {"plan": plan})


@login_required
def unit_list(request):
    units = access.scope(request.user, "unit.view", Unit.objects.select_related("province"))
    return render(request, "plans/unit_list.html", {"units": units})
