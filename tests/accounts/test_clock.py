"""The portal's today: the local date in Asia/Ho_Chi_Minh, or the NSCL_AS_OF date."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts import clock


def test_today_is_the_local_date_in_vietnam_not_utc(settings):
    settings.NSCL_AS_OF = ""
    # 31/12/2026 17:30 UTC is already 01/01/2027 00:30 in Hà Nội (UTC+7).
    at = dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC)
    with mock.patch("django.utils.timezone.now", return_value=at):
        assert clock.today() == dt.date(2027, 1, 1)


def test_the_as_of_setting_fixes_today(settings):
    settings.NSCL_AS_OF = "2026-12-15"
    assert clock.today() == dt.date(2026, 12, 15)


def test_the_as_of_fixture_sets_today(as_of):
    as_of("2024-06-30")
    assert clock.today() == dt.date(2024, 6, 30)


def test_a_malformed_as_of_date_is_refused_with_the_setting_named(settings):
    settings.NSCL_AS_OF = "15/12/2026"
    with pytest.raises(ImproperlyConfigured, match="NSCL_AS_OF"):
        clock.today()
