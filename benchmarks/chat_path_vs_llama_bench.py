"""Generation through Hangar's chat path against llama-bench tg128, same file and threads.

The chat path is what the Chat pane uses: ``EngineClient.generate`` with messages (the model's
chat template), streamed from the worker process over its pipe. Each Hangar run asks for 128
tokens with ``ignore_eos`` and greedy sampling (temperature 0, repeat penalty 1: the least
sampling there is, as llama-bench does none). Its rate is measured in this process, from the
arrival of the first token to the Done event ((n - 1) tokens over that time, as the worker's own
gen_tps counts), so the pipe and the parent's reading are in it; the worker's gen_tps is printed
beside it. llama-bench's is tg128 (``-p 0 -n 128``), every repetition's sample.

The default model is the synthetic 'small' shape (4 layers, 256 wide, F16): a model whose tokens
are fast (well over 1,000 t/s on two cores), so any work per token outside llama.cpp shows.
Runs interleave (Hangar, llama-bench, [baseline]; the order rotates each round) because the
machine is shared and noisy; the best and the median of each are printed, and their ratios.

    .venv/bin/python benchmarks/chat_path_vs_llama_bench.py [--rounds 7] [--reps 5] [--threads N]
    ... --baseline [NAME=]DIR   # also a worker from another checkout (git archive HEAD | tar -x -C DIR); repeatable
    ... --model FILE.gguf | --shape 1b --quant Q4_K_M
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from reference_tools import reference_tool  # noqa: E402  (this folder is on sys.path: the script's own)

from hangar.core.bench.runs import synthetic_model  # noqa: E402
from hangar.core.config.paths import app_paths  # noqa: E402
from hangar.core.runner import protocol as P  # noqa: E402
from hangar.core.runner.client import EngineClient  # noqa: E402
from hangar.engine.model import physical_cores  # noqa: E402

MESSAGES = [{"role": "user", "content": "Tell me a long story about a fox who learns to sail."}]


def llama_bench_tg(binary: Path, model: Path, args, depth: int) -> list[float]:
    out = subprocess.run(
        [str(binary), "-m", str(model), "-p", "0", "-n", str(args.tokens), "-d", str(depth), "-r", str(args.reps), "-t", str(args.threads),
         "-ngl", str(99 if args.ngl < 0 else args.ngl), "-fa", args.flash_attn, "-o", "json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    (result,) = [r for r in json.loads(out) if r["n_gen"]]
    return [float(x) for x in result["samples_ts"]]


class Hangar:
    """One worker (this tree's, or another checkout's), its model loaded once."""

    def __init__(self, name: str, model: Path, args, desktop: Path | None = None) -> None:
        self.name = name
        env = {"LLAMA_CPP_LIB_PATH": os.environ["LLAMA_CPP_LIB_PATH"]} if "LLAMA_CPP_LIB_PATH" in os.environ else {}
        if desktop is not None:
            env["PYTHONPATH"] = str(desktop)
        self.client = EngineClient(runtime_env=env)
        self.client.load(P.LoadOptions(path=str(model), n_ctx=args.ctx, n_threads=args.threads, n_gpu_layers=args.ngl, flash_attn=args.flash_attn))
        self.args = args
        self.n_prompt = 0
        self.run_once()  # warm-up

    def run_once(self) -> tuple[float, float]:
        """(t/s seen by this process, the worker's own gen_tps) of one 128-token reply."""
        options = P.GenerateOptions(messages=MESSAGES, max_tokens=self.args.tokens, temperature=0.0, repeat_penalty=1.0, ignore_eos=True)
        first = done = None
        for event in self.client.generate(options):
            if first is None:
                first = time.perf_counter()
            if isinstance(event, P.Done):
                done = event
        elapsed = time.perf_counter() - first
        assert done is not None and done.n_generated == self.args.tokens, done
        self.n_prompt = done.n_prompt
        return (done.n_generated - 1) / elapsed, float(done.gen_tps or 0.0)

    def samples(self) -> tuple[list[float], list[float]]:
        seen, own = zip(*(self.run_once() for _ in range(self.args.reps)))
        return list(seen), list(own)

    def close(self) -> None:
        self.client.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--llama-bench", help="path to llama-bench (default: build it once from the same source)")
    parser.add_argument("--model", type=Path, help="GGUF file (default: the synthetic shape below)")
    parser.add_argument("--shape", default="small", help="synthetic shape (default small: fast tokens)")
    parser.add_argument("--quant", default="F16")
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--ngl", type=int, default=0, help="GPU layers (-1 all; needs a GPU runtime in LLAMA_CPP_LIB_PATH)")
    parser.add_argument("--flash-attn", default="auto", choices=["auto", "on", "off"], help="both tools (llama-bench's default: auto)")
    parser.add_argument("--ctx", type=int, default=1024)
    parser.add_argument("-n", "--tokens", type=int, default=128)
    parser.add_argument("--depth", default="prompt", help="llama-bench's -d: 'prompt' (the chat prompt's tokens, so both generate at the same "
                                                          "positions; the default) or a number (0: plain tg128 from an empty cache)")  # fmt: skip
    parser.add_argument("-r", "--reps", type=int, default=3, help="replies (and llama-bench repetitions) per tool per round")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", action="append", default=[], metavar="[NAME=]DIR",
                        help="another checkout (git archive HEAD | tar -x -C DIR): its worker is timed in the same rounds; repeatable")
    parser.add_argument("--target", type=float, default=0.95)
    args = parser.parse_args()

    binary = reference_tool("llama-bench", args.llama_bench)
    model = args.model or synthetic_model(args.shape, args.quant, app_paths().cache, lambda m: print(m, flush=True))
    hangars = [Hangar("hangar", model, args)]
    for i, spec in enumerate(args.baseline):
        name, _, folder = spec.rpartition("=")
        hangars.append(Hangar(name or ("baseline" if i == 0 else f"baseline{i + 1}"), model, args, Path(folder).resolve() / "desktop"))
    depth = hangars[0].n_prompt if args.depth == "prompt" else int(args.depth)
    print(f"model {model} ({model.stat().st_size / 2**20:.1f} MiB), {args.threads} threads, ngl {args.ngl}, fa {args.flash_attn}; chat prompt "
          f"{hangars[0].n_prompt} tokens, llama-bench tg{args.tokens} at depth {depth}; {args.reps} per tool per round, {args.rounds} rounds, "
          f"greedy; llama-bench {binary}", flush=True)  # fmt: skip
    seen: dict[str, list[float]] = {h.name: [] for h in hangars}
    own: dict[str, list[float]] = {h.name: [] for h in hangars}
    paired: dict[str, list[float]] = {h.name: [] for h in hangars}  # each round's median over llama-bench's in the same round
    reference: list[float] = []
    try:
        for round_ in range(args.rounds):
            jobs = [(h.name, h.samples) for h in hangars] + [("llama-bench", lambda: (llama_bench_tg(binary, model, args, depth), []))]
            shift = round_ % len(jobs)
            this_round: dict[str, float] = {}
            for name, job in jobs[shift:] + jobs[:shift]:
                rates, worker_rates = job()
                this_round[name] = statistics.median(rates)
                (reference if name == "llama-bench" else seen[name]).extend(rates)
                own.get(name, []).extend(worker_rates)
            for name in paired:
                paired[name].append(this_round[name] / this_round["llama-bench"])
            print(f"round {round_ + 1:2}: " + ", ".join(f"{name} {rate:7.1f}" for name, rate in this_round.items()) + " t/s (medians)", flush=True)
    finally:
        for h in hangars:
            h.close()
    ref_best, ref_median = max(reference), statistics.median(reference)
    print(f"\nllama-bench tg{args.tokens} @ d{depth}: best {ref_best:.1f} t/s, median {ref_median:.1f} t/s ({len(reference)} samples)")
    ok = True
    for name, rates in seen.items():
        best, median = max(rates), statistics.median(rates)
        ratios = sorted(paired[name])
        print(f"{name} chat path: best {best:.1f} t/s, median {median:.1f} t/s (worker's gen_tps median {statistics.median(own[name]):.1f}); "
              f"ratio best/best {best / ref_best:.3f}, median/median {median / ref_median:.3f}, per round median {statistics.median(ratios):.3f} "
              f"(quartiles {ratios[len(ratios) // 4]:.3f}-{ratios[(3 * len(ratios)) // 4]:.3f})")  # fmt: skip
        if name == "hangar":
            ok = statistics.median(ratios) >= args.target
            print(f"target >= {args.target} (per-round median): {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
