"""A real endpoint: Hangar's own server (real worker, synthetic model) added as a remote endpoint
and chatted with through the ChatController, usage counted by its tokenizer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app.conversation import ModelReady, ReplyFailed, ReplyFinished
from hangar.core.chat.store import MessageState

from ..server.conftest import ALIAS, serving

pytestmark = pytest.mark.slow


def until(controller, kind, timeout: float = 60.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += controller.take_updates()
        if any(isinstance(u, kind) for u in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"no {kind} within {timeout} s; saw {seen}")


def test_chat_with_hangar_served_elsewhere(app, tmp_path: Path, tiny_gguf: Path) -> None:
    with serving(tmp_path / "other-machine", tiny_gguf) as (_server_app, runner):
        app.endpoints.add("other-hangar", runner.url)
        assert ALIAS in app.endpoints.refresh_models("other-hangar").models
        controller = app.chat_controller()
        controller.load(f"remote:other-hangar:{ALIAS}", 4096)
        until(controller, ModelReady)
        assert controller.send("Say something.", "", {"max_tokens": 8, "temperature": 0.0, "seed": 1})
        updates = until(controller, (ReplyFinished, ReplyFailed))
        finished = next(u for u in updates if isinstance(u, ReplyFinished))
        assert finished.reply.n_generated == 8 and finished.reply.n_prompt > 0  # the server's own counts (usage)
        assert str(finished.reply.stop_reason) == "length"
        message = controller.messages()[-1]
        assert message.state == MessageState.COMPLETE and message.content == finished.reply.text and message.n_tokens == 8
        controller.close()
