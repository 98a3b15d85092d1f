"""Aggregate generation speed of 1, 2, 4 and 8 concurrent streams through Hangar's server, next to llama-batched-bench.

Hangar's side is the real server: a Hangar app in a temporary HANGAR_HOME with the model in
its library, ``ServerRunner`` (uvicorn on a thread, as tests/server/ start it) on 127.0.0.1
with ``--parallel`` slots (default: the highest level), one worker loaded before timing. The
clients are a separate process (a real client is another program; in this one it would share
the server's GIL), one HTTP connection and thread per stream: ``POST /v1/chat/completions``
with ``stream: true`` and ``stream_options.include_usage``, all released at once. Generated
tokens are counted from each answer's ``usage.completion_tokens``; aggregate tokens/s = all of
them / wall time from the release to the last ``[DONE]`` (prompt processing included, as a
client sees it). The OpenAI API has no ignore-EOS field and the server takes none, so every
stream asks ``max_tokens = --tokens`` of a model that never ends by itself: the synthetic
model's end-of-generation tokens have zero output rows (gguf/synth.py) while every other
logit is tens of units away from zero; a stream that still ends early stops the run.

The chat path is the same model in a worker with ``n_parallel = 1`` (what the Chat pane uses,
llama-cpp-python's single-sequence loop, parallel_decode.py's single-stream row), the same
messages and sampling the server passes on (temperature 0.8, top_p 1, top_k 0, min_p 0, no
repeat penalty), timed from the call to its ``Done``.

The reference is llama.cpp's own ``llama-batched-bench`` from the same llama.cpp source as the
installed llama-cpp-python (installers/backends/build-runtime.sh builds it once into the cache,
or --batched-bench PATH): same file, threads, total context (``-c`` = the server's context, so
each of its 8 sequences gets the same cells), ``-npp`` = the prompt tokens the server reported,
``-ntg`` = --tokens, ``-npl`` = the levels. Its S_TG is pure generation (random tokens, no
sampler, no prompt); "gen/T" divides the same generated tokens by its prompt and generation
time together, which is how Hangar's aggregate is timed.

Every repetition runs the chat path, each server level and one llama-batched-bench, in turn,
so a noisy moment on a shared machine hits all of them; the best and the median of each are
printed, and the targets are read from the best runs. The CPU column (best run) says where the
processor time went, in CPU-milliseconds per generated token: the worker, the server process
(uvicorn, the request threads, the pool; for the chat path this process, the EngineClient side)
and the client process. On a machine with no core to spare they all share the cores that
``--threads`` decode on.

Targets: single stream through the server >= 0.95x the chat path; at 8 streams >= 0.9x
llama-batched-bench's S_TG at npl 8 and >= 2x the server's own single stream.

    .venv/bin/python benchmarks/serve_throughput.py [--shape medium] [--threads 2] [--tokens 128] [--levels 1,2,4,8] [--reps 5]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from reference_tools import reference_tool  # noqa: E402  (this folder is on sys.path: the script's own)

PROMPTS = ["The history of", "Once upon a time", "In a distant land", "Write a poem about", "Dear reader,", "Chapter one:", "Summary:", "Q: why"]
TEMPERATURE = 0.8


def messages(i: int) -> list[dict[str, str]]:
    return [{"role": "user", "content": PROMPTS[i % len(PROMPTS)]}]


# -- the client process ---------------------------------------------------------------------------
def drive(url: str, model: str, n_streams: int, tokens: int) -> dict:
    """Run in the client process: ``n_streams`` streaming chat requests released together.

    Returns the wall time, each stream's usage, time to first content and end, and this
    process's CPU time over the run."""
    try:
        import httpx2 as httpx  # Hangar's own HTTP client
    except ImportError:
        import httpx

    streams: list[dict | BaseException | None] = [None] * n_streams
    release = threading.Barrier(n_streams + 1)

    def one(i: int) -> None:
        body = {"model": model, "messages": messages(i), "max_tokens": tokens, "temperature": TEMPERATURE, "seed": i,
                "stream": True, "stream_options": {"include_usage": True}}  # fmt: skip
        try:
            with httpx.Client(timeout=600) as http:
                release.wait()
                first = usage = None
                finish = None
                with http.stream("POST", url + "/v1/chat/completions", json=body) as answer:
                    if answer.status_code != 200:
                        raise RuntimeError(f"HTTP {answer.status_code}: {answer.read()[:300]!r}")
                    for line in answer.iter_lines():
                        if not line.startswith("data: "):
                            continue
                        data = line[len("data: "):]
                        if data == "[DONE]":
                            break
                        if first is not None and '"finish_reason": null' in data and '"usage"' not in data and '"error"' not in data:
                            continue  # one more content piece: not parsed, so the client takes less of the machine's CPU
                        chunk = json.loads(data)
                        if "error" in chunk:
                            raise RuntimeError(f"error in the stream: {chunk['error']}")
                        if chunk.get("usage"):
                            usage = chunk["usage"]
                        elif chunk["choices"]:
                            choice = chunk["choices"][0]
                            if first is None and choice["delta"].get("content"):
                                first = time.perf_counter()
                            finish = choice.get("finish_reason") or finish
                end = time.perf_counter()
                streams[i] = {"usage": usage, "first": first or end, "end": end, "finish": finish}
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            release.abort()  # nobody waits for a stream that failed before the release
            streams[i] = exc

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n_streams)]
    for thread in threads:
        thread.start()
    release.wait()  # every stream has its HTTP client made (they cost CPU: not the server's doing)
    started, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.join()
    cpu = time.process_time() - cpu
    for s in streams:
        if isinstance(s, BaseException):
            raise s
    return {"started": started, "wall": max(s["end"] for s in streams) - started, "cpu": cpu, "streams": streams}  # type: ignore[index]


def leave_with(parent: int) -> None:
    """The client process's initializer: it exits when the benchmark does, however that ends."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# -- llama.cpp's reference ------------------------------------------------------------------------


def batched_bench(binary: Path, model: Path, *, n_ctx: int, n_prompt: int, tokens: int, levels: list[int], threads: int) -> dict[int, dict]:
    """One llama-batched-bench run: {npl: its JSON row (speed_tg is S_TG)}."""
    command = [str(binary), "-m", str(model), "-c", str(n_ctx), "-b", "2048", "-ub", "512", "-npp", str(n_prompt), "-ntg", str(tokens),
               "-npl", ",".join(map(str, levels)), "-t", str(threads), "-ngl", "0", "--output-format", "jsonl"]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True)
    rows = {}
    for line in (out.stdout + "\n" + out.stderr).splitlines():
        if line.startswith("{") and '"speed_tg"' in line:
            row = json.loads(line)
            rows[row["pl"]] = row
    missing = [n for n in levels if n not in rows]
    if out.returncode or missing:
        raise RuntimeError(f"llama-batched-bench gave no row for npl {missing} (exit {out.returncode}): {' '.join(command)}\n{out.stderr[-2000:]}")
    return rows


# -- Hangar's side --------------------------------------------------------------------------------
def cpu_s(pid: int) -> float:
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def chat_path(client, tokens: int, seed: int) -> dict:
    from hangar.core.runner import protocol as P

    options = P.GenerateOptions(messages=messages(seed), max_tokens=tokens, temperature=TEMPERATURE, top_p=1.0, top_k=0, min_p=0.0,
                                repeat_penalty=1.0, seed=seed, ignore_eos=True)  # fmt: skip
    worker, own = cpu_s(client.proc.pid), time.process_time()
    started = time.perf_counter()
    first = done = None
    for event in client.generate(options):
        if first is None and isinstance(event, P.Token):
            first = time.perf_counter()
        done = event
    wall = time.perf_counter() - started
    if not isinstance(done, P.Done) or done.n_generated != tokens:
        raise RuntimeError(f"the chat path generated {getattr(done, 'n_generated', done)} tokens, not {tokens}")
    return {"tps": tokens / wall, "tokens": tokens, "worker_cpu": cpu_s(client.proc.pid) - worker, "server_cpu": time.process_time() - own,
            "client_cpu": 0.0, "ttft": (first or started + wall) - started}  # fmt: skip


def served(pool, url: str, alias: str, worker_pid: int, n_streams: int, tokens: int) -> dict:
    worker, server = cpu_s(worker_pid), time.process_time()
    run = pool.submit(drive, url, alias, n_streams, tokens).result()
    server, worker = time.process_time() - server, cpu_s(worker_pid) - worker
    generated = [s["usage"]["completion_tokens"] if s["usage"] else 0 for s in run["streams"]]
    if generated != [tokens] * n_streams:
        raise RuntimeError(f"{n_streams} streams generated {generated} tokens (finish reasons {[s['finish'] for s in run['streams']]}), "
                           f"not {tokens} each: the model ended a stream by itself; use a synthetic model or fewer --tokens")  # fmt: skip
    return {"tps": sum(generated) / run["wall"], "tokens": sum(generated), "worker_cpu": worker, "server_cpu": server, "client_cpu": run["cpu"],
            "ttft": statistics.median(s["first"] - run["started"] for s in run["streams"]),
            "prompt_tokens": [s["usage"]["prompt_tokens"] for s in run["streams"]]}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", default="medium", help="synthetic model shape (gguf/synth.py), F16")
    parser.add_argument("--model", type=Path, help="a GGUF file instead of a synthetic shape (it must not end streams by itself)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=128, help="generated tokens per stream")
    parser.add_argument("--levels", default="1,2,4,8", help="concurrent streams")
    parser.add_argument("--parallel", type=int, default=0, help="the server's slots (default: the highest level)")
    parser.add_argument("--ctx", type=int, default=1024, help="context per stream (the server's context is this x --parallel)")
    parser.add_argument("--reps", type=int, default=5, help="runs of each; the best and the median are printed")
    parser.add_argument("--batched-bench", help="path to llama-batched-bench (default: build it once from the same source)")
    args = parser.parse_args()
    levels = sorted({int(n) for n in args.levels.split(",")})
    n_parallel = args.parallel or max(levels)
    if max(levels) > n_parallel:
        parser.error("--parallel must be at least the highest level")

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from hangar.core.app import Hangar, LoadRequest
    from hangar.core.app.pool_terms import ServeOptions
    from hangar.core.gguf.synth import write_synthetic
    from hangar.server.runner import ServerRunner, ServerSettings

    binary = reference_tool("llama-batched-bench", args.batched_bench)
    home = Path(tempfile.mkdtemp(prefix="hangar-serve-bench-"))
    model = args.model.resolve() if args.model else write_synthetic(home / "served" / f"{args.shape}.gguf", args.shape, f16=True)
    server_ctx = args.ctx * n_parallel
    print(f"load average {os.getloadavg()[0]:.2f} at the start (other work on this machine disturbs every row)")
    print(f"model {model.name} ({model.stat().st_size / 2**20:.0f} MiB{', synthetic weights' if not args.model else ''}), {args.threads} threads, "
          f"{args.tokens} tokens per stream, server --parallel {n_parallel} --ctx {server_ctx}, best of {args.reps} (interleaved)\n"
          f"llama-batched-bench {binary}", flush=True)  # fmt: skip

    app = Hangar.open({"HANGAR_HOME": str(home)})
    app.settings.update({"threads": args.threads})
    entry = app.library.add_file(model)
    runner = chat = None
    # spawn, not fork: this process already runs threads
    clients = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=leave_with, initargs=(os.getpid(),))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally below stops the server and the workers
    runs: dict[str, list[dict]] = {"chat": [], **{f"server {n}": [] for n in levels}}
    reference: list[dict[int, dict]] = []
    try:
        runner = ServerRunner(app, ServerSettings(port=0, serve=ServeOptions(n_parallel=n_parallel, n_ctx=server_ctx, runtime="cpu", keep_alive_s=0))).start()
        alias = app.serving.models()[0].alias
        pooled = app.serving.preload(alias)
        worker_pid = pooled.loaded.client.proc.pid
        chat = app.models.load(LoadRequest(entry.id, n_ctx=args.ctx, runtime="cpu", n_threads=args.threads, n_parallel=1))
        print(f"server {runner.url} ({pooled.loaded.placement.summary()}), chat path worker ({chat.placement.summary()})", flush=True)
        warm = served(clients, runner.url, alias, worker_pid, 1, 8)  # also starts the client process
        served(clients, runner.url, alias, worker_pid, max(levels), 8)
        chat_path(chat.client, 8, len(PROMPTS) - 1)  # another prompt than the first rep's: Llama reuses a cached prefix
        n_prompt = round(statistics.mean(warm["prompt_tokens"]))
        for rep in range(args.reps):  # interleaved, so a noisy moment on a shared machine hits every row alike
            runs["chat"].append(chat_path(chat.client, args.tokens, rep))
            for n in levels:
                runs[f"server {n}"].append(served(clients, runner.url, alias, worker_pid, n, args.tokens))
            reference.append(batched_bench(binary, model, n_ctx=server_ctx, n_prompt=n_prompt, tokens=args.tokens, levels=levels, threads=args.threads))
            print(f"rep {rep + 1}: chat {runs['chat'][-1]['tps']:.1f}, " + ", ".join(f"{n}: {runs[f'server {n}'][-1]['tps']:.1f}" for n in levels)
                  + " | batched-bench S_TG " + ", ".join(f"{n}: {reference[-1][n]['speed_tg']:.1f}" for n in levels) + " t/s", flush=True)  # fmt: skip
    finally:
        clients.shutdown(wait=False, cancel_futures=True)
        if chat is not None:
            chat.close()
        if runner is not None:
            runner.stop()
        app.close()

    print(f"load average {os.getloadavg()[0]:.2f} at the end")

    def best(rows: list[dict]) -> dict:
        return max(rows, key=lambda r: r["tps"])

    def ms_per_token(row: dict) -> str:
        return f"{row['worker_cpu'] * 1000 / row['tokens']:.2f}/{row['server_cpu'] * 1000 / row['tokens']:.2f}/{row['client_cpu'] * 1000 / row['tokens']:.2f}"

    chat_best = best(runs["chat"])
    single = best(runs[f"server {levels[0]}"]) if levels[0] == 1 else None
    print(f"\nprompt {n_prompt} tokens (chat template applied), {args.tokens} generated per stream; t/s = generated tokens per second, all streams together")
    columns = ("best t/s", 9), ("median", 8), ("TTFT ms", 8), ("S_TG best", 10), ("median", 8), ("gen/T", 7), ("vs S_TG", 8), ("vs gen/T", 8), ("vs 1", 6)
    print(f"{'':>16} " + " ".join(f"{name:>{width}}" for name, width in columns) + f" {'CPU ms/token w/s/c':>19}")
    print(f"{'chat path (1)':>16} {chat_best['tps']:>9.1f} {statistics.median(r['tps'] for r in runs['chat']):>8.1f} {chat_best['ttft'] * 1000:>8.0f} "
          f"{'':>10} {'':>8} {'':>7} {'':>8} {'':>8} {'':>6} {ms_per_token(chat_best):>19}")  # fmt: skip
    for n in levels:
        row = best(runs[f"server {n}"])
        s_tg = [r[n]["speed_tg"] for r in reference]
        gen_t = max(n * args.tokens / r[n]["t"] for r in reference)
        print(f"{f'server {n}':>16} {row['tps']:>9.1f} {statistics.median(r['tps'] for r in runs[f'server {n}']):>8.1f} {row['ttft'] * 1000:>8.0f} "
              f"{max(s_tg):>10.1f} {statistics.median(s_tg):>8.1f} {gen_t:>7.1f} {row['tps'] / max(s_tg):>7.3f}x {row['tps'] / gen_t:>7.3f}x "
              f"{row['tps'] / single['tps'] if single else 0:>5.2f}x {ms_per_token(row):>19}")  # fmt: skip

    print("S_TG: llama-batched-bench's generation-only speed; gen/T: its generated tokens over its prompt + generation time; "
          "vs 1: over the server's single stream;\nCPU ms/token w/s/c: the worker / the server process (this process for the chat path) / the client process")
    checks = []
    if single:
        ratio = single["tps"] / chat_best["tps"]
        paired = statistics.median(a["tps"] / b["tps"] for a, b in zip(runs["server 1"], runs["chat"]))
        checks.append((f"single stream through the server {single['tps']:.1f} t/s = {ratio:.3f}x the chat path {chat_best['tps']:.1f} t/s "
                       f"(median of paired runs {paired:.3f}x; target >= 0.95x)", ratio >= 0.95))  # fmt: skip
    if 8 in levels:
        eight = best(runs["server 8"])
        s_tg8 = max(r[8]["speed_tg"] for r in reference)
        checks.append((f"8 streams {eight['tps']:.1f} t/s = {eight['tps'] / s_tg8:.3f}x llama-batched-bench S_TG at npl 8 {s_tg8:.1f} t/s (target >= 0.9x)",
                       eight["tps"] / s_tg8 >= 0.9))  # fmt: skip
        if single:
            checks.append((f"8 streams {eight['tps']:.1f} t/s = {eight['tps'] / single['tps']:.2f}x the server's single stream "
                           f"(target >= 2x; vs the chat path {eight['tps'] / chat_best['tps']:.2f}x)", eight["tps"] / single["tps"] >= 2))  # fmt: skip
    print()
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}: {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
