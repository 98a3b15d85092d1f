"""What a new user tripped over in Chat (#20): the preset says when it was changed, the statistics
stay one line and belong to the conversation shown, long titles end in "…", the edit banner leaves
the columns alone, an export is confirmed, the loaded model and its memory are shown, and the view
follows a regenerated reply."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hangar.core.app import Hangar
from hangar.ui.panes.chat.pane import ChatPane
from hangar.ui.services import UiServices

pytestmark = pytest.mark.slow


@pytest.fixture
def pane(qtbot):
    app = Hangar.open()
    pane = ChatPane(UiServices(app))
    qtbot.addWidget(pane)
    pane.resize(1024, 700)
    pane.show()
    yield pane
    pane.close()
    app.close()


def test_the_preset_says_changed(pane, qtbot) -> None:
    params = pane.params
    params.preset.setCurrentIndex(params.preset.findData("Balanced"))
    params.apply_preset("Balanced")
    assert params.preset.currentText() == "Balanced"
    params.fields["temperature"].setValue(params.fields["temperature"].value() + 0.3)
    assert params.preset.currentText() == "Balanced (changed)"
    params.apply_preset("Balanced")
    assert params.preset.currentText() == "Balanced"


def test_statistics_titles_banner_and_export(pane, qtbot, tmp_path: Path, monkeypatch) -> None:
    pane.stats.setText("128 tokens · 12.3 tokens/s · first token 250 ms · context 900 / 4096 · reached the token limit · 2 oldest turn(s) left out")
    qtbot.wait(20)
    assert pane.stats.height() <= pane.stats.fontMetrics().height() * 2, "one line, not three to six"
    assert pane.stats.elided().endswith("…") or pane.stats.fontMetrics().horizontalAdvance(pane.stats.text()) <= pane.stats.width()
    assert pane.stats.toolTip() == pane.stats.text()

    pane.new_conversation()
    assert pane.stats.text() == "", "an empty conversation shows no old numbers"
    long_title = "A very long conversation title " * 6
    pane.app.chats.rename(pane.conversation_id, long_title)
    pane.conversations.reload()
    view = pane.conversations.view
    assert view.textElideMode() == Qt.TextElideMode.ElideRight and view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff

    widths = pane.conversations.width()
    pane.edit_banner.show()
    qtbot.wait(20)
    assert pane.conversations.width() == widths, "the edit banner does not move the column splitter"
    pane.edit_banner.hide()

    out = tmp_path / "talk.md"
    monkeypatch.setattr("hangar.ui.panes.chat.conversations.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    pane.conversations.export()
    assert out.exists() and "Exported the conversation to" in pane.status.text() and str(out) in pane.status.text()


def test_the_loaded_model_and_a_regenerated_reply_in_view(pane, qtbot, tiny_gguf: Path) -> None:
    assert pane.loaded_label.text() == "No model loaded."
    pane.model_combo.addItem("tiny", str(tiny_gguf))
    pane.model_combo.setCurrentIndex(pane.model_combo.count() - 1)
    pane.load_model()
    qtbot.waitUntil(lambda: pane.client is not None, timeout=60_000)
    assert pane.loaded_label.text().startswith("● ") and "MiB held" in pane.loaded_label.text() and "CPU" in pane.loaded_label.text()

    pane.params.fields["max_tokens"].setValue(200)
    for text in ("first question " * 40, "second question " * 40):
        pane.input.setPlainText(text)
        pane.send()
        qtbot.waitUntil(lambda: not pane.streaming, timeout=60_000)
    bar = pane.transcript.verticalScrollBar()
    bar.setValue(0)  # the reader scrolls up ...
    bar.triggerAction(bar.SliderAction.SliderToMaximum)  # ... and back down: following again
    pane.regenerate()
    deadline = time.monotonic() + 60
    while pane.streaming and time.monotonic() < deadline:
        qtbot.wait(30)
        assert bar.value() >= bar.maximum() - 4, "the view follows the regenerated reply to the end"
    qtbot.wait(100)
    assert bar.value() >= bar.maximum() - 4
