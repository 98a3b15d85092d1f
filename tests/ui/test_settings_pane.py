"""The Settings pane saves what the user changes, at once, and survives bad input."""

from __future__ import annotations

from pathlib import Path

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.config.settings import load_settings
from hangar.ui.panes.settings.pane import SettingsPane
from hangar.ui.services import UiServices


def test_changes_are_saved_immediately(qtbot, tmp_path: Path) -> None:
    ctx = AppContext.open()
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.settings_changed):
        pane.threads_spin.setValue(4)
    pane.fallback_check.setChecked(False)
    pane.language_combo.setCurrentIndex(pane.language_combo.findData("zh_CN"))
    pane.models_dir_edit.setText(str(tmp_path / "my-models"))
    pane._on_models_dir_edited()
    saved = load_settings(ctx.paths.settings_file)
    assert saved.threads == 4
    assert saved.gpu_fallback_to_cpu is False
    assert saved.language == "zh_CN"
    assert Path(saved.models_dir) == tmp_path / "my-models"
    assert (tmp_path / "my-models").is_dir()


def test_an_unusable_models_folder_is_refused_with_a_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    ctx = AppContext.open()
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    shown = []
    monkeypatch.setattr("hangar.ui.panes.settings.pane.show_error", lambda parent, title, exc: shown.append(str(exc)))
    pane.models_dir_edit.setText(str(blocker / "models"))
    pane._on_models_dir_edited()
    assert shown and "Cannot use" in shown[0]
    assert pane.models_dir_edit.text() == str(ctx.models_dir)
    assert ctx.settings.models_dir == ""


def test_problems_in_the_settings_file_are_shown(qtbot, hangar_home: Path) -> None:
    (hangar_home / "config").mkdir(parents=True)
    (hangar_home / "config" / "settings.json").write_text('{"threads": "many"}')
    ctx = AppContext.open()
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    from PySide6.QtWidgets import QLabel

    label = pane.findChild(QLabel, "settingsProblems")
    assert label is not None and "threads" in label.text()


def test_token_is_kept_in_the_keyring_not_in_settings(qtbot, memory_keyring, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    ctx = AppContext.open()
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    assert "No token" in pane.token_status.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("hf_abcdefghijklmnopqrstuvwx", True))
    pane._on_set_token()
    assert memory_keyring[("Hangar", "huggingface")] == "hf_abcdefghijklmnopqrstuvwx"
    assert "stored in the system keyring" in pane.token_status.text()
    for kept in (ctx.paths.settings_file, ctx.paths.log_file):
        assert "hf_abcdefghijklmnopqrstuvwx" not in (kept.read_text() if kept.exists() else "")
    pane._on_clear_token()
    assert ("Hangar", "huggingface") not in memory_keyring


def test_a_malformed_token_is_refused(qtbot, memory_keyring, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    shown = []
    monkeypatch.setattr("hangar.ui.panes.settings.pane.show_error", lambda parent, title, exc: shown.append(str(exc)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("my password", True))
    pane = SettingsPane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    pane._on_set_token()
    assert shown and "start with hf_" in shown[0] and memory_keyring == {}


def test_a_token_from_the_environment_is_named_as_such(qtbot, memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_fromtheenvironment123")
    pane = SettingsPane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    assert "HF_TOKEN environment variable" in pane.token_status.text() and "keyring" in pane.token_status.text()
    assert not pane.clear_token_button.isEnabled(), "Clear cannot remove an environment variable"
    assert "hf_fromtheenvironment123" not in pane.token_status.text()


def test_a_change_that_cannot_be_saved_shows_why_and_the_saved_value(qtbot, monkeypatch) -> None:
    ctx = AppContext.open()
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    shown = []
    monkeypatch.setattr("hangar.ui.panes.settings.pane.show_error", lambda parent, title, exc: shown.append(exc.message))

    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ctx, "save_settings", full_disk)
    pane.threads_spin.setValue(7)
    assert shown, "the user is told"
    assert pane.threads_spin.value() == ctx.settings.threads == 0, "the box shows what is saved, not the refused value"
    assert load_settings(ctx.paths.settings_file).threads == 0
