"""Names sort in Vietnamese alphabetical order (a ă â b c d đ e ê …), in the database and in Python."""

import pytest

from accounts.collation import sort_key
from plans.models import Province

# Ordered by hand from the Vietnamese alphabet: Bạc (a) before Bắc (ă), Bình Dương (D) before Bình Định (Đ)
# before Bình Phước, Cao (a) before Cần (â), every Đ- between D- and E-, Đà (a) before Đắk (ă), Điện before Đồng.
ORDER = [
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
]


def test_the_python_key_sorts_provinces_as_the_vietnamese_alphabet_does():
    assert sorted(sorted(ORDER), key=sort_key) == ORDER
    assert sorted(["Hà Tĩnh", "Hà Nam", "Hà Nội", "Hà Giang"], key=sort_key) == [
        "Hà Giang",
        "Hà Nam",
        "Hà Nội",
        "Hà Tĩnh",
    ]


def test_a_tone_counts_only_between_names_otherwise_the_same():
    # "ma, mà, mả, mã, má, mạ": ngang, huyền, hỏi, ngã, sắc, nặng; and "mạ" still before "mai".
    assert sorted(["mai", "mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == [
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
        "mai",
    ]


@pytest.mark.django_db
def test_the_database_orders_province_names_alphabetically_without_being_told():
    names = list(Province.objects.filter(name__in=ORDER).order_by("name").values_list("name", flat=True))
    assert sorted(set(names), key=names.index) == ORDER


@pytest.mark.django_db
def test_plans_listed_by_province_follow_the_same_order():
    from tests.plans.factories import make_plan

    for key in ("binh-thuan", "binh-dinh", "dak-lak", "gia-lai"):
        make_plan(province=Province.objects.get(key=key))
    from plans.models import Plan

    listed = [plan.province.name for plan in Plan.objects.select_related("province")]  # Meta.ordering
    assert listed == ["Bình Định", "Bình Thuận", "Đắk Lắk", "Gia Lai"]
