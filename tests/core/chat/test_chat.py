"""Conversations: stored as they stream, survive a killed worker, fit the context by policy."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from hangar.core.chat.params import BUILTIN_PRESETS, DEFAULTS, generate_options
from hangar.core.chat.session import ChatSession
from hangar.core.chat.store import ChatStore
from hangar.core.common.errors import InvalidInput
from hangar.core.config.context import AppContext
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

from ...conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def store() -> ChatStore:
    return ChatStore(AppContext.open().database)


def test_conversations_messages_search_and_export(store: ChatStore) -> None:
    conversation = store.create("Tariffs", system_prompt="Be brief.", params={"temperature": 0.2})
    store.add(conversation.id, "user", "What is a tariff?")
    store.add(conversation.id, "assistant", "A tax on imports.")
    other = store.create("Recipes")
    assert [c.id for c in store.list("imports")] == [conversation.id]
    store.update(conversation.id, title="Trade")
    assert store.get(conversation.id).title == "Trade" and store.get(conversation.id).params == {"temperature": 0.2}
    markdown = store.export_markdown(conversation.id)
    assert "# Trade" in markdown and "**System:** Be brief." in markdown and "A tax on imports." in markdown
    exported = store.export_json(conversation.id)
    assert [m["role"] for m in exported["messages"]] == ["user", "assistant"]
    json.dumps(exported)
    store.delete(other.id)
    assert [c.title for c in store.list()] == ["Trade"]
    store.save_preset("precise", {"temperature": 0.1, "top_k": 20, "system_prompt": "Be exact."})
    presets = store.presets()
    assert presets["precise"]["temperature"] == 0.1 and presets["precise"]["top_k"] == 20 and presets["precise"]["system_prompt"] == "Be exact."
    assert presets["precise"]["max_tokens"] == DEFAULTS["max_tokens"], "a preset holds every parameter"
    assert set(BUILTIN_PRESETS) <= set(presets)
    store.delete_preset("precise")
    assert "precise" not in store.presets()


@pytest.mark.parametrize(
    "params, problem",
    [({"temperature": "hot"}, "temperature must be a number"), ({"top_p": 1.5}, "top_p must be between"),
     ({"max_tokens": 0}, "max_tokens must be between"), ({"seed": [1]}, "seed must be a number"),
     ({"temperature": float("nan")}, "temperature must be between"), ({"n_ctx": True}, "n_ctx must be a number")],
)  # fmt: skip
def test_bad_parameters_are_refused_with_the_reason(store: ChatStore, params: dict, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        store.save_preset("mine", params)
    with pytest.raises(InvalidInput, match="built-in"):
        store.save_preset("Balanced", {})
    assert "mine" not in store.presets()


def test_parameters_become_generate_options() -> None:
    options = generate_options({"temperature": "0.2", "seed": -1, "max_tokens": 64.0, "unknown": 5})
    assert options.temperature == 0.2 and options.seed is None and options.max_tokens == 64 and options.top_k == DEFAULTS["top_k"]
    assert generate_options({"seed": 7}).seed == 7


def test_reply_streams_and_is_saved(store: ChatStore, script_gguf: Path) -> None:
    conversation = store.create(system_prompt="You repeat.")
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(script_gguf), n_ctx=1024))
        seen: list[str] = []
        reply = ChatSession(store, client, conversation.id).send("你好", P.GenerateOptions(max_tokens=30, temperature=0), seen.append)
    assert "".join(seen) == reply.text and reply.n_generated == 30
    saved = store.messages(conversation.id)
    assert [(m.role, m.state) for m in saved] == [("user", "complete"), ("assistant", "complete")]
    assert saved[1].content == reply.text and saved[1].tokens_per_s and saved[1].n_tokens == 30


def test_killed_worker_keeps_the_partial_reply(store: ChatStore, tiny_gguf: Path) -> None:
    conversation = store.create()
    client = EngineClient()
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=8192))
    streamed: list[str] = []
    started = time.monotonic()

    def on_token(text: str) -> None:
        streamed.append(text)
        if time.monotonic() - started > 1.5 and client.alive:
            os.kill(client.proc.pid, signal.SIGKILL)

    with pytest.raises(EngineError, match="SIGKILL"):
        ChatSession(store, client, conversation.id).send("Tell me everything", P.GenerateOptions(max_tokens=8000, ignore_eos=True), on_token)
    client.close()
    reply = store.messages(conversation.id)[-1]
    assert reply.state == "interrupted" and reply.content
    assert "".join(streamed).startswith(reply.content), "what was saved is what was shown"
    assert store.messages(conversation.id)[0].content == "Tell me everything"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit, MemoryError])
def test_a_reply_ended_by_ctrl_c_or_sigterm_is_saved_as_interrupted(store: ChatStore, tiny_gguf: Path, interruption: type) -> None:
    """Ctrl-C, or a SIGTERM the CLI turns into an exception, lands in the reply loop: the
    reply was left 'streaming' for ever; now it is what arrived, marked interrupted."""
    conversation = store.create()
    streamed: list[str] = []

    def on_token(text: str) -> None:
        streamed.append(text)
        if len(streamed) == 20:
            raise interruption()

    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4096))
        with pytest.raises(interruption):
            ChatSession(store, client, conversation.id).send("Go on", P.GenerateOptions(max_tokens=4000, ignore_eos=True), on_token)
    reply = store.messages(conversation.id)[-1]
    assert reply.role == "assistant" and reply.state == "interrupted"
    assert "".join(streamed).startswith(reply.content)


def test_long_conversations_drop_the_oldest_turns(store: ChatStore, tiny_gguf: Path) -> None:
    conversation = store.create(system_prompt="sys")
    for i in range(6):
        store.add(conversation.id, "user", f"question {i} " + "x" * 60)
        store.add(conversation.id, "assistant", f"answer {i} " + "y" * 60)
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256))
        reply = ChatSession(store, client, conversation.id).send("last question", P.GenerateOptions(max_tokens=8))
    assert reply.dropped_turns > 0 and reply.n_generated == 8
    assert len(store.messages(conversation.id)) == 14, "dropping is for the prompt only; the history is kept"


def test_stop_before_the_reply_starts_is_honoured(store: ChatStore, tiny_gguf: Path) -> None:
    conversation = store.create()
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=2048))
        session = ChatSession(store, client, conversation.id)
        session.stop()  # pressed before the worker saw the request
        reply = session.send("Hello", P.GenerateOptions(max_tokens=2000, ignore_eos=True))
    assert reply.stop_reason == "cancelled" and reply.n_generated < 2000
    assert store.messages(conversation.id)[-1].state == "cancelled"


def test_regenerate_and_edit(store: ChatStore, tiny_gguf: Path) -> None:
    conversation = store.create()
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024))
        session = ChatSession(store, client, conversation.id)
        first = session.send("one", P.GenerateOptions(max_tokens=6, seed=1))
        second = session.regenerate(P.GenerateOptions(max_tokens=6, seed=2))
        assert [m.id for m in store.messages(conversation.id)] == [first.message_id - 1, second.message_id]
        user = store.messages(conversation.id)[0]
        session.edit(user.id, "two", P.GenerateOptions(max_tokens=4))
    roles = [(m.role, m.content[:3]) for m in store.messages(conversation.id)]
    assert roles[0] == ("user", "two") and len(roles) == 2


def test_cli_one_turn_saves_unless_told_not_to(script_gguf: Path) -> None:
    result = run_cli("chat", str(script_gguf), "--prompt", "é", "--max-tokens", "10", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["conversation"] == 1 and data["replies"][0]["n_generated"] == 10
    store = ChatStore(AppContext.open().database)
    assert [m.role for m in store.messages(1)] == ["user", "assistant"]
    nosave = json.loads(run_cli("chat", str(script_gguf), "--prompt", "é", "--max-tokens", "3", "--no-save", "--json").stdout)
    assert nosave["conversation"] is None and len(store.list()) == 1


def test_a_reply_left_streaming_by_a_dead_process_is_marked_interrupted() -> None:
    from hangar.core.app import Hangar
    from hangar.core.chat.store import ChatStore, MessageState

    app = Hangar.open()
    store = ChatStore(app.ctx.database)
    conversation = store.create()
    stale = store.add(conversation.id, "assistant", "half a repl", state=MessageState.STREAMING)
    fresh = store.add(conversation.id, "assistant", "still writing", state=MessageState.STREAMING)
    app.ctx.database.execute("UPDATE messages SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", (stale.id,))
    states = {m.id: m.state for m in app.chats.store.messages(conversation.id)}  # the service's store recovers on open
    assert states == {stale.id: MessageState.INTERRUPTED, fresh.id: MessageState.STREAMING}
    app.close()
