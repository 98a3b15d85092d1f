"""Discover and Library against the local Hub: search, look, download, see it in the Library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot, demo_hub):
    win = MainWindow(Hangar.open())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.services.close()


def _search(qtbot, pane, text: str = "") -> None:
    pane.query.setText(text)
    pane.search()
    qtbot.waitUntil(lambda: "repositor" in pane.status.text() or "No GGUF" in pane.status.text(), timeout=20_000)


def test_search_chips_and_paging(qtbot, window) -> None:
    pane = window.pane("discover")
    _search(qtbot, pane, "qwen")
    assert {pane.results.record(i)["id"] for i in range(pane.results.rowCount())} == {"Qwen/Qwen3-8B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF"}
    pane.query.setText("")
    chip = pane.findChild(type(pane.more_button), "chip_Hunyuan")
    chip.click()
    qtbot.waitUntil(lambda: pane.results.rowCount() == 1, timeout=20_000)
    assert pane.results.record(0)["id"] == "tencent/Hunyuan-7B-Instruct-GGUF"
    assert pane.results.index(0, 3).data() == "tencent-hunyuan-community", "the card's license name, not 'other'"
    assert pane.status.text() == "1 repository"


def test_repo_view_shows_quants_fit_and_card_as_text(qtbot, window) -> None:
    pane = window.pane("discover")
    _search(qtbot, pane, "Llama-3.1")
    pane.table.selectRow(0)
    qtbot.waitUntil(lambda: pane.repo_view.isVisible(), timeout=30_000)
    view = pane.repo_view
    assert view.title.text() == "bartowski/Llama-3.1-8B-Instruct-GGUF"
    assert "License: llama3.1" in view.meta.text() and "meta-llama/Llama-3.1-8B-Instruct" in view.meta.text()
    headers = [view.files_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.files_model.columnCount())]
    assert headers[:3] == ["Quant", "Size", "Parts"] and "CPU memory" in headers
    cpu = headers.index("CPU memory")
    assert view.files_model.index(0, cpu).data() == "✓ fits"
    assert "Recommended for this machine" in view.recommendation.text()
    assert view.files_model.index(0, 0).data().startswith("★")
    html = view.card.toHtml()
    assert "alert(" in view.card.toPlainText(), "the script tag is shown as text"
    assert "<script" not in html
    assert "Q4_K_M" in view.card.toPlainText()


def test_gated_repo_shows_the_token_prompt(qtbot, window) -> None:
    pane = window.pane("discover")
    pane.open_repo("google/gemma-3-4b-it-qat-q4_0-gguf")
    qtbot.waitUntil(lambda: pane.repo_view.isVisible(), timeout=30_000)
    assert pane.repo_view.gate_row.isVisibleTo(pane.repo_view)


def test_download_from_discover_appears_in_the_library(qtbot, window, demo_hub, hangar_home: Path) -> None:
    pane = window.pane("discover")
    pane.open_repo("Qwen/Qwen3-8B-GGUF")
    qtbot.waitUntil(lambda: pane.repo_view.isVisible(), timeout=30_000)
    library = window.pane("library")
    assert library.stack.currentWidget() is library.empty
    demo_hub.set_faults("Qwen3-8B-Q8_0.gguf", bytes_per_second=6_000_000)
    pane.repo_view.files_table.selectRow(0)
    pane.repo_view.download_button.click()
    qtbot.waitUntil(lambda: library.downloads.isVisibleTo(library) and library.downloads.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: library.downloads.model.record(0)["downloaded_bytes"] > 0, timeout=20_000)
    assert "MiB" in library.downloads.model.index(0, 1).data()
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=60_000)
    record = library.model.record(0)
    assert record["repo"] == "Qwen/Qwen3-8B-GGUF" and record["source"] == "download"
    assert record["sha256"] == demo_hub.state.repos["Qwen/Qwen3-8B-GGUF"].files["Qwen3-8B-Q8_0.gguf"].sha256
    downloads = library.downloads
    assert downloads.isVisibleTo(library) and downloads.model.record(0)["state"] == "done", "a finished download stays in view, with a notice"
    assert "downloaded and verified" in downloads.model.index(0, 4).data()
    assert pane.repo_view.state_text("Qwen3-8B-Q8_0.gguf") == "✓ downloaded", "Discover's quant list marks it"
    assert "is downloaded and verified" in pane.repo_view.status.text()
    downloads.table.selectRow(0)
    assert downloads.chat_button.isEnabled()
    downloads.open_in_chat()
    assert window.current_pane_key() == "chat"
    chat = window.pane("chat")
    qtbot.waitUntil(lambda: chat.client is not None, timeout=60_000)
    assert chat.controller.model.path == record["path"]
    downloads.dismiss()
    assert not downloads.isVisibleTo(library), "dismissed: the queue is empty again"


def test_library_imports_and_refuses_with_reasons(qtbot, tmp_path: Path, tiny_gguf: Path) -> None:
    win = MainWindow(Hangar.open())
    qtbot.addWidget(win)
    library = win.pane("library")
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(tiny_gguf, folder / "tiny.gguf")
    (folder / "broken.gguf").write_bytes(b"nope")
    library.import_path(folder)
    qtbot.waitUntil(lambda: "Added" in library.status.text(), timeout=20_000)
    assert "Added 1 model(s)." in library.status.text() and "Refused broken.gguf" in library.status.text()
    assert library.model.rowCount() == 1 and "(synthetic weights)" in library.model.index(0, 0).data()
    win.services.close()
