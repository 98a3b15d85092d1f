"""The Server pane: start and stop the OpenAI-compatible server, its models, examples, keys and log.

The server runs on its own thread (server/runner.py, through ServerControl), so the window
never waits on a client. What happens there (a model loading, a request finishing) arrives
as ``UiServices.server_changed``, a queued signal; the pane gathers those for 100 ms and
redraws once. The request log shows counts and speeds, never a prompt's text.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.app.pool_terms import ModelState
from ....core.app.serving import MAX_LOG
from ....core.common.errors import HangarError
from ...error_dialog import error_text, show_error
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...widgets.tables import read_only_table
from .control import LOOPBACK, RUNNING, STARTING, STOPPED, STOPPING, is_loopback
from .examples import curl_example, python_example
from .keys import NewKeyDialog

FLUSH_MS = 100


class ServerPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app, self.ctx = services, services.app, services.ctx
        self.control = services.server
        self.pool = self.app.serving
        self._pending: list[dict] = []
        self._models_stale = False
        self._flush_timer = QTimer(self, singleShot=True, interval=FLUSH_MS, timeout=self._flush)
        settings = self.app.settings.current

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.host = QComboBox()
        self.host.setEditable(True)
        self.host.addItems([LOOPBACK, "0.0.0.0"])
        self.host.setCurrentText(settings.serve_host)
        self.host.setMinimumWidth(self.host.fontMetrics().horizontalAdvance("255.255.255.255") + 40)
        self.host.setToolTip(self.tr("127.0.0.1: only this computer. Any other address lets other machines connect, and needs an API key."))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("any free"))
        self.port.setValue(settings.serve_port)
        self.parallel = QSpinBox()
        self.parallel.setRange(1, 64)
        self.parallel.setValue(settings.serve_parallel)
        self.parallel.setToolTip(self.tr("Requests each model decodes together; more wait in a queue."))
        self.n_ctx = QSpinBox()
        self.n_ctx.setRange(256, 1 << 20)
        self.n_ctx.setSingleStep(1024)
        self.n_ctx.setValue(settings.serve_ctx)
        self.n_ctx.setToolTip(self.tr("Context size in tokens of each served model, shared by its parallel requests."))
        for text, field in ((self.tr("&Address:"), self.host), (self.tr("&Port:"), self.port), (self.tr("Pa&rallel:"), self.parallel), (self.tr("Conte&xt:"), self.n_ctx)):
            label = QLabel(text)
            label.setBuddy(field)
            bar.addWidget(label)
            bar.addWidget(field)
        self.start_button = QPushButton(self.tr("Start server"))
        self.start_button.setObjectName("startServerButton")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        bar.addWidget(self.start_button)
        bar.addWidget(self.stop_button)
        bar.addStretch(1)
        self.on_start = QCheckBox(self.tr("Start the server with Hangar"))
        self.on_start.setChecked(settings.serve_on_start)
        self.on_start.toggled.connect(self._save_on_start)
        bar.addWidget(self.on_start)
        layout.addLayout(bar)
        self.status = QLabel()
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.warning = QLabel()
        self.warning.setObjectName("serverWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b35c00;")
        layout.addWidget(self.warning)

        # Models and keys side by side, the examples, then the log.
        split = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        models_box = QGroupBox(self.tr("Models"))
        models_layout = QVBoxLayout(models_box)
        self.models = RecordTableModel(
            [
                Column(self.tr("Model"), lambda r: r["alias"], lambda r: r["name"]),
                Column(self.tr("Id"), lambda r: r["id"], align_right=True),
                Column(self.tr("State"), self._state_text, lambda r: " ".join(localise(w) for w in r["warnings"])),
                Column(self.tr("Placement"), lambda r: localise(r["placement"]) if r["placement"] else ""),
            ]
        )
        self.models_table = read_only_table(self.models)
        self.models_table.setAccessibleName(self.tr("Models the server offers"))
        self.models_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.models_table.horizontalHeader().setStretchLastSection(True)
        self.models_table.selectionModel().selectionChanged.connect(lambda *_: self._update_examples())
        models_layout.addWidget(self.models_table)
        top.addWidget(models_box)

        keys_box = QGroupBox(self.tr("API keys"))
        keys_layout = QVBoxLayout(keys_box)
        self.keys = RecordTableModel(
            [
                Column(self.tr("Name"), lambda r: r["name"]),
                Column(self.tr("Id"), lambda r: r["id"]),
                Column(self.tr("Created"), lambda r: r["created_at"].replace("T", " ").rstrip("Z")),
            ]
        )
        self.keys_table = read_only_table(self.keys)
        self.keys_table.setAccessibleName(self.tr("API keys"))
        self.keys_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keys_table.horizontalHeader().setStretchLastSection(True)
        keys_layout.addWidget(self.keys_table)
        key_bar = QHBoxLayout()
        self.key_name = QLineEdit()
        self.key_name.setPlaceholderText(self.tr("Name of a new key"))
        self.key_name.setAccessibleName(self.tr("Name of a new key"))
        self.key_name.returnPressed.connect(self.create_key)
        self.create_key_button = QPushButton(self.tr("Create key"))
        self.create_key_button.clicked.connect(self.create_key)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        key_bar.addWidget(self.key_name, 1)
        key_bar.addWidget(self.create_key_button)
        key_bar.addWidget(self.revoke_button)
        keys_layout.addLayout(key_bar)
        top.addWidget(keys_box)
        top.setSizes([560, 440])
        split.addWidget(top)

        examples_box = QGroupBox(self.tr("Try it"))
        examples_layout = QVBoxLayout(examples_box)
        self.examples = QTabWidget()
        self.curl_text = self._code_view(self.tr("Example with curl"))
        self.python_text = self._code_view(self.tr("Example with the openai Python package"))
        self.examples.addTab(self.curl_text, "curl")
        self.examples.addTab(self.python_text, "Python")
        examples_layout.addWidget(self.examples)
        copy_bar = QHBoxLayout()
        self.examples_note = QLabel()
        self.examples_note.setWordWrap(True)
        copy_bar.addWidget(self.examples_note, 1)
        self.copy_button = QPushButton(self.tr("Copy example"))
        self.copy_button.clicked.connect(self.copy_example)
        copy_bar.addWidget(self.copy_button)
        examples_layout.addLayout(copy_bar)
        split.addWidget(examples_box)

        log_box = QGroupBox(self.tr("Requests"))
        log_layout = QVBoxLayout(log_box)
        self.log_model = RecordTableModel(
            [
                Column(self.tr("Time"), lambda r: time.strftime("%H:%M:%S", time.localtime(r["time"]))),
                Column(self.tr("Model"), lambda r: r["model"]),
                Column(self.tr("Endpoint"), lambda r: r["endpoint"]),
                Column(self.tr("Prompt tokens"), lambda r: r["prompt_tokens"], align_right=True),
                Column(self.tr("Completion tokens"), lambda r: r["completion_tokens"], align_right=True),
                Column(self.tr("Tokens/s"), lambda r: f"{r['tokens_per_s']:.1f}" if r["tokens_per_s"] else "", align_right=True),
                Column(self.tr("Duration"), lambda r: self.tr("{0:.0f} ms").format(r["duration_ms"]), align_right=True),
                Column(self.tr("Status"), self._status_text, lambda r: r.get("finish_reason") or ""),
            ]
        )
        self.log_table = read_only_table(self.log_model)
        self.log_table.setAccessibleName(self.tr("Request log"))
        self.log_table.setWordWrap(False)
        header = self.log_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        log_layout.addWidget(self.log_table)
        note = QLabel(self.tr("The log keeps counts and speeds, never the text of a prompt or a reply."))
        note.setWordWrap(True)
        log_layout.addWidget(note)
        split.addWidget(log_box)
        split.setSizes([190, 200, 260])
        layout.addWidget(split, 1)

        self.control.state_changed.connect(self._on_state)
        self.control.failed.connect(self._on_failed)
        services.server_changed.connect(self._on_server_report)
        services.library_changed.connect(self.reload_models)
        self.host.currentTextChanged.connect(lambda _text: self._update_warning())
        self.port.valueChanged.connect(lambda _value: self._update_examples())
        self.log_model.set_records([self._log_entry(r) for r in list(self.pool.log)])
        self.reload_models()
        self.reload_keys()
        self._on_state(self.control.state)
        if self.control.last_error is not None and self.control.state == STOPPED:
            self._on_failed(self.control.last_error)

    def _code_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName(name)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return view

    # -- texts ---------------------------------------------------------------------------------
    def _state_text(self, record: dict) -> str:
        text = self._plain_state_text(record)
        if record.get("borrowers") and record["state"] != ModelState.UNLOADED.value:
            text += self.tr(", also used by Chat")  # one copy in memory for both
        return text

    def _plain_state_text(self, record: dict) -> str:
        state = record["state"]
        if state == ModelState.LOADING.value:
            return self.tr("loading…")
        if state == ModelState.READY.value:
            return self.tr("ready")
        if state == ModelState.BUSY.value:
            return self.tr("busy: {0} running, {1} waiting").format(record["active"], record["waiting"])
        return self.tr("idle (unloaded)")

    def _status_text(self, record: dict) -> str:
        status = record["status"]
        return {"ok": self.tr("ok"), "cancelled": self.tr("cancelled")}.get(status, status)

    @staticmethod
    def _log_entry(record) -> dict:
        entry = record.to_dict()
        entry.pop("prompt", None)  # never shown, even when the server keeps it
        return entry

    # -- start and stop ------------------------------------------------------------------------
    def start(self) -> None:
        host = self.host.currentText().strip() or LOOPBACK
        problem = self.control.address_problem(host)
        if problem:
            self._update_warning()
            self.status.setText(self.tr("Not started: create an API key first, or serve on 127.0.0.1."))
            return
        values = {"serve_host": host, "serve_port": self.port.value(), "serve_parallel": self.parallel.value(), "serve_ctx": self.n_ctx.value()}
        try:
            self.app.settings.update(values, origin="window")  # the next start (and start-with-Hangar) uses them
        except HangarError as exc:
            self.status.setText(" ".join(error_text(exc, self.ctx.paths.log_file)).strip())
            return
        self.control.start(host, self.port.value(), self.parallel.value(), self.n_ctx.value())

    def stop(self) -> None:
        self.control.stop()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        stopped = state == STOPPED
        for field in (self.host, self.port, self.parallel, self.n_ctx):
            field.setEnabled(stopped)
        self.start_button.setEnabled(stopped)
        self.stop_button.setEnabled(state == RUNNING)
        if state == RUNNING:
            url = self.control.url
            self.status.setText(self.tr("Serving at {0}: the OpenAI-compatible API is at {0}/v1.").format(url))
        elif state == STARTING:
            self.status.setText(self.tr("Starting…"))
        elif state == STOPPING:
            self.status.setText(self.tr("Stopping: finishing the requests and unloading the models…"))
        else:
            self.status.setText(self.tr("The server is stopped."))
        self._update_warning()
        self.reload_models()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.status.setText(self.tr("The server did not start: {0}").format(f"{text} {hint}".strip()))

    def _update_warning(self) -> None:
        host = (self.host.currentText().strip() if self.control.state == STOPPED else self.control.runner.settings.host if self.control.runner else "") or LOOPBACK
        keys = self.control.keys_required()
        if self.control.address_problem(host):
            text = self.tr("Serving on {0} lets other machines reach your models: create an API key below first. Without one, Hangar serves only on 127.0.0.1.").format(host)
        elif not is_loopback(host):
            text = self.tr("Other machines can reach the server on {0}; every request needs an API key.").format(host)
        elif keys:
            text = self.tr("API keys exist, so every request needs one (Authorization: Bearer followed by the key).")
        else:
            text = ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self._update_examples()

    def _save_on_start(self, checked: bool) -> None:
        try:
            self.app.settings.set("serve_on_start", checked, origin="window")
        except HangarError as exc:
            show_error(self, self.tr("Start the server with Hangar"), exc, self.ctx.paths.log_file)

    # -- models and examples -------------------------------------------------------------------
    def reload_models(self) -> None:
        chosen = self._chosen_model()
        self.models.set_records([entry.to_dict() for entry in self.pool.models()])
        for row, record in enumerate(self.models.records):
            if record["alias"] == chosen:
                self.models_table.selectRow(row)
        self._update_examples()

    def _chosen_model(self) -> str | None:
        rows = self.models_table.selectionModel().selectedRows()
        if rows:
            return self.models.record(rows[0].row())["alias"]
        return self.models.records[0]["alias"] if self.models.records else None

    def example_url(self) -> str:
        if self.control.url:
            return self.control.url
        host = self.host.currentText().strip() or LOOPBACK
        host = LOOPBACK if host in ("0.0.0.0", "::") else host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port.value() or 8181}"

    def _update_examples(self) -> None:
        url, model = self.example_url(), self._chosen_model()
        needs_key = self.control.keys_required()
        shown = model or "MODEL"
        self.curl_text.setPlainText(curl_example(url, shown, needs_key))
        self.python_text.setPlainText(python_example(url, shown, needs_key))
        if model is None:
            self.examples_note.setText(self.tr("Add a model to the library first: the server offers every model there."))
        elif not self.control.running:
            self.examples_note.setText(self.tr("Start the server, then run this in a terminal."))
        elif needs_key:
            self.examples_note.setText(self.tr("Set HANGAR_API_KEY to one of your keys first."))
        else:
            self.examples_note.setText(self.tr("Run this in a terminal; the request appears in the log below."))

    def example_text(self) -> str:
        return (self.python_text if self.examples.currentWidget() is self.python_text else self.curl_text).toPlainText()

    def copy_example(self) -> None:
        QGuiApplication.clipboard().setText(self.example_text())

    # -- keys ----------------------------------------------------------------------------------
    def reload_keys(self) -> None:
        try:
            self.keys.set_records([key.public() for key in self.app.api_keys.list()])
        except HangarError as exc:
            self.keys.set_records([])
            self.warning.setText(" ".join(error_text(exc, self.ctx.paths.log_file)).strip())
            self.warning.show()

    def create_key(self) -> NewKeyDialog | None:
        name = self.key_name.text().strip()
        try:
            _record, secret = self.app.api_keys.create(name)
        except HangarError as exc:
            show_error(self, self.tr("Create key"), exc, self.ctx.paths.log_file)
            return None
        self.key_name.clear()
        self.reload_keys()
        self._update_warning()
        dialog = NewKeyDialog(name, secret, self)
        del secret
        dialog.open()
        return dialog

    def revoke_selected(self) -> None:
        rows = self.keys_table.selectionModel().selectedRows()
        if not rows:
            return
        record = self.keys.record(rows[0].row())
        answer = QMessageBox.question(self, self.tr("Revoke key"), self.tr("Revoke the key {0}? Programs that use it can no longer reach the server.").format(record["name"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.app.api_keys.revoke(record["id"])
        except HangarError as exc:
            show_error(self, self.tr("Revoke key"), exc, self.ctx.paths.log_file)
        self.reload_keys()
        self._update_warning()

    # -- what the server reports ---------------------------------------------------------------
    @Slot(object)
    def _on_server_report(self, report) -> None:
        if getattr(report, "kind", None) == "request" and report.record is not None:
            self._pending.append(self._log_entry(report.record))
        else:
            self._models_stale = True
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            bar = self.log_table.verticalScrollBar()
            at_end = bar.value() >= bar.maximum() - 2
            if self.log_model.rowCount() + len(pending) > MAX_LOG:
                self.log_model.set_records((self.log_model.records + pending)[-MAX_LOG:])
            else:
                self.log_model.append_records(pending)
            self.log_table.resizeColumnsToContents()  # the time and counts columns were sized for an empty table
            header = self.log_table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setStretchLastSection(True)  # and the last one fills the row again
            if at_end:
                self.log_table.scrollToBottom()
        if self._models_stale:
            self._models_stale = False
            self.reload_models()
