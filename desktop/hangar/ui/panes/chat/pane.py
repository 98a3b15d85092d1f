"""The Chat pane: conversations on the left, the transcript and the message box on the right.

Replies stream from the worker on a background thread; tokens are collected and
appended to the end of the transcript every 50 ms (never a full re-render), and a
finished reply is re-drawn once as Markdown (raw HTML off). The model runs in its own
process, so a crash there leaves the window, the conversation and the partial reply.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ....core import engine_protocol as P
from ....core.context import AppContext
from ...error_dialog import error_text
from ...format import UNTRUSTED_MARKDOWN
from ...models.record_table import Column, RecordTableModel
from ...tasks import BackgroundTasks



class _Relay(QObject):
    token = Signal(str)
    status = Signal(str)


class ChatPane(QWidget):
    def __init__(self, ctx: AppContext, services=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ....core.chat.store import ChatStore

        self.ctx, self.services = ctx, services
        self.store = ChatStore(ctx.database)
        self.tasks = BackgroundTasks(self)
        self.client = None
        self.placement = None
        self.conversation_id: int | None = None
        self._pending: list[str] = []
        self._reply_start: int | None = None
        self.streaming = False
        self.relay = _Relay()
        self.relay.token.connect(self._pending.append)
        self.relay.status.connect(lambda text: self.status.setText(text))
        self._flush = QTimer(self, interval=50, timeout=self._flush_tokens)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        new = QPushButton(self.tr("New"))
        new.clicked.connect(self.new_conversation)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.delete_conversation)
        row.addWidget(new)
        row.addWidget(delete)
        left_layout.addLayout(row)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search conversations"))
        self.search.textChanged.connect(lambda _t: self.reload_conversations())
        left_layout.addWidget(self.search)
        self.conversations = RecordTableModel([Column(self.tr("Conversation"), lambda r: r["title"])])
        self.list = QListView()
        self.list.setModel(self.conversations)
        self.list.selectionModel().currentChanged.connect(self._on_conversation)
        left_layout.addWidget(self.list, 1)
        split.addWidget(left)

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        bar = QHBoxLayout()
        self.model_combo = QComboBox()
        self.model_combo.setAccessibleName(self.tr("Model"))
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.clicked.connect(self.load_model)
        bar.addWidget(self.model_combo, 1)
        bar.addWidget(self.load_button)
        layout.addLayout(bar)
        self.status = QLabel(self.tr("Pick a model from the library and load it."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.transcript = QTextBrowser()
        self.transcript.setOpenLinks(False)
        layout.addWidget(self.transcript, 1)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.tr("Message (Ctrl+Enter sends, Esc stops)"))
        self.input.setMaximumHeight(110)
        layout.addWidget(self.input)
        buttons = QHBoxLayout()
        self.stats = QLabel()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        buttons.addWidget(self.stats, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([230, 850])
        QVBoxLayout(self).addWidget(split)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.send)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.stop)
        self.reload_models()
        self.reload_conversations()

    # -- models and conversations ------------------------------------------------------------------
    def reload_models(self) -> None:
        from ....core.library import Library

        self.model_combo.clear()
        for model in Library(self.ctx.database).list():
            label = model.name + (" (synthetic weights)" if model.synthetic else "")
            self.model_combo.addItem(label, model.path)

    def reload_conversations(self) -> None:
        self.conversations.set_records([{"id": c.id, "title": c.title} for c in self.store.list(self.search.text())])

    def new_conversation(self) -> None:
        conversation = self.store.create(model_path=self.model_combo.currentData(), model_name=self.model_combo.currentText())
        self.reload_conversations()
        self.open_conversation(conversation.id)

    def delete_conversation(self) -> None:
        if self.conversation_id is not None and not self.streaming:
            self.store.delete(self.conversation_id)
            self.conversation_id = None
            self.transcript.clear()
            self.reload_conversations()

    def _on_conversation(self, current, _previous) -> None:
        if current.isValid():
            self.open_conversation(self.conversations.record(current.row())["id"])

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation; switching while a reply streams is allowed (it keeps saving)."""
        self.conversation_id = conversation_id
        self.transcript.clear()
        for message in self.store.messages(conversation_id):
            self._append_message(message.role, message.content, message.state)

    def _append_message(self, role: str, content: str, state: str = "complete") -> None:
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        who = {"user": self.tr("You"), "assistant": self.tr("Model"), "system": self.tr("System")}[role]
        note = "" if state == "complete" else f" ({state})"
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(10)
        cursor.insertBlock(spaced)
        cursor.insertText(f"{who}{note}", heading)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())  # the body in the plain format
        if role == "assistant":
            cursor.insertMarkdown(content, UNTRUSTED_MARKDOWN)
        else:
            cursor.insertText(content)

    # -- running ------------------------------------------------------------------------------------
    def load_model(self) -> None:
        from ....core.inference import start_model
        from ....core.runtimes import best_runtime, detect_runtimes

        path = self.model_combo.currentData()
        if not path:
            return
        if self.client is not None:
            self.client.close()
            self.client = None
        self.status.setText(self.tr("Loading {0}…").format(self.model_combo.currentText()))
        relay, ctx = self.relay, self.ctx

        def work():
            runtime = best_runtime(detect_runtimes(ctx.paths.runtimes_dir))
            return start_model(P.LoadOptions(path=path, n_ctx=4096, n_threads=ctx.settings.threads), runtime,
                               allow_fallback=ctx.settings.gpu_fallback_to_cpu, runtimes_dir=ctx.paths.runtimes_dir, on_status=relay.status.emit)  # fmt: skip

        self.tasks.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, result) -> None:
        self.client, self.placement = result
        model = self.client.model or {}
        template = model.get("chat_template", "")
        self.status.setText(self.tr("Running on {0}. Chat template: {1}.").format(self.placement.summary(), template))

    def send(self) -> None:
        from ....core.chat.session import ChatSession

        text = self.input.toPlainText().strip()
        if not text or self.streaming:
            return
        if self.client is None:
            self.status.setText(self.tr("Load a model first."))
            return
        if self.conversation_id is None:
            self.new_conversation()
        self.input.clear()
        self._append_message("user", text)
        self._append_message("assistant", "", "complete")
        self._reply_start = self.transcript.document().characterCount() - 1
        self.streaming = True
        self.send_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._flush.start()
        session = ChatSession(self.store, self.client, self.conversation_id)
        relay = self.relay
        self.tasks.run(lambda: session.send(text, P.GenerateOptions(max_tokens=1024), relay.token.emit), self._on_reply, self._on_failed)

    def stop(self) -> None:
        if self.streaming and self.client is not None:
            self.client.cancel()

    def _flush_tokens(self) -> None:
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self.transcript.ensureCursorVisible()

    def _finish_stream(self) -> None:
        self._flush_tokens()
        self._flush.stop()
        self.streaming = False
        self.send_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _on_reply(self, reply) -> None:
        self._finish_stream()
        if self._reply_start is not None and reply.text:
            cursor = self.transcript.textCursor()
            cursor.setPosition(self._reply_start)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.insertMarkdown(reply.text, UNTRUSTED_MARKDOWN)  # once, when the reply is complete
        speed = f"{reply.gen_tps:.1f} tokens/s" if reply.gen_tps else ""
        first = f", first token {reply.ttft_ms:.0f} ms" if reply.ttft_ms else ""
        dropped = self.tr(" · {0} oldest turn(s) left out to fit the context").format(reply.dropped_turns) if reply.dropped_turns else ""
        self.stats.setText(f"{reply.n_generated} tokens · {speed}{first} · {reply.stop_reason}{dropped}")
        self.reload_conversations()

    def _on_failed(self, exc: BaseException) -> None:
        self._finish_stream()
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.status.setText(f"{text} {hint}".strip())
        if getattr(exc, "code", "") == P.E_WORKER_CRASHED:
            self.client = None  # the conversation and the partial reply are saved; Load starts a new worker

    def closeEvent(self, event) -> None:
        if self.client is not None:
            self.client.close()
        super().closeEvent(event)
