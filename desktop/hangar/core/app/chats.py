"""Conversations: the store, built once, and sessions that drive a loaded model."""

from __future__ import annotations

from pathlib import Path

from ..chat.session import ChatSession
from ..chat.store import ChatStore
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from .changes import Announcer, Change


class ChatService:
    def __init__(self, ctx: AppContext, changes: Announcer) -> None:
        self._ctx, self._changes = ctx, changes
        self._store: ChatStore | None = None
        self.busy: set[int] = set()  # conversations a reply is being written into (ChatController keeps it)

    @property
    def store(self) -> ChatStore:
        if self._store is None:
            self._store = ChatStore(self._ctx.database)
            self._store.recover_interrupted()
        return self._store

    @staticmethod
    def scratch_store() -> ChatStore:
        """A store that keeps nothing (``hangar-cli chat --no-save``)."""
        from ..db.store import Database

        return ChatStore(Database(Path(":memory:")))

    def session(self, conversation_id: int, client, store: ChatStore | None = None, *, shared: bool = False) -> ChatSession:
        return ChatSession(store or self.store, client, conversation_id, shared=shared)

    # -- changing conversations: the rules live here, and every change is announced -----------
    def rename(self, conversation_id: int, title: str):
        title = " ".join(title.split())[:200]
        if not title:
            raise InvalidInput(QT_TR_NOOP("A conversation's name cannot be empty."))
        conversation = self.store.update(conversation_id, title=title)
        self.announce(conversation_id)
        return conversation

    def delete(self, conversation_id: int) -> None:
        """Delete a conversation and its messages; refused while a reply is written into it."""
        if conversation_id in self.busy:
            raise InvalidInput(QT_TR_NOOP("A reply is still being written here. Stop it first."))
        self.store.delete(conversation_id)
        self.announce(conversation_id)

    def announce(self, conversation_id: int | None = None) -> None:
        self._changes.announce(Change.CONVERSATIONS, conversation_id)
