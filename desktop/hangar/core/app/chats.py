"""Conversations: the store, built once, and sessions that drive a loaded model."""

from __future__ import annotations

from pathlib import Path

from ..chat.session import ChatSession
from ..chat.store import ChatStore
from ..config.context import AppContext
from .changes import Announcer, Change


class ChatService:
    def __init__(self, ctx: AppContext, changes: Announcer) -> None:
        self._ctx, self._changes = ctx, changes
        self._store: ChatStore | None = None

    @property
    def store(self) -> ChatStore:
        if self._store is None:
            self._store = ChatStore(self._ctx.database)
        return self._store

    @staticmethod
    def scratch_store() -> ChatStore:
        """A store that keeps nothing (``hangar-cli chat --no-save``)."""
        from ..db.store import Database

        return ChatStore(Database(Path(":memory:")))

    def session(self, conversation_id: int, client, store: ChatStore | None = None) -> ChatSession:
        return ChatSession(store or self.store, client, conversation_id)

    def announce(self, conversation_id: int | None = None) -> None:
        self._changes.announce(Change.CONVERSATIONS, conversation_id)
