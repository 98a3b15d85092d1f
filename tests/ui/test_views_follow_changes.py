"""Every view follows a change made anywhere, without a restart (the application layer
announces library, policy and settings changes once; ui/services.py turns them into
signals). These are the stale views a new user found: a model imported in the Library
missing from Chat and Benchmark, a deleted one still offered (and Chat's default), a
vanished file answered with an exception name, and Discover's license card ignoring a
policy changed in Licenses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from hangar.core.app import Hangar
from hangar.core.licenses.policy import Policy
from hangar.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot):
    win = MainWindow(Hangar.open())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.services.close()


def _import(qtbot, window, file: Path) -> int:
    library = window.pane("library")
    library.import_path(file)
    qtbot.waitUntil(lambda: "Added 1 model(s)." in library.status.text(), timeout=20_000)
    model = window.app.library.by_path(file)
    assert model is not None
    return model.id


def _row_of(pane, model_id: int) -> int:
    return next(row for row in range(pane.model.rowCount()) if pane.model.record(row)["id"] == model_id)


def test_an_imported_model_is_offered_in_chat_and_benchmark_and_a_deleted_one_is_gone(qtbot, window, tiny_gguf: Path, tmp_path: Path, monkeypatch) -> None:
    chat, bench, library = window.pane("chat"), window.pane("benchmark"), window.pane("library")
    file = Path(shutil.copy(tiny_gguf, tmp_path / "imported-tiny.gguf")).resolve()
    model_id = _import(qtbot, window, file)

    qtbot.waitUntil(lambda: chat.model_combo.findData(str(file)) >= 0, timeout=5_000)
    qtbot.waitUntil(lambda: bench.controls.model.findData(f"library:{model_id}:") >= 0, timeout=5_000)
    bench.controls.model.setCurrentIndex(bench.controls.model.findData(f"library:{model_id}:"))
    assert bench.controls.spec().model == str(model_id), "Benchmark can pick it"
    chat.model_combo.setCurrentIndex(chat.model_combo.findData(str(file)))
    chat.load_model()
    qtbot.waitUntil(lambda: chat.client is not None, timeout=60_000)
    assert "is loaded" in chat.status.text(), "Chat can pick it and load it"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    library.table.selectRow(_row_of(library, model_id))
    library.delete_selected()
    qtbot.waitUntil(lambda: chat.model_combo.findData(str(file)) == -1, timeout=5_000)
    qtbot.waitUntil(lambda: bench.controls.model.findData(f"library:{model_id}:") == -1, timeout=5_000)
    assert chat.model_combo.currentData() != str(file), "a deleted model is no longer Chat's default"
    assert file.exists(), "an imported file belongs to the user: removing it from the library keeps it on disk"
    assert window.app.library.by_id(model_id) is None


def test_a_model_whose_file_vanished_gets_a_plain_message_in_chat_and_benchmark(qtbot, window, tiny_gguf: Path, tmp_path: Path) -> None:
    chat, bench = window.pane("chat"), window.pane("benchmark")
    file = Path(shutil.copy(tiny_gguf, tmp_path / "soon-gone.gguf")).resolve()
    model_id = _import(qtbot, window, file)
    qtbot.waitUntil(lambda: chat.model_combo.findData(str(file)) >= 0, timeout=5_000)
    file.unlink()  # behind Hangar's back

    chat.model_combo.setCurrentIndex(chat.model_combo.findData(str(file)))
    chat.load_model()
    qtbot.waitUntil(lambda: "no longer at" in chat.status.text(), timeout=20_000)
    for text in (chat.status.text(),):
        assert "FileNotFoundError" not in text and "Something went wrong" not in text
        assert "Import it again" in text, "it says what to do"
    assert chat.client is None and chat.load_button.isEnabled()

    qtbot.waitUntil(lambda: bench.controls.model.findData(f"library:{model_id}:") >= 0, timeout=5_000)
    bench.controls.model.setCurrentIndex(bench.controls.model.findData(f"library:{model_id}:"))
    bench.start()
    qtbot.waitUntil(lambda: "no longer at" in bench.stage.text(), timeout=20_000)
    assert "No model in the library matches" not in bench.stage.text() and "Error" not in bench.stage.text()
    assert bench.run_button.isEnabled()


def test_a_policy_changed_in_licenses_changes_discovers_card_and_its_download_question(qtbot, window, demo_hub, monkeypatch) -> None:
    discover, licenses = window.pane("discover"), window.pane("licenses")
    repo = "FreedomIntelligence/openPangu-Embedded-7B-GGUF"
    discover.open_repo(repo)
    qtbot.waitUntil(lambda: discover.repo_view.isVisible() and discover.repo_view.license_audit is not None, timeout=30_000)
    card = discover.repo_view.license_card
    assert card.verdict.text() == "Allowed", "the default policy allows it"

    licenses.set_policy(Policy(territories=["DE"]))  # what Edit policy… does once the dialog is accepted
    qtbot.waitUntil(lambda: card.verdict.text() == "Blocked", timeout=5_000)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    discover.repo_view.download_button.click()
    assert asked and "blocked" in asked[0], "the blocked-model question follows the new policy"
    qtbot.wait(200)
    assert window.ctx.database.query("SELECT * FROM downloads") == [], "nothing was queued"

    licenses.set_policy(Policy())
    qtbot.waitUntil(lambda: card.verdict.text() == "Allowed", timeout=5_000)

