"""Where the chat path's time goes beside llama.cpp's: the parent's CPU per reply, and the loop with no pipe.

Three numbers for one model and thread count (#17, docs/runtimes-and-measurements.md):

- the parent's CPU per 128-token reply through ``EngineClient`` (``time.process_time`` of this
  process: its reader and stream threads) and the Token events per reply: what a consumer of the
  worker's pipe pays, which on a machine whose cores llama.cpp's threads use is taken from them;
- the lean loop in this process (``LoadedModel.generate``, no pipe, no parent) and the chat path
  through the worker, in alternating rounds with llama-bench tg128 at the prompt's depth: if the
  chat path reads as the in-process loop does, the pipe costs nothing and what is left is the loop
  itself (llama.cpp's sampler chain and the loop's Python).

    .venv/bin/python benchmarks/chat_path_costs.py [--shape small] [--rounds 12] [--threads N]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from chat_path_vs_llama_bench import MESSAGES, Hangar, llama_bench_tg  # noqa: E402  (this folder is on sys.path: the script's own)
from reference_tools import reference_tool  # noqa: E402

from hangar.core.bench.runs import synthetic_model  # noqa: E402
from hangar.core.config.paths import app_paths  # noqa: E402
from hangar.core.runner import protocol as P  # noqa: E402
from hangar.engine.llama_log import LlamaLog  # noqa: E402
from hangar.engine.model import LoadedModel, physical_cores  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", default="small")
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("-n", "--tokens", type=int, default=128)
    parser.add_argument("-r", "--reps", type=int, default=3, help="replies (and llama-bench repetitions) per tool per round")
    parser.add_argument("--ctx", type=int, default=1024)
    args = parser.parse_args()
    args.ngl, args.flash_attn = 0, "auto"  # what chat_path_vs_llama_bench's Hangar and llama_bench_tg read: the CPU, as there by default
    model = synthetic_model(args.shape, "F16", app_paths().cache, lambda m: print(m, flush=True))
    options = P.GenerateOptions(messages=MESSAGES, max_tokens=args.tokens, temperature=0.0, repeat_penalty=1.0, ignore_eos=True)
    never = threading.Event()
    load = P.LoadOptions(path=str(model), n_ctx=args.ctx, n_threads=args.threads, n_gpu_layers=args.ngl, flash_attn=args.flash_attn)
    local = LoadedModel.load(load, never, lambda event: None, 0, LlamaLog())
    worker = Hangar("chat path", model, args)  # the chat path's worker, its model loaded and warmed up
    bench = reference_tool("llama-bench")

    def in_process() -> float:
        rates = []
        for _ in range(args.reps):
            first: list[float] = []
            done = local.generate(options, never, lambda event: first or first.append(time.perf_counter()), 1)
            rates.append((done.n_generated - 1) / (time.perf_counter() - first[0]))
        return statistics.median(rates)

    try:
        in_process()  # warm-up
        for n in (1, args.tokens):
            asked = dataclasses.replace(options, max_tokens=n)
            cpu, events = time.process_time(), 0
            for _ in range(20):
                events += sum(isinstance(e, P.Token) for e in worker.client.generate(asked))
            print(f"parent CPU per {n}-token reply: {(time.process_time() - cpu) / 20 * 1000:.2f} ms, {events / 20:.1f} Token events", flush=True)
        jobs = {"llama-bench": lambda: statistics.median(llama_bench_tg(bench, model, args, worker.n_prompt)), "in process": in_process,
                "chat path": lambda: statistics.median(worker.samples()[0])}  # fmt: skip
        rates: dict[str, list[float]] = {name: [] for name in jobs}
        names = list(jobs)
        for round_ in range(args.rounds):
            for name in names[round_ % 3:] + names[: round_ % 3]:
                rates[name].append(jobs[name]())
            print(f"round {round_ + 1:2}: " + ", ".join(f"{name} {rates[name][-1]:7.1f}" for name in names) + " t/s", flush=True)
    finally:
        worker.close()
        local.close()
    for name in names[1:]:
        ratios = sorted(a / b for a, b in zip(rates[name], rates["llama-bench"]))
        print(f"{name}: median {statistics.median(rates[name]):.1f} t/s, per-round median {statistics.median(ratios):.3f}x llama-bench tg{args.tokens} "
              f"@ d{worker.n_prompt} (median {statistics.median(rates['llama-bench']):.1f} t/s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
