"""A checkable list of the library's models: the ones a run should use (Benchmark › Evaluate)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ModelChecklist(QAbstractListModel):
    """The library's models, each with a check box: the ones to evaluate."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.models: list[Any] = []
        self.checked: set[int] = set()  # library ids

    def set_models(self, models: list[Any]) -> None:
        self.beginResetModel()
        self.models = list(models)
        self.checked &= {m.id for m in self.models}
        self.endResetModel()

    def chosen(self) -> list[Any]:
        return [m for m in self.models if m.id in self.checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.models)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.models):
            return None
        model = self.models[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{model.name} ({model.quant})" if model.quant and model.quant not in model.name else model.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if model.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(model.path)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        model_id = self.models[index.row()].id
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.checked = self.checked | {model_id} if on else self.checked - {model_id}
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_checked(self, ids: set[int]) -> None:
        self.checked = {m.id for m in self.models if m.id in ids}
        if self.models:
            self.dataChanged.emit(self.index(0), self.index(len(self.models) - 1), [Qt.ItemDataRole.CheckStateRole])
