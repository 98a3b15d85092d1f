"""What the database knows for an update check: each model's last check (``update_checks``,
migration 8), and the files a model is made of with the names the Hub gives them (the
download queue's rows for a file Hangar downloaded, the snapshot path for the Hugging Face
cache).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..db.store import Database
from ..library.models import LocalModel, shard_paths
from .status import UpdateCheck

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class LocalPart:
    filename: str  # the name in the repository
    size: int
    sha256: str | None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the last check of each model -------------------------------------------------------------------
def save_check(db: Database, check: UpdateCheck) -> None:
    with db.write() as conn:
        conn.execute(
            """INSERT INTO update_checks (model_id, checked_at, status, result_json) VALUES (?, ?, ?, ?)
               ON CONFLICT(model_id) DO UPDATE SET checked_at = excluded.checked_at, status = excluded.status, result_json = excluded.result_json""",
            (check.model_id, check.checked_at or now(), str(check.status), check.to_stored()),
        )


def last_checks(db: Database) -> dict[int, UpdateCheck]:
    """The last check of each model that has one (a stored check that cannot be read is left out)."""
    found = {}
    for row in db.query("SELECT model_id, result_json FROM update_checks"):
        check = UpdateCheck.from_stored(row["result_json"])
        if check is not None:
            found[int(row["model_id"])] = check
    return found


def forget_check(db: Database, model_id: int) -> None:
    db.execute("DELETE FROM update_checks WHERE model_id = ?", (model_id,))


def last_checked_at(db: Database) -> dt.datetime | None:
    """When the library was last compared with the Hub (the daily check's clock)."""
    row = db.query_one("SELECT MAX(checked_at) FROM update_checks")
    if row is None or not row[0]:
        return None
    try:
        return dt.datetime.strptime(row[0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


# -- a model's files as the Hub names them ----------------------------------------------------------
def local_parts(db: Database, model: LocalModel) -> list[LocalPart]:
    """The files of ``model``, first part first, each with its name in the repository."""
    row = db.query_one("SELECT group_key FROM downloads WHERE dest_path = ?", (model.path,))
    if row is not None and row["group_key"]:
        rows = db.query("SELECT filename, size_bytes, sha256 FROM downloads WHERE group_key = ? ORDER BY filename", (row["group_key"],))
        if rows:
            parts = [LocalPart(r["filename"], int(r["size_bytes"]), (r["sha256"] or "").lower() or None) for r in rows]
            if len(parts) == 1 and model.sha256:  # the library's hash is of the file here, the row's of what was planned
                parts = [LocalPart(parts[0].filename, model.size_bytes, model.sha256.lower())]
            return parts
    paths = shard_paths(Path(model.path))
    if model.source == "hf-cache":
        snapshot = _snapshot_root(Path(model.path))
        if snapshot is not None:
            return [_cached_part(p, snapshot) for p in paths]
    if len(paths) == 1:
        return [LocalPart(Path(model.path).name, model.size_bytes, model.sha256.lower() if model.sha256 else None)]
    return [LocalPart(p.name, _size(p), None) for p in paths]


def _snapshot_root(path: Path) -> Path | None:
    """``…/models--owner--name/snapshots/<commit>`` above a file of the Hugging Face cache."""
    for parent in path.parents:
        if parent.parent.name == "snapshots":
            return parent
    return None


def _cached_part(path: Path, snapshot: Path) -> LocalPart:
    name = path.relative_to(snapshot).as_posix()
    try:
        blob = path.resolve().name  # the cache names each blob by its LFS SHA-256
    except (OSError, RuntimeError):
        blob = ""
    return LocalPart(name, _size(path), blob if _SHA256.fullmatch(blob) else None)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# -- the download queue's rows for a model, kept while an update runs ---------------------------------
_ROW_FIELDS = ("revision", "size_bytes", "sha256", "license", "base_model", "state", "error", "downloaded_bytes")


def download_rows(db: Database, model: LocalModel) -> list[dict]:
    """The queue's rows for the files of ``model`` (empty when Hangar did not download it)."""
    row = db.query_one("SELECT group_key FROM downloads WHERE dest_path = ?", (model.path,))
    if row is None:
        return []
    return [dict(r) for r in db.query("SELECT * FROM downloads WHERE group_key = ? ORDER BY filename", (row["group_key"],))]


def restore_rows(db: Database, rows: list[dict]) -> None:
    """Put the rows back as they were before an update that did not complete: they describe the
    file that is still here (its revision, SHA-256 and card), not the one that failed."""
    with db.write() as conn:
        for row in rows:
            conn.execute(
                "UPDATE downloads SET " + ", ".join(f"{name} = ?" for name in _ROW_FIELDS) + ", updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
                (*(row[name] for name in _ROW_FIELDS), row["id"]),
            )
