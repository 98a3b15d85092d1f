"""Comparisons kept in SQLite and written as Markdown and JSON; a blind export before the vote stays blind."""

from __future__ import annotations

import json
import random

import pytest

from hangar.core.compare import export, store
from hangar.core.compare.session import ColumnState, CompareSession
from hangar.core.config.context import AppContext

MODELS = [("a.gguf", "Alpha", False), ("remote:lab:beta", "beta (lab)", True)]


@pytest.fixture
def db():
    ctx = AppContext.open()
    yield ctx.database
    ctx.close()


def _answered(blind: bool) -> CompareSession:
    session = CompareSession.create(MODELS, "Why is the sky blue?", system_prompt="Be brief.", blind=blind, rng=random.Random(2))
    for i, column in enumerate(session.columns):
        column.state, column.text, column.n_generated, column.ttft_ms, column.gen_tps = ColumnState.DONE, f"answer {i}", 10 + i, 12.5, 33.3
    session.columns[1].state, session.columns[1].error = ColumnState.FAILED, "the worker died"
    session.schedule_words = "Together: the 2 models stream at the same time."
    return session


def test_a_session_is_saved_reopened_updated_and_deleted(db) -> None:
    session = _answered(blind=True)
    session_id = store.save(db, session)
    assert session.id == session_id and session.created_at
    again = store.load(db, session_id)
    assert again.to_dict() == session.to_dict() and again.order == session.order and again.blind
    session.vote(0, "better reasoning")
    store.save(db, session)
    again = store.load(db, session_id)
    assert again.winner == "A" and again.note == "better reasoning" and [c.name for c in again.columns] == [c.name for c in session.columns]
    assert again.columns[1].error == "the worker died" and again.columns[1].remote == session.columns[1].remote
    assert [s.id for s in store.sessions(db)] == [session_id]
    assert store.delete(db, session_id) and store.load(db, session_id) is None
    assert db.query("SELECT count(*) AS n FROM compare_answers")[0]["n"] == 0, "its answers go with it"


def test_the_export_hides_the_names_of_a_blind_session_until_the_vote() -> None:
    session = _answered(blind=True)
    text, data = export.to_markdown(session), json.loads(export.to_json(session))
    for secret in ("Alpha", "beta (lab)", "a.gguf", "remote:lab"):
        assert secret not in text and secret not in json.dumps(data), secret
    assert "## Model A" in text and "The names are hidden until the vote." in text and "answer 0" in text
    assert data["format"] == "hangar-compare" and data["order"] is None and not data["revealed"]

    session.vote(1, "kept the facts")
    text, data = export.to_markdown(session), json.loads(export.to_json(session))
    assert f"## Model B: {session.columns[1].name} ✓" in text and "Better answer: " + session.columns[1].name in text and "Note: kept the facts" in text
    assert "> Failed: the worker died" in text
    assert data["revealed"] and data["order"] == session.order and data["winner"] == "B" and data["columns"][1]["name"] == session.columns[1].name


def test_markdown_of_an_open_session() -> None:
    session = _answered(blind=False)
    text = export.to_markdown(session)
    assert text.startswith("# Comparison\n") and "## Alpha" in text and "## beta (lab)" in text
    assert "10 tokens, 33.3 tokens/s, first token 12 ms" in text and "## System prompt\n\nBe brief." in text and "seed 42" in text
