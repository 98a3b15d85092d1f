"""The serving benchmark against an anchor: the same workload through ``hangar-cli bench-serve local`` and
through llama.cpp's own ``llama-batched-bench``, aggregate generation tokens/s per concurrency level.

The workload, on both sides: a synthetic model (gguf/synth.py, shape medium, F16: its end-of-generation
tokens have zero output rows, so every sequence runs to its length), the same file, the same threads,
prompts of --prompt-tokens tokens and --output-tokens generated per sequence, at each of --levels
sequences at once.

- bench-serve: ``hangar-cli bench-serve local --model M --concurrency 1,2,4,8 --prompt-tokens 128
  --output-tokens 128 --requests N --runtime cpu --json`` in a fresh HANGAR_HOME whose ``threads`` setting is
  --threads. That is Hangar's own server (started for the run, ``--parallel`` = the highest level, a context of
  that many requests) and the loadgen client in one process, the worker in another: what a user runs. Prompts
  are calibrated to exactly --prompt-tokens by the server's own usage.prompt_tokens; every request is checked
  to have had that many prompt tokens and to have generated --output-tokens. Its ``output_throughput`` is all
  output tokens of the level over the level's wall time (prompt processing, sampling, HTTP and SSE included).
  Each level is its own run with ``--requests`` = the level x ``--waves`` (1: n requests released together, as
  llama-batched-bench decodes n sequences) and ``--ctx`` = the context of the highest level, so every level's
  server has the cells llama-batched-bench has.
- llama-batched-bench: ``-m FILE -c CTX -b 2048 -ub 512 -npp 128 -ntg 128 -npl 1,2,4,8 -t THREADS -ngl 0``
  with CTX the context bench-serve gave its server. Its comparable figure is ``gen/T``: the generated tokens
  (npl x ntg) over its whole time T (prompt + generation), timed as bench-serve's is; S_TG (generation alone,
  no sampler, no prompt) is printed beside it.

The tool is built once from the llama.cpp source of the installed llama-cpp-python by
installers/backends/build-runtime.sh into the cache (as bench_vs_llama_bench.py builds llama-bench), or
given with --batched-bench PATH. The two run in turn, level by level, --reps times (interleaved, and which
goes first alternates from rep to rep: a noisy moment on a shared machine hits both alike); the best of each
is compared, and the median of the paired ratios is printed too. PASS when bench-serve's best is within
--tolerance (10 %) of llama-batched-bench's best gen/T at every level.

    .venv/bin/python benchmarks/bench_serve_vs_batched_bench.py [--shape medium] [--threads 2] [--levels 1,2,4,8]
        [--prompt-tokens 128] [--output-tokens 128] [--reps 3] [--batched-bench PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from reference_tools import reference_tool  # noqa: E402  (this folder is on sys.path: the script's own)


def cpu_busy(interval_s: float = 0.5) -> float:
    """The fraction of the machine's processor time that was busy over ``interval_s`` (/proc/stat, all cores)."""

    def read() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return sum(fields[:8]), idle

    total0, idle0 = read()
    time.sleep(interval_s)
    total1, idle1 = read()
    return 1.0 - (idle1 - idle0) / max(1, total1 - total0)


def wait_for_quiet(limit: float, max_wait_s: float) -> bool:
    """Wait until the machine is at most ``limit`` busy (other people's work), at most ``max_wait_s``; True if it got there."""
    deadline = time.monotonic() + max_wait_s
    while time.monotonic() < deadline:
        if cpu_busy() <= limit:
            return True
    return False


def hangar_cli(home: Path, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANGAR_HOME": str(home), "PYTHONPATH": str(ROOT / "desktop")}
    return subprocess.run([sys.executable, "-m", "hangar.cli", *args], capture_output=True, text=True, env=env, timeout=timeout)


def bench_serve(home: Path, alias: str, *, levels: list[int], prompt: int, output: int, requests: int, n_ctx: int | None = None) -> tuple[dict[int, dict], list[str]]:
    """One ``hangar-cli bench-serve local`` run: {level: its level of the run document}, and the command."""
    command = ["bench-serve", "local", "--model", alias, "--concurrency", ",".join(map(str, levels)), "--prompt-tokens", str(prompt),
               "--output-tokens", str(output), "--requests", str(requests), "--runtime", "cpu", "--label", "anchor", "--json"]  # fmt: skip
    if n_ctx is not None:
        command[-1:-1] = ["--ctx", str(n_ctx)]
    done = hangar_cli(home, *command)
    if done.returncode != 0:
        raise RuntimeError(f"hangar-cli {' '.join(command)} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    document = json.loads(done.stdout)
    found = {}
    for level in document["levels"]:
        n = level["max_concurrency"]
        prompts = {s["prompt_tokens"] for s in level["samples"]}
        outputs = {s["output_tokens"] for s in level["samples"]}
        if level["status"] != "ok" or level["failed"] or prompts != {prompt} or outputs != {output}:
            raise RuntimeError(f"level {n}: status {level['status']}, {level['failed']} failed, prompt tokens {sorted(prompts)}, output tokens "
                               f"{sorted(outputs)} (asked {prompt}/{output}): {level['error']}")  # fmt: skip
        found[n] = level
    return found, ["hangar-cli", *command]


def batched_bench(binary: Path, model: Path, *, n_ctx: int, prompt: int, output: int, levels: list[int], threads: int) -> tuple[dict[int, dict], list[str]]:
    """One llama-batched-bench run: {npl: its JSON row (t: the whole time; speed_tg: S_TG)}, and the command."""
    command = [str(binary), "-m", str(model), "-c", str(n_ctx), "-b", "2048", "-ub", "512", "-npp", str(prompt), "-ntg", str(output),
               "-npl", ",".join(map(str, levels)), "-t", str(threads), "-ngl", "0", "--output-format", "jsonl"]  # fmt: skip
    for _try in range(3):  # its rows go through llama.cpp's log thread, which a loaded machine can leave unflushed at exit (status 0, no row)
        out = subprocess.run(command, capture_output=True, text=True)
        rows = {}
        for line in (out.stdout + "\n" + out.stderr).splitlines():
            if line.startswith("{") and '"speed_tg"' in line:
                row = json.loads(line)
                rows[row["pl"]] = row
        missing = [n for n in levels if n not in rows]
        if out.returncode or not missing:
            break
    if out.returncode or missing:
        raise RuntimeError(f"llama-batched-bench gave no row for npl {missing} (exit {out.returncode}): {' '.join(command)}\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return rows, command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", default="medium", help="synthetic model shape (gguf/synth.py), written F16")
    parser.add_argument("--threads", type=int, default=2, help="decode threads on both sides (Hangar's 'threads' setting, -t)")
    parser.add_argument("--levels", default="1,2,4,8", help="concurrent sequences (bench-serve --concurrency, batched-bench -npl)")
    parser.add_argument("--prompt-tokens", type=int, default=128)
    parser.add_argument("--output-tokens", type=int, default=128)
    parser.add_argument("--waves", type=int, default=1, help="bench-serve requests per level = the level x this (default 1: one wave)")
    parser.add_argument("--reps", type=int, default=3, help="runs of each, interleaved; the best and the median are printed")
    parser.add_argument("--tolerance", type=float, default=0.10, help="largest relative difference that passes (default 0.10)")
    parser.add_argument("--quiet", type=float, default=0.35, help="before each run, wait until the machine is at most this busy (default 0.35; 1: never wait)")
    parser.add_argument("--quiet-wait", type=float, default=90.0, help="... but at most this many seconds (default 90), then run anyway")
    parser.add_argument("--nice", type=int, default=0,
                        help="run both sides at this niceness (a negative one needs root): on a shared machine, other work then disturbs both less, alike")
    parser.add_argument("--batched-bench", help="path to llama-batched-bench (default: build it once from the same llama.cpp source)")
    args = parser.parse_args()
    levels = sorted({int(n) for n in args.levels.split(",")})
    if args.nice:
        os.nice(args.nice)  # inherited by hangar-cli (its server, the worker) and llama-batched-bench alike

    from hangar.core.app.serve_bench import local_ctx
    from hangar.core.gguf.synth import write_synthetic
    from hangar.core.loadgen.workload import WorkloadSpec

    binary = reference_tool("llama-batched-bench", args.batched_bench)
    home = Path(tempfile.mkdtemp(prefix="hangar-bench-serve-anchor-"))
    model = write_synthetic(home / "models" / f"anchor-{args.shape}.gguf", args.shape, f16=True)
    alias = model.stem.lower()
    for step in (["import", str(model)], ["settings", "set", "threads", str(args.threads)]):
        done = hangar_cli(home, *step)
        if done.returncode != 0:
            raise SystemExit(f"hangar-cli {' '.join(step)} failed: {done.stderr}")
    n_ctx = local_ctx(WorkloadSpec(prompt_tokens=args.prompt_tokens, output_tokens=args.output_tokens), levels)
    print(f"load average {os.getloadavg()[0]:.2f} at the start (other work on this machine disturbs every row); niceness {os.nice(0)}")
    print(f"model {model.name} ({model.stat().st_size / 2**20:.0f} MiB, synthetic weights, F16), {args.threads} threads, prompt {args.prompt_tokens} / "
          f"output {args.output_tokens} tokens per sequence, levels {levels}, bench-serve "
          f"{args.waves} wave(s) of n requests at level n, context {n_ctx}, "
          f"{args.reps} interleaved reps\nllama-batched-bench {binary}", flush=True)  # fmt: skip

    served: list[dict[int, dict]] = []
    reference: list[dict[int, dict]] = []
    commands: dict[str, list[str]] = {}
    quiet_units = [0, 0]  # runs that started on a quiet machine, runs
    for rep in range(args.reps):
        started = time.monotonic()
        levels_found, rows = {}, {}
        for n in levels:
            def ours(n: int = n) -> None:
                found, commands["bench-serve"] = bench_serve(home, alias, levels=[n], prompt=args.prompt_tokens, output=args.output_tokens,
                                                             requests=n * args.waves, n_ctx=n_ctx)  # fmt: skip
                levels_found.update(found)

            def theirs(n: int = n) -> None:
                found, commands["llama-batched-bench"] = batched_bench(binary, model, n_ctx=n_ctx, prompt=args.prompt_tokens, output=args.output_tokens,
                                                                       levels=[n], threads=args.threads)  # fmt: skip
                rows.update(found)

            for step in ((ours, theirs) if rep % 2 == 0 else (theirs, ours)):
                quiet_units[0] += wait_for_quiet(args.quiet, args.quiet_wait) if args.quiet < 1 else 1
                quiet_units[1] += 1
                step()
        served.append(levels_found)
        reference.append(rows)
        print(f"rep {rep + 1} ({time.monotonic() - started:.0f} s): bench-serve output tok/s "
              + ", ".join(f"{n}: {served[-1][n]['output_throughput']:.1f}" for n in levels)
              + " | batched-bench gen/T " + ", ".join(f"{n}: {n * args.output_tokens / rows[n]['t']:.1f}" for n in levels), flush=True)  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.2f} at the end; {quiet_units[0]} of {quiet_units[1]} runs started with the machine at most "
          f"{args.quiet:.0%} busy (the others waited {args.quiet_wait:g} s and ran anyway)\n")  # fmt: skip
    print("bench-serve:         " + " ".join(commands["bench-serve"]) + "   (one run per level; the last shown)")
    print("llama-batched-bench: " + " ".join(commands["llama-batched-bench"]) + "   (likewise)\n")

    print(f"{'level':>5} {'bench-serve':>12} {'median':>8} {'gen/T':>8} {'median':>8} {'S_TG':>8} {'ratio':>7} {'median':>7} {'TTFT ms':>8} {'TPOT ms':>8}  verdict")
    print(f"{'':>5} {'out tok/s':>12} {'':>8} {'best':>8} {'':>8} {'best':>8} {'best':>7} {'paired':>7} {'median':>8} {'median':>8}")
    ok = True
    for n in levels:
        ours = [run[n]["output_throughput"] for run in served]
        theirs = [n * args.output_tokens / rows[n]["t"] for rows in reference]
        s_tg = max(rows[n]["speed_tg"] for rows in reference)
        best = max(range(len(ours)), key=lambda i: ours[i])
        ratio = max(ours) / max(theirs)
        paired = statistics.median(a / b for a, b in zip(ours, theirs))
        passed = abs(ratio - 1) <= args.tolerance
        ok &= passed
        print(f"{n:>5} {max(ours):>12.1f} {statistics.median(ours):>8.1f} {max(theirs):>8.1f} {statistics.median(theirs):>8.1f} {s_tg:>8.1f} "
              f"{ratio:>6.3f}x {paired:>6.3f}x {served[best][n]['median_ttft_ms']:>8.0f} {served[best][n]['median_tpot_ms']:>8.1f}  "
              f"{'PASS' if passed else 'FAIL'} (within {args.tolerance:.0%})")  # fmt: skip
    print("\nbench-serve out tok/s: all output tokens of the level over its wall time; gen/T: llama-batched-bench's npl x ntg over its prompt + "
          "generation time; S_TG: its generation-only speed (no prompt, no sampler); ratio: bench-serve's best over gen/T's best; paired: the "
          "median over reps of each rep's ratio")  # fmt: skip
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
