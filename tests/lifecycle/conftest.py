"""A local Hub whose repositories publish a second revision after a model was downloaded.

Each scenario starts as a person has it: a model downloaded from its repository's first
revision. Then the repository moves on (``HubServer.add_revision``): another license, no
license at all, other bytes, a renamed file, only the card, or it is deleted, made private or
gated. The update check must say which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.gguf.synth import write_synthetic

from ..fixtures.hub_repos import HubRepo
from ..fixtures.hub_server import HubServer

REPO = "acme/Tiny-GGUF"
FILE = "Tiny-Q8_0.gguf"
CARD = {"license": "apache-2.0", "base_model": "acme/Tiny", "tags": ["gguf"]}


@pytest.fixture(scope="session")
def rebuilt_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same model with other weights: a new revision's file, other bytes, the same size."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "tiny-rebuilt.gguf", "tiny", seed=1)


def repo_at(card: dict | None = None, files: dict[str, Path] | None = None, *, body: str = "# Tiny\n", repo_id: str = REPO, gated=False) -> HubRepo:
    repo = HubRepo(repo_id, card_data=dict(CARD if card is None else card), card_body=body, gated=gated)
    for name, source in (files or {}).items():
        repo.add_local_file(name, source)
    return repo


@pytest.fixture
def hub(tiny_gguf: Path, monkeypatch: pytest.MonkeyPatch):
    """A Hub with REPO at its first revision (Apache-2.0, FILE = the tiny model)."""
    with HubServer() as server:
        server.add_repo(repo_at(files={FILE: tiny_gguf}))
        monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
        yield server


@pytest.fixture
def app(hub):
    app = Hangar(AppContext.open())
    yield app
    app.close()


@pytest.fixture
def downloaded(app, hub):
    """The model as downloaded from the first revision."""
    outcome = app.downloads.download_now(REPO, FILE)
    assert outcome.verified
    return outcome.model


def publish(hub: HubServer, card: dict | None = None, files: dict[str, Path] | None = None, **kwargs) -> HubRepo:
    """A new revision of REPO (the old one stays readable by its commit)."""
    repo = hub.add_revision(repo_at(card, files, **kwargs))
    return repo
