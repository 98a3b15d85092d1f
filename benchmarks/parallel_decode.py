"""Aggregate generation speed of 1, 2, 4 and 8 concurrent streams through one EngineClient.

Each level N loads the model once with ``n_parallel = N`` (engine/batch.py: one llama_batch
per step holding every running sequence's next token) and starts N ``generate`` calls from N
threads at once, each with its own short prompt and ``--tokens`` tokens (end-of-sequence
ignored). Aggregate tokens/s = all generated tokens / wall time from the first request to the
last ``Done``; per-stream tokens/s is the worker's own ``gen_tps``. The single-stream row runs
``n_parallel = 1`` (Hangar's chat path, llama-cpp-python's ``Llama.generate``); the batched
path with a single stream is printed too, for its own overhead. Levels are interleaved
repetition by repetition and the best and median of each are printed: on a shared 2-core
machine a single run can be several times off. The last column, tokens per CPU-second of
the worker (best run), is steadier there: batching shows as more tokens for the same work.

    .venv/bin/python benchmarks/parallel_decode.py [--shape medium] [--threads 2] [--tokens 128] [--levels 1,2,4,8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

PROMPTS = ["The history of", "Once upon a time", "In a distant land", "Write a poem about", "Dear reader,", "Chapter one:", "Summary:", "Q: why"]


def _cpu_s(pid: int) -> float:
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def measure(client, n_streams: int, tokens: int) -> tuple[float, list[float], list[int], float]:
    """(aggregate t/s, each stream's t/s, tokens generated, tokens per CPU-second of the worker)."""
    from hangar.core.runner import protocol as P

    dones: list = [None] * n_streams

    def one(i: int) -> None:
        options = P.GenerateOptions(prompt=PROMPTS[i % len(PROMPTS)], max_tokens=tokens, ignore_eos=True, temperature=0.8, seed=i)
        dones[i] = list(client.generate(options))[-1]

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n_streams)]
    cpu = _cpu_s(client.proc.pid)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cpu = _cpu_s(client.proc.pid) - cpu
    generated = [d.n_generated for d in dones]
    return sum(generated) / wall, [d.gen_tps or 0.0 for d in dones], generated, sum(generated) / cpu if cpu > 0 else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", default="medium")
    parser.add_argument("--model", help="a GGUF file instead of a synthetic shape")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--levels", default="1,2,4,8")
    parser.add_argument("--ctx", type=int, default=1024, help="context per stream")
    parser.add_argument("--gpu-layers", type=int, default=0)
    parser.add_argument("--reps", type=int, default=5, help="runs per level; the best and the median are printed")
    args = parser.parse_args()

    from hangar.core.runner import protocol as P
    from hangar.core.runner.client import EngineClient

    if args.model:
        path = Path(args.model)
    else:
        from hangar.core.gguf.synth import write_synthetic

        path = write_synthetic(Path(tempfile.mkdtemp(prefix="hangar-parallel-")) / f"{args.shape}.gguf", args.shape, f16=True)
    levels = [int(n) for n in args.levels.split(",")]
    rows = [(1, 1)] + [(n, n) for n in levels if n > 1] + ([(1, max(levels))] if max(levels) > 1 else [])
    print(f"model {path.name}, {args.threads} threads, {args.tokens} tokens per stream, best of {args.reps} (levels interleaved)")
    clients = {}
    try:
        for n_parallel in sorted({p for _, p in rows}):  # one idle worker per n_parallel; only the one measured runs
            client = clients[n_parallel] = EngineClient()
            client.load(P.LoadOptions(path=str(path), n_ctx=args.ctx * n_parallel, n_threads=args.threads, n_parallel=n_parallel,
                                      n_gpu_layers=args.gpu_layers))  # fmt: skip
            list(client.generate(P.GenerateOptions(prompt="warm up", max_tokens=8, ignore_eos=True)))
        runs: dict = {row: [] for row in rows}
        for _ in range(args.reps):  # interleaved, so a noisy moment on a shared machine hits every level alike
            for n_streams, n_parallel in rows:
                result = measure(clients[n_parallel], n_streams, args.tokens)
                assert all(g == args.tokens for g in result[2]), result[2]
                runs[(n_streams, n_parallel)].append(result)
    finally:
        for client in clients.values():
            client.close()
    print(f"{'streams':>7} {'n_parallel':>10} {'aggregate t/s':>14} {'median':>8} {'per stream t/s':>15} {'vs 1 stream':>11} {'t/CPU-s':>8}")
    baseline = max(r[0] for r in runs[(1, 1)])
    for n_streams, n_parallel in rows:
        best = max(runs[(n_streams, n_parallel)], key=lambda r: r[0])
        median = statistics.median(r[0] for r in runs[(n_streams, n_parallel)])
        print(f"{n_streams:>7} {n_parallel:>10} {best[0]:>14.1f} {median:>8.1f} {statistics.mean(best[1]):>15.1f} {best[0] / baseline:>10.2f}x {max(r[3] for r in runs[(n_streams, n_parallel)]):>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
