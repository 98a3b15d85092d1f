"""The Compare pane: 2 to 4 models answer the same prompt, each in its own column.

The state is the Qt-free CompareController's (core/app/compare.py): it loads each model on its
own thread (together, or one after another when the machine cannot hold them all: the line
under the prompt says which), and a 50 ms collector here appends each column's new text at its
end. After the answers, "This one is better" or Tie (with a note) records the vote; a blind
comparison shows Model A, B ... until then and the names after. Saved sessions reopen
read-only from the list on the left; Export… writes the shown one as Markdown or JSON.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....core.app.compare import ColumnChanged, ColumnText, Finished, Scheduled
from ....core.common.errors import HangarError
from ....core.compare import export
from ....core.compare.session import MAX_MODELS, CompareSession
from ...collector import Collector
from ...error_dialog import error_text
from ...i18n import localise
from ...services import UiServices
from .column import CompareColumn


class ComparePane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self.controller = self.app.compare_controller()
        self.collector = Collector(self._render, self)
        self.shown: CompareSession | None = None  # the session on screen: the running one, or a stored one reopened
        self.columns: list[CompareColumn] = []

        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Saved comparisons"))
        self.sessions.itemActivated.connect(self._on_session_chosen)
        self.sessions.itemClicked.connect(self._on_session_chosen)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the comparison"))
        self.export_button.clicked.connect(self.export_dialog)
        self.export_button.setEnabled(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Saved comparisons")))
        side_layout.addWidget(self.sessions, 1)
        side_layout.addWidget(self.export_button)

        self.pickers: list[QComboBox] = []
        pick_row = QHBoxLayout()
        for i in range(MAX_MODELS):
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Model {0}").format(i + 1))
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.pickers.append(combo)
            pick_row.addWidget(combo, 1)
        self.blind = QCheckBox(self.tr("Blind (hide the names until the vote)"))
        self.blind.setAccessibleName(self.tr("Blind mode"))
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(1, 32768)
        self.max_tokens.setValue(400)
        self.max_tokens.setPrefix(self.tr("max tokens "))
        self.max_tokens.setAccessibleName(self.tr("Maximum tokens per answer"))
        options_row = QHBoxLayout()
        options_row.addWidget(self.blind)
        options_row.addStretch(1)
        options_row.addWidget(self.max_tokens)

        self.system_prompt = QLineEdit()
        self.system_prompt.setPlaceholderText(self.tr("System prompt (optional)"))
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(self.tr("The prompt every model answers"))
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setMaximumHeight(90)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the prompt to every model"))
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop every answer"))
        self.stop_button.clicked.connect(self.controller.stop)
        self.stop_button.setEnabled(False)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        prompt_row.addLayout(buttons)

        self.status = QLabel(self.tr("Choose 2 to 4 models and write a prompt."))
        self.status.setAccessibleName(self.tr("Comparison status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)

        self.tie_button = QPushButton(self.tr("Tie"))
        self.tie_button.setAccessibleName(self.tr("Neither is better: a tie"))
        self.tie_button.clicked.connect(lambda: self.vote(None))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note on your choice (optional)"))
        self.note.setAccessibleName(self.tr("Note on the vote"))
        vote_row = QHBoxLayout()
        vote_row.addWidget(self.note, 1)
        vote_row.addWidget(self.tie_button)

        main = QWidget()
        layout = QVBoxLayout(main)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(pick_row)
        layout.addLayout(options_row)
        layout.addWidget(self.system_prompt)
        layout.addLayout(prompt_row)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(vote_row)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(side)
        outer.addWidget(main)
        outer.setStretchFactor(1, 1)
        outer.setSizes([200, 1000])
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(outer)

        services.library_changed.connect(self.reload_models)
        services.endpoints_changed.connect(lambda _name: self.reload_models())
        self.reload_models()
        self.reload_sessions()
        self._update_vote_controls()

    # -- the models ----------------------------------------------------------------------------------
    def reload_models(self) -> None:
        """The library's models, then the remote endpoints' (marked); each picker keeps its choice while it is still there."""
        choices = self.controller.choices()
        for i, combo in enumerate(self.pickers):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if i >= 2:
                combo.addItem(self.tr("(none)"), None)
            for ref, name, remote in choices:
                combo.addItem(self.tr("{0} — remote").format(name) if remote else name, ref)
            found = combo.findData(current) if current else -1
            if found >= 0:
                combo.setCurrentIndex(found)
            elif i < 2 and len(choices) > i:
                combo.setCurrentIndex(i)
            combo.blockSignals(False)

    def chosen_refs(self) -> list[str]:
        return [combo.currentData() for combo in self.pickers if combo.currentData()]

    # -- a comparison --------------------------------------------------------------------------------
    def send(self) -> None:
        params = {"max_tokens": self.max_tokens.value()}
        try:
            session = self.controller.start(self.chosen_refs(), self.prompt.toPlainText(), params, blind=self.blind.isChecked(),
                                            system_prompt=self.system_prompt.text())  # fmt: skip
        except HangarError as exc:
            self.status.setText(error_text(exc)[0])
            return
        self.note.clear()
        self._show(session)
        self.status.setText(self.tr("Checking whether the machine holds every model at once…"))
        self.send_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.collector.follow(self.controller)

    def _show(self, session: CompareSession) -> None:
        """Build the columns for ``session`` and draw them."""
        self.shown = session
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        for i in range(len(session.columns)):
            column = CompareColumn(i)
            column.better_button.clicked.connect(lambda _checked=False, index=i: self.vote(index))
            self.splitter.addWidget(column)
            self.columns.append(column)
        self.splitter.setSizes([1000] * len(self.columns))
        self._draw_all()

    def _draw_all(self) -> None:
        session = self.shown
        for i, column in enumerate(self.columns):
            column.show_column(self._title(i), session.columns[i], winner=session.winner_index() == i)
        self._update_vote_controls()

    def _title(self, index: int) -> str:
        session = self.shown
        column = session.columns[index]
        if not session.revealed:
            return localise(session.label(index))
        name = column.name + (self.tr(" (remote)") if column.remote else "")
        return f"{localise(session.label(index))}: {name}" if session.blind else name

    def _render(self, updates: list) -> None:
        running = self.controller.session
        for update in updates:
            if running is not self.shown:
                break  # a stored session is on screen; the running one is drawn when it ends
            if isinstance(update, Scheduled):
                self.status.setText(localise(update.schedule.words()))
                for i, column in enumerate(self.columns):
                    column.update_stats(running.columns[i])
            elif isinstance(update, ColumnText):
                self.columns[update.index].append(update.text)
            elif isinstance(update, ColumnChanged):
                column = running.columns[update.index]
                if column.ended:
                    self.columns[update.index].show_column(self._title(update.index), column)
                else:
                    self.columns[update.index].update_stats(column)
        if any(isinstance(u, Finished) for u in updates):
            self.send_button.setEnabled(True)
            self.stop_button.setEnabled(False)
            if running is not self.shown:
                self._show(running)
            self._update_vote_controls()
            self.reload_sessions()

    # -- the vote ------------------------------------------------------------------------------------
    def vote(self, column: int | None) -> None:
        if self.shown is None or self.shown is not self.controller.session:
            return
        try:
            self.controller.vote(column, self.note.text())
        except HangarError as exc:
            self.status.setText(error_text(exc)[0])
            return
        if column is None:
            self.status.setText(self.tr("Saved: a tie."))
        else:
            self.status.setText(self.tr("Saved: {0} is better.").format(self._title(column)))
        self._draw_all()
        self.reload_sessions()

    def _update_vote_controls(self) -> None:
        session = self.shown
        can_vote = session is not None and session is self.controller.session and session.ended and not self.controller.running
        for column in self.columns:
            column.better_button.setEnabled(can_vote)
        self.tie_button.setEnabled(can_vote)
        self.note.setEnabled(can_vote)
        self.export_button.setEnabled(session is not None and session.ended)

    # -- saved sessions ------------------------------------------------------------------------------
    def reload_sessions(self) -> None:
        self.sessions.clear()
        for session in self.controller.sessions():
            names = [localise(session.label(i)) if not session.revealed else c.name for i, c in enumerate(session.columns)]
            first_line = session.prompt.strip().splitlines()[0] if session.prompt.strip() else ""
            item = QListWidgetItem(f"{first_line[:40]}\n{' · '.join(names)}")
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setToolTip(session.created_at or "")
            self.sessions.addItem(item)

    def _on_session_chosen(self, item: QListWidgetItem) -> None:
        session_id = item.data(Qt.ItemDataRole.UserRole)
        running = self.controller.session
        if running is not None and running.id == session_id:
            if running is not self.shown:
                self._show(running)
            return
        if self.controller.running:
            self.status.setText(self.tr("A comparison is running; it can be reopened when it ends."))
            return
        session = self.controller.open(session_id)
        if session is None:
            self.reload_sessions()
            return
        self._show(session)
        self.prompt.setPlainText(session.prompt)
        self.system_prompt.setText(session.system_prompt)
        self.status.setText(self.tr("A saved comparison from {0}, read-only. {1}").format(session.created_at or "", localise(session.schedule_words)))

    # -- export --------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.shown is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), str(Path.home() / "comparison.md"),
                                                   self.tr("Markdown (*.md);;JSON (*.json)"))  # fmt: skip
        if path:
            self.export_to(Path(path), as_json=path.endswith(".json") or "json" in chosen.lower())

    def export_to(self, path: Path, *, as_json: bool = False) -> None:
        text = export.to_json(self.shown) if as_json else export.to_markdown(self.shown)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.status.setText(self.tr("Not exported: {0}").format(exc.strerror or exc))
            return
        self.status.setText(self.tr("Exported the comparison to {0}.").format(path))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.controller.close()
        super().closeEvent(event)
