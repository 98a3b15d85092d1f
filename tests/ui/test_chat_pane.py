"""The Chat pane driven as a person would, with synthetic models and the real worker."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextFormat
from PySide6.QtWidgets import QApplication

from hangar.core.app import Hangar
from hangar.core.chat.store import ChatStore
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library
from hangar.ui.panes.chat.pane import ChatPane
from hangar.ui.services import UiServices

pytestmark = pytest.mark.slow


def make_pane(qtbot, *models: Path) -> ChatPane:
    ctx = AppContext.open()
    for model in models:
        Library(ctx.database).add_file(model)
    chat = ChatPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(chat)
    chat.resize(1100, 700)
    chat.show()
    chat.windowHandle().requestActivate()  # shortcuts (Ctrl+Enter, Esc) reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is chat)
    return chat


def load(qtbot, chat: ChatPane, model: Path) -> None:
    chat.model_combo.setCurrentIndex(chat.model_combo.findData(str(model.resolve())))
    chat.load_button.click()
    qtbot.waitUntil(lambda: chat.client is not None and not chat.loading, timeout=30_000)


@pytest.fixture
def pane(qtbot, tiny_gguf: Path):
    chat = make_pane(qtbot, tiny_gguf)
    chat.params.fields["max_tokens"].setValue(12)
    load(qtbot, chat, tiny_gguf)
    yield chat
    if chat.client is not None:
        chat.client.close()


def messages(chat: ChatPane):
    return ChatStore(chat.ctx.database).messages(chat.conversation_id)


def send(qtbot, chat: ChatPane, text: str, *, wait: bool = True) -> None:
    chat.input.setPlainText(text)
    qtbot.keyClick(chat.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    if wait:
        qtbot.waitUntil(lambda: not chat.streaming, timeout=30_000)


def click_link(chat: ChatPane, label: str, nth: int = -1) -> None:
    """Click the nth link whose text is ``label`` (as the mouse would: through anchorClicked)."""
    found = []
    block = chat.transcript.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor() and fragment.text() == label:
                found.append(fragment.charFormat().anchorHref())
            it += 1
        block = block.next()
    assert found, f"no {label!r} link in the transcript"
    chat.transcript.anchorClicked.emit(QUrl(found[nth]))


def test_send_streams_and_saves_with_live_statistics(qtbot, pane: ChatPane) -> None:
    assert "is loaded on CPU" in pane.status.text() and "its own chat template" in pane.status.text()
    send(qtbot, pane, "Hello there")
    assert "Hello there" in pane.transcript.toPlainText()
    stored = messages(pane)
    assert [m.role for m in stored] == ["user", "assistant"] and stored[1].state == "complete"
    assert pane.conversations.model.rowCount() == 1 and pane.store.get(pane.conversation_id).title == "Hello there"
    assert "12 tokens" in pane.stats.text() and "tokens/s" in pane.stats.text() and "first token" in pane.stats.text()
    assert "context" in pane.stats.text() and "/ 4096" in pane.stats.text()
    conversation = pane.store.get(pane.conversation_id)
    assert conversation.runtime == "cpu" and conversation.model_path and conversation.params["max_tokens"] == 12


def test_regenerate_replaces_the_last_reply(qtbot, pane: ChatPane) -> None:
    pane.params.fields["temperature"].setValue(1.5)
    send(qtbot, pane, "Say something")
    first = messages(pane)[-1]
    pane.regenerate_button.click()
    qtbot.waitUntil(lambda: not pane.streaming and messages(pane)[-1].created_at != first.created_at, timeout=30_000)
    stored = messages(pane)
    assert [m.role for m in stored] == ["user", "assistant"] and stored[-1].state == "complete"
    click_link(pane, "Regenerate")  # the same from the reply's own link
    qtbot.waitUntil(lambda: not pane.streaming and messages(pane)[-1].created_at != stored[-1].created_at, timeout=30_000)
    assert len(messages(pane)) == 2


def test_edit_a_message_and_continue_from_it(qtbot, pane: ChatPane) -> None:
    send(qtbot, pane, "first question")
    send(qtbot, pane, "second question")
    assert len(messages(pane)) == 4
    click_link(pane, "Edit", nth=0)
    assert pane.input.toPlainText() == "first question" and pane.edit_banner.isVisible()
    send(qtbot, pane, "first question, corrected")
    stored = messages(pane)
    assert [m.content for m in stored if m.role == "user"] == ["first question, corrected"]
    assert len(stored) == 2 and stored[-1].role == "assistant" and stored[-1].state == "complete"
    assert "second question" not in pane.transcript.toPlainText() and not pane.edit_banner.isVisible()


def test_copy_and_delete_a_message(qtbot, pane: ChatPane) -> None:
    send(qtbot, pane, "copy me")
    click_link(pane, "Copy", nth=0)
    assert QGuiApplication.clipboard().text() == "copy me"
    click_link(pane, "Delete", nth=-1)
    assert [m.role for m in messages(pane)] == ["user"] and "copy me" in pane.transcript.toPlainText()


def test_markdown_code_highlight_copy_and_untrusted_links(qtbot, tiny_gguf: Path) -> None:
    chat = make_pane(qtbot, tiny_gguf)
    store = chat.store
    conversation = store.create("Code")
    store.add(conversation.id, "user", "Write **Python** <b>please</b>")
    reply = (
        "Here is **bold** and a [link](https://example.com/x) and a forged [delete](hangar-000000000000:msg/1/delete).\n\n"
        "```python\ndef add(a, b):\n    return a + 1  # one\n```\n\n<script>alert(1)</script>"
    )
    store.add(conversation.id, "assistant", reply)
    chat.conversations.reload()
    chat.open_conversation(conversation.id)
    text = chat.transcript.toPlainText()
    assert "Write **Python** <b>please</b>" in text, "a user's message is plain text"
    assert "Here is bold" in text and "def add(a, b):" in text and "<script>alert(1)</script>" in text, "HTML in a reply is text"
    block = chat.transcript.document().findBlock(text.index("def add"))
    assert block.blockFormat().property(QTextFormat.Property.BlockCodeLanguage) == "python"
    keyword = [r for r in block.layout().formats() if r.start == 0]
    assert keyword and keyword[0].format.fontWeight() > 400, "the keyword 'def' is highlighted"
    click_link(chat, "Copy code")
    assert QGuiApplication.clipboard().text() == "def add(a, b):\n    return a + 1  # one"
    click_link(chat, "link")
    assert "not opened" in chat.status.text() and "https://example.com/x" in chat.status.text()
    click_link(chat, "delete")  # the model's forged action link
    assert len(store.messages(conversation.id)) == 2, "a link written by the model cannot act on the conversation"


def test_stop_switch_while_streaming_and_a_killed_worker(qtbot, medium_gguf: Path) -> None:
    chat = make_pane(qtbot, medium_gguf)  # about 200 tokens/s here: slow enough to interrupt
    chat.params.fields["max_tokens"].setValue(4000)
    load(qtbot, chat, medium_gguf)
    send(qtbot, chat, "Talk for a long time", wait=False)
    qtbot.waitUntil(lambda: len(chat.transcript.toPlainText()) > 60, timeout=30_000)
    assert chat.transcript.toPlainText().count("Model (writing…)") == 1, "the reply streams under one heading"
    started = time.perf_counter()
    qtbot.keyClick(chat.input, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not chat.streaming, timeout=5_000)
    assert time.perf_counter() - started < 0.5, "Esc stops the reply within half a second"
    assert "stopped" in chat.stats.text() and messages(chat)[-1].state == "cancelled"

    # Switch conversations while a reply streams: the other one stays clean, the reply keeps being saved.
    first = chat.conversation_id
    send(qtbot, chat, "Again, at length", wait=False)
    qtbot.waitUntil(lambda: len(chat.controller.reply.pieces) > 5, timeout=10_000)
    chat.new_conversation()
    second = chat.conversation_id
    assert second != first and chat.transcript.toPlainText() == ""
    seen = len(chat.controller.reply.pieces)
    qtbot.waitUntil(lambda: len(chat.controller.reply.pieces) > seen + 20, timeout=10_000)
    assert chat.transcript.toPlainText() == "", "the reply does not leak into the conversation on screen"
    qtbot.wait(1200)
    assert len(ChatStore(chat.ctx.database).messages(first)[-1].content) > 0, "the reply is saved while it streams"
    chat.conversations.select(first)  # back to the streaming one: what was written so far, and more coming
    assert chat.conversation_id == first and "Again, at length" in chat.transcript.toPlainText()
    shown = len(chat.transcript.toPlainText())
    qtbot.waitUntil(lambda: len(chat.transcript.toPlainText()) > shown + 20, timeout=10_000)

    # Kill the worker mid-reply: the partial reply and the conversation survive, the error is clear, Load works again.
    os.kill(chat.client.proc.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not chat.streaming, timeout=10_000)
    assert "SIGKILL" in chat.status.text() and "Load" in chat.status.text() and chat.client is None
    stored = ChatStore(chat.ctx.database).messages(first)
    assert len(stored) == 4 and stored[-1].state == "interrupted" and stored[-1].content
    assert "interrupted" in chat.transcript.toPlainText()
    load(qtbot, chat, medium_gguf)
    assert chat.client.alive


def test_parameters_presets_rename_export_and_search(qtbot, pane: ChatPane, tmp_path: Path, monkeypatch) -> None:
    pane.new_conversation()
    pane.params.system.setPlainText("Answer in French.")
    pane.params.fields["temperature"].setValue(0.3)
    stored = pane.store.get(pane.conversation_id)
    assert stored.system_prompt == "Answer in French." and stored.params["temperature"] == pytest.approx(0.3)
    pane.params.apply_preset("Precise (deterministic)")
    assert pane.params.fields["temperature"].value() == 0.0 and pane.store.get(pane.conversation_id).params["seed"] == 42
    pane.store.save_preset("Team default", {**pane.params.params(), "top_k": 7, "system_prompt": "Be brief."})
    pane.params.reload_presets()
    pane.params.apply_preset("Team default")
    assert pane.params.fields["top_k"].value() == 7 and pane.params.system_prompt() == "Be brief."

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Trip to Lyon", True))
    pane.conversations.rename()
    assert pane.store.get(pane.conversation_id).title == "Trip to Lyon"
    send(qtbot, pane, "Bonjour")
    pane.conversations.export_to(tmp_path / "c.md", as_json=False)
    pane.conversations.export_to(tmp_path / "c.json", as_json=True)
    assert "# Trip to Lyon" in (tmp_path / "c.md").read_text() and "Bonjour" in (tmp_path / "c.md").read_text()
    exported = json.loads((tmp_path / "c.json").read_text())
    assert exported["system_prompt"] == "Be brief." and exported["params"]["top_k"] == 7 and exported["runtime"] == "cpu"
    pane.new_conversation()
    pane.conversations.search.setText("Lyon")
    assert pane.conversations.model.rowCount() == 1


def test_cancel_a_load(qtbot, tiny_gguf: Path, medium_gguf: Path) -> None:
    chat = make_pane(qtbot, tiny_gguf, medium_gguf)
    chat.model_combo.setCurrentIndex(chat.model_combo.findData(str(medium_gguf.resolve())))
    chat.load_button.click()
    assert chat.cancel_load_button.isVisible() and chat.load_progress.isVisible()
    qtbot.waitUntil(lambda: chat.loading_worker is not None or not chat.loading, timeout=10_000)
    worker = chat.loading_worker
    chat.cancel_load_button.click()
    qtbot.waitUntil(lambda: not chat.loading, timeout=10_000)
    assert chat.status.text() == "Loading was cancelled." and chat.client is None
    assert worker is None or not worker.alive, "a cancelled load leaves no worker behind"
    assert not chat.cancel_load_button.isVisible() and chat.load_button.isEnabled()


def test_a_model_too_large_for_memory_asks_before_loading(qtbot, tiny_gguf: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    import hangar.core.runner.fit

    monkeypatch.setattr(hangar.core.runner.fit, "ram_available_bytes", lambda: 64 * 2**20)  # a machine with 64 MiB free
    asked: list[str] = []
    answer = ["No"]

    def exec_(box: QMessageBox) -> int:
        asked.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()}")
        wanted = next(b for b in box.buttons() if b.text().replace("&", "") == answer[0])
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    chat = make_pane(qtbot, tiny_gguf)
    chat.model_combo.setCurrentIndex(chat.model_combo.findData(str(tiny_gguf.resolve())))
    chat.load_button.click()
    qtbot.waitUntil(lambda: bool(asked) and not chat.loading, timeout=10_000)
    assert asked[0].startswith("Model too large: tiny") and "does not fit" in asked[0] and "GiB" in asked[0]
    assert "does not fit" in chat.status.text() and chat.client is None and chat.load_button.isEnabled()

    answer[0] = "Load anyway"
    chat.load_button.click()
    qtbot.waitUntil(lambda: chat.client is not None and not chat.loading, timeout=30_000)
    assert len(asked) == 2 and "is loaded on" in chat.status.text()
    chat.client.close()
