"""Benchmarks from the parent's side: synthetic models of real shapes, system facts, storage.

The measurement itself runs in the worker (engine/bench.py) on the chosen runtime; what
to run is the protocol's ``BenchOptions``, from the window or the CLI to the worker.
Synthetic models are written (F16, random weights) and quantised with llama.cpp's own
quantiser in a child process, each stage reporting how far it is; the quantised model is
kept in the cache folder for the next run and the F16 intermediate deleted as soon as it
exists (a 2.8 GB file for the 1B shape); every result built on one says
"synthetic weights". A run holds the cache (core/bench/cache.py), so clearing it waits. Messages in a record (the device label, why energy was not measured)
are stored with their templates, so the window translates runs read back from the history.
"""

from __future__ import annotations

import json
import platform
import queue
import re
import subprocess
import threading
from collections import deque
from dataclasses import asdict, replace
from pathlib import Path
from typing import Callable

from ..common.errors import HangarError, InvalidInput, ModelTooLarge
from ..common.i18n import QT_TR_NOOP, from_stored, to_stored
from ..common.units import format_bytes
from ..db.store import Database
from ..gguf.synth import PRESETS, write_synthetic
from ..runner import protocol as P
from ..runner.client import engine_command
from .cache import in_use

QUANTS = ("F16", "Q8_0", "Q4_K_M", "Q4_0")
_MESSAGES = ("device", "energy_reason")  # record fields that may hold a translatable Text
_TENSOR_DONE = re.compile(r"^\[\s*(\d+)/\s*(\d+)\]\s+(\S+)")  # llama_model_quantize's line per tensor: "[  12/ 147] blk.1.attn_q.weight - ..."


class BenchCancelled(HangarError):
    code = P.E_CANCELLED


def _cancelled() -> BenchCancelled:
    return BenchCancelled(QT_TR_NOOP("The benchmark was cancelled."))


def synthetic_model(
    shape: str,
    quant: str,
    cache_dir: Path,
    on_status: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[str, float | None], None] = lambda stage, fraction: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Path:
    """The synthetic ``shape`` model in ``quant``, from the cache or made now (minutes for the 1B shape).

    Made in two stages, each reported to ``on_progress`` with the fraction done: the F16 weights
    (by bytes written), then llama.cpp's quantiser (by the bytes of the tensors it has finished,
    read from its own log line per tensor). The F16 file is an intermediate unless F16 was asked
    for: it is deleted once the quantised file exists, or when making it fails or is cancelled
    (``should_stop``, checked after every tensor). An F16 model kept from an F16 run is reused as
    the source and kept."""
    if shape not in PRESETS:
        raise InvalidInput(QT_TR_NOOP("unknown synthetic shape '{shape}'; choose one of {choices}", shape=shape, choices=", ".join(PRESETS)))
    if quant not in QUANTS:
        raise InvalidInput(QT_TR_NOOP("unknown quantisation '{quant}'; choose one of {choices}", quant=quant, choices=", ".join(QUANTS)))
    folder = cache_dir / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{shape}-{quant}.gguf"
    if target.exists():
        on_status(QT_TR_NOOP("using the synthetic model kept in {path} ({size})", path=target, size=format_bytes(target.stat().st_size)))
        return target
    f16 = folder / f"{shape}-F16.gguf"
    source = f16 if quant == "F16" or f16.exists() else folder / f"{shape}-F16.intermediate.gguf"
    try:
        if not source.exists():
            _write_f16(source, shape, on_status, on_progress, should_stop)
        if source != target:
            _quantise(source, target, quant, on_status, on_progress, should_stop)
    finally:
        if source != f16:
            source.unlink(missing_ok=True)  # the intermediate: never left behind, whatever happened
    on_status(QT_TR_NOOP("the synthetic model is kept in {path} ({size}) for the next run; Settings can clear the cache",
                         path=target, size=format_bytes(target.stat().st_size)))  # fmt: skip
    return target


def _write_f16(path: Path, shape: str, on_status, on_progress, should_stop) -> None:  # noqa: ANN001
    stage = QT_TR_NOOP("writing the synthetic {shape} weights (F16, random)", shape=shape)
    on_status(stage)
    on_progress(stage, 0.0)

    def progress(fraction: float) -> None:
        if should_stop():
            raise _cancelled()
        on_progress(stage, fraction)

    partial = path.with_name(path.name + ".partial")
    try:
        write_synthetic(path, shape, f16=True, progress=progress)
    finally:
        partial.unlink(missing_ok=True)  # there only when the write stopped half-way


def _quantise(source: Path, target: Path, quant: str, on_status, on_progress, should_stop) -> None:  # noqa: ANN001
    """llama.cpp's quantiser in a child process (``hangar.engine --quantize``), its progress read
    from the line it logs per finished tensor, weighted by the tensors' sizes in ``source``."""
    from ..gguf.header import read_header

    sizes = {t.name: t.n_bytes for t in read_header(source).tensors}
    total, done = sum(sizes.values()) or 1, 0
    stage = QT_TR_NOOP("quantising to {quant} with llama.cpp's quantiser", quant=quant)
    on_status(stage)
    on_progress(stage, 0.0)
    child = subprocess.Popen(engine_command("--quantize", str(source), str(target), quant), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")  # fmt: skip
    lines: queue.Queue[str | None] = queue.Queue()
    tail: deque[str] = deque(maxlen=20)

    def read() -> None:
        try:
            with child.stderr:
                for line in child.stderr:
                    lines.put(line)
        except (OSError, ValueError):  # the child was killed
            pass
        lines.put(None)

    threading.Thread(target=read, name="quantiser-log", daemon=True).start()
    try:
        while True:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                line = ""
            if should_stop():
                child.kill()
                raise _cancelled()
            if line is None:
                break
            if line.strip():
                tail.append(line.strip())
            if found := _TENSOR_DONE.match(line):
                done += sizes.get(found.group(3), 0)
                on_progress(stage, min(1.0, done / total))
        code = child.wait()
        child.stdout.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        target.with_name(target.name + ".partial").unlink(missing_ok=True)  # the quantiser's own, left when it was killed or failed
    if code != 0 or not target.exists():
        reason = next((line for line in reversed(tail) if not _TENSOR_DONE.match(line)), f"exit code {code}")
        raise HangarError(QT_TR_NOOP("Quantising the synthetic model failed: {reason}", reason=reason))


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


def options_of(record: dict, cache_dir: Path) -> P.BenchOptions:
    """The options that run ``record`` (a stored run) again: its synthetic shape and quantisation
    when its model is one kept in ``cache_dir`` (made again if the cache was cleared since), else
    its model's file; its tests, repetitions and the settings it names."""
    from dataclasses import fields

    results = record.get("results") or []
    shaped = [r for r in results if r.get("n_prompt") and r.get("n_gen")]  # LocalScore's prompt+generation shapes
    path = Path(record["model"]["path"])
    synthetic, quant = None, "Q4_K_M"
    if record.get("synthetic") and path.parent.resolve() == (Path(cache_dir) / "synthetic").resolve():
        shape, _, kind = path.stem.rpartition("-")  # "tiny-moe-Q8_0"
        if shape in PRESETS and kind in QUANTS:
            synthetic, quant = shape, kind
    known = {f.name for f in fields(P.BenchOptions)}
    placement = {k: record[k] for k in ("n_cpu_moe", "split_mode", "main_gpu") if k in known and k in record}
    if "tensor_split" in known and record.get("tensor_split") not in (None, "0.00"):
        placement["tensor_split"] = [float(v) for v in str(record["tensor_split"]).split("/")]
    defaults = P.BenchOptions()
    return P.BenchOptions(
        model="" if synthetic else str(path), synthetic=synthetic, quant=quant, runtime=(record.get("system") or {}).get("runtime") or "cpu",
        n_prompt=0 if shaped else next((r["n_prompt"] for r in results if r["n_prompt"] and not r["n_gen"]), 0),
        n_gen=0 if shaped else next((r["n_gen"] for r in results if r["n_gen"] and not r["n_prompt"]), 0),
        reps=max((len(r.get("samples_ts") or []) for r in results), default=0) or defaults.reps,
        n_threads=record.get("n_threads") or 0, n_gpu_layers=record.get("n_gpu_layers", defaults.n_gpu_layers),
        n_batch=record.get("n_batch") or defaults.n_batch, n_ubatch=record.get("n_ubatch") or defaults.n_ubatch,
        flash_attn=record.get("flash_attn") or defaults.flash_attn, type_k=record.get("type_k") or defaults.type_k,
        type_v=record.get("type_v") or defaults.type_v, use_mmap=record.get("use_mmap", defaults.use_mmap),
        suite="localscore" if shaped else "llama-bench", shapes=[(r["n_prompt"], r["n_gen"]) for r in shaped], **placement,
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
    on_progress: Callable[[str, float | None], None] = lambda stage, fraction: None,
    on_result: Callable[[dict], None] = lambda result: None,
    on_client: Callable[[object], None] = lambda client: None,
    should_stop: Callable[[], bool] = lambda: False,
    sha256: str | None = None,
) -> dict:
    """Prepare the model, check it fits, run the worker's benchmark, store and return the record.

    ``spec.model`` is a GGUF file (the application layer finds a library model's file and
    passes its known ``sha256``, so it is not hashed again).
    ``on_progress`` receives each stage as a message (localise it before showing) with the
    fraction of that stage done: writing and quantising a synthetic model, then the worker's
    warm-ups and repetitions (the fraction of the whole benchmark).
    ``on_result`` receives each test's result (a BenchTest as a dict) as soon as its
    repetitions have run, long before the record.
    ``on_client`` receives the EngineClient as soon as it exists, so a caller can cancel;
    ``should_stop`` is asked while a synthetic model is made, before there is a worker.
    The cache is held (``cache.in_use``) for the whole run: a clear refuses meanwhile.
    """
    with in_use(ctx.paths.cache):
        return _run(ctx, spec, on_status=on_status, on_progress=on_progress, on_result=on_result, on_client=on_client,
                    should_stop=should_stop, sha256=sha256)  # fmt: skip


def _run(ctx, spec: P.BenchOptions, *, on_status, on_progress, on_result, on_client, should_stop, sha256) -> dict:  # noqa: ANN001
    from ..gguf.header import read_header
    from ..hardware import detect_hardware
    from ..runner.client import EngineClient
    from ..runner.fit import plan_load, ram_available_bytes, target_device
    from ..runner.plan import Overrides
    from ..runner.runtimes import detect_runtime

    if bool(spec.model) == bool(spec.synthetic):
        raise InvalidInput(QT_TR_NOOP("Give either a model or a synthetic shape."))
    if spec.synthetic:
        path, sha256 = synthetic_model(spec.synthetic, spec.quant, ctx.paths.cache, on_status, on_progress, should_stop), None
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
    # llama-bench's meaning: -1 is every layer on the GPU, n_cpu_moe exactly as given (0 by default), not the plan's choice
    overrides = Overrides(n_gpu_layers=P.MAX_GPU_LAYERS if spec.n_gpu_layers < 0 else spec.n_gpu_layers, n_cpu_moe=spec.n_cpu_moe,
                          split_mode=spec.split_mode, tensor_split=spec.tensor_split, main_gpu=spec.main_gpu)  # fmt: skip
    try:  # the same placement plan as loading a model for chat (core.runner.fit.plan_load), at the benchmark's context and settings
        plan, warning = plan_load(path, runtime, n_ctx=spec.context_needed(), overrides=overrides, force=spec.force, vram_limit_bytes=spec.vram_limit_bytes)
    except ModelTooLarge as exc:
        exc.hint = QT_TR_NOOP("Pick a smaller model or quantisation, or fewer GPU layers.")
        raise
    on_status(QT_TR_NOOP("{file}: {plan}", file=path.name, plan=plan.words()))
    if warning:
        on_status(warning)
    options = replace(
        spec, model=str(path), synthetic=None, n_threads=spec.n_threads or ctx.settings.threads, n_cpu_moe=plan.n_cpu_moe,
        tensor_split=plan.tensor_split if spec.n_cpu_moe is None else spec.tensor_split,  # auto (the window's default): the plan's split too
        energy_device="npu" if spec.runtime == "cann" and kind == "gpu" else kind,
    )  # fmt: skip
    if synthetic:
        on_status(QT_TR_NOOP("benchmarking {file} (synthetic weights) on {device} via {runtime}", file=path.name, device=device, runtime=runtime.label))
    else:
        on_status(QT_TR_NOOP("benchmarking {file} on {device} via {runtime}", file=path.name, device=device, runtime=runtime.label))
    if should_stop():
        raise _cancelled()
    with EngineClient(runtime_name=runtime.name, runtime_env=runtime.env()) as client:
        on_client(client)
        result = client.bench(options, on_progress=on_progress, on_result=lambda test: on_result(asdict(test)))
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
