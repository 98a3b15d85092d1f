"""Machines side by side: one row per run and concurrency level, the same columns for every kind.

A serving sweep gives a row per level with vLLM's names (``output_throughput``,
``median_ttft_ms`` ...). A single-stream run gives one row, its ``basis`` "single stream":
output throughput is the generation test's tokens/s, TTFT the one request's, TPOT
1000 / that speed (one stream: every token after the first takes 1/speed), and no request
throughput or goodput, which need many requests.
"""

from __future__ import annotations

from .cost import SINGLE_STREAM, level_meets_slo, single_stream_test

COLUMNS = (
    "run_id", "machine", "kind", "model", "engine", "accelerators", "concurrency", "basis", "status", "error",
    "request_throughput", "output_throughput", "total_token_throughput", "request_goodput", "meets_slo",
    "median_ttft_ms", "p99_ttft_ms", "median_tpot_ms", "p99_tpot_ms", "median_itl_ms", "p99_itl_ms", "median_e2el_ms", "p99_e2el_ms",
    "j_per_output_token", "avg_power_w",
)  # fmt: skip
LATENCY_COLUMNS = COLUMNS[COLUMNS.index("median_ttft_ms") : COLUMNS.index("p99_e2el_ms") + 1]


def accelerators(machine: dict) -> str:
    names = [d.get("name") for d in (machine.get("gpus") or []) + (machine.get("npus") or []) if d.get("name")]
    counted = {name: names.count(name) for name in names}
    return ", ".join(f"{n} × {name}" if n > 1 else name for name, n in counted.items()) or (machine.get("cpu") or "")


def run_rows(doc: dict, run_id: int | None = None) -> list[dict]:
    machine = doc["machine"]
    head = {"run_id": run_id, "machine": machine["label"], "kind": doc["kind"], "accelerators": accelerators(machine)}
    if doc["kind"] == "bench":
        test = single_stream_test(doc)
        speed = (test.get("gen_ts") or test["avg_ts"]) if test else None
        row = dict.fromkeys(COLUMNS) | head | {
            "model": doc["model"].get("name") or doc["model"].get("path"), "engine": f"hangar ({doc.get('system', {}).get('runtime', '?')})",
            "basis": SINGLE_STREAM, "status": "ok", "output_throughput": speed, "median_ttft_ms": doc.get("ttft_ms"),
            "median_tpot_ms": 1000 / speed if speed else None, "j_per_output_token": (test or {}).get("j_per_token"),
        }  # fmt: skip
        return [row]
    rows = []
    for level in doc["levels"]:
        row = dict.fromkeys(COLUMNS) | head | {"model": doc["target"]["model"], "engine": doc["target"].get("engine") or doc["target"]["kind"]}
        row |= {k: level.get(k) for k in COLUMNS if k in level}
        row |= {"concurrency": level["max_concurrency"], "basis": f"concurrency {level['max_concurrency']}", "meets_slo": level_meets_slo(level)}
        rows.append(row)
    return rows


def compare(stored: list, concurrency: int | None = None) -> list[dict]:
    """Rows of every run (core.fleet.store.StoredRun), by concurrency then machine; ``concurrency``
    keeps that level of each sweep (single-stream rows stay, labelled, for reference)."""
    rows = [row for run in stored for row in run_rows(run.document, run.id)]
    if concurrency is not None:
        rows = [r for r in rows if r["concurrency"] in (None, concurrency)]
    return sorted(rows, key=lambda r: (r["concurrency"] or 0, r["machine"], r["run_id"] or 0))


def concurrencies(stored: list) -> list[int]:
    return sorted({level["max_concurrency"] for run in stored if run.kind == "bench-serve" for level in run.document["levels"]})
