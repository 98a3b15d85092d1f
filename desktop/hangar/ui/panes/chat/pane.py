"""The Chat pane: conversations on the left, the transcript in the middle, parameters on the right.

Replies stream from the worker on a background thread; tokens are collected and
appended to the end of the transcript every 50 ms (never a full re-render), and a
finished reply is drawn once as Markdown. Every message is in the database before the
model sees it and the reply is saved while it streams (core/chat/session.py), so a
crashed or killed worker leaves the conversation and the partial reply. The model runs
in its own process, so nothing it does can freeze the window.
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....core import engine_protocol as P
from ....core.chat.params import generate_options, normalise
from ....core.errors import HangarError
from ...error_dialog import error_text
from ...services import UiServices
from ...tasks import BackgroundTasks
from .conversations import ConversationList
from .model_bar import ModelBar
from .params_panel import ParamsPanel
from .transcript import Transcript

if TYPE_CHECKING:  # names for annotations; the objects come from the application layer
    from ....core.chat.session import ChatSession

FLUSH_MS = 50  # tokens reach the screen in batches: at most 20 repaints a second


class ChatPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx = services, services.ctx
        self.app = services.app
        self.store = self.app.chats.store
        self.tasks = BackgroundTasks(self)
        self.conversation_id: int | None = None
        self.editing_id: int | None = None
        self._replying: ChatSession | None = None  # the session writing a reply now
        # The reply being written: which conversation, its text so far, and its counters.
        self.streaming = False
        self._stream_conversation: int | None = None
        self._stream_pieces: list[str] = []
        self._inbox: deque[tuple[str, int, int, float]] = deque()  # (text, generated, prompt tokens, time), from the worker thread
        self._n_generated = self._n_prompt = 0
        self._sent_at = self._first_at = 0.0
        self._flush = QTimer(self, interval=FLUSH_MS, timeout=self._flush_tokens)

        self.conversations = ConversationList(self.store)
        self.conversations.opened.connect(self.open_conversation)
        self.conversations.new_requested.connect(self.new_conversation)
        self.conversations.deleted.connect(self._on_deleted)
        self.params = ParamsPanel(self.store)
        self.params.changed.connect(self._save_params)

        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(6, 0, 6, 0)
        self.model_bar = ModelBar(self.app)
        self.model_bar.load_button.clicked.connect(self.load_model)
        self.model_bar.status.connect(self._set_status)
        self.model_bar.loaded.connect(self._update_controls)
        self.model_bar.unloaded.connect(self._update_controls)
        # The bar's parts, by the names the rest of the pane (and its tests) use.
        self.model_combo, self.load_button = self.model_bar.combo, self.model_bar.load_button
        self.cancel_load_button, self.load_progress = self.model_bar.cancel_button, self.model_bar.progress
        self.params_button = QPushButton(self.tr("Parameters"))
        self.params_button.setCheckable(True)
        self.params_button.setChecked(True)
        self.params_button.toggled.connect(self.params.setVisible)
        self.model_bar.row.addWidget(self.params_button)
        layout.addWidget(self.model_bar)
        self.status = QLabel(self.tr("Pick a model from the library and load it."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.transcript = Transcript()
        self.transcript.action.connect(self._on_message_action)
        self.transcript.link_refused.connect(lambda url: self._set_status(self.tr("Links in replies are not opened. The link was: {0}").format(url)))
        layout.addWidget(self.transcript, 1)
        self.edit_banner = QWidget()
        banner = QHBoxLayout(self.edit_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        banner.addWidget(QLabel(self.tr("Editing a message: Send replaces it and continues the conversation from there.")), 1)
        cancel_edit = QPushButton(self.tr("Cancel edit"))
        cancel_edit.clicked.connect(self.cancel_edit)
        banner.addWidget(cancel_edit)
        self.edit_banner.hide()
        layout.addWidget(self.edit_banner)
        self.input = QPlainTextEdit()
        self.input.setAccessibleName(self.tr("Message"))
        self.input.setPlaceholderText(self.tr("Message (Ctrl+Enter sends, Esc stops)"))
        self.input.setMaximumHeight(110)
        self.input.installEventFilter(self)  # Esc and Ctrl+Enter in the box work even when a shortcut cannot
        layout.addWidget(self.input)
        buttons = QHBoxLayout()
        self.stats = QLabel()
        self.stats.setAccessibleName(self.tr("Reply statistics"))
        self.stats.setWordWrap(True)
        self.stats.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.clicked.connect(self.regenerate)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(self.stats, 1)
        for button in (self.regenerate_button, self.stop_button, self.send_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conversations)
        split.addWidget(middle)
        split.addWidget(self.params)
        split.setStretchFactor(1, 1)
        split.setCollapsible(1, False)
        split.setSizes([190, 720, 270])
        QVBoxLayout(self).addWidget(split)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.send)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.send)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.stop)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, activated=self.regenerate).setWhatsThis(self.tr("Regenerate the last reply"))
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_conversation).setWhatsThis(self.tr("New conversation"))
        self.reload_models()
        self._update_controls()
        services.library_changed.connect(self.reload_models)  # a download, import or delete shows at once

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.input and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Escape or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the box handles it below, once, rather than a window shortcut
                    return True
                self.stop() if key == Qt.Key.Key_Escape else self.send()
                return True
        return super().eventFilter(watched, event)

    # -- the model ----------------------------------------------------------------------------
    @property
    def client(self):
        return self.model_bar.client

    @property
    def placement(self):
        return self.model_bar.placement

    @property
    def loaded_ctx(self) -> int | None:
        return self.model_bar.n_ctx

    @property
    def _loading_client(self):
        return self.model_bar.loading

    def reload_models(self) -> None:
        self.model_bar.reload()

    def load_model(self) -> None:
        if not self.streaming:
            self.model_bar.load(self.params.params()["n_ctx"])
            self._update_controls()

    # -- conversations ------------------------------------------------------------------------
    def new_conversation(self) -> None:
        conversation = self.store.create(system_prompt=self.params.system_prompt(), params=self.params.params(),
                                         model_path=self.model_combo.currentData(), model_name=self.model_combo.currentText())  # fmt: skip
        self.conversations.reload()
        self.conversations.select(conversation.id, emit=False)
        self.open_conversation(conversation.id)

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation; switching while a reply streams is allowed (it keeps saving)."""
        self.cancel_edit()
        self.conversation_id = conversation_id
        self.conversations.select(conversation_id, emit=False)
        conversation = self.store.get(conversation_id)
        self.params.set_values(conversation.system_prompt, conversation.params)
        self.redraw()
        self._update_controls()

    def redraw(self) -> None:
        if self.conversation_id is None:
            self.transcript.clear()
            return
        streaming_here = self.streaming and self._stream_conversation == self.conversation_id
        if streaming_here:
            self._take_inbox()  # everything so far is drawn below; later tokens append
        self.transcript.show_messages(self.store.messages(self.conversation_id),
                                      streaming_text="".join(self._stream_pieces) if streaming_here else None)  # fmt: skip

    def _on_deleted(self, conversation_id: int) -> None:
        if conversation_id == self.conversation_id:
            self.conversation_id = None
            self.transcript.clear()
            self._update_controls()

    def _save_params(self) -> None:
        if self.conversation_id is None:
            return
        try:
            params = normalise(self.params.params())
        except HangarError as exc:
            self._set_status(str(exc))
            return
        self.store.update(self.conversation_id, system_prompt=self.params.system_prompt(), params=params)
        if self.client is not None and self.loaded_ctx != params["n_ctx"]:
            self._set_status(self.tr("The context size changes to {0} tokens when you load the model again.").format(params["n_ctx"]))

    # -- sending and replies ------------------------------------------------------------------
    def send(self) -> None:
        text = self.input.toPlainText().strip()
        if not text or self.streaming:
            return
        if self.client is None:
            self._set_status(self.tr("Load a model first."))
            return
        if self.conversation_id is None:
            self.new_conversation()
        session = self._session()
        if self.editing_id is not None:
            try:
                session.prepare_edit(self.editing_id, text)
            except HangarError as exc:
                self._set_status(str(exc))
                return
            self.cancel_edit()
        else:
            self.store.add(self.conversation_id, "user", text)
            first = len(self.store.messages(self.conversation_id)) == 1
            if first and self.store.get(self.conversation_id).title == "New conversation":  # the first message names it
                self.store.update(self.conversation_id, title=" ".join(text.split())[:60])
        self.input.clear()
        self._start_reply(session)

    def regenerate(self) -> None:
        if self.streaming or self.conversation_id is None:
            return
        if self.client is None:
            self._set_status(self.tr("Load a model first."))
            return
        session = self._session()
        try:
            session.prepare_regenerate()
        except HangarError as exc:
            self._set_status(str(exc))
            return
        self._start_reply(session)

    def _session(self) -> ChatSession:
        bar = self.model_bar
        self.store.update(self.conversation_id, model_path=bar.path, model_name=bar.name_of(bar.path),
                          runtime=self.placement.runtime if self.placement else None, system_prompt=self.params.system_prompt(),
                          params=normalise(self.params.params()))  # fmt: skip
        return self.app.chats.session(self.conversation_id, self.client)

    def _start_reply(self, session: ChatSession) -> None:
        self.streaming = True
        self._stream_conversation = self.conversation_id
        self._stream_pieces = []
        self._inbox.clear()
        self._n_generated = self._n_prompt = 0
        self._sent_at, self._first_at = time.perf_counter(), 0.0
        self.conversations.busy_id = self.conversation_id
        self.conversations.reload()
        self.transcript.show_messages(self.store.messages(self.conversation_id))
        self.transcript.begin_stream()
        self.stats.setText(self.tr("Waiting for the first token…"))
        self._update_controls()
        self._flush.start()
        options, inbox = generate_options(self.params.params()), self._inbox

        def on_event(event: P.Token) -> None:  # on the worker thread: deque.append is thread-safe
            inbox.append((event.text, event.n, event.n_prompt, time.perf_counter()))

        self._replying = session
        self.tasks.run(lambda: session.reply(options, on_event=on_event), self._on_reply, self._on_failed)

    def _take_inbox(self) -> str:
        """Move the tokens that arrived since the last look into the reply; returns their text."""
        pieces = []
        while self._inbox:
            text, self._n_generated, self._n_prompt, at = self._inbox.popleft()
            self._first_at = self._first_at or at
            pieces.append(text)
        self._stream_pieces.extend(pieces)
        return "".join(pieces)

    def _flush_tokens(self) -> None:
        text = self._take_inbox()
        if text and self._stream_conversation == self.conversation_id:
            self.transcript.append_stream(text)  # otherwise another conversation is on screen; the text is in _stream_pieces
        if self._first_at:
            self.stats.setText(self._live_stats())

    def _live_stats(self) -> str:
        elapsed = time.perf_counter() - self._first_at
        speed = (self._n_generated - 1) / elapsed if self._n_generated > 1 and elapsed > 0 else 0.0
        return self.tr("{0} tokens · {1:.1f} tokens/s · first token {2:.0f} ms · context {3} / {4}").format(
            self._n_generated, speed, (self._first_at - self._sent_at) * 1000, self._n_prompt + self._n_generated, self.loaded_ctx or "?"
        )  # fmt: skip

    def stop(self) -> None:
        if self.streaming and self._replying is not None:
            self._replying.stop()
        elif self.editing_id is not None:
            self.cancel_edit()

    def _finish_stream(self) -> None:
        self._flush.stop()
        self._flush_tokens()
        self.streaming = False
        self.conversations.busy_id = None
        self._update_controls()

    def _on_reply(self, reply) -> None:
        conversation = self._stream_conversation
        self._finish_stream()
        if conversation == self.conversation_id:
            self.redraw()  # the reply once more, now as Markdown with its actions
        speed = self.tr("{0:.1f} tokens/s").format(reply.gen_tps) if reply.gen_tps else ""
        first = self.tr("first token {0:.0f} ms").format(reply.ttft_ms) if reply.ttft_ms else ""
        used = self.tr("context {0} / {1}").format(reply.n_prompt + reply.n_generated, reply.n_ctx or self.loaded_ctx or "?")
        reason = {"stop": self.tr("finished"), "length": self.tr("reached the token limit"), "cancelled": self.tr("stopped"),
                  "context_full": self.tr("the context is full")}.get(reply.stop_reason, reply.stop_reason)  # fmt: skip
        parts = [self.tr("{0} tokens").format(reply.n_generated), speed, first, used, reason]
        if reply.dropped_turns:
            parts.append(self.tr("{0} oldest turn(s) left out to fit the context (the system prompt is always kept)").format(reply.dropped_turns))
        self.stats.setText(" · ".join(p for p in parts if p))
        self.conversations.reload()

    def _on_failed(self, exc: BaseException) -> None:
        conversation = self._stream_conversation
        self._finish_stream()
        if conversation == self.conversation_id:
            self.redraw()
        text, hint = error_text(exc, self.ctx.paths.log_file)
        if getattr(exc, "code", "") == P.E_WORKER_CRASHED:
            self.model_bar.client = None  # the conversation and the partial reply are saved; Load starts a new worker
            hint = self.tr("The conversation and the reply so far are saved. Press Load to start the model again.")
        self._set_status(f"{text} {hint}".strip(), error=True)
        self._update_controls()

    # -- message actions ----------------------------------------------------------------------
    def _on_message_action(self, action: str, message_id: int) -> None:
        if action == "code-copied":
            self._set_status(self.tr("Code copied to the clipboard."))
            return
        try:
            message = self.store.message(message_id)
        except HangarError:
            return
        if action == "copy":
            QGuiApplication.clipboard().setText(message.content)
            self._set_status(self.tr("Message copied to the clipboard."))
        elif self.streaming:
            self._set_status(self.tr("Wait for the reply to finish, or stop it, first."))
        elif action == "edit" and message.role == "user":
            self.editing_id = message_id
            self.input.setPlainText(message.content)
            self.input.setFocus()
            self.edit_banner.show()
        elif action == "regenerate":
            self.regenerate()
        elif action == "delete":
            self.store.delete_message(message_id)
            self.redraw()

    def cancel_edit(self) -> None:
        if self.editing_id is not None:
            self.editing_id = None
            self.input.clear()
        self.edit_banner.hide()

    # -- state ----------------------------------------------------------------------------------
    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: white; background-color: #b3261e; padding: 4px; border-radius: 3px;" if error else "")

    def _update_controls(self) -> None:
        loaded, idle = self.client is not None, not self.streaming
        has_reply = self.conversation_id is not None and any(m.role == "user" for m in self.store.messages(self.conversation_id))
        self.send_button.setEnabled(idle and loaded)
        self.stop_button.setEnabled(self.streaming)
        self.regenerate_button.setEnabled(idle and loaded and has_reply)
        self.load_button.setEnabled(idle and self._loading_client is None)

    def closeEvent(self, event) -> None:
        self.model_bar.close_client()
        super().closeEvent(event)
