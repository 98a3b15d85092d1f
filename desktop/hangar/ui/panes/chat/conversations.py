"""The list of conversations: new, rename, delete, export and search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ....core.common.errors import HangarError
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel

if TYPE_CHECKING:  # names for annotations; the objects come from the application layer
    from ....core.app.chats import ChatService


class ConversationList(QWidget):
    opened = Signal(int)  # a conversation was chosen
    new_requested = Signal()
    deleted = Signal(int)
    exported = Signal(str)  # a conversation was written to this file (the pane confirms it)

    def __init__(self, chats: ChatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chats, self.store = chats, chats.store  # changes go through the service; the store is read
        self.busy_id: int | None = None  # the conversation a reply is streaming into (shown, not a rule)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete conversation"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.rename_button, self.delete_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # the list may be narrow
            button.setMinimumWidth(40)
            row.addWidget(button)
        layout.addLayout(row)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search conversations"))
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        layout.addWidget(self.search)
        self.model = RecordTableModel([Column(self.tr("Conversation"), lambda r: r["title"])])
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Conversations"))
        self.view.setModel(self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long title ends in "…", never a sideways scroll bar
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(False)
        self.view.setUniformItemSizes(True)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        layout.addWidget(self.view, 1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        layout.addWidget(self.export_button)
        self.current_id: int | None = None
        self.reload()

    def reload(self) -> None:
        self.model.set_records([{"id": c.id, "title": c.title} for c in self.store.list(self.search.text().strip())])
        self.select(self.current_id, emit=False)

    def select(self, conversation_id: int | None, *, emit: bool = True) -> None:
        self.current_id = conversation_id
        for row in range(self.model.rowCount()):
            if self.model.record(row)["id"] == conversation_id:
                blocked = self.view.selectionModel().blockSignals(not emit)
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.selectionModel().blockSignals(blocked)
                return

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.current_id = self.model.record(current.row())["id"]
            self.opened.emit(self.current_id)

    def rename(self) -> None:
        if self.current_id is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("Rename conversation"), self.tr("New name:"), text=self.store.get(self.current_id).title)
        if ok and title.strip():
            self.chats.rename(self.current_id, title)
            self.reload()

    def delete(self) -> None:
        if self.current_id is None:
            return
        if self.current_id in self.chats.busy:
            QMessageBox.information(self, self.tr("Delete conversation"), self.tr("A reply is still being written here. Stop it first."))
            return
        title = self.store.get(self.current_id).title
        answer = QMessageBox.question(self, self.tr("Delete conversation"), self.tr("Delete “{0}” and all its messages?").format(title))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.chats.delete(self.current_id)  # the layer refuses while a reply is written into it
            except HangarError as exc:
                QMessageBox.information(self, self.tr("Delete conversation"), localise(exc.message))
                return
            deleted, self.current_id = self.current_id, None
            self.reload()
            self.deleted.emit(deleted)

    def export(self) -> None:
        if self.current_id is None:
            return
        title = self.store.get(self.current_id).title
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip() or "conversation"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export conversation"), str(Path.home() / f"{safe}.md"), self.tr("Markdown (*.md);;JSON (*.json)")
        )  # fmt: skip
        if not path:
            return
        try:
            self.export_to(Path(path), as_json=path.endswith(".json") or "json" in chosen.lower())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export conversation"), self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return
        self.exported.emit(path)

    def export_to(self, path: Path, *, as_json: bool) -> None:
        if as_json:
            text = json.dumps(self.store.export_json(self.current_id), indent=2, ensure_ascii=False)
        else:
            text = self.store.export_markdown(self.current_id)
        path.write_text(text, encoding="utf-8")
