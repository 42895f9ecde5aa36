"""The portal's own error pages, in Vietnamese, in every mode: Django's English pages are never shown."""

import pytest
from django.urls import include, path


def _boom(request):
    raise RuntimeError("a defect")


urlpatterns = [path("hong/", _boom), path("", include("config.urls"))]


@pytest.mark.django_db
def test_an_unknown_address_gets_the_vietnamese_not_found_page(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy" in page and "Page not found" not in page


@pytest.mark.django_db
def test_a_server_error_gets_the_vietnamese_page_without_the_traceback(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/hong/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Đã có lỗi xảy ra" in page and "Vui lòng thử lại sau ít phút" in page
    assert "a defect" not in page and "Traceback" not in page and "Server Error (500)" not in page
