"""Generation speed through Hangar's worker process versus llama-cpp-python in-process.

Same model file, threads, context, flash-attention setting and token count; greedy
sampling; repetitions interleaved so drift hits both sides alike. Prints per-rep numbers,
the medians and their ratio (target: worker >= 0.97 x direct).

    .venv/bin/python benchmarks/worker_vs_direct.py [--model FILE.gguf] [--tokens 256] [--reps 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

# llama_cpp first: on a CUDA machine, loading libllama after numpy (imported by the
# synthetic-model writer) crashed this process with SIGSEGV (seen on an H200 image).
from llama_cpp import Llama  # noqa: E402

from hangar.core.gguf.synth import write_synthetic  # noqa: E402
from hangar.core.runner import protocol as P  # noqa: E402
from hangar.core.runner.client import EngineClient  # noqa: E402
from hangar.engine.model import physical_cores  # noqa: E402

PROMPT = "The quick brown fox jumps over the lazy dog."


def direct_run(llm, tokens: int) -> float:
    llm.reset()
    started = time.perf_counter()
    out = llm.create_completion(PROMPT, max_tokens=tokens, temperature=0.0, repeat_penalty=1.0)
    elapsed = time.perf_counter() - started
    return out["usage"]["completion_tokens"] / elapsed


def worker_run(client: EngineClient, tokens: int) -> float:
    started = time.perf_counter()
    done = None
    for event in client.generate(P.GenerateOptions(prompt=PROMPT, max_tokens=tokens, temperature=0.0, ignore_eos=True, repeat_penalty=1.0)):
        if isinstance(event, P.Done):
            done = event
    elapsed = time.perf_counter() - started
    return done.n_generated / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="GGUF file (default: a synthetic 'medium' model)")
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--ngl", type=int, default=0, help="GPU layers (needs LLAMA_CPP_LIB_PATH at a GPU build)")
    parser.add_argument("--ctx", type=int, default=1024)
    args = parser.parse_args()

    model = args.model
    if model is None:
        model = Path(tempfile.gettempdir()) / "hangar-bench-medium-f16.gguf"
        if not model.exists():
            write_synthetic(model, "medium", f16=True)

    settings = dict(n_ctx=args.ctx, n_threads=args.threads, n_gpu_layers=args.ngl)
    print(f"model {model} ({model.stat().st_size / 2**20:.0f} MiB), {args.threads} threads, ngl {args.ngl}, "
          f"{args.tokens} tokens x {args.reps} reps, library {os.environ.get('LLAMA_CPP_LIB_PATH', 'bundled CPU build')}")
    llm = Llama(str(model), n_threads_batch=args.threads, verbose=False, flash_attn=False, **settings)
    direct_run(llm, 16)  # warm-up
    runtime_env = {"LLAMA_CPP_LIB_PATH": os.environ["LLAMA_CPP_LIB_PATH"]} if "LLAMA_CPP_LIB_PATH" in os.environ else {}
    client = EngineClient(runtime_name="bench", runtime_env=runtime_env)
    client.load(P.LoadOptions(path=str(model), n_ctx=args.ctx, n_threads=args.threads, n_gpu_layers=args.ngl, flash_attn="off"))
    worker_run(client, 16)
    direct, worker = [], []
    for rep in range(args.reps):
        direct.append(direct_run(llm, args.tokens))
        worker.append(worker_run(client, args.tokens))
        print(f"rep {rep + 1}: direct {direct[-1]:8.1f} t/s   worker {worker[-1]:8.1f} t/s")
    client.close()
    d, w = statistics.median(direct), statistics.median(worker)
    ratio = w / d
    print(f"median: direct {d:.1f} t/s, worker {w:.1f} t/s, ratio worker/direct = {ratio:.3f} (target >= 0.97): {'PASS' if ratio >= 0.97 else 'FAIL'}")
    return 0 if ratio >= 0.97 else 1


if __name__ == "__main__":
    sys.exit(main())
