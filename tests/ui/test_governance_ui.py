"""The managed policy in the window: the Licenses pane shows it locked, and Discover asks for the
reason the policy wants before a "review" model is downloaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from hangar.core.app import Hangar
from hangar.ui.main_window import MainWindow

from .test_licenses_pane import open_repo

pytestmark = pytest.mark.slow


@pytest.fixture
def managed(tmp_path: Path, monkeypatch):
    path = tmp_path / "policy.json"
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(path))
    return path


@pytest.fixture
def window(qtbot, demo_hub):
    win = MainWindow(Hangar.open())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.services.close()


def test_the_licenses_pane_shows_a_managed_policy_locked(qtbot, managed, window) -> None:
    managed.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corporate", "territories": ["FR"]}}))
    pane = window.pane("licenses")
    assert "managed by your administrator" in pane.policy_label.text() and pane.policy_label.text().startswith("Locked") and str(managed) in pane.policy_label.text()
    assert "Corporate" in pane.policy_label.text() and not pane.edit_button.isEnabled() and not pane.import_button.isEnabled()

    managed.write_text("{broken")
    pane._show_policy()
    assert "cannot be used, so downloads are refused" in pane.policy_label.text() and "not JSON" in pane.policy_label.text()


def test_discover_asks_the_reason_the_policy_wants_and_the_trail_keeps_it(qtbot, managed, window, monkeypatch) -> None:
    managed.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corporate"}, "require_override_reason": True}))
    discover = window.pane("discover")
    open_repo(qtbot, discover, "tencent/Hunyuan-7B-Instruct-GGUF")
    asked = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: asked.append(a[2]) or ("", False))
    discover.repo_view.download_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "asks for a reason" in asked[0]
    qtbot.waitUntil(lambda: "asks for a reason" in discover.repo_view.status.text(), timeout=5000)
    assert window.ctx.database.query("SELECT * FROM downloads") == [], "no reason, nothing queued"

    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Pilot approved by legal, ticket LEG-7", True))
    discover.repo_view.download_button.click()
    qtbot.waitUntil(lambda: "is downloading" in discover.repo_view.status.text(), timeout=20_000)
    overrides = window.services.app.audit.entries(events={"license_override"})
    assert overrides and overrides[0]["data"]["reason"] == "Pilot approved by legal, ticket LEG-7"


def test_chat_asks_the_reason_before_loading_a_review_model(qtbot, managed, tmp_path, tiny_gguf, monkeypatch) -> None:
    import shutil


    managed.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corporate"}, "require_override_reason": True}))
    app = Hangar.open()
    win = MainWindow(app)
    qtbot.addWidget(win)
    try:
        model = app.library.add_file(Path(shutil.copy(tiny_gguf, tmp_path / "Unlabelled.gguf")))  # no license anywhere: review
        chat = win.pane("chat")
        win.show_pane("chat")
        bar = chat.model_bar
        qtbot.waitUntil(lambda: bar.combo.findData(model.path) >= 0 or bar.combo.findData(str(model.path)) >= 0, timeout=5000)
        bar.combo.setCurrentIndex(max(bar.combo.findData(model.path), bar.combo.findData(str(model.path))))
        asked = []
        monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: asked.append(a[2]) or ("Evaluation only, approved in LEG-9", True))
        bar.load(512)
        qtbot.waitUntil(lambda: chat.controller.model is not None, timeout=60_000)
        assert asked and "asks for a reason" in asked[0]
        overrides = app.audit.entries(events={"license_override"})
        assert overrides and overrides[0]["data"]["reason"] == "Evaluation only, approved in LEG-9" and overrides[0]["data"]["action"] == "load"
    finally:
        win.services.close()
