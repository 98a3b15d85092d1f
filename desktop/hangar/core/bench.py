"""Benchmarks from the parent's side: synthetic models of real shapes, system facts, storage.

The measurement itself runs in the worker (engine/bench.py) on the chosen runtime.
Synthetic models are written once (F16, random weights) and quantised with llama.cpp's
own quantiser in a child process, then cached; every result built on one says
"synthetic weights".
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path

from .errors import HangarError, InvalidInput
from .store import Database
from .synth import PRESETS, write_synthetic

QUANTS = ("F16", "Q8_0", "Q4_K_M", "Q4_0")


def synthetic_model(shape: str, quant: str, cache_dir: Path, on_status=lambda message: None) -> Path:
    if shape not in PRESETS:
        raise InvalidInput(f"unknown synthetic shape {shape!r}; choose one of {', '.join(PRESETS)}")
    if quant not in QUANTS:
        raise InvalidInput(f"unknown quantisation {quant!r}; choose one of {', '.join(QUANTS)}")
    folder = cache_dir / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    f16 = folder / f"{shape}-F16.gguf"
    if not f16.exists():
        on_status(f"writing the synthetic {shape} model (F16, random weights)")
        write_synthetic(f16, shape, f16=True)
    if quant == "F16":
        return f16
    target = folder / f"{shape}-{quant}.gguf"
    if not target.exists():
        on_status(f"quantising it to {quant} with llama.cpp's quantiser")
        done = subprocess.run(
            [sys.executable, "-m", "hangar.engine", "--quantize", str(f16), str(target), quant], capture_output=True, text=True
        )
        if done.returncode != 0 or not target.exists():
            raise HangarError(f"Quantising the synthetic model failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return target


def system_facts(report, runtime, hello: dict) -> dict:
    return {
        "os": platform.platform(),
        "cpu": report.cpu.get("model"),
        "cpu_cores_physical": report.cpu.get("cores_physical"),
        "cpu_features": report.cpu.get("features"),
        "memory_total_bytes": report.memory.get("total_bytes"),
        "gpus": [{"name": g["name"], "memory_total_bytes": g["memory_total_bytes"], "driver": g.get("driver")} for g in report.gpus],
        "npus": [{"name": n["name"], "memory_total_bytes": n["memory_total_bytes"], "cann": n.get("cann_version")} for n in report.npus],
        "runtime": runtime.name,
        "runtime_library": hello.get("library_path"),
        "llama_cpp_python": hello.get("llama_cpp_python"),
        "llama_system_info": hello.get("system_info"),
        "devices": hello.get("devices"),
    }


def store_run(db: Database, record: dict) -> int:
    pp = next((r["avg_ts"] for r in record["results"] if r["n_prompt"]), None)
    tg = next((r["avg_ts"] for r in record["results"] if r["n_gen"]), None)
    return db.execute(
        """INSERT INTO bench_runs (model_path, model_sha256, model_type, synthetic, runtime, device, n_threads, n_gpu_layers, pp_ts, tg_ts, result_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            record["model"]["path"], record["model"].get("sha256"), record.get("model_type"), int(record["synthetic"]),
            record["system"]["runtime"], record.get("device"), record.get("n_threads"), record.get("n_gpu_layers"), pp, tg,
            json.dumps(record),
        ),
    )  # fmt: skip


def runs(db: Database, limit: int = 100) -> list[dict]:
    return [json.loads(row["result_json"]) | {"run_id": row["id"], "created_at": row["created_at"]} for row in db.query("SELECT * FROM bench_runs ORDER BY id DESC LIMIT ?", (limit,))]
