"""Aggregate generation speed of 1, 2, 4 and 8 concurrent streams through one EngineClient.

Each level N loads the model once with ``n_parallel = N`` (engine/batch.py: one llama_batch
per step holding every running sequence's next token) and starts N ``generate`` calls from N
threads at once, each with its own short prompt and ``--tokens`` tokens (end-of-sequence
ignored). Aggregate tokens/s = all generated tokens / wall time from the first request to the
last ``Done``; per-stream tokens/s is the worker's own ``gen_tps``. The single-stream row runs
``n_parallel = 1`` (Hangar's chat path, llama-cpp-python's ``Llama.generate``); the batched
path with a single stream is printed too, for its own overhead.

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


def measure(client, n_streams: int, tokens: int) -> tuple[float, list[float], list[int]]:
    from hangar.core.runner import protocol as P

    dones: list = [None] * n_streams

    def one(i: int) -> None:
        options = P.GenerateOptions(prompt=PROMPTS[i % len(PROMPTS)], max_tokens=tokens, ignore_eos=True, temperature=0.8, seed=i)
        dones[i] = list(client.generate(options))[-1]

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n_streams)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    generated = [d.n_generated for d in dones]
    return sum(generated) / wall, [d.gen_tps or 0.0 for d in dones], generated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", default="medium")
    parser.add_argument("--model", help="a GGUF file instead of a synthetic shape")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--levels", default="1,2,4,8")
    parser.add_argument("--ctx", type=int, default=1024, help="context per stream")
    parser.add_argument("--gpu-layers", type=int, default=0)
    parser.add_argument("--reps", type=int, default=2, help="runs per level; the best is printed")
    args = parser.parse_args()

    from hangar.core.runner import protocol as P
    from hangar.core.runner.client import EngineClient

    if args.model:
        path = Path(args.model)
    else:
        from hangar.core.gguf.synth import write_synthetic

        path = write_synthetic(Path(tempfile.mkdtemp(prefix="hangar-parallel-")) / f"{args.shape}.gguf", args.shape, f16=True)
    levels = [int(n) for n in args.levels.split(",")]
    print(f"model {path.name}, {args.threads} threads, {args.tokens} tokens per stream, best of {args.reps}")
    print(f"{'streams':>7} {'n_parallel':>10} {'aggregate t/s':>14} {'per stream t/s':>15} {'vs 1 stream':>11}")
    baseline = None
    rows = [(1, 1)] + [(n, n) for n in levels if n > 1] + ([(1, max(levels))] if max(levels) > 1 else [])
    for n_streams, n_parallel in rows:
        with EngineClient() as client:
            client.load(P.LoadOptions(path=str(path), n_ctx=args.ctx * n_parallel, n_threads=args.threads, n_parallel=n_parallel,
                                      n_gpu_layers=args.gpu_layers))  # fmt: skip
            list(client.generate(P.GenerateOptions(prompt="warm up", max_tokens=8, ignore_eos=True)))
            best = max((measure(client, n_streams, args.tokens) for _ in range(args.reps)), key=lambda r: r[0])
        aggregate, per_stream, generated = best
        assert all(g == args.tokens for g in generated), generated
        if baseline is None:
            baseline = aggregate
        print(f"{n_streams:>7} {n_parallel:>10} {aggregate:>14.1f} {statistics.mean(per_stream):>15.1f} {aggregate / baseline:>10.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
