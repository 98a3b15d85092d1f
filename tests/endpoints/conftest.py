"""A fake endpoint and a Hangar app for the endpoint tests; the keyring is the tests' memory one."""

from __future__ import annotations

import pytest

from hangar.core.app import Hangar
from hangar.core.endpoints import keys

from .fake_endpoint import Behaviour, FakeEndpoint

KEY = "sk-test-remote-0123456789abcdef"


@pytest.fixture(autouse=True)
def _fresh_key_cache(memory_keyring):
    keys.forget_cache()
    yield
    keys.forget_cache()


@pytest.fixture
def fake():
    with FakeEndpoint(Behaviour(api_key=KEY)) as endpoint:
        yield endpoint


@pytest.fixture
def app():
    hangar = Hangar.open()
    yield hangar
    hangar.close()


@pytest.fixture
def added(app, fake):
    """The fake endpoint added as "cluster-a" with its key, models read."""
    app.endpoints.add("cluster-a", fake.url, api_key=KEY)
    app.endpoints.refresh_models("cluster-a")
    return app, fake
