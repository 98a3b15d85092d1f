"""One chat view's state, without Qt: the open conversation, the model it talks to, the
reply being written, the message being edited.

The window's Chat pane and the CLI's chat used to keep this state themselves (the pane
had its own copy of the streaming reply, stored the user's message and named the
conversation itself, counted tokens per second again). Now the pane renders what this
controller holds and posts.

One mechanism carries worker events to the view (core/app/outbox.py, shared with the
benchmark): loads and replies run on their own threads and only ever post to ``outbox``
(no signal per token). The view calls ``take_updates()`` on its own thread (a 50 ms
timer in the window) and gets the updates since the last call; only then does the
state change, so everything the view reads is changed on the view's thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..chat.params import generate_options, normalise
from ..chat.session import ChatSession, Reply
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P
from ..runner.client import EngineClient, EngineError
from .hosting import LoadedModel, LoadRequest
from .outbox import Outbox

if TYPE_CHECKING:  # Hangar builds the controller (chat_controller()); the name is for the annotation
    from .hangar import Hangar

log = logging.getLogger(__name__)


# -- what the view is told -------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadStatus:
    text: str  # a status line (a translatable Text where core made one)


@dataclass(frozen=True)
class LoadProgress:
    fraction: float


@dataclass(frozen=True)
class ModelReady:
    model: LoadedModel


@dataclass(frozen=True)
class LoadFailed:
    error: BaseException
    cancelled: bool


@dataclass(frozen=True)
class ReplyText:
    conversation_id: int
    text: str  # the tokens since the last update, joined


@dataclass(frozen=True)
class ReplyFinished:
    conversation_id: int
    reply: Reply


@dataclass(frozen=True)
class ReplyFailed:
    conversation_id: int
    error: BaseException
    worker_died: bool  # the model is gone; Load starts a new worker


Update = LoadStatus | LoadProgress | ModelReady | LoadFailed | ReplyText | ReplyFinished | ReplyFailed


@dataclass(frozen=True)
class _Tokens:  # posted per token by the reply thread; take_updates() folds them into ReplyText
    conversation_id: int
    event: P.Token


@dataclass
class StreamingReply:
    """The reply being written (kept after it ends, until the next one starts)."""

    conversation_id: int
    pieces: list[str] = field(default_factory=list)
    n_generated: int = 0
    n_prompt: int = 0
    ttft_ms: float | None = None
    gen_tps: float | None = None  # the worker's own measurement so far
    done: bool = False

    @property
    def text(self) -> str:
        return "".join(self.pieces)


class ChatController:
    def __init__(self, app: Hangar) -> None:
        self._app = app
        self.store = app.chats.store
        self.log_file = app.ctx.paths.log_file  # where error messages send the curious
        self.outbox = Outbox()
        self.conversation_id: int | None = None
        self.editing_id: int | None = None
        self.model: LoadedModel | None = None
        self.loading = False
        self.loading_worker: EngineClient | None = None  # the worker a load started, so Cancel can reach it
        self.load_request: LoadRequest | None = None
        self.reply: StreamingReply | None = None
        self._session: ChatSession | None = None
        self._cancel_load = threading.Event()

    # -- state ----------------------------------------------------------------------------------
    @property
    def streaming(self) -> bool:
        return self.reply is not None and not self.reply.done

    @property
    def busy(self) -> bool:
        """Work is under way whose updates the view must collect."""
        return self.loading or self.streaming or bool(self.outbox)

    def streaming_here(self) -> bool:
        return self.streaming and self.reply.conversation_id == self.conversation_id

    # -- the model ------------------------------------------------------------------------------
    def load(self, ref: str | int, n_ctx: int, *, force: bool = False, reason: str | None = None, n_cpu_moe: int | None = None) -> bool:
        """Start loading; the outcome arrives as ModelReady or LoadFailed. False if busy. ``reason``:
        the person's reason, when the managed policy asks for one (OverrideReasonNeeded); ``n_cpu_moe``:
        layers whose experts stay in RAM, None for the placement plan's choice."""
        if self.loading or self.streaming:
            return False
        self.unload()
        self.loading, self.loading_worker = True, None
        self.load_request = LoadRequest(ref, n_ctx=n_ctx, force=force, override_reason=reason, n_cpu_moe=n_cpu_moe)
        self._cancel_load.clear()
        request, post, cancel = self.load_request, self.outbox.post, self._cancel_load

        def started(client: EngineClient) -> None:
            self.loading_worker = client  # one reference, written once per worker; Cancel only reads it
            if cancel.is_set():
                client.cancel()

        def work() -> None:
            try:
                if self._app.endpoints.parse_ref(request.model) is not None:  # a model on a remote endpoint (core/app/endpoints.py)
                    loaded = self._app.endpoints.open_model(str(request.model), request.n_ctx, on_status=lambda text: post(LoadStatus(text)))
                else:
                    loaded = self._app.held_by_server(request.model) or self._app.models.load(request, on_status=lambda text: post(LoadStatus(text)),
                                                   on_progress=lambda f: post(LoadProgress(f)), on_client=started)  # fmt: skip
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(LoadFailed(exc, cancel.is_set() or getattr(exc, "code", "") == P.E_CANCELLED))
                return
            if cancel.is_set():  # it finished before the cancel reached it
                loaded.close()
                post(LoadFailed(EngineError(P.E_CANCELLED, QT_TR_NOOP("Loading was cancelled.")), True))
            else:
                post(ModelReady(loaded))

        threading.Thread(target=work, name="chat-load", daemon=True).start()
        return True

    def cancel_load(self) -> None:
        if not self.loading:
            return
        self._cancel_load.set()
        worker = self.loading_worker
        if worker is not None:
            worker.cancel()

    def remote_models(self) -> list:
        """The remote endpoints' models Chat lists beside the local ones (none when the policy forbids them)."""
        return self._app.endpoints.choices()

    def unload(self) -> None:
        if self.model is not None:
            self.model.close()
            self.model = None

    # -- conversations --------------------------------------------------------------------------
    def new_conversation(self, system_prompt: str, params: dict, model_path: str | None, model_name: str | None) -> int:
        conversation = self.store.create(system_prompt=system_prompt, params=params, model_path=model_path, model_name=model_name)
        self._app.chats.announce(conversation.id)
        self.open(conversation.id)
        return conversation.id

    def open(self, conversation_id: int | None) -> None:
        """Show another conversation; a reply streaming elsewhere keeps streaming and saving."""
        self.conversation_id = conversation_id
        self.editing_id = None

    def messages(self) -> list:
        return self.store.messages(self.conversation_id) if self.conversation_id is not None else []

    def has_user_message(self) -> bool:
        return any(m.role == "user" for m in self.messages())

    def save_params(self, system_prompt: str, params: dict) -> dict:
        """Normalised parameters, stored with the open conversation; InvalidInput if out of range."""
        values = normalise(params)
        if self.conversation_id is not None:
            self.store.update(self.conversation_id, system_prompt=system_prompt, params=values)
        return values

    def begin_edit(self, message_id: int) -> str:
        message = self.store.message(message_id)
        if message.role != "user" or message.conversation_id != self.conversation_id:
            raise InvalidInput(QT_TR_NOOP("Only your own messages in this conversation can be edited."))
        self.editing_id = message_id
        return message.content

    def cancel_edit(self) -> None:
        self.editing_id = None

    def delete_message(self, message_id: int) -> None:
        self.store.delete_message(message_id)

    # -- replies --------------------------------------------------------------------------------
    def send(self, text: str, system_prompt: str, params: dict) -> bool:
        """Store the message (or the edit) and start the reply. False if there is nothing to do;
        InvalidInput (nothing stored) when it cannot be sent."""
        text = text.strip()
        if not text or self.streaming:
            return False
        if self.model is None:
            raise InvalidInput(QT_TR_NOOP("Load a model first."))
        normalise(params)  # a parameter out of range is refused before anything is stored
        if self.conversation_id is None:
            self.new_conversation(system_prompt, params, self.model.path, self.model.name)
        session = self._new_session(system_prompt, params)
        if self.editing_id is not None:
            session.prepare_edit(self.editing_id, text)
            self.editing_id = None
        else:
            session.add_user(text)
        self._start(session, params)
        return True

    def regenerate(self, system_prompt: str, params: dict) -> bool:
        if self.streaming or self.conversation_id is None:
            return False
        if self.model is None:
            raise InvalidInput(QT_TR_NOOP("Load a model first."))
        session = self._new_session(system_prompt, params)
        session.prepare_regenerate()
        self._start(session, params)
        return True

    def stop(self) -> None:
        if self.streaming and self._session is not None:
            self._session.stop()

    def _new_session(self, system_prompt: str, params: dict) -> ChatSession:
        model = self.model
        self.store.update(self.conversation_id, model_path=model.path, model_name=model.name, runtime=model.placement.runtime,
                          system_prompt=system_prompt, params=normalise(params))  # fmt: skip
        return self._app.chats.session(self.conversation_id, model.client, shared=model.shared)

    def _start(self, session: ChatSession, params: dict) -> None:
        conversation_id, post = self.conversation_id, self.outbox.post
        self.reply, self._session = StreamingReply(conversation_id), session
        self._app.chats.busy.add(conversation_id)
        options = generate_options(params)
        assistant = session.start_reply()  # in the conversation before the view draws it

        def work() -> None:
            try:
                reply = session.reply(options, on_event=lambda event: post(_Tokens(conversation_id, event)), assistant=assistant)
            except BaseException as exc:  # noqa: BLE001 - saved as interrupted by the session; the view says why
                post(ReplyFailed(conversation_id, exc, getattr(exc, "code", "") in (P.E_WORKER_CRASHED, P.E_WORKER_UNRESPONSIVE)))
                return
            post(ReplyFinished(conversation_id, reply))

        threading.Thread(target=work, name="chat-reply", daemon=True).start()

    # -- the one way updates reach the view -----------------------------------------------------
    def take_updates(self) -> list[Update]:
        """On the view's thread: what happened since the last call, with the state changed to match.
        Tokens that arrived together come as one ReplyText."""
        updates: list[Update] = []
        for item in self.outbox.take():
            if isinstance(item, _Tokens):
                self._on_token(item, updates)
                continue
            if isinstance(item, ModelReady) and self._cancel_load.is_set():  # Cancel came after the load, before this
                item.model.close()
                item = LoadFailed(EngineError(P.E_CANCELLED, QT_TR_NOOP("Loading was cancelled.")), True)
            if isinstance(item, ModelReady):
                self.loading, self.loading_worker, self.model = False, None, item.model
            elif isinstance(item, LoadFailed):
                self.loading, self.loading_worker = False, None
            elif isinstance(item, (ReplyFinished, ReplyFailed)):
                if self.reply is not None:
                    self.reply.done = True
                self._app.chats.busy.discard(item.conversation_id)
                self._session = None
                if isinstance(item, ReplyFailed) and item.worker_died and self.model is not None:
                    self.model.close()  # the conversation and the partial reply are saved
                    self.model = None
            updates.append(item)
        return updates

    def _on_token(self, item: _Tokens, updates: list[Update]) -> None:
        reply, event = self.reply, item.event
        if reply is None or reply.conversation_id != item.conversation_id:
            return
        reply.pieces.append(event.text)
        reply.n_generated, reply.n_prompt = event.n, event.n_prompt
        reply.ttft_ms, reply.gen_tps = event.ttft_ms, event.gen_tps
        last = updates[-1] if updates else None
        if isinstance(last, ReplyText) and last.conversation_id == item.conversation_id:
            updates[-1] = ReplyText(item.conversation_id, last.text + event.text)
        else:
            updates.append(ReplyText(item.conversation_id, event.text))

    def close(self) -> None:
        self.cancel_load()
        self.stop()
        self.unload()

