"""Settings › Storage › Cache: how much the cache folder holds, where, and a Clear button.

The cache keeps the benchmark's synthetic models for the next run (a gigabyte or more for
the 1B and 8B shapes); without this row it grew unseen. Clearing asks first, deletes only
what is inside the folder (core/bench/cache.py) and is refused, with the reason shown here,
while a benchmark uses it, in this window or in ``hangar-cli``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ....core.common.errors import HangarError
from ....core.common.units import format_bytes
from ...error_dialog import error_text
from ...services import UiServices


class CacheRow(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = services.app
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.usage = QLabel()
        self.usage.setWordWrap(True)  # a long path wraps instead of widening the pane
        self.usage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_button = QPushButton(self.tr("Clear cache"))
        self.clear_button.setToolTip(self.tr("Delete the synthetic benchmark models and everything else kept in the cache folder"))
        self.clear_button.clicked.connect(lambda: self.clear())
        row.addWidget(self.usage, 1)
        row.addWidget(self.clear_button)
        column.addLayout(row)
        self.note = QLabel()  # what the last Clear did, or why it did nothing
        self.note.setObjectName("cacheNote")
        self.note.setWordWrap(True)
        self.note.hide()
        column.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        usage = self.app.bench.cache()
        self.usage.setText(self.tr("{0} in {1}").format(format_bytes(usage.size_bytes), usage.path))
        self.clear_button.setEnabled(usage.files > 0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()  # a benchmark may have made a model since

    def clear(self, *, ask: bool = True) -> bool:
        usage = self.app.bench.cache()
        if ask:
            question = self.tr("Delete {0} in {1}? Synthetic benchmark models are made again when next needed (minutes for the 1B shape).")
            answer = QMessageBox.question(self, self.tr("Clear cache"), question.format(format_bytes(usage.size_bytes), usage.path))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            freed = self.app.bench.clear_cache()
        except HangarError as exc:
            self._say(" ".join(error_text(exc)).strip())
            return False
        finally:
            self.refresh()
        self._say(self.tr("Freed {0}.").format(format_bytes(freed.size_bytes)))
        return True

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
