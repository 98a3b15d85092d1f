"""The Chat pane with a synthetic model: send, stream, stop, survive a killed worker."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hangar.core.chat.store import ChatStore
from hangar.core.context import AppContext
from hangar.core.library import Library
from hangar.ui.panes.chat.pane import ChatPane

pytestmark = pytest.mark.slow


@pytest.fixture
def pane(qtbot, tiny_gguf: Path):
    ctx = AppContext.open()
    Library(ctx.database).add_file(tiny_gguf)
    chat = ChatPane(ctx)
    qtbot.addWidget(chat)
    chat.show()
    chat.load_model()
    qtbot.waitUntil(lambda: chat.client is not None, timeout=30_000)
    yield chat
    if chat.client is not None:
        chat.client.close()


def test_send_streams_and_saves(qtbot, pane: ChatPane) -> None:
    assert "Running on CPU" in pane.status.text() and "Chat template: gguf" in pane.status.text()
    pane.input.setPlainText("Hello there")
    qtbot.keyClick(pane.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not pane.streaming and "tokens" in pane.stats.text(), timeout=30_000)
    assert "Hello there" in pane.transcript.toPlainText()
    messages = ChatStore(pane.ctx.database).messages(pane.conversation_id)
    assert [m.role for m in messages] == ["user", "assistant"] and messages[1].state == "complete"
    assert pane.conversations.rowCount() == 1


def test_stop_and_a_killed_worker(qtbot, pane: ChatPane, medium_gguf: Path) -> None:
    Library(pane.ctx.database).add_file(medium_gguf)  # about 200 tokens/s here: slow enough to interrupt
    pane.reload_models()
    pane.model_combo.setCurrentIndex(pane.model_combo.findData(str(medium_gguf.resolve())))
    pane.client.close()
    pane.client = None
    pane.load_model()
    qtbot.waitUntil(lambda: pane.client is not None, timeout=30_000)
    pane.input.setPlainText("Talk for a long time")
    pane.send()
    qtbot.waitUntil(lambda: len(pane.transcript.toPlainText()) > 40, timeout=30_000)
    pane.stop()
    qtbot.waitUntil(lambda: not pane.streaming, timeout=5_000)
    assert "cancelled" in pane.stats.text()

    pane.input.setPlainText("Again")
    pane.send()
    qtbot.waitUntil(lambda: len(ChatStore(pane.ctx.database).messages(pane.conversation_id)) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: bool(pane._pending) or len(pane.transcript.toPlainText()) > 80, timeout=10_000)
    os.kill(pane.client.proc.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not pane.streaming, timeout=10_000)
    assert "SIGKILL" in pane.status.text() and pane.client is None
    messages = ChatStore(pane.ctx.database).messages(pane.conversation_id)
    assert len(messages) == 4 and messages[-1].state == "interrupted", "the partial reply and the conversation survive"
    pane.load_model()
    qtbot.waitUntil(lambda: pane.client is not None, timeout=30_000)
