"""Measured quality runs in SQLite (``quality_runs``, migration 9): one row per run.

The columns hold what the tables show and what they are matched by (a model file's SHA-256, so a
quant measured here is recognised in Discover's list of a repository's files); ``result_json``
keeps the whole record (every percentile, the running PPL per chunk, the reference's own PPL).
"""

from __future__ import annotations

import json

from ..db.store import Database

_COLUMNS = ("model_id", "model_path", "model_name", "model_sha256", "quant", "reference_path", "reference_sha256", "reference_quant",
            "text_name", "text_sha256", "n_ctx", "n_chunks", "n_scored", "ppl", "ppl_err", "kld_mean", "kld_err", "same_top")  # fmt: skip


def save_run(db: Database, record: dict) -> int:
    """Store a finished run (core/app/quality.py's record); returns its id."""
    model, reference, text, kld = record["model"], record.get("reference") or {}, record["text"], record.get("kld") or {}
    values = (
        model.get("id"), model["path"], model["name"], model.get("sha256"), model.get("quant"), reference.get("path"), reference.get("sha256"),
        reference.get("quant"), text["name"], text["sha256"], record["n_ctx"], record["n_chunks"], record["n_scored"], record["ppl"],
        record.get("ppl_err"), kld.get("kld_mean"), kld.get("kld_err"), kld.get("same_top"),
    )  # fmt: skip
    placeholders = ", ".join("?" for _ in _COLUMNS)
    return db.execute(
        f"INSERT INTO quality_runs ({', '.join(_COLUMNS)}, dp_percentiles_json, result_json) VALUES ({placeholders}, ?, ?)",
        (*values, json.dumps(kld.get("dp_percentiles")) if kld else None, json.dumps(record)),
    )


def _record(row) -> dict:
    return json.loads(row["result_json"]) | {"run_id": row["id"], "created_at": row["created_at"]}


def runs(db: Database, limit: int = 100) -> list[dict]:
    """The newest runs first."""
    return [_record(row) for row in db.query("SELECT id, created_at, result_json FROM quality_runs ORDER BY id DESC LIMIT ?", (limit,))]


def latest_by_sha256(db: Database) -> dict[str, dict]:
    """Each measured model file's newest run, by the file's SHA-256 (a run with a reference wins over one
    without: the KL divergence is the figure a quant is chosen by)."""
    found: dict[str, dict] = {}
    rows = db.query("SELECT id, created_at, model_sha256, kld_mean, result_json FROM quality_runs WHERE model_sha256 IS NOT NULL ORDER BY id DESC")
    for row in rows:
        held = found.get(row["model_sha256"])
        if held is None or (held.get("kld") is None and row["kld_mean"] is not None):
            found[row["model_sha256"]] = _record(row)
    return found


def delete_run(db: Database, run_id: int) -> bool:
    with db.write() as conn:
        return conn.execute("DELETE FROM quality_runs WHERE id = ?", (run_id,)).rowcount > 0
