"""The main window: its panes, and that it remembers where the user left it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.main_window import MainWindow
from hangar.ui.widgets.empty_state import EmptyState

PANES = ["discover", "library", "chat", "compare", "benchmark", "server", "licenses", "audit", "hardware", "settings"]


def _window(qtbot) -> MainWindow:
    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    return window


def test_window_has_title_and_the_nine_panes_in_order(qtbot) -> None:
    window = _window(qtbot)
    assert "Hangar" in window.windowTitle()
    assert window.pane_keys() == PANES
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Discover", "Library", "Chat", "Compare", "Benchmark", "Server", "Licenses", "Audit", "Hardware", "Settings"]
    assert window.current_pane_key() == "discover"


def test_clicking_the_sidebar_switches_pane(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    for row, key in enumerate(PANES):
        item = window.sidebar.item(row)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=window.sidebar.visualItemRect(item).center())
        assert window.current_pane_key() == key
        assert window.stack.currentWidget().objectName() == f"pane_{key}"


def test_every_pane_is_real_and_empty_ones_say_what_to_do(qtbot) -> None:
    window = _window(qtbot)
    for key in window.pane_keys():
        for state in window.pane(key).findChildren(EmptyState):
            assert "not available in this version yet" not in state.body_label.text(), key
    library = window.pane("library").findChild(EmptyState)
    assert library.title_label.text() == "No models yet"


def test_size_and_last_pane_are_remembered(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    window.resize(window.minimumSizeHint().width() + 10, 520)
    chosen = window.size()
    window.show_pane("licenses")
    window.close()

    again = _window(qtbot)
    again.show()
    assert again.current_pane_key() == "licenses"
    assert again.size() == chosen and chosen.height() == 520


def test_keyboard_shortcuts_switch_panes(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == "chat"


def test_a_pane_that_fails_to_build_shows_why_and_the_window_survives(qtbot, monkeypatch) -> None:
    from hangar.ui import panes

    real = panes.pane_specs

    def specs_with_a_broken_chat():
        result = real()
        broken = [s for s in result if s.key == "chat"][0]

        def explode(services):
            raise RuntimeError("chat exploded")

        result[result.index(broken)] = panes.PaneSpec("chat", broken.title, broken.icon, explode)
        return result

    monkeypatch.setattr("hangar.ui.main_window.pane_specs", specs_with_a_broken_chat)
    window = _window(qtbot)
    window.show_pane("chat")
    state = window.pane("chat")
    assert isinstance(state, EmptyState)
    assert "chat exploded" in state.body_label.text()
    window.show_pane("settings")
    assert window.current_pane_key() == "settings"


def test_a_new_library_model_shows_in_chat_and_benchmark_at_once(qtbot, tiny_gguf) -> None:
    from hangar.core.library.models import Library

    window = _window(qtbot)
    chat, bench = window.pane("chat"), window.pane("benchmark")
    assert chat.model_combo.findData(str(tiny_gguf.resolve())) == -1
    model = Library(window.ctx.database).add_file(tiny_gguf)
    window.services.library_changed.emit()  # what a finished download or an import does
    assert chat.model_combo.findData(model.path) >= 0
    assert bench.controls.model.findData(f"library:{model.id}:") >= 0
    window.services.close()
