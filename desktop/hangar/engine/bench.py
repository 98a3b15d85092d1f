"""llama-bench's measurement, done the same way inside Hangar's worker.

Mirrors tools/llama-bench/llama-bench.cpp of the bundled llama.cpp: a context of
n_prompt + n_gen tokens, batch 2048 / ubatch 512, flash attention "auto", f16 KV cache,
a ggml threadpool (poll 50) attached as llama-bench does; one warm-up (a full prompt
run, then one generated token); per repetition the KV cache is cleared, the prompt is
random token ids decoded in n_batch chunks with one synchronize at the end, generation
is one token per decode with a synchronize after each. No sampler, no tokenizer is
timed. t/s per repetition = tokens / seconds; mean and sample standard deviation (N-1)
over repetitions, every sample kept. Each test's result is sent as soon as its repetitions
have run (a ``BenchResult`` event), each repetition's stage as it starts. The options and the answer are the protocol's
``BenchOptions`` and ``Bench`` event, the same types core/bench/runs.py builds and reads.
"""

from __future__ import annotations

import ctypes
import math
import random
import resource
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .energy import open_meter
from .gpu_memory import start_vram_peak
from .model import SPLIT_MODE, WorkerError, avoid_broken_amx, check_gguf, physical_cores
from .overrides import describe_overrides, expert_overrides

GGML_MAX_N_THREADS = 512
FLASH = {"auto": -1, "off": 0, "on": 1}  # llama_flash_attn_type
KV_TYPES = {"f32": 0, "f16": 1, "q4_0": 2, "q4_1": 3, "q5_0": 6, "q5_1": 7, "q8_0": 8, "bf16": 30}


class ThreadpoolParams(ctypes.Structure):
    _fields_ = [
        ("cpumask", ctypes.c_bool * GGML_MAX_N_THREADS),
        ("n_threads", ctypes.c_int),
        ("prio", ctypes.c_int),
        ("poll", ctypes.c_uint32),
        ("strict_cpu", ctypes.c_bool),
        ("paused", ctypes.c_bool),
    ]


@dataclass
class TestResult:
    """One test while it runs: raw samples, turned into the protocol's BenchTest at the end."""

    test: str
    n_prompt: int
    n_gen: int
    samples_ns: list[int] = field(default_factory=list)
    energy_j: float | None = None  # over the timed repetitions only
    phases: list[tuple[int, int, int]] = field(default_factory=list)  # (prompt, first token, rest) ns

    def result(self) -> P.BenchTest:
        tokens = self.n_prompt + self.n_gen
        samples_ts = [tokens * 1e9 / ns for ns in self.samples_ns]
        return P.BenchTest(
            test=self.test,
            n_prompt=self.n_prompt,
            n_gen=self.n_gen,
            avg_ns=int(sum(self.samples_ns) / len(self.samples_ns)),
            stddev_ns=int(_stdev(self.samples_ns)),
            avg_ts=sum(samples_ts) / len(samples_ts),
            stddev_ts=_stdev(samples_ts),
            samples_ns=list(self.samples_ns),
            samples_ts=samples_ts,
            energy_j=self.energy_j,
            j_per_token=self.energy_j / (tokens * len(self.samples_ns)) if self.energy_j is not None else None,
            tokens_per_j=(tokens * len(self.samples_ns)) / self.energy_j if self.energy_j else None,
            **(self._phases() if self.n_prompt and self.n_gen and self.phases else {}),
        )

    def _phases(self) -> dict:
        """For prompt+generation shapes: prompt t/s, generation t/s and time to first token."""
        prompt_ns = sum(p for p, _f, _r in self.phases) / len(self.phases)
        first_ns = sum(f for _p, f, _r in self.phases) / len(self.phases)
        gen_ns = sum(f + r for _p, f, r in self.phases) / len(self.phases)
        return {
            "prompt_ts": self.n_prompt * 1e9 / prompt_ns,
            "gen_ts": self.n_gen * 1e9 / gen_ns,
            "ttft_ms": (prompt_ns + first_ns) / 1e6,
        }


def localscore(results: list[P.BenchTest]) -> float | None:
    """LocalScore's score: 10 x cbrt(prompt t/s x generation t/s x 1000 / time-to-first-token ms),
    from the averages over the suite's shapes."""
    shaped = [r for r in results if r.prompt_ts is not None]
    if not shaped:
        return None
    mean = lambda key: sum(getattr(r, key) for r in shaped) / len(shaped)  # noqa: E731
    return 10 * (mean("prompt_ts") * mean("gen_ts") * 1000 / mean("ttft_ms")) ** (1 / 3)


def peak_rss_bytes() -> int:
    """This process's resident-memory high-water mark.

    /proc's VmHWM belongs to the address space and starts afresh at exec; getrusage's
    ru_maxrss is inherited across fork on Linux, so a worker started by a 6 GB process
    would report 6 GB.
    """
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _stdev(values: list[float]) -> float:
    """Sample standard deviation (N-1), as llama-bench computes it."""
    if len(values) <= 1:
        return 0.0
    mean = sum(values) / len(values)
    return math.sqrt(max(0.0, sum((v - mean) ** 2 for v in values) / (len(values) - 1)))


def _threadpool(lib_dir: Path, n_threads: int):
    """ggml_threadpool_new with llama-bench's defaults; None if this build lacks it."""
    try:
        cpu = ctypes.CDLL(str(lib_dir / "libggml-cpu.so"))
    except OSError:
        return None, None
    cpu.ggml_threadpool_params_default.restype = ThreadpoolParams
    cpu.ggml_threadpool_params_default.argtypes = [ctypes.c_int]
    cpu.ggml_threadpool_new.restype = ctypes.c_void_p
    cpu.ggml_threadpool_new.argtypes = [ctypes.POINTER(ThreadpoolParams)]
    cpu.ggml_threadpool_free.argtypes = [ctypes.c_void_p]
    params = cpu.ggml_threadpool_params_default(n_threads)
    params.poll = 50
    params.strict_cpu = False
    return cpu, cpu.ggml_threadpool_new(ctypes.byref(params))


def tensor_split_text(shares: list[float] | None) -> str:
    """llama-bench's tensor_split field: each share with two decimals up to the last non-zero one, "/" between."""
    shares = list(shares or [])
    last = max((i for i, v in enumerate(shares) if v > 0), default=0)
    return "/".join(f"{v:.2f}" for v in (shares[: last + 1] or [0.0]))


def run_bench(options: P.BenchOptions, cancel: threading.Event, emit: Callable[[P.Event], None], request_id: int,
              log_lines: list[str] | None = None) -> P.Bench:  # fmt: skip
    """``log_lines``: llama.cpp's placement lines (llama_log.LlamaLog.placement_lines), read for the tensors moved."""
    import llama_cpp.llama_cpp as low

    from .probe import library_dir

    check_gguf(options.model)
    rng = random.Random(options.seed)
    threads = options.n_threads or physical_cores()
    mparams = low.llama_model_default_params()
    mparams.n_gpu_layers = 0x7FFFFFFF if options.n_gpu_layers < 0 else options.n_gpu_layers
    mparams.use_mmap = options.use_mmap
    mparams.split_mode = SPLIT_MODE[options.split_mode]
    mparams.main_gpu = options.main_gpu
    split = None
    if options.tensor_split:  # llama.cpp reads llama_max_devices() floats
        split = (ctypes.c_float * low.llama_max_devices())(*options.tensor_split)
        mparams.tensor_split = split
    try:
        overrides = expert_overrides(low, options.n_cpu_moe or 0)  # llama-bench's -ncmoe: the same patterns, the CPU buffer type
    except (OSError, RuntimeError, AttributeError) as exc:
        raise WorkerError(P.E_LOAD_FAILED, QT_TR_NOOP("Could not keep the experts in RAM: {error}", error=exc)) from exc
    if overrides is not None:
        mparams.tensor_buft_overrides = overrides.address
    avoid_broken_amx(low, mparams)
    if log_lines is not None:
        log_lines.clear()
    model = low.llama_model_load_from_file(options.model.encode(), mparams)
    if not model:
        raise WorkerError(P.E_LOAD_FAILED, QT_TR_NOOP("llama.cpp could not load {file} for the benchmark.", file=Path(options.model).name))
    tests = [TestResult(name, n_prompt, n_gen) for name, n_prompt, n_gen in options.tests()]
    vocab = low.llama_model_get_vocab(model)
    n_vocab = low.llama_vocab_n_tokens(vocab)
    add_bos = bool(low.llama_vocab_get_add_bos(vocab))
    bos = low.llama_vocab_bos(vocab)
    cpu_lib, pool = _threadpool(library_dir(low), threads)
    meter, energy_reason = open_meter(options.energy_device, options.energy_index)
    vram = start_vram_peak(options.energy_index) if options.energy_device == "gpu" else None
    try:
        for index, test in enumerate(tests):
            cparams = low.llama_context_default_params()
            cparams.n_ctx = test.n_prompt + test.n_gen
            cparams.n_batch = options.n_batch
            cparams.n_ubatch = options.n_ubatch
            cparams.type_k = KV_TYPES[options.type_k]
            cparams.type_v = KV_TYPES[options.type_v]
            cparams.flash_attn_type = FLASH[options.flash_attn]
            cparams.n_threads = cparams.n_threads_batch = threads
            ctx = low.llama_init_from_model(model, cparams)
            if not ctx:
                raise WorkerError(
                    P.E_LOAD_FAILED, QT_TR_NOOP("llama.cpp could not create a {n_ctx}-token context for {test}.", n_ctx=cparams.n_ctx, test=test.test)
                )
            try:
                if pool:
                    low._lib.llama_attach_threadpool.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
                    low._lib.llama_attach_threadpool(ctx, pool, None)
                memory = low.llama_get_memory(ctx)

                def prompt(n: int) -> None:
                    low.llama_set_n_threads(ctx, threads, threads)
                    done = 0
                    while done < n:
                        if cancel.is_set():
                            raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The benchmark was cancelled."))
                        count = min(n - done, options.n_batch)
                        tokens = (low.llama_token * count)(*[rng.randrange(n_vocab) for _ in range(count)])
                        if done == 0 and add_bos:
                            tokens[0] = bos
                        if low.llama_decode(ctx, low.llama_batch_get_one(tokens, count)) != 0:
                            raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("llama.cpp failed to decode a prompt batch."))
                        done += count
                    low.llama_synchronize(ctx)

                def generate(n: int) -> None:
                    low.llama_set_n_threads(ctx, threads, threads)
                    token = (low.llama_token * 1)(bos if add_bos else rng.randrange(n_vocab))
                    for _ in range(n):
                        if cancel.is_set():
                            raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The benchmark was cancelled."))
                        if low.llama_decode(ctx, low.llama_batch_get_one(token, 1)) != 0:
                            raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("llama.cpp failed to decode a generated token."))
                        low.llama_synchronize(ctx)
                        token[0] = rng.randrange(n_vocab)

                if options.warmup:
                    emit(P.Progress(id=request_id, stage=QT_TR_NOOP("{test} warm-up", test=test.test), fraction=index / len(tests)))
                    if test.n_prompt:
                        prompt(test.n_prompt)
                    if test.n_gen:
                        generate(1)
                joules_before = meter.read_joules() if meter else None
                for rep in range(options.reps):  # each repetition named as it starts: a tg128 repetition may take 10 s
                    stage = QT_TR_NOOP("{test}: repetition {rep} of {reps}", test=test.test, rep=rep + 1, reps=options.reps)
                    emit(P.Progress(id=request_id, stage=stage, fraction=(index + rep / options.reps) / len(tests)))
                    low.llama_memory_clear(memory, False)
                    started = time.perf_counter_ns()
                    if test.n_prompt:
                        prompt(test.n_prompt)
                    prompted = time.perf_counter_ns()
                    if test.n_gen:
                        generate(1)
                        first = time.perf_counter_ns()
                        generate(test.n_gen - 1)
                        test.phases.append((prompted - started, first - prompted, time.perf_counter_ns() - first))
                    test.samples_ns.append(time.perf_counter_ns() - started)
                if meter and joules_before is not None:
                    test.energy_j = meter.read_joules() - joules_before
                emit(P.BenchResult(id=request_id, stage=stage, fraction=(index + 1) / len(tests), result=test.result()))  # shown before the run ends
            finally:
                low.llama_free(ctx)
        buf = ctypes.create_string_buffer(256)
        low.llama_model_desc(model, buf, len(buf))
        results = [t.result() for t in tests]
        pp = next((r for r in results if r.n_prompt and not r.n_gen), None)
        tg = next((r for r in results if r.n_gen and not r.n_prompt), None)
        if options.suite == "localscore":
            ttft_ms = sum(r.ttft_ms for r in results) / len(results)
        else:
            ttft_ms = (pp.avg_ns + (tg.avg_ns / tg.n_gen if tg else 0)) / 1e6 if pp else None
        return P.Bench(
            id=request_id,
            results=results,
            ttft_ms=ttft_ms,
            energy_source=meter.source if meter else None,
            energy_reason=energy_reason or None,
            energy_j_per_token=tg.j_per_token if tg else None,
            localscore=localscore(results) if options.suite == "localscore" else None,
            peak_rss_bytes=peak_rss_bytes(),
            peak_vram_bytes=vram.stop() if vram else None,
            model_type=buf.value.decode(errors="replace"),
            model_size=int(low.llama_model_size(model)),
            model_n_params=int(low.llama_model_n_params(model)),
            n_threads=threads,
            n_gpu_layers=options.n_gpu_layers,
            n_cpu_moe=options.n_cpu_moe or 0,
            split_mode=options.split_mode,
            main_gpu=options.main_gpu,
            tensor_split=tensor_split_text(options.tensor_split),
            tensor_buft_overrides="none",  # llama-bench lists its -ot overrides here; -ncmoe is its own field, as here
            overridden_tensors=describe_overrides(log_lines or [])[0],
            n_batch=options.n_batch,
            n_ubatch=options.n_ubatch,
            flash_attn=options.flash_attn,
            type_k=options.type_k,
            type_v=options.type_v,
            use_mmap=options.use_mmap,
            threadpool=pool is not None,
        )
    finally:
        if pool and cpu_lib is not None:
            cpu_lib.ggml_threadpool_free(pool)
        low.llama_model_free(model)  # ``overrides`` and ``split``, locals, outlive it
