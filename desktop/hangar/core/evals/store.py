"""Evaluation runs in SQLite (migration 11): ``eval_runs`` holds one model's run of one suite,
``eval_items`` each item's reply, score and timings.

Models run together share a ``batch``; any two runs of the same suite (its SHA-256: the same
items, not only the same name) can be compared item by item, whenever they ran. A message (an
error, a scorer's detail) is stored as its template and fields (``i18n.to_stored``), so the window
still shows it in its language after a restart, and with secrets masked.
"""

from __future__ import annotations

import json

from ..common.i18n import from_stored, to_stored
from ..db.store import Database

_RUN_COLUMNS = ("batch", "suite_name", "suite_path", "suite_sha256", "model_id", "model_name", "model_path", "model_sha256", "quant", "status",
                "error", "n_items", "n_run", "n_passed", "accuracy", "ci_low", "ci_high", "tokens_per_s", "settings_json", "result_json")  # fmt: skip
_ITEM_COLUMNS = ("run_id", "position", "item_id", "line", "scorer", "passed", "detail", "reply", "error", "n_prompt", "n_generated", "ttft_ms",
                 "gen_tps", "total_ms", "extra_json")  # fmt: skip


def save_run(db: Database, batch: str, suite: dict, settings: dict, result: dict) -> int:
    """Store one model's run (runner.py's ``ModelResult.to_dict()``) with its items; returns the run's id."""
    model, summary = result["model"], result["summary"]
    kept = {k: v for k, v in result.items() if k not in ("items", "error")}
    values = (batch, suite["name"], suite["path"], suite["sha256"], model.get("id"), model["name"], model["path"], model.get("sha256"), model.get("quant"),
              result["status"], to_stored(result.get("error")), suite["n_items"], len(result["items"]), summary["passed"], summary["accuracy"],
              summary["low"], summary["high"], summary.get("tokens_per_s"), json.dumps(settings), json.dumps({**kept, "suite": suite}, ensure_ascii=False))  # fmt: skip
    with db.write() as conn:
        run_id = conn.execute(f"INSERT INTO eval_runs ({', '.join(_RUN_COLUMNS)}) VALUES ({', '.join('?' for _ in _RUN_COLUMNS)})", values).lastrowid
        conn.executemany(
            f"INSERT INTO eval_items ({', '.join(_ITEM_COLUMNS)}) VALUES ({', '.join('?' for _ in _ITEM_COLUMNS)})",
            [(run_id, i, item["item_id"], item["line"], item["scorer"], int(bool(item["passed"])), to_stored(item.get("detail")), item.get("reply") or "",
              to_stored(item.get("error")), item.get("n_prompt"), item.get("n_generated"), item.get("ttft_ms"), item.get("gen_tps"), item.get("total_ms"),
              json.dumps(item["extra"]) if item.get("extra") else None) for i, item in enumerate(result["items"])],
        )  # fmt: skip
    return int(run_id)


def _run(row) -> dict:
    result = json.loads(row["result_json"])
    return {**result, "run_id": row["id"], "created_at": row["created_at"], "batch": row["batch"], "status": row["status"],
            "error": from_stored(row["error"]), "settings": json.loads(row["settings_json"])}  # fmt: skip


def _item(row) -> dict:
    return {"item_id": row["item_id"], "line": row["line"], "scorer": row["scorer"], "passed": bool(row["passed"]), "detail": from_stored(row["detail"]),
            "reply": row["reply"], "error": from_stored(row["error"]), "n_prompt": row["n_prompt"], "n_generated": row["n_generated"],
            "ttft_ms": row["ttft_ms"], "gen_tps": row["gen_tps"], "total_ms": row["total_ms"],
            "extra": json.loads(row["extra_json"]) if row["extra_json"] else None}  # fmt: skip


_SELECT = "SELECT id, created_at, batch, status, error, settings_json, result_json FROM eval_runs"


def runs(db: Database, limit: int = 200, suite_sha256: str | None = None) -> list[dict]:
    """Stored runs, newest first, without their items (``run`` reads one whole)."""
    if suite_sha256 is None:
        rows = db.query(f"{_SELECT} ORDER BY id DESC LIMIT ?", (limit,))
    else:
        rows = db.query(f"{_SELECT} WHERE suite_sha256 = ? ORDER BY id DESC LIMIT ?", (suite_sha256, limit))
    return [_run(row) for row in rows]


def run(db: Database, run_id: int) -> dict | None:
    """One stored run with its items in suite order, or None."""
    row = db.query_one(f"{_SELECT} WHERE id = ?", (run_id,))
    if row is None:
        return None
    items = db.query(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM eval_items WHERE run_id = ? ORDER BY position", (run_id,))
    return {**_run(row), "items": [_item(item) for item in items]}


def delete_run(db: Database, run_id: int) -> bool:
    with db.write() as conn:
        return conn.execute("DELETE FROM eval_runs WHERE id = ?", (run_id,)).rowcount > 0
