"""One column of a comparison: its heading (the model, or Model A in blind mode), a live
stats line, the answer as it streams (plain text appended at the end; drawn as Markdown
once it ends), and the button that marks it the better answer."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ....core.compare.session import Column, ColumnState
from ...i18n import localise


class CompareColumn(QWidget):
    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Column {0} model").format(index + 1))
        self.title.setStyleSheet("font-weight: bold")
        self.title.setWordWrap(True)
        self.stats = QLabel()
        self.stats.setAccessibleName(self.tr("Column {0} statistics").format(index + 1))
        self.stats.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Column {0} answer").format(index + 1))
        self.view.setOpenLinks(False)
        self.better_button = QPushButton(self.tr("This one is better"))
        self.better_button.setAccessibleName(self.tr("Column {0} is better").format(index + 1))
        self.better_button.setEnabled(False)
        layout.addWidget(self.title)
        layout.addWidget(self.stats)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.better_button)

    def show_column(self, title: str, column: Column, *, winner: bool = False) -> None:
        """The whole column drawn again: a new session, a reopened one, or an answer that ended."""
        self.set_title(title, winner=winner)
        self.update_stats(column)
        if column.ended and column.text:
            self.view.setMarkdown(column.text)
        else:
            self.view.setPlainText(column.text)

    def set_title(self, title: str, *, winner: bool = False) -> None:
        self.title.setText(title + ("  ✓" if winner else ""))

    def append(self, text: str) -> None:
        cursor = self.view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def update_stats(self, column: Column) -> None:
        states = {ColumnState.WAITING: self.tr("waiting"), ColumnState.LOADING: self.tr("loading…"), ColumnState.STREAMING: self.tr("answering…"),
                  ColumnState.DONE: self.tr("done"), ColumnState.STOPPED: self.tr("stopped"), ColumnState.FAILED: self.tr("failed")}  # fmt: skip
        parts = [states[column.state], self.tr("{0} tokens").format(column.n_generated)]
        if column.gen_tps is not None:
            parts.append(self.tr("{0:.1f} tokens/s").format(column.gen_tps))
        if column.ttft_ms is not None:
            parts.append(self.tr("first token {0:.0f} ms").format(column.ttft_ms))
        text = " · ".join(parts)
        if column.state == ColumnState.FAILED and column.error:
            text += "\n" + localise(column.error)
        self.stats.setText(text)
