"""Every input, list, table and icon-only button has a name a screen reader can say.

A control is named when it has an accessible name, a label whose buddy it is (QFormLayout
rows set that), or a name Qt's accessibility layer derives otherwise. Controls that Qt
builds inside another (a spin box's line edit, a combo box's popup list) are skipped.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _finish_background_work():
    """Building every pane starts runtime probes in the thread pool: let them end here,
    not during the next test."""
    yield
    QThreadPool.globalInstance().waitForDone(60_000)


INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
OUTSTANDING: set[tuple[str, str, str]] = set()  # (pane, owner, widget kind) waiting for a name; keep it empty


def _inner_part(widget: QWidget) -> bool:
    """A widget Qt made as part of another control (a table's headers and corner button,
    a spin box's line edit, a line edit's clear button), named through that control."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return widget.isWindow() and widget.windowType() == widget.windowType().Popup


def _name(widget: QWidget, buddies: set[int]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if id(widget) in buddies:
        return "(buddy label)"
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _owner(widget: QWidget, top: QWidget) -> str:
    """The nearest named class between ``widget`` and ``top``: which pane part it is in."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        name = type(parent).__name__
        if not name.startswith("Q"):
            return name
        parent = parent.parentWidget()
    return type(top).__name__


def unnamed_controls(top: QWidget) -> list[tuple[str, str, str]]:
    """(owner, class, what it shows) of every control in ``top`` without a name."""
    widgets = [top, *top.findChildren(QWidget)]
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in widgets:
        icon_only = isinstance(widget, QAbstractButton) and not widget.text().strip()
        if not (isinstance(widget, INPUTS) or icon_only) or _inner_part(widget):
            continue
        if not _name(widget, buddies).strip():
            hint = getattr(widget, "placeholderText", lambda: "")() or widget.objectName() or widget.toolTip()
            found.append((_owner(widget, top), type(widget).__name__, hint))
    return found


def test_every_control_in_every_pane_has_a_name(qtbot) -> None:
    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    window.show()
    problems = []
    for key in window.pane_keys():
        window.show_pane(key)
        for owner, kind, hint in unnamed_controls(window.pane(key)):
            if (key, owner, kind) not in OUTSTANDING:
                problems.append(f"  {key}: {kind} in {owner} {hint!r}")
    assert window.sidebar.accessibleName()
    assert not problems, "controls without an accessible name (setAccessibleName, or a buddy label):\n" + "\n".join(problems)


def test_the_dialogs_name_their_controls(qtbot) -> None:
    from hangar.core.hardware import HardwareReport
    from hangar.ui.welcome import show_welcome

    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    report = HardwareReport(cpu={}, memory={"total_bytes": 8 * 1024**3, "available_bytes": 4 * 1024**3})
    dialogs = [show_welcome(window, lambda: (report, [])), window.show_about(), window.show_shortcuts(), window.show_user_guide()]
    problems = []
    for dialog in dialogs:
        problems += [f"  {dialog.objectName()}: {kind} {hint!r}" for _owner, kind, hint in unnamed_controls(dialog)]
        dialog.reject()
    assert not problems, "controls without an accessible name:\n" + "\n".join(problems)


def test_the_check_catches_an_unnamed_field(qtbot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    QLineEdit(box)
    named = QLineEdit(box)
    named.setAccessibleName("Search")
    assert [kind for _owner, kind, _hint in unnamed_controls(box)] == ["QLineEdit"]
