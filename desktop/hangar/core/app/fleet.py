"""The fleet as the faces use it: import run files from other machines, add this machine's
runs, compare, cost, export and report. The store, the checks and the arithmetic live in
core/fleet/; this layer gives the window and the CLI one way to reach them.

An import takes each file on its own: a bad or duplicate file is reported with its reason
and the others are still imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..fleet import store
from ..fleet.cost import FleetCostInputs, MachineCost, machine_cost
from ..fleet.schema import bench_document, load_run
from .bench import BenchService


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    run_id: int | None = None  # the new run, when it was imported
    duplicate_of: int | None = None  # the stored run it repeats
    error: HangarError | None = None  # why it was refused (a duplicate's message too)

    @property
    def imported(self) -> bool:
        return self.run_id is not None

    def to_dict(self) -> dict:
        return {"path": self.path, "run_id": self.run_id, "duplicate_of": self.duplicate_of, "error": self.error.to_dict() if self.error else None}


class FleetService:
    def __init__(self, ctx: AppContext, bench: BenchService) -> None:
        self._ctx, self._bench = ctx, bench

    @property
    def _db(self):
        return self._ctx.database

    # -- runs ------------------------------------------------------------------------------------
    def import_files(self, paths: list[str | Path]) -> list[ImportOutcome]:
        outcomes = []
        for path in paths:
            shown = str(path)
            try:
                run_id = store.save_run(self._db, load_run(path), imported_from=str(Path(path).resolve()))
            except store.DuplicateRun as exc:
                exc.message = QT_TR_NOOP("{file} is already imported, as run #{run_id}; it was not added again.", file=shown, run_id=exc.run_id)
                outcomes.append(ImportOutcome(shown, duplicate_of=exc.run_id, error=exc))
            except HangarError as exc:
                outcomes.append(ImportOutcome(shown, error=exc))
            else:
                outcomes.append(ImportOutcome(shown, run_id=run_id))
        return outcomes

    def save(self, doc: dict, imported_from: str | None = None) -> int:
        """Store a run document made on this machine (imported_from None) or read elsewhere."""
        return store.save_run(self._db, doc, imported_from)

    def add_local_bench(self, run_id: int | None = None, label: str | None = None) -> int:
        """This machine's stored benchmark (the latest, or ``run_id``) as a fleet run (a single stream)."""
        history = self._bench.history(1000)
        record = next((r for r in history if run_id is None or r.get("run_id") == run_id), None)
        if record is None:
            if run_id is None:
                raise InvalidInput(QT_TR_NOOP("This machine has no benchmark run yet."), hint=QT_TR_NOOP("Run one first: hangar-cli bench, or the Benchmark pane."))
            raise InvalidInput(QT_TR_NOOP("There is no benchmark run #{run_id} on this machine.", run_id=run_id))
        created = (record.get("created_at") or "").replace(" ", "T")
        created = created if created.endswith("Z") or not created else created + "Z"
        return store.save_run(self._db, bench_document(record, label, created or None))

    def runs(self, kind: str | None = None) -> list[store.StoredRun]:
        return store.runs(self._db, kind)

    def run(self, run_id: int) -> store.StoredRun:
        found = store.run(self._db, run_id)
        if found is None:
            raise InvalidInput(QT_TR_NOOP("There is no fleet run #{run_id}.", run_id=run_id), hint=QT_TR_NOOP("hangar-cli fleet list shows them."))
        return found

    def delete(self, run_id: int) -> None:
        if not store.delete(self._db, run_id):
            raise InvalidInput(QT_TR_NOOP("There is no fleet run #{run_id}.", run_id=run_id), hint=QT_TR_NOOP("hangar-cli fleet list shows them."))

    def machines(self) -> list[str]:
        return sorted({run.machine_label for run in self.runs()})

    # -- cost ------------------------------------------------------------------------------------
    def costs(self) -> dict[str, FleetCostInputs]:
        return store.costs(self._db)

    def save_costs(self, machine_label: str, inputs: FleetCostInputs | dict) -> FleetCostInputs:
        """Checked first: a bad value raises InvalidInput with its reason and nothing is stored."""
        if not machine_label.strip():
            raise InvalidInput(QT_TR_NOOP("Cost inputs need the machine's label."))
        inputs = FleetCostInputs.from_dict(inputs) if isinstance(inputs, dict) else inputs.check()
        return store.save_costs(self._db, machine_label, inputs)

    def cost_table(self, concurrency: int | None = None) -> list[MachineCost]:
        costs = self.costs()
        return [machine_cost(r.document, costs.get(r.machine_label), run_id=r.id, concurrency=concurrency) for r in self.runs()]

    # -- output ----------------------------------------------------------------------------------
    def compare(self, concurrency: int | None = None) -> list[dict]:
        from ..fleet.compare import compare

        return compare(self.runs(), concurrency)

    def export(self, fmt: str, concurrency: int | None = None) -> str:
        from ..fleet import export

        if fmt not in ("csv", "json"):
            raise InvalidInput(QT_TR_NOOP("Export as csv or json, not {format}.", format=fmt))
        return (export.to_csv if fmt == "csv" else export.to_json)(self.runs(), self.costs(), concurrency)

    def report_html(self, concurrency: int | None = None) -> str:
        from ..fleet.report import fleet_html

        return fleet_html(self.runs(), self.costs(), concurrency)

    def write_report(self, path: str | Path, concurrency: int | None = None) -> Path:
        path = Path(path)
        try:
            path.write_text(self.report_html(concurrency), encoding="utf-8")
        except OSError as exc:
            raise HangarError(QT_TR_NOOP("The report could not be written to {file}: {error}", file=path, error=exc.strerror or exc)) from None
        return path
