"""The chat controller without a window: the state a view renders, and how updates reach it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.conversation import LoadFailed, ModelReady, ReplyFinished, ReplyText
from hangar.core.common.errors import InvalidInput


def _until(controller, kind, timeout: float = 60.0) -> list:
    """Collect updates as a view's timer would, until one of ``kind`` arrives."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += controller.take_updates()
        if any(isinstance(u, kind) for u in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"no {kind} within {timeout} s; saw {seen}")


@pytest.fixture
def app():
    app = Hangar.open()
    yield app
    app.close()


def test_a_conversation_from_load_to_reply(app, tiny_gguf: Path) -> None:
    controller = app.chat_controller()
    with pytest.raises(InvalidInput, match="Load a model first"):
        controller.send("hello", "", {"max_tokens": 8})
    assert controller.store.list() == [], "a message that cannot be sent is not stored"

    assert controller.load(str(tiny_gguf), 512)
    assert controller.loading and not controller.load(str(tiny_gguf), 512), "one load at a time"
    updates = _until(controller, ModelReady)
    assert not controller.loading and controller.model is not None and controller.model.client.alive

    assert controller.send("  What is   a hangar?  ", "Be brief.", {"max_tokens": 12, "seed": 1, "temperature": 0.0})
    assert controller.streaming and controller.busy
    updates = _until(controller, ReplyFinished)
    texts = [u.text for u in updates if isinstance(u, ReplyText)]
    finished = next(u for u in updates if isinstance(u, ReplyFinished))
    assert "".join(texts) == controller.reply.text == finished.reply.text, "the view gets exactly what was saved"
    assert not controller.streaming and not controller.busy
    assert controller.reply.n_generated == finished.reply.n_generated > 0
    conversation = controller.store.get(controller.conversation_id)
    assert conversation.title == "What is a hangar?" and conversation.system_prompt == "Be brief."
    assert [m.role for m in controller.messages()] == ["user", "assistant"]

    user = controller.messages()[0]
    assert controller.begin_edit(user.id) == "What is   a hangar?"
    assert controller.send("Another question", "Be brief.", {"max_tokens": 4})
    _until(controller, ReplyFinished)
    assert [m.content for m in controller.messages()][0] == "Another question" and len(controller.messages()) == 2
    controller.close()
    assert controller.model is None


def test_a_cancelled_load_leaves_no_worker(app, medium_gguf: Path) -> None:
    controller = app.chat_controller()
    controller.load(str(medium_gguf), 512)
    controller.cancel_load()
    updates = _until(controller, (LoadFailed, ModelReady))
    failed = [u for u in updates if isinstance(u, LoadFailed)]
    assert failed and failed[0].cancelled and controller.model is None and not controller.loading


def test_cancel_after_the_load_finished_but_before_the_view_looked(app, tiny_gguf: Path) -> None:
    """The load may end between two ticks of the view; a Cancel pressed then still wins."""
    controller = app.chat_controller()
    controller.load(str(tiny_gguf), 512)
    deadline = time.monotonic() + 60
    while not any(isinstance(u, ModelReady) for u in list(controller.outbox._items)) and time.monotonic() < deadline:
        time.sleep(0.02)  # the load is done; the view has not collected it yet
    controller.cancel_load()
    updates = _until(controller, (LoadFailed, ModelReady))
    assert any(isinstance(u, LoadFailed) and u.cancelled for u in updates) and controller.model is None


def test_a_refused_parameter_stores_nothing(app, tiny_gguf: Path) -> None:
    controller = app.chat_controller()
    controller.load(str(tiny_gguf), 512)
    _until(controller, ModelReady)
    with pytest.raises(InvalidInput, match="temperature"):
        controller.send("hello", "", {"temperature": "hot"})
    assert controller.store.list() == [] and controller.conversation_id is None
    controller.close()
