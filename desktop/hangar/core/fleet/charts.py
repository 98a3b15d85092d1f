"""What the fleet charts show, as plain data: the window draws it with QtCharts, the report as SVG.

- Cost per million output tokens against output throughput: one line per run (a machine
  and model), a point per finished level; the level that is costed is marked. A single
  stream is one point, its name saying "single stream".
- Latency against concurrency: median (solid) and p99 (dashed) of TTFT or TPOT, one pair
  of lines per serving run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cost import SINGLE_STREAM, FleetCostInputs, level_costs, machine_cost


@dataclass
class Line:
    name: str
    machine: str  # the colour follows the machine across charts
    points: list[tuple[float, float]]
    dashed: bool = False
    marked: set[int] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)


def run_name(run, stored: list | None = None) -> str:  # noqa: ANN001 - core.fleet.store.StoredRun
    """"machine · model (single stream)"; with ``stored``, the model only where the machine has more than one run of its kind."""
    doc = run.document
    model = doc["target"]["model"] if doc["kind"] == "bench-serve" else (doc["model"].get("name") or doc["model"].get("path") or "")
    suffix = f" ({SINGLE_STREAM})" if doc["kind"] == "bench" else ""
    if stored is not None and sum(1 for r in stored if r.machine_label == run.machine_label and r.kind == run.kind) == 1:
        return f"{run.machine_label}{suffix}"
    return f"{run.machine_label} · {model}{suffix}"


def cost_lines(stored: list, costs: dict[str, FleetCostInputs], concurrency: int | None = None) -> list[Line]:
    lines = []
    for run in stored:
        inputs = costs.get(run.machine_label)
        found = level_costs(run.document, inputs)
        if not found:
            continue
        chosen = machine_cost(run.document, inputs, run_id=run.id, concurrency=concurrency).concurrency
        points = sorted(found, key=lambda f: f[1])
        lines.append(Line(
            run_name(run, stored), run.machine_label, [(tps, cost) for _c, tps, cost, _ok in points],
            marked={i for i, (c, *_rest) in enumerate(points) if c == chosen},
            labels=[f"c{c}" if c is not None else "" for c, *_rest in points],
        ))  # fmt: skip
    return lines


def latency_lines(stored: list, metric: str) -> list[Line]:
    """``metric``: "ttft_ms" or "tpot_ms" (any of LATENCIES)."""
    lines = []
    for run in stored:
        if run.kind != "bench-serve":
            continue
        levels = sorted((lv for lv in run.document["levels"] if lv.get("status") == "ok"), key=lambda lv: lv["max_concurrency"])
        for stat, dashed in (("median", False), ("p99", True)):
            points = [(lv["max_concurrency"], lv[f"{stat}_{metric}"]) for lv in levels if lv.get(f"{stat}_{metric}") is not None]
            if points:
                lines.append(Line(f"{run_name(run, stored)} {stat}", run.machine_label, points, dashed=dashed))
    return lines


def machine_colours(stored: list, palette: tuple[str, ...]) -> dict[str, str]:
    labels = sorted({run.machine_label for run in stored})
    return {label: palette[i % len(palette)] for i, label in enumerate(labels)}
