"""Fleet runs in the database: this machine's and those imported from others, one table.

A run is stored as its whole hangar.run/1 document, checked first (a document that does
not validate is never stored), with the SHA-256 of its canonical text: the same run
imported twice, from the same file or a copy with other spacing, is recognised and said
so (DuplicateRun) instead of being counted twice. Each machine's cost inputs are stored
by its label, checked first too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..db.store import Database
from .cost import FleetCostInputs
from .schema import canonical, validate


class DuplicateRun(InvalidInput):
    """This run is stored already; ``run_id`` is the stored one."""

    code = "duplicate_run"

    def __init__(self, run_id: int, source: str | None) -> None:
        if source:
            super().__init__(QT_TR_NOOP("{file} is already imported, as run #{run_id}; it was not added again.", file=source, run_id=run_id))
        else:
            super().__init__(QT_TR_NOOP("This run is already stored, as run #{run_id}.", run_id=run_id))
        self.run_id = run_id


@dataclass(frozen=True)
class StoredRun:
    id: int
    kind: str
    machine_label: str
    created_at: str
    imported_from: str | None  # the file it came from; None for a run made on this machine
    imported_at: str
    sha256: str
    document: dict

    @property
    def local(self) -> bool:
        return self.imported_from is None

    def summary(self) -> dict:
        """Everything but the document, for listings."""
        return {k: getattr(self, k) for k in ("id", "kind", "machine_label", "created_at", "imported_from", "imported_at", "sha256")} | {
            "model": _model(self.document)
        }


def document_sha256(doc: dict) -> str:
    return hashlib.sha256(canonical(doc).encode("utf-8")).hexdigest()


def save_run(db: Database, doc: dict, imported_from: str | Path | None = None) -> int:
    """Store a checked document; its id. DuplicateRun when the same document is stored already."""
    source = str(imported_from) if imported_from is not None else None
    validate(doc, source)
    digest = document_sha256(doc)
    with db.write() as conn:  # the look-up and the insert in one transaction: two importers cannot both add it
        row = conn.execute("SELECT id FROM fleet_runs WHERE sha256 = ?", (digest,)).fetchone()
        if row is not None:
            raise DuplicateRun(int(row[0]), source)
        cursor = conn.execute(
            "INSERT INTO fleet_runs (kind, machine_label, created_at, imported_from, sha256, document_json) VALUES (?, ?, ?, ?, ?, ?)",
            (doc["kind"], doc["machine"]["label"], doc["created_at"], source, digest, canonical(doc)),
        )
        return int(cursor.lastrowid)


def runs(db: Database, kind: str | None = None) -> list[StoredRun]:
    """Every stored run (or those of one kind), by machine, oldest first."""
    where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    rows = db.query(f"SELECT * FROM fleet_runs {where} ORDER BY machine_label, created_at, id", params)
    return [_stored(row) for row in rows]


def run(db: Database, run_id: int) -> StoredRun | None:
    row = db.query_one("SELECT * FROM fleet_runs WHERE id = ?", (run_id,))
    return _stored(row) if row is not None else None


def delete(db: Database, run_id: int) -> bool:
    """Remove one run; False when there was none with that id."""
    with db.write() as conn:
        return conn.execute("DELETE FROM fleet_runs WHERE id = ?", (run_id,)).rowcount > 0


def save_costs(db: Database, machine_label: str, inputs: FleetCostInputs) -> FleetCostInputs:
    """Store a machine's cost inputs once they pass ``check`` (InvalidInput otherwise, nothing stored)."""
    inputs.check()
    db.execute(
        """INSERT INTO fleet_costs (machine_label, inputs_json) VALUES (?, ?)
           ON CONFLICT(machine_label) DO UPDATE SET inputs_json = excluded.inputs_json, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')""",
        (machine_label, json.dumps(inputs.to_dict())),
    )
    return inputs


def costs(db: Database) -> dict[str, FleetCostInputs]:
    """Each machine's stored cost inputs; a row that no longer passes the checks is left out."""
    found = {}
    for row in db.query("SELECT machine_label, inputs_json FROM fleet_costs"):
        try:
            found[row["machine_label"]] = FleetCostInputs.from_dict(json.loads(row["inputs_json"]))
        except (ValueError, TypeError, InvalidInput):
            continue
    return found


def _stored(row) -> StoredRun:  # noqa: ANN001 - sqlite3.Row
    return StoredRun(
        id=row["id"], kind=row["kind"], machine_label=row["machine_label"], created_at=row["created_at"], imported_from=row["imported_from"],
        imported_at=row["imported_at"], sha256=row["sha256"], document=json.loads(row["document_json"]),
    )  # fmt: skip


def _model(doc: dict) -> str:
    if doc.get("kind") == "bench-serve":
        return doc.get("target", {}).get("model", "")
    model = doc.get("model") or {}
    return model.get("name") or Path(model.get("path") or "").name
