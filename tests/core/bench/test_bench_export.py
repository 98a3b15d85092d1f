"""Exports keep llama-bench's field names and add Hangar's own."""

from __future__ import annotations

import csv
import io

from hangar.core.bench.cost import CostInputs
from hangar.core.bench.export import LLAMA_BENCH_FIELDS, rows, to_csv

RECORD = {
    "results": [
        {"test": "pp512", "n_prompt": 512, "n_gen": 0, "avg_ns": 10, "stddev_ns": 1, "avg_ts": 80.0, "stddev_ts": 2.0, "samples_ns": [9, 11], "samples_ts": [79.0, 81.0]},
        {"test": "tg128", "n_prompt": 0, "n_gen": 128, "avg_ns": 20, "stddev_ns": 2, "avg_ts": 16.0, "stddev_ts": 0.5, "samples_ns": [19, 21], "samples_ts": [15.5, 16.5], "j_per_token": None},
    ],
    "model": {"path": "/m/1b-Q4_K_M.gguf"}, "model_type": "llama 1B Q4_K - Medium", "synthetic": True, "device": "CPU memory",
    "n_threads": 2, "n_batch": 2048, "n_ubatch": 512, "flash_attn": "auto",
    "system": {"cpu": "Xeon", "runtime": "cpu", "llama_cpp_python": "0.3.36", "gpus": [], "npus": []},
}  # fmt: skip


def test_rows_use_llama_bench_names_and_cost() -> None:
    out = rows(RECORD, CostInputs(price_per_hour=1.0))
    assert [r["n_prompt"] for r in out] == [512, 0]
    for name in ("model_type", "n_threads", "avg_ts", "stddev_ts", "samples_ts", "n_batch", "n_ubatch", "backends"):
        assert name in LLAMA_BENCH_FIELDS and name in out[0]
    assert out[1]["cost_per_million"] == round(1e6 / 16.0 / 3600, 6) and out[0]["cost_per_million"] is None
    assert out[0]["synthetic_weights"] is True


def test_csv_round_trip() -> None:
    text = to_csv(rows(RECORD))
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed[1]["avg_ts"] == "16.0" and parsed[1]["samples_ts"] == "15.5 16.5"
