"""The Library's updates: Check for updates, the Updates column, the details dialog, the daily check."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from hangar.ui.panes.library.pane import LibraryPane
from hangar.ui.services import UiServices

from ..lifecycle.conftest import CARD, FILE, app, downloaded, hub, publish, rebuilt_gguf  # noqa: F401 - the lifecycle fixtures


@pytest.fixture
def pane(qtbot, app):  # noqa: F811
    services = UiServices(app)
    widget = LibraryPane(services)
    qtbot.addWidget(widget)
    yield widget
    services.close()


def _badge(pane) -> str:
    column = pane.model.columns.index(pane.updates._column)
    return pane.model.index(0, column).data()


def _check(qtbot, pane) -> None:
    pane.updates.check_now()
    qtbot.waitUntil(lambda: pane.updates.check_button.isEnabled() and "Checking" not in pane.updates.notice.text(), timeout=20_000)


def test_a_license_change_shows_as_a_badge_and_in_the_details(qtbot, hub, downloaded, tiny_gguf, pane) -> None:  # noqa: F811
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    assert _badge(pane) == "", "not checked yet"
    _check(qtbot, pane)
    assert _badge(pane) == "⚠ license changed!"
    assert "license changed from apache-2.0 to cc-by-nc-4.0" in pane.model.index(0, pane.model.columns.index(pane.updates._column)).data(3)  # tooltip
    assert "The license of 1 model(s) changed" in pane.updates.notice.text() and "1 update(s) available" in pane.updates.notice.text()

    pane.table.selectRow(0)
    assert pane.updates.details_button.isEnabled()
    dialog = pane.updates.show_details()
    qtbot.addWidget(dialog)
    assert dialog.license_box.isVisibleTo(dialog) and dialog.license_box.text().startswith("The license changed from apache-2.0 to cc-by-nc-4.0")
    assert "does not allow commercial use" in dialog.license_box.text()
    cells = {dialog.facts.item(r, 0).text(): (dialog.facts.item(r, 1).text(), dialog.facts.item(r, 2).text()) for r in range(dialog.facts.rowCount())}
    assert cells["Revision"] == (downloaded.revision[:12], new.sha[:12])
    assert cells["License"] == ("apache-2.0", "cc-by-nc-4.0") and cells["Policy verdict"] == ("allowed", "blocked")
    sha_row = next(r for r in range(dialog.facts.rowCount()) if dialog.facts.item(r, 0).text() == "SHA-256")
    assert cells["SHA-256"][0] == cells["SHA-256"][1], "the same bytes"
    assert dialog.facts.item(sha_row, 1).toolTip() == dialog.facts.item(sha_row, 2).toolTip() == downloaded.sha256, "the whole value on hover"
    assert dialog.update_button.isEnabled() and dialog.pin_button.text() == "Pin to this revision"


def test_updating_from_the_details_asks_about_the_license_first(qtbot, hub, downloaded, tiny_gguf, pane, monkeypatch) -> None:  # noqa: F811
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    _check(qtbot, pane)
    pane.table.selectRow(0)
    dialog = pane.updates.show_details()
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.No)
    dialog.update_model()
    assert asked and "license changed" in asked[0] and pane.services.app.library.get(downloaded.id).revision == downloaded.revision
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog.update_model()
    qtbot.waitUntil(lambda: "Updated to revision" in dialog.status.text(), timeout=20_000)
    assert pane.services.app.library.get(downloaded.id).revision == new.sha
    qtbot.waitUntil(lambda: _badge(pane) == "up to date", timeout=5_000)


def test_pinning_from_the_details_makes_the_badge_pinned(qtbot, hub, downloaded, rebuilt_gguf, pane) -> None:  # noqa: F811
    publish(hub, CARD, {FILE: rebuilt_gguf})
    _check(qtbot, pane)
    assert _badge(pane) == "update available"
    pane.table.selectRow(0)
    dialog = pane.updates.show_details()
    qtbot.addWidget(dialog)
    dialog.toggle_pin()
    assert dialog.pin_button.text() == "Unpin" and not dialog.update_button.isEnabled()
    qtbot.waitUntil(lambda: _badge(pane) == "pinned", timeout=5_000)
    assert pane.services.app.library.get(downloaded.id).pinned


def test_the_daily_check_runs_when_due_and_speaks_only_of_changes(qtbot, hub, app, downloaded, rebuilt_gguf) -> None:  # noqa: F811
    app.settings.set("update_check_daily", True)
    services = UiServices(app)
    quiet = LibraryPane(services)
    qtbot.addWidget(quiet)
    qtbot.waitUntil(lambda: _badge(quiet) == "up to date", timeout=20_000)
    assert quiet.updates.notice.text() == "", "nothing changed: no notice"
    assert quiet.updates.daily.isChecked()
    publish(hub, CARD, {FILE: rebuilt_gguf})
    app.ctx.database.execute("UPDATE update_checks SET checked_at = '2000-01-01T00:00:00Z'")  # a day and more ago
    loud = LibraryPane(services)
    qtbot.addWidget(loud)
    qtbot.waitUntil(lambda: _badge(loud) == "update available", timeout=20_000)
    assert "1 update(s) available" in loud.updates.notice.text()
    loud.updates.daily.setChecked(False)
    assert app.settings.current.update_check_daily is False
    services.close()


def test_the_daily_check_runs_at_start_up_not_only_when_the_library_is_opened(qtbot, hub, app, downloaded, rebuilt_gguf) -> None:  # noqa: F811
    from hangar.ui.main_window import MainWindow
    from hangar.ui.startup import schedule_daily_update_check

    window = MainWindow(app)
    qtbot.addWidget(window)
    assert not schedule_daily_update_check(window, delay_ms=10), "off unless the user opted in"
    app.settings.set("update_check_daily", True)
    publish(hub, CARD, {FILE: rebuilt_gguf})
    window.show_pane("chat")
    assert schedule_daily_update_check(window, delay_ms=10)
    qtbot.waitUntil(lambda: "update(s) available" in window.statusBar().currentMessage(), timeout=20_000)
    assert window.current_pane_key() == "chat", "the check speaks in the status bar; it does not switch panes"
    window.services.close()
