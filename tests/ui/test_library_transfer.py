"""The Library's "Export for another machine…" and "Import a bundle…", offscreen: the work off the GUI
thread with a progress dialog, the outcome said, a refusal shown naming the file, Cancel leaving
nothing behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from hangar.core.app import Hangar
from hangar.ui.panes.library.pane import LibraryPane
from hangar.ui.services import UiServices


@pytest.fixture
def pane(qtbot, tiny_gguf: Path, tmp_path: Path):
    app = Hangar.open()
    folder = app.ctx.models_dir / "hangar-test" / "tiny-llama-GGUF"
    folder.mkdir(parents=True)
    app.library.add_file(Path(shutil.copy(tiny_gguf, folder / "tiny-llama-Q8_0.gguf")), source="download", repo="hangar-test/tiny-llama-GGUF", revision="main")
    services = UiServices(app)
    view = LibraryPane(services)
    qtbot.addWidget(view)
    view.show()
    yield view
    services.close()


def _button(pane: LibraryPane, text: str) -> QPushButton:
    return next(b for b in pane.findChildren(QPushButton) if b.text() == text)


def _done(qtbot, pane: LibraryPane) -> None:
    qtbot.waitUntil(lambda: not pane.transfer.running, timeout=60_000)


def test_export_from_the_action_bar_then_import_the_bundle_elsewhere(qtbot, pane: LibraryPane, tmp_path: Path, monkeypatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))
    pane.table.selectRow(0)
    _button(pane, "Export for another machine…").click()
    assert pane.transfer.progress is not None, "a progress dialog while it works"
    _done(qtbot, pane)
    bundle = usb / "tiny-llama-Q8_0"
    assert (bundle / "manifest.json").is_file()
    box = pane.transfer.result_box
    assert box is not None and box.objectName() == "transferResult" and str(bundle) in box.text() and "SHA-256" in box.text()
    assert pane.transfer.progress is None

    other = Hangar.open({"HANGAR_HOME": str(tmp_path / "air-gapped")})
    services = UiServices(other)
    try:
        receiver = LibraryPane(services)
        qtbot.addWidget(receiver)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(bundle))
        _button(receiver, "Import a bundle…").click()
        _done(qtbot, receiver)
        text = receiver.transfer.result_box.text()
        assert "Imported" in text and "matched their SHA-256" in text and "hangar-test/tiny-llama-GGUF" in text
        qtbot.waitUntil(lambda: receiver.model.rowCount() == 1, timeout=5000)  # the table follows the library
        assert receiver.model.record(0)["source"] == "bundle"
    finally:
        services.close()


def test_a_refused_bundle_is_shown_naming_the_file(qtbot, pane: LibraryPane, tmp_path: Path, monkeypatch) -> None:
    pane.transfer.export_to(pane.model.record(0)["id"], tmp_path / "usb")
    _done(qtbot, pane)
    bundle = tmp_path / "usb" / "tiny-llama-Q8_0"
    (bundle / "card.json").unlink()
    shown = []
    monkeypatch.setattr("hangar.ui.panes.library.transfer_actions.show_error", lambda _parent, title, exc, _log=None: shown.append((title, exc)))
    other = Hangar.open({"HANGAR_HOME": str(tmp_path / "air-gapped")})
    services = UiServices(other)
    try:
        receiver = LibraryPane(services)
        qtbot.addWidget(receiver)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(bundle))
        _button(receiver, "Import a bundle…").click()
        assert shown and "card.json" in shown[0][1].message  # the listing is checked at once
        receiver.transfer.import_from(bundle)
        _done(qtbot, receiver)
        assert "card.json" in receiver.status.text() and len(shown) == 2
        assert other.library.list() == []
    finally:
        services.close()


def test_cancel_stops_the_export_and_leaves_nothing(qtbot, pane: LibraryPane, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    pane.transfer.export_to(pane.model.record(0)["id"], usb)
    pane.transfer.progress.findChild(QPushButton).click()  # the dialog's Cancel, while the license audit runs: the copy stops at its first block
    _done(qtbot, pane)
    assert "nothing was left behind" in pane.status.text()
    assert not usb.exists() or list(usb.iterdir()) == []


def test_a_signed_bundle_asks_how_to_check_it(qtbot, pane: LibraryPane, tmp_path: Path, monkeypatch) -> None:
    from hangar.core.app.transfer import BundleSummary

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    answer = pane.transfer.ask_trust(BundleSummary("Tiny", 10, True, "key", "key sha256:" + "ab" * 32))
    assert answer is None and "signed by key sha256:" in asked[0]  # closed without a choice: not imported
