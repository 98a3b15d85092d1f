"""Hangar's benchmark against llama.cpp's own llama-bench, same build, model and threads.

llama-bench comes from the same llama.cpp source as the installed llama-cpp-python:
found with --llama-bench, or built once by installers/backends/build-runtime.sh into
the cache. The model is Hangar's synthetic ~1B (Llama 3.2 1B shape) quantised to
Q4_K_M by llama.cpp's quantiser. Runs alternate between the two tools; prints pp and tg
t/s for each and the ratios (target: within +-5%).

    .venv/bin/python benchmarks/bench_vs_llama_bench.py [--rounds 2] [--threads N] [--ngl 0]
    LLAMA_CPP_LIB_PATH=<runtime>/lib ... --llama-bench <runtime>/lib/llama-bench --ngl -1   # a GPU runtime
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from reference_tools import reference_tool  # noqa: E402  (this folder is on sys.path: the script's own)

from hangar.core.bench.runs import synthetic_model  # noqa: E402
from hangar.core.config.paths import app_paths  # noqa: E402
from hangar.core.runner import protocol as P  # noqa: E402
from hangar.core.runner.client import EngineClient  # noqa: E402
from hangar.engine.model import physical_cores  # noqa: E402


def run_llama_bench(binary: Path, model: Path, args) -> dict[str, float]:
    out = subprocess.run(
        [str(binary), "-m", str(model), "-p", str(args.n_prompt), "-n", str(args.n_gen), "-r", str(args.reps), "-t", str(args.threads),
         "-ngl", str(99 if args.ngl < 0 else args.ngl), "-o", "json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return {("pp" if r["n_prompt"] else "tg"): r["avg_ts"] for r in json.loads(out)}


def run_hangar(model: Path, args) -> dict[str, float]:
    env = {"LLAMA_CPP_LIB_PATH": os.environ["LLAMA_CPP_LIB_PATH"]} if "LLAMA_CPP_LIB_PATH" in os.environ else {}
    with EngineClient(runtime_env=env) as client:
        result = client.bench(P.BenchOptions(model=str(model), n_prompt=args.n_prompt, n_gen=args.n_gen, reps=args.reps,
                                             n_threads=args.threads, n_gpu_layers=args.ngl))  # fmt: skip
    return {("pp" if r.n_prompt else "tg"): r.avg_ts for r in result.results}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--llama-bench", help="path to llama-bench (default: build it once from the same source)")
    parser.add_argument("--model", type=Path, help="GGUF file (default: synthetic 1b Q4_K_M)")
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--ngl", type=int, default=0, help="GPU layers (-1 all; needs a GPU runtime)")
    parser.add_argument("-p", "--n-prompt", type=int, default=512)
    parser.add_argument("-n", "--n-gen", type=int, default=128)
    parser.add_argument("-r", "--reps", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    binary = reference_tool("llama-bench", args.llama_bench)
    model = args.model or synthetic_model("1b", "Q4_K_M", app_paths().cache, lambda m: print(m, flush=True))
    print(f"model {model} ({model.stat().st_size / 2**20:.0f} MiB), {args.threads} threads, ngl {args.ngl}, "
          f"pp{args.n_prompt} tg{args.n_gen} x{args.reps}, llama-bench {binary}", flush=True)
    hangar: dict[str, list[float]] = {"pp": [], "tg": []}
    reference: dict[str, list[float]] = {"pp": [], "tg": []}
    for round_ in range(args.rounds):
        order = [("hangar", run_hangar), ("llama-bench", lambda m, a: run_llama_bench(binary, m, a))]
        if round_ % 2:
            order.reverse()
        for name, fn in order:
            numbers = fn(model, args)
            for key, value in numbers.items():
                (hangar if name == "hangar" else reference)[key].append(value)
            print(f"round {round_ + 1} {name:<11}: pp {numbers.get('pp', 0):9.2f} t/s   tg {numbers.get('tg', 0):8.2f} t/s", flush=True)
    ok = True
    for key, label in (("pp", f"pp{args.n_prompt}"), ("tg", f"tg{args.n_gen}")):
        h, r = statistics.mean(hangar[key]), statistics.mean(reference[key])
        ratio = h / r
        ok &= abs(ratio - 1) <= 0.05
        print(f"{label}: hangar {h:.2f} t/s, llama-bench {r:.2f} t/s, ratio {ratio:.3f} (target 0.95-1.05): {'PASS' if abs(ratio - 1) <= 0.05 else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
