"""File and Help menus: Quit, keyboard shortcuts read from the real objects, user guide, About."""

from __future__ import annotations

import platform

import PySide6
import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from hangar import __version__
from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui import about
from hangar.ui.main_window import MainWindow, pane_key_shortcut
from hangar.ui.shortcuts import collect_shortcuts


@pytest.fixture(autouse=True)
def _finish_background_work():
    """Building every pane starts runtime probes in the thread pool: let them end here,
    not during the next test."""
    yield
    QThreadPool.globalInstance().waitForDone(60_000)


def _window(qtbot, show: bool = False) -> MainWindow:
    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    if show:
        window.show()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _menu(window: MainWindow, title: str) -> list[tuple[str, str]]:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            return [(a.text().replace("&", ""), a.shortcut().toString()) for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(f"no {title} menu")


def test_file_and_help_menus_have_their_actions_and_keys(qtbot) -> None:
    window = _window(qtbot)
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == ["File", "View", "Help"]
    assert _menu(window, "File") == [("Quit", "Ctrl+Q")]
    assert _menu(window, "Help") == [("Keyboard shortcuts", ""), ("User guide", "F1"), ("About Hangar", ""), ("About Qt", "")]
    view = _menu(window, "View")
    assert view[: len(window.specs)] == [(spec.title, pane_key_shortcut(i)) for i, spec in enumerate(window.specs)]
    assert pane_key_shortcut(9) == "Ctrl+0", "the tenth pane has a key one can press"
    assert ("Search", "Ctrl+F") in view


def test_ctrl_q_quits(qtbot) -> None:
    window = _window(qtbot, show=True)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_ctrl_f_goes_to_the_search_field_of_the_pane_or_discover(qtbot) -> None:
    window = _window(qtbot, show=True)
    window.show_pane("library")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == "discover"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane("discover").query)
    window.show_pane("chat")
    chat_search = window.search_field(window.pane("chat"))
    if chat_search is not None:
        window.find_action.trigger()
        assert window.current_pane_key() == "chat"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is chat_search)


def test_the_shortcuts_list_comes_from_the_real_actions_and_shortcuts(qtbot) -> None:
    window = _window(qtbot)
    rows = collect_shortcuts(window)
    keys = {keys: (text, where) for keys, text, where in rows}
    for index, spec in enumerate(window.specs):
        assert keys[pane_key_shortcut(index)] == (f"Show the {spec.title} pane", "Everywhere")
    assert keys["Ctrl+Q"] == ("Quit", "Everywhere")
    assert keys["Ctrl+F"] == ("Search", "Everywhere")
    assert keys["F1"] == ("User guide", "Everywhere")
    chat = {text: k for k, text, where in rows if where == "Chat"}
    assert "Ctrl+Return" in chat["Send the message"] and "Esc" in chat["Stop the reply"]
    assert all(text and text != "?" for _keys, text, _where in rows), "a shortcut without a description: give it setWhatsThis"
    # A new shortcut shows up without editing the dialog.
    extra = QShortcut(QKeySequence("Ctrl+Shift+K"), window.pane("benchmark"))
    extra.setWhatsThis("Run the benchmark")
    assert ("Ctrl+Shift+K", "Run the benchmark", "Benchmark") in collect_shortcuts(window)


def test_menu_mnemonics_are_not_shown_in_the_list() -> None:
    from hangar.ui.shortcuts import _plain

    assert [_plain(t) for t in ("&Quit", "退出(&Q)", "About &Qt", "Save && go…")] == ["Quit", "退出", "About Qt", "Save & go"]


def test_the_shortcuts_dialog_shows_every_row(qtbot) -> None:
    window = _window(qtbot)
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard shortcuts"
    shown = [tuple(dialog.table.item(r, c).text() for c in range(3)) for r in range(dialog.table.rowCount())]
    assert len(shown) == len(dialog.rows) and ("Ctrl+Q", "Quit", "Everywhere") in shown


def test_the_user_guide_opens_inside_the_app(qtbot) -> None:
    window = _window(qtbot)
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    assert dialog.path is not None and dialog.path.name == "user-guide.md"
    assert "Hangar user guide" in dialog.browser.toPlainText()
    image = QTextDocument.ResourceType.ImageResource
    assert dialog.browser.loadResource(image, QUrl("images/first-run-en.png")) is not None  # its pictures load
    assert dialog.browser.loadResource(image, QUrl("images/no-such-picture.png")) is None
    qtbot.waitUntil(lambda: dialog.browser.horizontalScrollBar().maximum() == 0)  # screenshots scaled to fit


def test_the_user_guide_follows_the_language(qtbot) -> None:
    from hangar.ui.guide import user_guide_path
    from hangar.ui.i18n import install_translations, remove_translations

    assert user_guide_path("zh_CN").name == "user-guide.zh_CN.md"
    assert user_guide_path("xx").name == "user-guide.md"
    install_translations("zh_CN")
    try:
        dialog = _window(qtbot).show_user_guide()
        qtbot.addWidget(dialog)
        assert dialog.path.name == "user-guide.zh_CN.md" and "用户指南" in dialog.browser.toPlainText()
    finally:
        remove_translations()


def test_about_names_the_versions(qtbot) -> None:
    window = _window(qtbot)
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    versions = {dialog.versions.item(r, 0).text(): dialog.versions.item(r, 1).text() for r in range(dialog.versions.rowCount())}
    assert versions["Hangar"] == __version__
    assert versions["Qt"] == qVersion() and versions["PySide6"] == PySide6.__version__
    assert versions["Python"] == platform.python_version()
    import llama_cpp

    assert versions["llama-cpp-python"] == llama_cpp.__version__
    assert versions["llama.cpp"] != "?" and versions["ggml"] != "?"
    qtbot.waitUntil(lambda: "asking" not in dialog.build_label.text(), timeout=60_000)
    assert "CPU: " in dialog.build_label.text() and "= 1" not in dialog.build_label.text()
    dialog.copy_versions()
    assert f"Hangar: {__version__}" in QGuiApplication.clipboard().text()


def test_about_lists_the_bundled_components_with_their_licenses(qtbot) -> None:
    dialog = _window(qtbot).show_about()
    qtbot.addWidget(dialog)
    table = dialog.components
    licenses = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    expected = {
        "Qt, PySide6": "LGPL-3.0-only", "llama.cpp": "MIT", "llama-cpp-python": "MIT", "huggingface_hub": "Apache-2.0",
        "gguf": "MIT", "keyring": "MIT", "psutil": "BSD-3-Clause", "nvidia-ml-py": "BSD-3-Clause", "platformdirs": "MIT",
        "cyclonedx-python-lib": "Apache-2.0",
    }  # fmt: skip
    assert {name: licenses[name] for name in expected} == expected
    assert licenses["numpy"].startswith("BSD-3-Clause")
    assert all(table.item(r, 1).text() != "?" for r in range(table.rowCount()))


def test_licenses_come_from_the_metadata_and_vague_ones_fall_back(monkeypatch) -> None:
    class Meta(dict):
        def get_all(self, name):
            return self.get("classifiers")

    answers = {
        "exact": Meta({"License-Expression": "MPL-2.0"}),
        "vague": Meta({"License": "BSD"}),
        "classified": Meta({"classifiers": ["License :: OSI Approved :: MIT License"]}),
        "dual": Meta({"License": "LGPL-3.0-only OR GPL-3.0-only"}),
        "prose": Meta({"License": "Copyright (c) someone\nPermission is hereby granted..."}),
    }
    monkeypatch.setattr(about.metadata, "metadata", lambda dist: answers[dist])
    assert about.license_of("exact", "MIT") == "MPL-2.0"
    assert about.license_of("vague", "BSD-3-Clause") == "BSD-3-Clause"
    assert about.license_of("classified", "X") == "MIT"
    assert about.license_of("dual", "LGPL-3.0-only") == "LGPL-3.0-only"
    assert about.license_of("prose", "MIT") == "MIT"


def test_the_llama_cpp_build_is_shown_as_its_features() -> None:
    info = "CUDA : ARCHS = 890 | USE_GRAPHS = 1 | CPU : SSE3 = 1 | AVX_VNNI = 0 | AVX2 = 1 |"
    assert about.build_features(info) == "CUDA: ARCHS=890, USE_GRAPHS; CPU: SSE3, AVX2"
    assert about.build_features("something else |") == "something else"


def test_about_qt_is_qts_own_dialog(qtbot, monkeypatch) -> None:
    window = _window(qtbot)
    called = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, title: called.append((parent, title)))
    window.about_qt_action.trigger()
    assert called == [(window, "About Qt")]
