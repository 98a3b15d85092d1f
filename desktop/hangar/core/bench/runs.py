"""Benchmarks from the parent's side: synthetic models of real shapes, system facts, storage.

The measurement itself runs in the worker (engine/bench.py) on the chosen runtime; what
to run is the protocol's ``BenchOptions``, from the window or the CLI to the worker.
Synthetic models are written once (F16, random weights) and quantised with llama.cpp's
own quantiser in a child process, then cached; every result built on one says
"synthetic weights". Messages in a record (the device label, why energy was not measured)
are stored with their templates, so the window translates runs read back from the history.
"""

from __future__ import annotations

import json
import platform
import subprocess
from dataclasses import asdict, replace
from pathlib import Path
from typing import Callable

from ..common.errors import HangarError, InvalidInput, ModelTooLarge
from ..common.i18n import QT_TR_NOOP, from_stored, to_stored
from ..db.store import Database
from ..gguf.synth import PRESETS, write_synthetic
from ..runner import protocol as P
from ..runner.client import engine_command

QUANTS = ("F16", "Q8_0", "Q4_K_M", "Q4_0")
_MESSAGES = ("device", "energy_reason")  # record fields that may hold a translatable Text


def synthetic_model(shape: str, quant: str, cache_dir: Path, on_status=lambda message: None) -> Path:
    if shape not in PRESETS:
        raise InvalidInput(QT_TR_NOOP("unknown synthetic shape '{shape}'; choose one of {choices}", shape=shape, choices=", ".join(PRESETS)))
    if quant not in QUANTS:
        raise InvalidInput(QT_TR_NOOP("unknown quantisation '{quant}'; choose one of {choices}", quant=quant, choices=", ".join(QUANTS)))
    folder = cache_dir / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    f16 = folder / f"{shape}-F16.gguf"
    if not f16.exists():
        on_status(QT_TR_NOOP("writing the synthetic {shape} model (F16, random weights)", shape=shape))
        write_synthetic(f16, shape, f16=True)
    if quant == "F16":
        return f16
    target = folder / f"{shape}-{quant}.gguf"
    if not target.exists():
        on_status(QT_TR_NOOP("quantising it to {quant} with llama.cpp's quantiser", quant=quant))
        done = subprocess.run(
            engine_command("--quantize", str(f16), str(target), quant), capture_output=True, text=True
        )
        if done.returncode != 0 or not target.exists():
            reason = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            raise HangarError(QT_TR_NOOP("Quantising the synthetic model failed: {reason}", reason=reason))
    return target


def system_facts(report, runtime, hello: P.Hello | None) -> dict:
    return {
        "os": platform.platform(),
        "cpu": report.cpu.get("model"),
        "cpu_cores_physical": report.cpu.get("cores_physical"),
        "cpu_features": report.cpu.get("features"),
        "memory_total_bytes": report.memory.get("total_bytes"),
        "gpus": [{"name": g["name"], "memory_total_bytes": g["memory_total_bytes"], "driver": g.get("driver")} for g in report.gpus],
        "npus": [{"name": n["name"], "memory_total_bytes": n["memory_total_bytes"], "cann": n.get("cann_version")} for n in report.npus],
        "runtime": runtime.name,
        "runtime_library": hello.library_path if hello else None,
        "llama_cpp_python": hello.llama_cpp_python if hello else None,
        "llama_system_info": hello.system_info if hello else None,
        "devices": hello.devices if hello else None,
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
            json.dumps({**record, **{k: to_stored(record.get(k)) for k in _MESSAGES}}),
        ),
    )  # fmt: skip


def runs(db: Database, limit: int = 100) -> list[dict]:
    found = []
    for row in db.query("SELECT * FROM bench_runs ORDER BY id DESC LIMIT ?", (limit,)):
        record = json.loads(row["result_json"])
        found.append(record | {k: from_stored(record[k]) for k in _MESSAGES if k in record} | {"run_id": row["id"], "created_at": row["created_at"]})
    return found


def run_benchmark(
    ctx,
    spec: P.BenchOptions,
    *,
    on_status: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[str, float], None] = lambda stage, fraction: None,
    on_client: Callable[[object], None] = lambda client: None,
    sha256: str | None = None,
) -> dict:
    """Prepare the model, check it fits, run the worker's benchmark, store and return the record.

    ``spec.model`` is a GGUF file (the application layer finds a library model's file and
    passes its known ``sha256``, so it is not hashed again).
    ``on_progress`` receives each stage as a message (localise it before showing).
    ``on_client`` receives the EngineClient as soon as it exists, so a caller can cancel.
    """
    from ..gguf.header import read_header
    from ..hardware import detect_hardware
    from ..runner.client import EngineClient
    from ..runner.fit import check_load, ram_available_bytes, target_device
    from ..runner.runtimes import detect_runtime

    if bool(spec.model) == bool(spec.synthetic):
        raise InvalidInput(QT_TR_NOOP("Give either a model or a synthetic shape."))
    if spec.synthetic:
        path, sha256 = synthetic_model(spec.synthetic, spec.quant, ctx.paths.cache, on_status), None
    elif Path(spec.model).is_file():
        path = Path(spec.model).resolve()
    else:
        raise InvalidInput(QT_TR_NOOP("{path} does not exist or is not a file.", path=spec.model))
    header = read_header(path)
    synthetic = header.get("hangar.synthetic") is True
    if sha256 is None:
        from ..library.models import hash_file

        on_status(QT_TR_NOOP("computing the SHA-256 of {file} for the record", file=path.name))
        sha256 = hash_file(path)
    runtime = detect_runtime(spec.runtime, ctx.paths.runtimes_dir)
    if not runtime.available:
        raise InvalidInput(
            QT_TR_NOOP("The {runtime} runtime is not available: {reason}", runtime=runtime.label, reason=runtime.reason),
            hint=QT_TR_NOOP("Add it with: {command}", command=runtime.install_command),
        )
    report = detect_hardware(ctx.models_dir)
    device, _free, kind = target_device(runtime, spec.n_gpu_layers, ram_available_bytes())
    try:  # the same fit check as loading a model for chat (core.runner.fit.check_load), at the benchmark's context
        warning = check_load(path, runtime, n_ctx=spec.context_needed(), n_gpu_layers=spec.n_gpu_layers, force=spec.force)
    except ModelTooLarge as exc:
        exc.hint = QT_TR_NOOP("Pick a smaller model or quantisation, or fewer GPU layers.")
        raise
    if warning:
        on_status(warning)
    options = replace(
        spec, model=str(path), synthetic=None, n_threads=spec.n_threads or ctx.settings.threads,
        energy_device="npu" if spec.runtime == "cann" and kind == "gpu" else kind,
    )  # fmt: skip
    if synthetic:
        on_status(QT_TR_NOOP("benchmarking {file} (synthetic weights) on {device} via {runtime}", file=path.name, device=device, runtime=runtime.label))
    else:
        on_status(QT_TR_NOOP("benchmarking {file} on {device} via {runtime}", file=path.name, device=device, runtime=runtime.label))
    with EngineClient(runtime_name=runtime.name, runtime_env=runtime.env()) as client:
        on_client(client)
        result = client.bench(options, on_progress=on_progress)
        hello = client.hello
    record = {
        **{k: v for k, v in asdict(result).items() if k != "id"},
        "model": {"path": str(path), "name": path.name, "sha256": sha256, "synthetic": synthetic, "size_bytes": path.stat().st_size},
        "synthetic": synthetic,
        "device": device,
        "system": system_facts(report, runtime, hello),
    }
    record["run_id"] = store_run(ctx.database, record)
    return record
