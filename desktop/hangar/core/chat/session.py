"""One conversation driven through a worker: stream, save as it streams, recover.

Each user message is saved when sent; the reply is saved at least every second while
it streams and when it ends, so a crash or a killed worker loses at most the last
second. A reply that ends any other way than the worker's "done" (an error, Ctrl-C, a
SIGTERM the CLI turned into an exception) is saved as interrupted, never left streaming.
When the conversation outgrows the context, the oldest turns after the system prompt are
dropped (the stated policy) and the reply says how many.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P
from ..runner.client import EngineClient, EngineError
from .store import DEFAULT_TITLE, ChatStore, Message, MessageState

SAVE_EVERY_S = 1.0
OnToken = Callable[[str], None]
OnEvent = Callable[[P.Token], None]  # each token event, with its counts (n, n_prompt)


@dataclass
class Reply:
    message_id: int
    text: str
    stop_reason: P.StopReason
    dropped_turns: int
    n_generated: int
    gen_tps: float | None
    ttft_ms: float | None
    n_prompt: int = 0
    n_ctx: int | None = None


class ChatSession:
    def __init__(self, store: ChatStore, client: EngineClient, conversation_id: int, *, shared: bool = False) -> None:
        self.store, self.client, self.conversation_id = store, client, conversation_id
        self.shared = shared  # the worker serves others too (the server's): Stop cancels only this reply's request
        self._stop = threading.Event()
        self._events = None  # the request being answered

    def stop(self) -> None:
        """Stop the reply being written, or the one about to start (Stop pressed just after Send)."""
        self._stop.set()
        self._cancel()

    def _cancel(self) -> None:
        events = self._events
        if not self.shared:
            self.client.cancel()  # everything this worker was asked: only this conversation's reply
        elif events is not None and callable(getattr(events, "cancel", None)):
            events.cancel()  # this request alone; the server's streams go on
    def history(self, exclude: int | None = None) -> list[dict]:
        conversation = self.store.get(self.conversation_id)
        turns = [{"role": "system", "content": conversation.system_prompt}] if conversation.system_prompt else []
        for message in self.store.messages(self.conversation_id):
            if message.id != exclude and message.content and message.role != "system":
                turns.append({"role": message.role, "content": message.content})
        return turns

    def add_user(self, text: str) -> None:
        """Store the user's message; the first one names a conversation that has no name yet."""
        self.store.add(self.conversation_id, "user", text)
        if len(self.store.messages(self.conversation_id)) == 1 and self.store.get(self.conversation_id).title == DEFAULT_TITLE:
            self.store.update(self.conversation_id, title=" ".join(text.split())[:60])

    def send(self, text: str, options: P.GenerateOptions, on_token: OnToken | None = None, on_event: OnEvent | None = None) -> Reply:
        self.add_user(text)
        return self.reply(options, on_token, on_event)

    def regenerate(self, options: P.GenerateOptions, on_token: OnToken | None = None, on_event: OnEvent | None = None) -> Reply:
        """Replace the last reply with a new one."""
        self.prepare_regenerate()
        return self.reply(options, on_token, on_event)

    def prepare_regenerate(self) -> None:
        """Drop everything after the last user message (the window does this before streaming)."""
        messages = self.store.messages(self.conversation_id)
        last_user = max((m.id for m in messages if m.role == "user"), default=None)
        if last_user is None:
            raise InvalidInput(QT_TR_NOOP("There is no message to answer yet."))
        self.store.truncate_after(last_user)

    def edit(self, message_id: int, text: str, options: P.GenerateOptions, on_token: OnToken | None = None,
             on_event: OnEvent | None = None) -> Reply:
        """Change a user message and continue from it; later messages are dropped."""
        self.prepare_edit(message_id, text)
        return self.reply(options, on_token, on_event)

    def prepare_edit(self, message_id: int, text: str) -> None:
        if not text.strip():
            raise InvalidInput(QT_TR_NOOP("An edited message cannot be empty."))
        message = self.store.message(message_id)
        if message.role != "user" or message.conversation_id != self.conversation_id:
            raise InvalidInput(QT_TR_NOOP("Only your own messages in this conversation can be edited."))
        self.store.save(message_id, text)
        self.store.truncate_after(message_id)

    def start_reply(self) -> Message:
        """The reply's message, stored empty in state streaming before anything is generated,
        so a view drawn now shows it where it will be written."""
        return self.store.add(self.conversation_id, "assistant", "", state=MessageState.STREAMING)

    def reply(self, options: P.GenerateOptions, on_token: OnToken | None = None, on_event: OnEvent | None = None,
              assistant: Message | None = None) -> Reply:  # fmt: skip
        assistant = assistant or self.start_reply()
        turns = self.history(exclude=assistant.id)
        dropped = 0
        pieces: list[str] = []
        last_save = time.monotonic()
        while True:
            try:
                done = P.Done(stop_reason=P.StopReason.STOP)
                events = self._events = self.client.generate(replace(options, prompt=None, messages=turns))
                if self._stop.is_set():
                    self._cancel()  # asked before the request went out: it concerns this one
                for event in events:
                    if isinstance(event, P.Token):
                        pieces.append(event.text)
                        if on_token:
                            on_token(event.text)
                        if on_event:
                            on_event(event)
                        if time.monotonic() - last_save >= SAVE_EVERY_S:
                            self.store.save(assistant.id, "".join(pieces))
                            last_save = time.monotonic()
                    else:
                        done = event
                break
            except EngineError as exc:
                droppable = [i for i, t in enumerate(turns) if t["role"] != "system"][:-1]
                if exc.code == P.E_CONTEXT_FULL and droppable and not pieces:
                    del turns[droppable[0]]  # the oldest turn after the system prompt
                    dropped += 1
                    continue
                self.store.save(assistant.id, "".join(pieces), state=MessageState.INTERRUPTED)
                raise
            except BaseException:  # Ctrl-C, SIGTERM/SIGHUP (the CLI raises them here), a bug: never left "streaming"
                self.store.save(assistant.id, "".join(pieces), state=MessageState.INTERRUPTED)
                raise
        state = MessageState.CANCELLED if done.stop_reason == P.StopReason.CANCELLED else MessageState.COMPLETE
        text = "".join(pieces)
        self.store.save(assistant.id, text, state=state, n_tokens=done.n_generated, tokens_per_s=done.gen_tps, ttft_ms=done.ttft_ms)
        return Reply(assistant.id, text, done.stop_reason, dropped, done.n_generated, done.gen_tps, done.ttft_ms, done.n_prompt, done.n_ctx)
