from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("", views.enterprise_list, name="enterprise_list"),
    path("dang-ky/", views.register, name="register"),
    path("dang-ky/da-gui/", views.claim_submitted, name="claim_submitted"),
    path("ho-so/", views.my_enterprise, name="my_enterprise"),
    path("yeu-cau/", views.claim_list, name="claim_list"),
    path("yeu-cau/<int:claim_pk>/chap-thuan/", views.claim_approve, name="claim_approve"),
    path("yeu-cau/<int:claim_pk>/tu-choi/", views.claim_reject, name="claim_reject"),
    path("<int:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("<int:pk>/sua/", views.enterprise_edit, name="enterprise_edit"),
    path("<int:pk>/xac-minh/", views.enterprise_verify, name="enterprise_verify"),
    path("<int:pk>/tu-choi/", views.enterprise_reason_action, {"action": "reject"}, name="enterprise_reject"),
    path("<int:pk>/dinh-chi/", views.enterprise_reason_action, {"action": "suspend"}, name="enterprise_suspend"),
    path("<int:pk>/thanh-vien/them/", views.member_add, name="member_add"),
    path("<int:pk>/thanh-vien/<int:membership_pk>/xoa/", views.member_remove, name="member_remove"),
    path("<int:pk>/lien-he/them/", views.child_edit, {"kind": "contact"}, name="contact_add"),
    path("<int:pk>/lien-he/<int:child_pk>/", views.child_edit, {"kind": "contact"}, name="contact_edit"),
    path("<int:pk>/lien-he/<int:child_pk>/xoa/", views.child_delete, {"kind": "contact"}, name="contact_delete"),
    path("<int:pk>/chung-nhan/them/", views.child_edit, {"kind": "certificate"}, name="certificate_add"),
    path("<int:pk>/chung-nhan/<int:child_pk>/", views.child_edit, {"kind": "certificate"}, name="certificate_edit"),
    path(
        "<int:pk>/chung-nhan/<int:child_pk>/xoa/",
        views.child_delete,
        {"kind": "certificate"},
        name="certificate_delete",
    ),
    path("<int:pk>/giai-thuong/them/", views.child_edit, {"kind": "award"}, name="award_add"),
    path("<int:pk>/giai-thuong/<int:child_pk>/", views.child_edit, {"kind": "award"}, name="award_edit"),
    path("<int:pk>/giai-thuong/<int:child_pk>/xoa/", views.child_delete, {"kind": "award"}, name="award_delete"),
]
