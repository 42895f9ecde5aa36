"""The API tests share one world per module (``world.build_world``), built once inside a transaction that is
rolled back when the module ends; each test runs in a savepoint of it, so what a test writes is undone."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from .world import World, build_world

_MEDIA = Path(tempfile.mkdtemp(prefix="nscl-api-media-"))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_MEDIA):
        from django.utils import translation

        translation.activate("vi")
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _world_media(settings):
    """The world's documents live in their own media folder."""
    settings.MEDIA_ROOT = _MEDIA


def client_for(world: World, role: str) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.credentials(HTTP_AUTHORIZATION=f"Token {world.tokens[role]}")
    return client


@pytest.fixture
def api(world, db):
    """``api(role)``: an API client authenticated with the role's token (none for "anonymous")."""
    return lambda role: client_for(world, role)


def pytest_configure(config):
    config.addinivalue_line("markers", "fuzz: property-based run of the API against its OpenAPI schema")
