from django.urls import include, path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("them/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/sua/", views.plan_update, name="plan_update"),
    path("<int:pk>/nhiem-vu/dan-bang/", views.task_paste, name="task_paste"),
    path("van-ban/them/", views.legal_document_create, name="legal_document_create"),
    path("don-vi/", views.unit_list, name="unit_list"),
    path("don-vi/them/", views.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/sua/", views.unit_update, name="unit_update"),
    path("", include("plans.urls_activities")),
]

# The parts of a plan (phases, objectives, targets, tasks, budget lines and amounts, reporting duties) share
# one set of views: plans:task_create, plans:task_update, plans:task_delete, ...
for kind in views.CHILD_KINDS.values():
    urlpatterns += [
        path(f"<int:pk>/{kind.slug}/them/", views.child_create, {"kind": kind.key}, name=f"{kind.key}_create"),
        path(
            f"<int:pk>/{kind.slug}/<int:child_pk>/sua/",
            views.child_update,
            {"kind": kind.key},
            name=f"{kind.key}_update",
        ),
        path(
            f"<int:pk>/{kind.slug}/<int:child_pk>/xoa/",
            views.child_delete,
            {"kind": kind.key},
            name=f"{kind.key}_delete",
        ),
    ]
