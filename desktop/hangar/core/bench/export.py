"""Benchmark records as llama-bench writes them (JSON, CSV), plus Hangar's extras.

Field names follow llama-bench's JSON output where they mean the same thing, so tools
that read llama-bench results read ours; Hangar's additions (energy, cost, synthetic
flag, time to first token) carry their own names.
"""

from __future__ import annotations

import csv
import io

from .cost import CostInputs, cost_per_million

LLAMA_BENCH_FIELDS = (
    "build_commit", "cpu_info", "gpu_info", "backends", "model_filename", "model_type", "model_size", "model_n_params",
    "n_batch", "n_ubatch", "n_threads", "type_k", "type_v", "n_gpu_layers", "n_cpu_moe", "split_mode", "main_gpu", "flash_attn",
    "tensor_split", "tensor_buft_overrides", "use_mmap",
    "n_prompt", "n_gen", "test_time", "avg_ns", "stddev_ns", "avg_ts", "stddev_ts", "samples_ns", "samples_ts",
)  # fmt: skip
EXTRA_FIELDS = ("test", "synthetic_weights", "runtime", "device", "ttft_ms", "peak_rss_bytes", "energy_j", "j_per_token", "tokens_per_j", "cost_per_million", "cost_currency")


def rows(record: dict, costs: CostInputs | None = None, created_at: str | None = None) -> list[dict]:
    system = record.get("system", {})
    gpus = ", ".join(g["name"] for g in system.get("gpus", [])) or ", ".join(n["name"] for n in system.get("npus", []))
    out = []
    for result in record["results"]:
        cost = cost_per_million(result["avg_ts"], result.get("j_per_token"), costs) if costs and result["n_gen"] else None
        out.append(
            {
                "build_commit": system.get("llama_cpp_python"),
                "cpu_info": system.get("cpu"),
                "gpu_info": gpus,
                "backends": system.get("runtime", "").upper(),
                "model_filename": record["model"]["path"],
                "model_type": record.get("model_type"),
                "model_size": record.get("model_size"),
                "model_n_params": record.get("model_n_params"),
                "n_batch": record.get("n_batch"),
                "n_ubatch": record.get("n_ubatch"),
                "n_threads": record.get("n_threads"),
                "type_k": record.get("type_k"),
                "type_v": record.get("type_v"),
                "n_gpu_layers": record.get("n_gpu_layers"),
                "n_cpu_moe": record.get("n_cpu_moe", 0),  # a run stored before these existed ran with llama-bench's defaults
                "split_mode": record.get("split_mode", "layer"),
                "main_gpu": record.get("main_gpu", 0),
                "tensor_split": record.get("tensor_split", "0.00"),
                "tensor_buft_overrides": record.get("tensor_buft_overrides", "none"),
                "flash_attn": record.get("flash_attn"),
                "use_mmap": record.get("use_mmap"),
                "n_prompt": result["n_prompt"],
                "n_gen": result["n_gen"],
                "test_time": created_at or record.get("created_at"),
                "avg_ns": result["avg_ns"],
                "stddev_ns": result["stddev_ns"],
                "avg_ts": result["avg_ts"],
                "stddev_ts": result["stddev_ts"],
                "samples_ns": result["samples_ns"],
                "samples_ts": result["samples_ts"],
                "test": result["test"],
                "synthetic_weights": bool(record.get("synthetic")),
                "runtime": system.get("runtime"),
                "device": record.get("device"),
                "ttft_ms": record.get("ttft_ms"),
                "peak_rss_bytes": record.get("peak_rss_bytes"),
                "energy_j": result.get("energy_j"),
                "j_per_token": result.get("j_per_token"),
                "tokens_per_j": result.get("tokens_per_j"),
                "cost_per_million": round(cost.total, 6) if cost else None,
                "cost_currency": cost.currency if cost else None,
            }
        )
    return out


def to_csv(all_rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(LLAMA_BENCH_FIELDS) + list(EXTRA_FIELDS))
    writer.writeheader()
    for row in all_rows:
        writer.writerow({k: (" ".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()})
    return buffer.getvalue()
