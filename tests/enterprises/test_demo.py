import pytest
from django.conf import settings
from stdnum.vn import mst

from accounts import access
from accounts.models import Role, User
from enterprises import demo
from enterprises.models import Award, Certificate, Enterprise, EnterpriseClaim
from enterprises.sizes import SizeClass

pytestmark = pytest.mark.django_db


def test_demo_enterprises_cover_every_class_type_and_status_and_load_twice():
    demo.load()
    counts = (Enterprise.objects.count(), Certificate.objects.count(), Award.objects.count())
    demo.load()
    assert (Enterprise.objects.count(), Certificate.objects.count(), Award.objects.count()) == counts

    enterprises = list(Enterprise.objects.select_related("province"))
    assert {e.size_class for e in enterprises} == set(SizeClass.values)
    assert {e.kind for e in enterprises} == set(Enterprise.Kind.values)
    assert {e.status for e in enterprises} == set(Enterprise.Status.values)
    assert {e.province.key for e in enterprises} == {"kon-tum", "hau-giang", "quang-ngai-2025"}
    assert all(mst.is_valid(e.tax_code) for e in enterprises)
    assert EnterpriseClaim.objects.filter(status=EnterpriseClaim.Status.PENDING).count() == 1
    assert Award.objects.filter(result=Award.Result.GOLD).exists()


def test_demo_enterprise_accounts_belong_to_two_kon_tum_enterprises():
    demo.load()
    first = User.objects.get(email="doanhnghiep.kontum@demo.nscl.vn")
    second = User.objects.get(email="doanhnghiep2.kontum@demo.nscl.vn")
    for user in (first, second):
        assert user.is_demo and user.check_password(settings.DEMO_PASSWORD)
        assert access.principal_for(user).roles == {Role.ENTERPRISE_MEMBER}
    (mine,) = access.principal_for(first).enterprise_ids
    (theirs,) = access.principal_for(second).enterprise_ids
    assert mine != theirs
    assert Enterprise.objects.get(pk=mine).status == Enterprise.Status.VERIFIED
    assert {Enterprise.objects.get(pk=pk).province.key for pk in (mine, theirs)} == {"kon-tum"}
