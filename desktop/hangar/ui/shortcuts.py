"""Help → Keyboard shortcuts: every shortcut the window has, read from the objects themselves.

The list is collected from the QActions (menus) and QShortcuts (inside panes) that exist,
so it cannot drift from what the keys really do. Every pane is built first, because panes
are built lazily and create their shortcuts when they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def _everywhere() -> str:
    return QCoreApplication.translate("ShortcutsDialog", "Everywhere")


def _described(pane: str, key: str) -> str:
    """What a pane's QShortcut does, when the pane gave it no whatsThis text."""
    known = {
        ("chat", "Ctrl+Return"): QCoreApplication.translate("ShortcutsDialog", "Send the message"),
        ("chat", "Ctrl+Enter"): QCoreApplication.translate("ShortcutsDialog", "Send the message"),
        ("chat", "Esc"): QCoreApplication.translate("ShortcutsDialog", "Stop the reply"),
        ("chat", "Ctrl+N"): QCoreApplication.translate("ShortcutsDialog", "New conversation"),
        ("chat", "Ctrl+Shift+R"): QCoreApplication.translate("ShortcutsDialog", "Write the last reply again"),
    }
    return known.get((pane, key), "")


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&Quit" -> "Quit", "退出(&Q)" -> "退出"."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def _pane_of(obj: QObject) -> str:
    """The key of the pane ``obj`` lives in, or "" for the window itself."""
    while obj is not None:
        if obj.objectName().startswith("pane_"):
            return obj.objectName()[5:]
        obj = obj.parent()
    return ""


def collect_shortcuts(window) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every shortcut in ``window``, window-wide ones first;
    keys doing the same thing in the same place share a row ("Ctrl+Return, Ctrl+Enter")."""
    for key in window.pane_keys():
        window.pane(key)
    titles = {spec.key: spec.title for spec in window.specs}
    found: list[tuple[str, str, str]] = []  # (keys, text, pane key)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = _plain(action.text())
            if action.data() in titles:
                text = QCoreApplication.translate("ShortcutsDialog", "Show the {0} pane").format(text)
            found.append((_keys(sequence), text, _pane_of(action.parent())))
    for shortcut in window.findChildren(QShortcut):
        keys, pane = _keys(shortcut.key()), _pane_of(shortcut.parent())
        if keys and shortcut.isEnabled():
            found.append((keys, shortcut.whatsThis() or _described(pane, keys) or "?", pane))
    grouped: dict[tuple[str, str], list[str]] = {}
    for keys, text, pane in found:
        same = grouped.setdefault((text, pane), [])
        if keys not in same:
            same.append(keys)
    order = ["", *titles]
    rows = sorted(grouped.items(), key=lambda item: (order.index(item[0][1]) if item[0][1] in order else len(order), item[1][0]))
    return [(", ".join(keys), text, titles.get(pane, _everywhere())) for (text, pane), keys in rows]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These keys work in Hangar's window:")))
        self.rows = collect_shortcuts(window)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (keys, text, where) in enumerate(self.rows):
            native = (QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys.split(", "))
            shown = ", ".join(dict.fromkeys(native))  # Return and Enter may read the same in a language
            for column, value in enumerate((shown, text, where)):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(len(self.rows))) + 4
        self.table.setMinimumHeight(min(height, 480))
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.setCurrentIndex(QModelIndex())  # no "current cell" frame before a person picks one
