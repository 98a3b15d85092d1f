"""Comparisons in SQLite (the migration "side-by-side comparisons"): ``compare_sessions`` holds the prompt, the
sampling, the blind flag with its shuffle, the vote and the note; ``compare_answers`` one row
per column (its position as shown, the model, the answer and its timings).

A session is saved when its answers have ended and again when the vote changes, so the
sessions list can reopen any of them later, read-only.
"""

from __future__ import annotations

import json

from ..common.i18n import from_stored, to_stored
from ..db.store import Database
from .session import Column, ColumnState, CompareSession

_ANSWER_COLUMNS = ("session_id", "position", "original_position", "ref", "name", "remote", "state", "text", "error", "n_prompt", "n_generated",
                   "ttft_ms", "gen_tps", "total_ms", "stop_reason")  # fmt: skip


def save(db: Database, session: CompareSession) -> int:
    """Insert the session, or replace what is stored under ``session.id``; returns the id."""
    values = (session.prompt, session.system_prompt, json.dumps(session.params), int(session.blind), json.dumps(session.order), session.winner,
              session.note, int(session.together), to_stored(session.schedule_words) or "")  # fmt: skip
    with db.write() as conn:
        if session.id is None:
            session.id = conn.execute(
                "INSERT INTO compare_sessions (prompt, system_prompt, params_json, blind, order_json, winner, note, together, schedule) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid  # fmt: skip
        else:
            conn.execute("UPDATE compare_sessions SET prompt = ?, system_prompt = ?, params_json = ?, blind = ?, order_json = ?, winner = ?, note = ?, "
                         "together = ?, schedule = ? WHERE id = ?", (*values, session.id))  # fmt: skip
            conn.execute("DELETE FROM compare_answers WHERE session_id = ?", (session.id,))
        conn.executemany(
            f"INSERT INTO compare_answers ({', '.join(_ANSWER_COLUMNS)}) VALUES ({', '.join('?' for _ in _ANSWER_COLUMNS)})",
            [(session.id, i, session.order[i] if i < len(session.order) else i, c.ref, c.name, int(c.remote), str(c.state), c.text, to_stored(c.error),
              c.n_prompt, c.n_generated, c.ttft_ms, c.gen_tps, c.total_ms, c.stop_reason) for i, c in enumerate(session.columns)],
        )  # fmt: skip
    if session.created_at is None:
        row = db.query_one("SELECT created_at FROM compare_sessions WHERE id = ?", (session.id,))
        session.created_at = row["created_at"] if row else None
    return int(session.id)


def _session(row, answers: list) -> CompareSession:
    columns = [Column(a["ref"], a["name"], bool(a["remote"]), ColumnState(a["state"]), a["text"], a["n_prompt"] or 0, a["n_generated"] or 0,
                      a["ttft_ms"], a["gen_tps"], a["total_ms"], a["stop_reason"], from_stored(a["error"])) for a in answers]  # fmt: skip
    return CompareSession(columns, row["prompt"], row["system_prompt"], json.loads(row["params_json"]), bool(row["blind"]), json.loads(row["order_json"]),
                          row["winner"], row["note"], bool(row["together"]), from_stored(row["schedule"]) or "", row["id"], row["created_at"])  # fmt: skip


def load(db: Database, session_id: int) -> CompareSession | None:
    row = db.query_one("SELECT * FROM compare_sessions WHERE id = ?", (session_id,))
    if row is None:
        return None
    answers = db.query(f"SELECT {', '.join(_ANSWER_COLUMNS)} FROM compare_answers WHERE session_id = ? ORDER BY position", (session_id,))
    return _session(row, answers)


def sessions(db: Database, limit: int = 200) -> list[CompareSession]:
    """Stored sessions, newest first, with their answers."""
    rows = db.query("SELECT * FROM compare_sessions ORDER BY id DESC LIMIT ?", (limit,))
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    answers: dict[int, list] = {i: [] for i in ids}
    marks = ", ".join("?" for _ in ids)
    for answer in db.query(f"SELECT {', '.join(_ANSWER_COLUMNS)} FROM compare_answers WHERE session_id IN ({marks}) ORDER BY session_id, position", tuple(ids)):
        answers[answer["session_id"]].append(answer)
    return [_session(row, answers[row["id"]]) for row in rows]


def delete(db: Database, session_id: int) -> bool:
    with db.write() as conn:
        return conn.execute("DELETE FROM compare_sessions WHERE id = ?", (session_id,)).rowcount > 0

