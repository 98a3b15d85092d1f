"""What a new user tripped over in Discover (#20): quants marked as they download, a cancelled
download said so, a partial file not discarded without asking, Details closed for the next
repository, a gated card that says what to do, and an old repository cleared by a new search."""

from __future__ import annotations

import pytest

from hangar.core.app import Hangar
from hangar.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot, demo_hub):
    win = MainWindow(Hangar.open())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.services.close()


def _open(qtbot, pane, repo_id: str) -> None:
    pane.open_repo(repo_id)
    qtbot.waitUntil(lambda: pane.repo_view.isVisible() and pane.repo_view.title.text() == repo_id, timeout=30_000)


def test_a_download_is_marked_in_the_quant_list_and_a_cancel_asks_and_is_said(qtbot, window, demo_hub) -> None:
    pane, library = window.pane("discover"), window.pane("library")
    _open(qtbot, pane, "Qwen/Qwen3-8B-GGUF")
    view = pane.repo_view
    assert view.state_text("Qwen3-8B-Q8_0.gguf") == "—"
    demo_hub.set_faults("Qwen3-8B-Q8_0.gguf", bytes_per_second=2_000_000)
    view.files_table.selectRow(0)
    view.download_button.click()
    qtbot.waitUntil(lambda: view.state_text("Qwen3-8B-Q8_0.gguf").startswith("downloading") and library.downloads.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: library.downloads.model.record(0)["downloaded_bytes"] > 6 * 1024 * 1024, timeout=30_000)
    assert "%" in view.state_text("Qwen3-8B-Q8_0.gguf")
    downloads = library.downloads
    downloads.table.selectRow(0)
    asked = []
    downloads.cancel(ask=lambda text: asked.append(text) or False)
    assert asked and "MiB downloaded so far" in asked[0], "a partial of more than a few MB is not discarded without asking"
    assert downloads.model.record(0)["state"] in ("downloading", "queued"), "No keeps it"
    downloads.cancel(ask=lambda text: True)
    qtbot.waitUntil(lambda: view.state_text("Qwen3-8B-Q8_0.gguf") == "cancelled", timeout=20_000)
    assert "was cancelled" in view.status.text() and "is downloading" not in view.status.text()


def test_details_close_for_the_next_repository_and_a_gated_card_says_what_to_do(qtbot, window) -> None:
    pane = window.pane("discover")
    _open(qtbot, pane, "tencent/Hunyuan-7B-Instruct-GGUF")
    qtbot.waitUntil(lambda: pane.repo_view.license_card.isVisible(), timeout=30_000)
    pane.repo_view.license_card.details_button.setChecked(True)
    _open(qtbot, pane, "Qwen/Qwen3-8B-GGUF")
    assert not pane.repo_view.license_card.details_button.isChecked(), "the quant table keeps its room"

    _open(qtbot, pane, "google/gemma-3-4b-it-qat-q4_0-gguf")
    text = pane.repo_view.card.toPlainText()
    # the demo Hub, like the Hub, serves no card of a gated repository without a token
    assert "is gated" in text and "accept its terms" in text and "token" in text and "no model card" not in text

    pane.query.setText("mistral")
    pane.search()
    qtbot.waitUntil(lambda: "repositor" in pane.status.text(), timeout=20_000)
    assert not pane.repo_view.isVisible() and pane.placeholder.isVisible(), "an earlier repository does not linger beside unrelated results"
