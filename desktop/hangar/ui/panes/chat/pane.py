"""The Chat pane: conversations on the left, the transcript in the middle, parameters on the right.

The pane renders; the state (the open conversation, the model, the reply being written,
the message being edited) is the Qt-free ChatController's (core/app/conversation.py).
Loads and replies run on the controller's threads, which only append to its outbox; a
50 ms timer here collects the updates (``take_updates``) while work is under way and
appends a reply's new text to the end of the transcript (never a full re-render); a
finished reply is drawn once as Markdown. Every message is in the database before the
model sees it and the reply is saved while it streams (core/chat/session.py), so a
crashed or killed worker leaves the conversation and the partial reply. The model runs
in its own process, so nothing it does can freeze the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

from ....core.app.conversation import LoadFailed, LoadProgress, LoadStatus, ModelReady, ReplyFailed, ReplyFinished, ReplyText
from ....core.common.errors import HangarError
from ....core.runner.protocol import StopReason
from ...collector import Collector
from ...error_dialog import error_text
from ...i18n import localise
from ...services import UiServices
from ...widgets.elided_label import ElidedLabel
from .conversations import ConversationList
from .model_bar import ModelBar
from .params_panel import ParamsPanel
from .transcript import Transcript


class ChatPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx, self.app = services, services.ctx, services.app
        self.controller = self.app.chat_controller()
        self.store = self.controller.store
        self.collector = Collector(self._render, self)  # the controller's updates, every 50 ms while it works

        self.conversations = ConversationList(self.app.chats)
        self.conversations.opened.connect(self.open_conversation)
        self.conversations.new_requested.connect(self.new_conversation)
        self.conversations.deleted.connect(self._on_deleted)
        self.conversations.exported.connect(lambda path: self._set_status(self.tr("Exported the conversation to {0}.").format(path)))
        self.params = ParamsPanel(self.store)
        self.params.changed.connect(self._save_params)

        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(6, 0, 6, 0)
        self.model_bar = ModelBar(self.controller, self.app.library)
        self.model_bar.load_button.clicked.connect(self.load_model)
        self.model_bar.status.connect(self._set_status)
        self.model_bar.load_started.connect(self._collect)
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
        self.loaded_label = ElidedLabel()  # which model is loaded, where, and the memory llama.cpp holds for it
        self.loaded_label.setAccessibleName(self.tr("Loaded model"))
        layout.addWidget(self.loaded_label)
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
        banner_text = QLabel(self.tr("Editing a message: Send replaces it and continues the conversation from there."))
        banner_text.setWordWrap(True)
        banner_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never pushes the columns apart
        banner.addWidget(banner_text, 1)
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
        self.stats = ElidedLabel()  # one line, cut with "…" (the whole text in its tooltip): it never grows the message box away
        self.stats.setAccessibleName(self.tr("Reply statistics"))
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
        services.endpoints_changed.connect(self.reload_models)  # a remote endpoint's models (Settings), or the policy on them
        services.policy_changed.connect(self.reload_models)
        services.conversations_changed.connect(self.conversations.reload)

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

    # -- what the controller holds, by the names the rest of the window (and its tests) use ---
    @property
    def client(self):
        return self.controller.model.client if self.controller.model else None

    @property
    def placement(self):
        return self.controller.model.placement if self.controller.model else None

    @property
    def loaded_ctx(self) -> int | None:
        return self.controller.model.n_ctx if self.controller.model else None

    @property
    def conversation_id(self) -> int | None:
        return self.controller.conversation_id

    @property
    def editing_id(self) -> int | None:
        return self.controller.editing_id

    @property
    def streaming(self) -> bool:
        return self.controller.streaming

    @property
    def loading(self) -> bool:
        return self.controller.loading

    @property
    def loading_worker(self):
        return self.controller.loading_worker

    # -- the model ----------------------------------------------------------------------------
    def reload_models(self) -> None:
        self.model_bar.reload()

    def load_model(self) -> None:
        if not self.streaming:
            self.model_bar.load(self.params.params()["n_ctx"])
            self._update_controls()

    # -- conversations ------------------------------------------------------------------------
    def new_conversation(self) -> None:
        self.cancel_edit()
        model = self.controller.model
        path = model.path if model else self.model_combo.currentData()
        name = model.name if model else self.model_combo.currentText()
        conversation_id = self.controller.new_conversation(self.params.system_prompt(), self.params.params(), path, name)
        self.conversations.reload()
        self.open_conversation(conversation_id)

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation; switching while a reply streams is allowed (it keeps saving)."""
        self.cancel_edit()
        if not (self.streaming and self.controller.reply.conversation_id == conversation_id):
            self.stats.setText("")  # another conversation's numbers do not belong under this one
        self.controller.open(conversation_id)
        self.conversations.select(conversation_id, emit=False)
        conversation = self.store.get(conversation_id)
        self.params.set_values(conversation.system_prompt, conversation.params)
        self.redraw()
        self._update_controls()

    def redraw(self) -> None:
        if self.conversation_id is None:
            self.transcript.clear()
            return
        here = self.controller.streaming_here()
        if here:
            self._render(self.controller.take_updates())  # everything so far is drawn below; later text appends
        self.transcript.show_messages(self.controller.messages(), streaming_text=self.controller.reply.text if here else None)

    def _on_deleted(self, conversation_id: int) -> None:
        if conversation_id == self.conversation_id:
            self.controller.open(None)
            self.transcript.clear()
            self.stats.setText("")
            self._update_controls()

    def _save_params(self) -> None:
        try:
            params = self.controller.save_params(self.params.system_prompt(), self.params.params())
        except HangarError as exc:
            self._set_status(" ".join(error_text(exc)).strip())
            return
        if self.client is not None and self.loaded_ctx != params["n_ctx"]:
            self._set_status(self.tr("The context size changes to {0} tokens when you load the model again.").format(params["n_ctx"]))

    # -- sending and replies ------------------------------------------------------------------
    def send(self) -> None:
        self._reply(lambda: self.controller.send(self.input.toPlainText(), self.params.system_prompt(), self.params.params()), sent=True)

    def regenerate(self) -> None:
        self._reply(lambda: self.controller.regenerate(self.params.system_prompt(), self.params.params()))

    def _reply(self, start, *, sent: bool = False) -> None:
        editing = self.editing_id is not None
        try:
            started = start()
        except HangarError as exc:
            self._set_status(" ".join(error_text(exc)).strip())
            return
        if not started:
            return
        if sent:
            self.input.clear()
        if editing:
            self.edit_banner.hide()
        self.conversations.busy_id = self.conversation_id
        self.conversations.reload()
        self.conversations.select(self.conversation_id, emit=False)
        self.transcript.show_messages(self.controller.messages(), streaming_text="")  # the reply is drawn where it streams
        self.stats.setText(self.tr("Waiting for the first token…"))
        self._update_controls()
        self._collect()

    def stop(self) -> None:
        if self.streaming:
            self.controller.stop()
        elif self.editing_id is not None:
            self.cancel_edit()

    # -- the controller's updates ---------------------------------------------------------------
    def _collect(self) -> None:
        self.collector.follow(self.controller)

    def _render(self, updates: list) -> None:
        for update in updates:
            if isinstance(update, (LoadStatus, LoadProgress, ModelReady, LoadFailed)):
                self.model_bar.show_update(update)
            elif isinstance(update, ReplyText):
                if update.conversation_id == self.conversation_id:
                    self.transcript.append_stream(update.text)  # otherwise another conversation is on screen
                self.stats.setText(self._live_stats())
            elif isinstance(update, ReplyFinished):
                self._on_reply(update)
            elif isinstance(update, ReplyFailed):
                self._on_failed(update)

    def _live_stats(self) -> str:
        reply = self.controller.reply
        return self.tr("{0} tokens · {1:.1f} tokens/s · first token {2:.0f} ms · context {3} / {4}").format(
            reply.n_generated, reply.gen_tps or 0.0, reply.ttft_ms or 0.0, reply.n_prompt + reply.n_generated, self.loaded_ctx or "?"
        )  # fmt: skip

    def _finish_stream(self, conversation_id: int) -> None:
        self.conversations.busy_id = None
        if conversation_id == self.conversation_id:
            self.redraw()  # the reply once more, now as Markdown with its actions
        self._update_controls()

    def _on_reply(self, update: ReplyFinished) -> None:
        self._finish_stream(update.conversation_id)
        reply = update.reply
        speed = self.tr("{0:.1f} tokens/s").format(reply.gen_tps) if reply.gen_tps else ""
        first = self.tr("first token {0:.0f} ms").format(reply.ttft_ms) if reply.ttft_ms else ""
        used = self.tr("context {0} / {1}").format(reply.n_prompt + reply.n_generated, reply.n_ctx or self.loaded_ctx or "?")
        reason = {StopReason.STOP: self.tr("finished"), StopReason.LENGTH: self.tr("reached the token limit"), StopReason.CANCELLED: self.tr("stopped"),
                  StopReason.CONTEXT_FULL: self.tr("the context is full")}.get(reply.stop_reason, str(reply.stop_reason))  # fmt: skip
        parts = [self.tr("{0} tokens").format(reply.n_generated), speed, first, used, reason]
        if reply.dropped_turns:
            parts.append(self.tr("{0} oldest turn(s) left out to fit the context (the system prompt is always kept)").format(reply.dropped_turns))
        self.stats.setText(" · ".join(p for p in parts if p))
        self.conversations.reload()

    def _on_failed(self, update: ReplyFailed) -> None:
        self._finish_stream(update.conversation_id)
        text, hint = error_text(update.error, self.ctx.paths.log_file)
        if update.worker_died:  # the controller let the dead worker go: Load starts a new one
            hint = self.tr("The conversation and the reply so far are saved. Press Load to start the model again.")
        self._set_status(f"{text} {hint}".strip(), error=True)

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
            try:
                self.input.setPlainText(self.controller.begin_edit(message_id))
            except HangarError as exc:
                self._set_status(" ".join(error_text(exc)).strip())
                return
            self.input.setFocus()
            self.edit_banner.show()
        elif action == "regenerate":
            self.regenerate()
        elif action == "delete":
            self.controller.delete_message(message_id)
            self.redraw()

    def cancel_edit(self) -> None:
        if self.editing_id is not None:
            self.controller.cancel_edit()
            self.input.clear()
        self.edit_banner.hide()

    # -- state ----------------------------------------------------------------------------------
    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(localise(text))
        self.status.setStyleSheet("color: white; background-color: #b3261e; padding: 4px; border-radius: 3px;" if error else "")

    def loaded_text(self) -> str:
        model = self.controller.model
        if model is None:
            return self.tr("No model loaded.")
        info = getattr(model.client, "model", None)
        if getattr(model, "remote", None) is not None or info is None:
            return self.tr("● {0} · {1}").format(model.name, model.placement.device)
        held = sum(info.buffers_mib.values()) + (info.kv_cache_mib or 0.0)
        memory = self.tr("{0:,.0f} MiB held (weights, cache and buffers)").format(held) if held else self.tr("memory not reported")
        shared = " · " + self.tr("shared with the server") if model.shared else ""
        return self.tr("● {0} · {1} · {2}{3}").format(model.name, model.placement.device, memory, shared)

    def _update_controls(self) -> None:
        self.loaded_label.setText(self.loaded_text())
        loaded, idle = self.client is not None, not self.streaming
        self.send_button.setEnabled(idle and loaded)
        self.stop_button.setEnabled(self.streaming)
        self.regenerate_button.setEnabled(idle and loaded and self.controller.has_user_message())
        self.load_button.setEnabled(idle and not self.controller.loading)

    def closeEvent(self, event) -> None:
        self.controller.close()
        super().closeEvent(event)
