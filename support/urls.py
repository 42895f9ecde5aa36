from django.urls import path

from .views import applications, catalogue, lists

app_name = "support"

urlpatterns = [
    # Policies and the quote: for everyone signed in.
    path("chinh-sach/", catalogue.policy_list, name="policy_list"),
    path("chinh-sach/<int:pk>/", catalogue.policy_detail, name="policy_detail"),
    path("chinh-sach/moi/", catalogue.policy_create, name="policy_create"),
    path("chinh-sach/<int:pk>/sua/", catalogue.policy_update, name="policy_update"),
    path("chinh-sach/<int:pk>/noi-dung/moi/", catalogue.rule_edit, name="rule_create"),
    path("chinh-sach/<int:pk>/noi-dung/<int:rule_pk>/", catalogue.rule_edit, name="rule_update"),
    path("uoc-tinh/", catalogue.quote, name="quote"),
    # Lists of applications: the enterprise's, the staff's queue, the council member's.
    path("ho-so-cua-toi/", lists.my_applications, name="my_applications"),
    path("ho-so/", lists.application_queue, name="application_queue"),
    path("tham-dinh/", lists.council_reviews, name="council_reviews"),
    # One application.
    path("ho-so/moi/", applications.application_create, name="application_create"),
    path("ho-so/<int:pk>/", applications.application_detail, name="application_detail"),
    path("ho-so/<int:pk>/sua/", applications.application_edit, name="application_edit"),
    path("ho-so/<int:pk>/tai-lieu/", applications.attachment_upload, name="attachment_upload"),
    path(
        "ho-so/<int:pk>/tai-lieu/<int:attachment_pk>/",
        applications.attachment_download,
        name="attachment_download",
    ),
    path(
        "ho-so/<int:pk>/tai-lieu/<int:attachment_pk>/xoa/",
        applications.attachment_delete,
        name="attachment_delete",
    ),
    path("ho-so/<int:pk>/trao-doi/", applications.message_post, name="message_post"),
    path("ho-so/<int:pk>/chi-phi-thuc-te/", applications.actual_costs, name="actual_costs"),
    path("ho-so/<int:pk>/thao-tac/<slug:transition>/", applications.application_transition, name="transition"),
    path("ho-so/<int:pk>/thanh-toan/", applications.payment_create, name="payment_create"),
    path("ho-so/<int:pk>/danh-gia/", applications.review_submit, name="review_submit"),
    path("ho-so/<int:pk>/xung-dot-loi-ich/", applications.conflict_declare, name="conflict_declare"),
    # Budget and councils: the province's staff.
    path("ngan-sach/", catalogue.budget_usage, name="budget_usage"),
    path("ngan-sach/moi/", catalogue.allocation_create, name="allocation_create"),
    path("ngan-sach/<int:pk>/sua/", catalogue.allocation_update, name="allocation_update"),
    path("hoi-dong/", catalogue.council_list, name="council_list"),
    path("hoi-dong/moi/", catalogue.council_create, name="council_create"),
    path("hoi-dong/<int:pk>/", catalogue.council_detail, name="council_detail"),
    path("hoi-dong/<int:pk>/thanh-vien/", catalogue.council_member_add, name="council_member_add"),
    path(
        "hoi-dong/<int:pk>/thanh-vien/<int:member_pk>/xoa/",
        catalogue.council_member_remove,
        name="council_member_remove",
    ),
]
