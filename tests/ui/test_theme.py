"""Light and dark themes apply at once, from start-up and from Settings, and "system" undoes them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.panes.settings.pane import SettingsPane
from hangar.ui.services import UiServices
from hangar.ui.theme import apply_theme, is_dark


@pytest.fixture
def system_theme(qapp):
    original = QPalette(qapp.palette())
    yield original
    apply_theme("system")
    assert qapp.palette().color(QPalette.ColorRole.Window) == original.color(QPalette.ColorRole.Window)


def test_dark_light_and_back_to_the_system(qtbot, system_theme) -> None:
    label = QLabel("text")
    qtbot.addWidget(label)
    label.show()
    apply_theme("dark")
    qtbot.waitUntil(lambda: is_dark(label.palette()))
    text, window = label.palette().color(QPalette.ColorRole.WindowText), label.palette().color(QPalette.ColorRole.Window)
    assert text.lightness() - window.lightness() > 120  # readable
    apply_theme("light")
    qtbot.waitUntil(lambda: not is_dark(label.palette()))
    apply_theme("system")
    qtbot.waitUntil(lambda: label.palette().color(QPalette.ColorRole.Window) == system_theme.color(QPalette.ColorRole.Window))


def test_the_settings_choice_applies_live(qtbot, system_theme) -> None:
    pane = SettingsPane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    pane.show()
    pane.theme_combo.setCurrentIndex(pane.theme_combo.findData("dark"))
    qtbot.waitUntil(lambda: is_dark(pane.palette()))
    assert pane.ctx.settings.theme == "dark"
    pane.theme_combo.setCurrentIndex(pane.theme_combo.findData("system"))
    qtbot.waitUntil(lambda: not is_dark(QApplication.palette()))
