"""`hangar-cli bench --n-cpu-moe K` against `llama-bench -ncmoe K` on a synthetic mixture of experts.

Both keep the expert tensors of the first K layers in RAM through llama.cpp's tensor buffer
overrides (the same pattern per layer, the CPU buffer type); this checks that Hangar's
measurement with the override matches llama-bench's (target: within 5%), and that the log
said the tensors moved (3 per layer: gate, up, down). llama-bench is the one built from the
same llama-cpp-python source (benchmarks/bench_vs_llama_bench.py finds or builds it). The
model is Hangar's synthetic small-moe (4 layers, 8 experts, 2 used), quantised by llama.cpp.
Rounds alternate which tool goes first; on a machine shared with other work the verdict is the
median of the per-round ratios (each round's two runs are seconds apart), with the ratio of the
means beside it. On a CPU runtime every tensor is in RAM anyway; on a
GPU runtime (``--runtime cuda`` and ``--llama-bench <runtime>/lib/llama-bench``) K decides
what the GPU holds.

    .venv/bin/python benchmarks/moe_offload.py [--ks 0,2,4] [--rounds 3] [--quant Q4_K_M] [--threads 1] [--same-library]

``--same-library`` adds a third run per round: hangar-cli with its worker pointed at llama-bench's
own libllama (LLAMA_CPP_LIB_PATH), so that only the measuring differs, not the build.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from reference_tools import reference_tool  # noqa: E402

from hangar.core.bench.runs import synthetic_model  # noqa: E402
from hangar.core.config.paths import app_paths  # noqa: E402
from hangar.engine.model import physical_cores  # noqa: E402


def run_hangar(model: Path, k: int, args, lib_dir: Path | None = None) -> tuple[dict[str, float], int]:
    command = [sys.executable, "-m", "hangar.cli", "bench", str(model), "--n-cpu-moe", str(k), "-p", str(args.n_prompt), "-n", str(args.n_gen),
               "-r", str(args.reps), "--threads", str(args.threads), "--runtime", args.runtime, "--ngl", str(args.ngl), "--json"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), **({"LLAMA_CPP_LIB_PATH": str(lib_dir)} if lib_dir else {})}
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    doc = json.loads(out)
    assert doc["n_cpu_moe"] == k, doc["n_cpu_moe"]
    return {("pp" if r["n_prompt"] else "tg"): r["avg_ts"] for r in doc["results"]}, doc["overridden_tensors"]


def run_llama_bench(binary: Path, model: Path, k: int, args) -> dict[str, float]:
    out = subprocess.run(
        [str(binary), "-m", str(model), "-ncmoe", str(k), "-p", str(args.n_prompt), "-n", str(args.n_gen), "-r", str(args.reps),
         "-t", str(args.threads), "-ngl", str(99 if args.ngl < 0 else args.ngl), "-o", "json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rows = json.loads(out)
    assert all(r["n_cpu_moe"] == k for r in rows)
    return {("pp" if r["n_prompt"] else "tg"): r["avg_ts"] for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--llama-bench", help="path to llama-bench (default: build it once from the same source)")
    parser.add_argument("--model", type=Path, help="a MoE GGUF file (default: synthetic small-moe)")
    parser.add_argument("--shape", default="small-moe")
    parser.add_argument("--quant", default="Q4_K_M")
    parser.add_argument("--ks", default="0,2,4", help="n_cpu_moe values, comma-separated")
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--runtime", default="cpu")
    parser.add_argument("--ngl", type=int, default=-1)
    parser.add_argument("-p", "--n-prompt", type=int, default=512)
    parser.add_argument("-n", "--n-gen", type=int, default=128)
    parser.add_argument("-r", "--reps", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--same-library", action="store_true", help="also run Hangar on llama-bench's own libllama")
    args = parser.parse_args()

    binary = reference_tool("llama-bench", args.llama_bench)
    model = args.model or synthetic_model(args.shape, args.quant, app_paths().cache, lambda m: print(m, flush=True))
    print(f"model {model} ({model.stat().st_size / 2**20:.1f} MiB), {args.threads} threads, runtime {args.runtime}, ngl {args.ngl}, "
          f"pp{args.n_prompt} tg{args.n_gen} x{args.reps}, {args.rounds} rounds, llama-bench {binary}", flush=True)  # fmt: skip
    ok = True
    for k in [int(v) for v in args.ks.split(",")]:
        tools = ["hangar", "llama-bench"] + (["hangar, same lib"] if args.same_library else [])
        seen: dict[str, dict[str, list[float]]] = {name: {"pp": [], "tg": []} for name in tools}
        moved = set()
        for round_ in range(args.rounds):
            order = tools if round_ % 2 == 0 else tools[::-1]
            for name in order:
                if name == "llama-bench":
                    numbers = run_llama_bench(binary, model, k, args)
                else:
                    numbers, overridden = run_hangar(model, k, args, binary.parent if name != "hangar" else None)
                    moved.add(overridden)
                for key, value in numbers.items():
                    seen[name][key].append(value)
                print(f"  k={k} round {round_ + 1} {name:<16}: pp {numbers.get('pp', 0):9.2f} t/s   tg {numbers.get('tg', 0):8.2f} t/s", flush=True)
        print(f"n_cpu_moe {k}: tensors moved per Hangar's log: {sorted(moved)} (expected {3 * k})")
        ok &= moved == {3 * k}
        reference = seen["llama-bench"]
        for name in [t for t in tools if t != "llama-bench"]:
            for key, label in (("pp", f"pp{args.n_prompt}"), ("tg", f"tg{args.n_gen}")):
                h, r = statistics.mean(seen[name][key]), statistics.mean(reference[key])
                ratio = statistics.median(a / b for a, b in zip(seen[name][key], reference[key]))
                ok &= abs(ratio - 1) <= 0.05 or name != "hangar"
                print(f"n_cpu_moe {k} {label} {name}: {h:.2f} t/s, llama-bench {r:.2f} t/s (ratio of means {h / r:.3f}), median round ratio {ratio:.3f} "
                      f"(target 0.95-1.05): {'PASS' if abs(ratio - 1) <= 0.05 else 'FAIL'}", flush=True)  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
