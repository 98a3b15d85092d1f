"""A combo box for long names: it never widens its column, and never cuts a name without saying so.

The closed box draws the current item cut in the middle with "…" to the width it has (so a
model's quantisation at the end stays visible) and carries the whole name in its tooltip;
the open list is as wide as its longest item, so every name reads whole there. A plain
QComboBox clipped the Benchmark pane's model names mid-word at the column's edge.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidedComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, minimum_chars: int = 16) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(minimum_chars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, self.sizePolicy().verticalPolicy())
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.currentIndexChanged.connect(self._show_whole_name)
        self.model().modelReset.connect(self._show_whole_name)

    def _show_whole_name(self, *_args) -> None:
        self.setToolTip(self.currentText())

    def _field(self) -> tuple[QStyleOptionComboBox, int]:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self)
        return option, rect.width()

    def displayed_text(self) -> str:
        """The current item's text as the closed box draws it at its present width."""
        _option, width = self._field()
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle, max(0, width))

    def popup_width(self) -> int:
        """The open list's width: the longest item whole, and never narrower than the box."""
        view = self.view()
        metrics = view.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        scroll = view.verticalScrollBar().sizeHint().width() if self.count() > self.maxVisibleItems() else 0
        return max(self.width(), longest + 2 * view.frameWidth() + scroll + 24)  # 24: the item's own margins and check mark

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.view().setMinimumWidth(self.popup_width())
        super().showPopup()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option, _width = self._field()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.displayed_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
