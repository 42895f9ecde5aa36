"""Vietnamese formats: dd/mm/yyyy dates, "." thousands and "," decimals (Django's own vi lacks them)."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from plans.formatting import format_million, format_number, format_vnd


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6_747_000_000, "6.747.000.000"), (0, "0"), (517_000_000, "517.000.000"), (Decimal("1234.4"), "1.234")],
)
def test_vnd_uses_dot_thousands_in_vietnamese(value, expected):
    with translation.override("vi"):
        assert format_vnd(value) == expected


def test_millions_as_the_documents_print_them():
    with translation.override("vi"):
        assert format_million(2_616_300_000) == "2.616,3"
        assert format_million(6_747_000_000) == "6.747"
        assert format_million(404_300_000) == "404,3"
        assert format_million(42_300_000) == "42,3"


def test_numbers_drop_trailing_zeros_and_use_the_comma_decimal():
    with translation.override("vi"):
        assert format_number(Decimal("7.50")) == "7,5"
        assert format_number(Decimal("250.00")) == "250"
        assert format_number(Decimal("1500")) == "1.500"


def test_english_keeps_english_separators():
    with translation.override("en"):
        assert format_vnd(6_747_000_000) == "6,747,000,000"
        assert format_million(2_616_300_000) == "2,616.3"


def test_dates_show_and_parse_as_dd_mm_yyyy():
    class DateForm(forms.Form):
        day = forms.DateField()

    with translation.override("vi"):
        rendered = Template('{{ d|date:"SHORT_DATE_FORMAT" }}').render(Context({"d": dt.date(2023, 11, 25)}))
        assert rendered == "25/11/2023"
        form = DateForm({"day": "03/12/2021"})
        assert form.is_valid()
        assert form.cleaned_data["day"] == dt.date(2021, 12, 3)
        assert not DateForm({"day": "12/31/2021"}).is_valid()


def test_years_are_never_grouped_in_templates():
    with translation.override("vi"):
        assert Template("{{ y }}").render(Context({"y": 2023})) == "2023"


def test_template_filters():
    with translation.override("vi"):
        html = Template("{% load nscl %}{{ a|vnd }} {{ b|million }} {{ c|number }}").render(
            Context({"a": 4_130_700_000, "b": 4_130_700_000, "c": Decimal("7.5")})
        )
        assert html == "4.130.700.000 4.130,7 7,5"


def test_time_zone_is_ho_chi_minh(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
