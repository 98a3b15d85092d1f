"""Shared test set-up: no network, a private HANGAR_HOME per test, Qt offscreen.

The environment is fixed here, before huggingface_hub or Qt is imported anywhere:
HF_ENDPOINT points at a closed local port so that a test which forgets the local Hub
fails at once instead of reaching the internet.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_ENDPOINT"] = "http://127.0.0.1:9"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HUB_DISABLE_XET"] = "1"
os.environ["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = "1"
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="hangar-test-hf-")
os.environ.pop("HF_TOKEN", None)
os.environ.pop("HANGAR_HOME", None)

import pytest  # noqa: E402

from hangar.core.gguf.synth import write_synthetic  # noqa: E402

from .fixtures.hub_repos import HubRepo  # noqa: E402
from .fixtures.hub_server import HubServer  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def hangar_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "hangar-home"
    monkeypatch.setenv("HANGAR_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch):
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    store: dict[tuple[str, str], str] = {}

    class Backend(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return store.get((service, username))

        def set_password(self, service, username, password):
            store[(service, username)] = password

        def delete_password(self, service, username):
            if (service, username) not in store:
                raise PasswordDeleteError("not set")
            del store[(service, username)]

    from hangar.core.hub import tokens

    previous = keyring.get_keyring()
    keyring.set_keyring(Backend())
    tokens._cached.clear()
    yield store
    tokens._cached.clear()
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic llama model, written once per test session."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "tiny.gguf", "tiny")


@pytest.fixture(scope="session")
def embed_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic llama model with mean pooling (``llama.pooling_type``): an embedding model, 64 wide."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "tiny-embed.gguf", "tiny-embed")


@pytest.fixture(scope="session")
def script_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model that greedily repeats '中日한🙂é': each character arrives split across tokens."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "script.gguf", "script")


@pytest.fixture(scope="session")
def medium_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model slow enough on a CPU that a long prompt takes seconds: for mid-prompt cancel."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "medium.gguf", "medium", f16=True)


@pytest.fixture(scope="session")
def demo_repos(tmp_path_factory: pytest.TempPathFactory):
    from .fixtures.demo_hub import build_repos

    return build_repos(tmp_path_factory.mktemp("demo-hub"))


@pytest.fixture
def demo_hub(demo_repos, monkeypatch: pytest.MonkeyPatch):
    """The demo Hub (eight families, four quants each), with HF_ENDPOINT pointing at it."""
    with HubServer() as server:
        for repo in demo_repos:
            server.add_repo(repo)
        monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
        yield server


@pytest.fixture
def hub(tiny_gguf: Path):
    """A local Hub with one public GGUF repo and one gated one."""
    with HubServer() as server:
        public = HubRepo(
            "hangar-test/tiny-llama-GGUF",
            card_data={"license": "apache-2.0", "base_model": "hangar-test/tiny-llama", "tags": ["gguf"]},
            card_body="# Tiny llama\n\nA synthetic model for tests.\n",
            downloads=1200,
            likes=7,
        )
        public.add_local_file("tiny-llama-Q8_0.gguf", tiny_gguf)
        server.add_repo(public)
        gated = HubRepo("hangar-test/gated-GGUF", card_data={"license": "llama3.1"}, gated="manual", downloads=5)
        gated.add_local_file("gated-Q4_K_M.gguf", tiny_gguf)
        server.add_repo(gated)
        yield server


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
    """Run hangar-cli in a child process, as a user would."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(autouse=True, scope="session")
def _finish_background_tasks():
    """Let pane tasks still running at the end report before Qt is torn down."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
