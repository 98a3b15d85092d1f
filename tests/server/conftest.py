"""A real server on 127.0.0.1 (uvicorn on a thread) over a Hangar app whose library holds a
synthetic model; the official ``openai`` package and plain HTTP talk to it."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.pool_terms import ServeOptions
from hangar.server.runner import ServerRunner, ServerSettings

ALIAS = "served-tiny"


@contextmanager
def serving(home: Path, model: Path, *, alias: str = ALIAS, license_text: str | None = None, **settings):
    """A Hangar app in ``home`` with ``model`` in its library (a LICENSE beside it if given), served on a free port."""
    folder = home / "served-models"
    folder.mkdir(parents=True, exist_ok=True)
    app = Hangar.open({"HANGAR_HOME": str(home)})
    copy = folder / f"{alias.title()}.gguf"
    shutil.copy(model, copy)
    if license_text is not None:
        (folder / "LICENSE").write_text(license_text)
    app.library.add_file(copy)
    serve = settings.pop("serve", None) or ServeOptions(n_parallel=4, n_ctx=8192, runtime="cpu")
    runner = ServerRunner(app, ServerSettings(port=0, serve=serve, **settings)).start()
    try:
        yield app, runner
    finally:
        runner.stop()
        app.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path):
    with serving(tmp_path_factory.mktemp("serve-home"), tiny_gguf) as (app, runner):
        yield app, runner


@pytest.fixture
def client(served):
    from openai import OpenAI

    _app, runner = served
    with OpenAI(base_url=runner.url + "/v1", api_key="unused", max_retries=0, timeout=60) as client:
        yield client
