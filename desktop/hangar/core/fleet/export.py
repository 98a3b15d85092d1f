"""The fleet as CSV (the side-by-side rows, each with its cost per million) or JSON (the rows,
the costed figure per machine, and every run's whole document, samples included)."""

from __future__ import annotations

import csv
import io
import json

from ... import __version__
from .compare import COLUMNS, compare
from .cost import FleetCostInputs, costed, machine_cost
from .schema import SCHEMA, now_utc

COST_COLUMNS = ("cost_per_million", "cost_hardware", "cost_electricity", "cost_currency", "energy_basis", "costed")


def rows_with_cost(stored: list, costs: dict[str, FleetCostInputs], concurrency: int | None = None) -> list[dict]:
    """compare()'s rows plus the cost per million at that row's load; ``costed`` marks the row the machine's figure is taken from."""
    by_id = {run.id: run for run in stored}
    chosen = {run.id: machine_cost(run.document, costs.get(run.machine_label), run_id=run.id, concurrency=concurrency).concurrency for run in stored}
    found = []
    for row in compare(stored, concurrency):
        inputs = costs.get(row["machine"])
        level = next((lv for lv in by_id[row["run_id"]].document.get("levels", []) if lv["max_concurrency"] == row["concurrency"]), {})
        cost = costed(row["output_throughput"], row["j_per_output_token"], level.get("avg_power_w"), inputs) if inputs and row["status"] == "ok" else None
        found.append(row | {
            "cost_per_million": round(cost.total, 6) if cost else None, "cost_hardware": round(cost.hardware, 6) if cost else None,
            "cost_electricity": round(cost.electricity, 6) if cost else None, "cost_currency": inputs.currency if inputs else None,
            "energy_basis": str(cost.energy_basis) if cost else None, "costed": chosen[row["run_id"]] == row["concurrency"] and cost is not None,
        })  # fmt: skip
    return found


def to_csv(stored: list, costs: dict[str, FleetCostInputs], concurrency: int | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS) + list(COST_COLUMNS), extrasaction="ignore", lineterminator="\n")  # "\r" would reach a terminal escaped
    writer.writeheader()
    for row in rows_with_cost(stored, costs, concurrency):
        writer.writerow(row)
    return buffer.getvalue()


def to_json(stored: list, costs: dict[str, FleetCostInputs], concurrency: int | None = None) -> str:
    data = {
        "exported_by": f"Hangar {__version__}",
        "exported_at": now_utc(),
        "run_schema": SCHEMA,
        "rows": rows_with_cost(stored, costs, concurrency),
        "costs": [machine_cost(r.document, costs.get(r.machine_label), run_id=r.id, concurrency=concurrency).to_dict() for r in stored],
        "cost_inputs": {label: inputs.to_dict() for label, inputs in sorted(costs.items())},
        "runs": [r.summary() | {"document": r.document} for r in stored],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)
