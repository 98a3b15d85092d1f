"""A read-only table model over a list of dicts (devices, runtimes, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[dict], Any]
    tooltip: Callable[[dict], str] | None = None
    fraction: Callable[[dict], float | None] | None = None  # drawn as a progress bar
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.records: list[dict] = []

    def set_records(self, records: list[dict]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def append_records(self, records: list[dict]) -> None:
        if not records:
            return
        first = len(self.records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self.records.extend(records)
        self.endInsertRows()

    def update_record(self, row: int, record: dict) -> None:
        """Replace one row in place (a download's progress) without resetting the view."""
        self.records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def record(self, row: int) -> dict:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record, column = self.records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.UserRole + 1 and column.fraction:
            return column.fraction(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None
