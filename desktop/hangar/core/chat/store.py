"""Conversations and messages in the database, saved as they are typed and as they stream."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..db.store import Database

ROLES = ("system", "user", "assistant")


DEFAULT_TITLE = "New conversation"  # until the first message names it (ChatSession.add_user)

class MessageState(str, Enum):
    """Where a message stands; the values are what the database and the JSON export hold."""

    COMPLETE = "complete"
    STREAMING = "streaming"  # a reply being written (saved at least every second)
    INTERRUPTED = "interrupted"  # the worker died while writing it
    CANCELLED = "cancelled"  # stopped by the user

    def __str__(self) -> str:
        return self.value


@dataclass
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    state: MessageState
    n_tokens: int | None
    tokens_per_s: float | None
    ttft_ms: float | None
    created_at: str
    updated_at: str

    def __post_init__(self) -> None:
        self.state = MessageState(self.state)  # rows hold the plain value


@dataclass
class Conversation:
    id: int
    title: str
    model_path: str | None
    model_name: str | None
    runtime: str | None
    system_prompt: str
    params: dict = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""


class ChatStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def recover_interrupted(self, quiet_for_s: int = 600) -> int:
        """Mark replies left ``streaming`` by a process that ended without saying so (a power cut,
        a kill) as interrupted, so they are drawn as such and can be regenerated. A reply that
        is really streaming saves at least every second it writes, so only one quiet for
        ``quiet_for_s`` is touched; if it was alive after all, its own last save wins."""
        with self.db.write() as conn:
            return conn.execute(
                "UPDATE messages SET state = ? WHERE state = ? AND updated_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)",
                (MessageState.INTERRUPTED.value, MessageState.STREAMING.value, f"-{int(quiet_for_s)} seconds"),
            ).rowcount

    # -- conversations ----------------------------------------------------------------------------
    def create(self, title: str = DEFAULT_TITLE, *, system_prompt: str = "", params: dict | None = None,
               model_path: str | None = None, model_name: str | None = None, runtime: str | None = None) -> Conversation:
        conversation_id = self.db.execute(
            "INSERT INTO conversations (title, system_prompt, params_json, model_path, model_name, runtime) VALUES (?, ?, ?, ?, ?, ?)",
            (title.strip() or DEFAULT_TITLE, system_prompt, json.dumps(params or {}), model_path, model_name, runtime),
        )
        return self.get(conversation_id)

    def get(self, conversation_id: int) -> Conversation:
        row = self.db.query_one("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        if row is None:
            raise InvalidInput(QT_TR_NOOP("No conversation {id}.", id=conversation_id))
        data = dict(row)
        data["params"] = json.loads(data.pop("params_json") or "{}")
        return Conversation(**data)

    def list(self, search: str = "") -> list[Conversation]:
        if search:
            rows = self.db.query(
                """SELECT DISTINCT c.id FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id
                   WHERE c.title LIKE ? OR m.content LIKE ? ORDER BY c.updated_at DESC, c.id DESC""",
                (f"%{search}%", f"%{search}%"),
            )
        else:
            rows = self.db.query("SELECT id FROM conversations ORDER BY updated_at DESC, id DESC")
        return [self.get(r["id"]) for r in rows]

    def update(self, conversation_id: int, **fields) -> Conversation:
        allowed = {"title", "system_prompt", "model_path", "model_name", "runtime", "params"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(QT_TR_NOOP("cannot change {fields}", fields=", ".join(sorted(unknown))))
        if "params" in fields:
            fields["params_json"] = json.dumps(fields.pop("params"))
        sets = ", ".join(f"{name} = ?" for name in fields)
        self.db.execute(
            f"UPDATE conversations SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",  # noqa: S608 - names are whitelisted
            (*fields.values(), conversation_id),
        )
        return self.get(conversation_id)

    def delete(self, conversation_id: int) -> None:
        self.db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    # -- messages ---------------------------------------------------------------------------------
    def add(self, conversation_id: int, role: str, content: str, state: MessageState = MessageState.COMPLETE) -> Message:
        if role not in ROLES:
            raise InvalidInput(QT_TR_NOOP("unknown role {role}", role=repr(role)))
        message_id = self.db.execute(
            "INSERT INTO messages (conversation_id, role, content, state) VALUES (?, ?, ?, ?)", (conversation_id, role, content, state)
        )
        self.db.execute("UPDATE conversations SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?", (conversation_id,))
        return self.message(message_id)

    def save(self, message_id: int, content: str, *, state: MessageState | None = None, n_tokens: int | None = None,
             tokens_per_s: float | None = None, ttft_ms: float | None = None) -> None:
        """Write a message's text as it stands (called while it streams and when it ends)."""
        self.db.execute(
            """UPDATE messages SET content = ?, state = COALESCE(?, state), n_tokens = COALESCE(?, n_tokens),
               tokens_per_s = COALESCE(?, tokens_per_s), ttft_ms = COALESCE(?, ttft_ms),
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?""",
            (content, state, n_tokens, tokens_per_s, ttft_ms, message_id),
        )

    def message(self, message_id: int) -> Message:
        row = self.db.query_one("SELECT * FROM messages WHERE id = ?", (message_id,))
        if row is None:
            raise InvalidInput(QT_TR_NOOP("No message {id}.", id=message_id))
        return Message(**dict(row))

    def messages(self, conversation_id: int) -> list[Message]:
        return [Message(**dict(r)) for r in self.db.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,))]

    def delete_message(self, message_id: int) -> None:
        self.db.execute("DELETE FROM messages WHERE id = ?", (message_id,))

    def truncate_after(self, message_id: int) -> None:
        """Drop every later message (editing a user message, regenerating a reply)."""
        message = self.message(message_id)
        self.db.execute("DELETE FROM messages WHERE conversation_id = ? AND id > ?", (message.conversation_id, message_id))

    # -- presets ----------------------------------------------------------------------------------
    def save_preset(self, name: str, params: dict) -> None:
        """Save (or replace) a named preset; a system prompt may ride along under "system_prompt"."""
        from .params import BUILTIN_PRESETS, normalise

        name = name.strip()
        if not name:
            raise InvalidInput(QT_TR_NOOP("A preset needs a name."))
        if name in BUILTIN_PRESETS:
            raise InvalidInput(QT_TR_NOOP("'{name}' is a built-in preset; save yours under another name.", name=name))
        values = normalise(params)
        if isinstance(params.get("system_prompt"), str):
            values["system_prompt"] = params["system_prompt"]
        self.db.execute("INSERT OR REPLACE INTO presets (name, params_json) VALUES (?, ?)", (name, json.dumps(values)))

    def delete_preset(self, name: str) -> None:
        self.db.execute("DELETE FROM presets WHERE name = ?", (name,))

    def presets(self) -> dict[str, dict]:
        """The built-in presets, then the ones people saved, by name."""
        from .params import BUILTIN_PRESETS

        saved = {r["name"]: json.loads(r["params_json"]) for r in self.db.query("SELECT * FROM presets ORDER BY name")}
        return {**BUILTIN_PRESETS, **saved}

    # -- export -----------------------------------------------------------------------------------
    def export_json(self, conversation_id: int) -> dict:
        conversation = self.get(conversation_id)
        return {**asdict(conversation), "messages": [asdict(m) for m in self.messages(conversation_id)]}

    def export_markdown(self, conversation_id: int) -> str:
        conversation = self.get(conversation_id)
        lines = [f"# {conversation.title}", "", f"Model: {conversation.model_name or '?'} ({conversation.runtime or '?'})", ""]
        if conversation.system_prompt:
            lines += ["**System:** " + conversation.system_prompt, ""]
        for message in self.messages(conversation_id):
            note = "" if message.state == MessageState.COMPLETE else f" *({message.state.value})*"
            lines += [f"## {message.role.capitalize()}{note}", "", message.content, ""]
        return "\n".join(lines)
