"""A model the server holds is not loaded twice by Chat: the window's Chat borrows the server's
worker (ModelPool.borrow), its Stop cancels only its own reply, and the worker outlives the
server while Chat still uses it."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.conversation import ModelReady, ReplyFinished
from hangar.core.app.pool_terms import ModelState, ServeOptions
from hangar.core.runner import protocol as P

pytestmark = pytest.mark.slow


def _until(controller, kind, timeout: float = 60.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += controller.take_updates()
        if any(isinstance(u, kind) for u in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"no {kind} within {timeout} s; saw {seen}")


@pytest.fixture
def served(tmp_path: Path, tiny_gguf: Path):
    app = Hangar.open()
    folder = tmp_path / "models"
    folder.mkdir()
    model = app.library.add_file(Path(shutil.copy(tiny_gguf, folder / "Shared.gguf")))
    app.serving.configure(ServeOptions(n_parallel=2, n_ctx=4096, runtime="cpu", keep_alive_s=0.3))
    entry = app.serving.preload("shared")
    yield app, model, entry
    app.close()


def test_chat_uses_the_servers_copy_and_its_stop_spares_the_servers_stream(served) -> None:
    app, model, entry = served
    server_client = entry.loaded.client
    controller = app.chat_controller()
    assert controller.load(model.id, 2048)
    ready = next(u for u in _until(controller, ModelReady) if isinstance(u, ModelReady))
    assert ready.model.client is server_client, "Chat started a second worker for a model the server holds"
    assert ready.model.shared and any("server holds this model" in str(w) for w in ready.model.warnings)
    assert ready.model.n_ctx == server_client.model.n_ctx == 2048, "the context Chat is told is a sequence's share"
    assert entry.borrowers == 1

    # a server request streams while Chat answers, and Chat's Stop leaves it alone
    lease = app.serving.acquire("shared", "test")
    done: list = []
    server = threading.Thread(target=lambda: done.extend(lease.stream(P.GenerateOptions(prompt="hi", max_tokens=400, ignore_eos=True))))
    server.start()
    time.sleep(0.2)
    assert controller.send("hello there", "", {"max_tokens": 64, "temperature": 0.0})
    controller.stop()
    _until(controller, ReplyFinished)
    server.join(60)
    lease.release()
    assert done and isinstance(done[-1], P.Done)
    assert done[-1].stop_reason == P.StopReason.LENGTH and done[-1].n_generated == 400, "Chat's Stop cancelled the server's request"
    assert server_client.alive

    # while lent, keep-alive does not unload it
    app.serving.start_keep_alive(interval_s=0.05)
    time.sleep(0.8)
    assert entry.loaded is not None and entry.state != ModelState.UNLOADED

    # the server stops: Chat keeps its model until it lets go; then the worker ends
    app.serving.close()
    assert server_client.alive and controller.model.client is server_client
    assert controller.send("again", "", {"max_tokens": 4, "temperature": 0.0})
    finished = next(u for u in _until(controller, ReplyFinished) if isinstance(u, ReplyFinished))
    assert finished.reply.n_generated > 0
    controller.close()
    deadline = time.monotonic() + 10
    while server_client.alive and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not server_client.alive, "the last borrower ends the worker the stopped server left"


def test_a_model_the_server_does_not_hold_gets_its_own_worker(served, tmp_path: Path, tiny_gguf: Path) -> None:
    app, _model, entry = served
    other = app.library.add_file(Path(shutil.copy(tiny_gguf, tmp_path / "models" / "Other.gguf")))
    controller = app.chat_controller()
    controller.load(other.id, 512)
    ready = next(u for u in _until(controller, ModelReady) if isinstance(u, ModelReady))
    assert ready.model.client is not entry.loaded.client and not ready.model.shared
    controller.close()
    assert entry.borrowers == 0 and entry.loaded.client.alive, "closing Chat's own worker leaves the server's"
