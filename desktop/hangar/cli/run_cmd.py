"""hangar-cli run: load a GGUF model in a worker process and stream a completion to stdout."""

from __future__ import annotations

import argparse
import sys

from ..core.app import Hangar, LoadRequest
from ..core.common.errors import ModelTooLarge
from ..core.runner import protocol as P
from ..core.runner.runtimes import KINDS
from .framework import Result
from .terminal import terminal_safe

NAME = "run"
HELP = "run a prompt through a GGUF model (in a separate worker process) and stream the answer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", metavar="MODEL", help="a GGUF file, or a library model (id, name, repo)")
    parser.add_argument("--prompt", required=True, help="the text to complete")
    parser.add_argument("--runtime", choices=KINDS, default="cpu", help="llama.cpp build to use (default: cpu)")
    parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL, help="layers to put on the GPU/NPU (-1: all, the default)")
    parser.add_argument("--ctx", type=int, default=4096, help="context size in tokens (default: 4096)")
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--temperature", type=float, default=0.8)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--threads", type=int, default=0, help="CPU threads (default: one per physical core)")
    parser.add_argument("--no-fallback", action="store_true", help="fail instead of falling back to the CPU")
    parser.add_argument("--force", action="store_true", help="load even if the memory estimate says it does not fit")


def run(args: argparse.Namespace, app: Hangar) -> Result:
    say = args.out.progress
    request = LoadRequest(str(args.model), n_ctx=args.ctx, runtime=args.runtime, n_gpu_layers=args.ngl, n_threads=args.threads or None,
                          allow_fallback=False if args.no_fallback else None, force=args.force)  # fmt: skip
    try:
        loaded = app.models.load(request, on_status=say, on_warning=lambda text: say(f"warning: {text}"))
    except ModelTooLarge as exc:
        exc.hint = "Use a smaller quantisation or context (--ctx), or pass --force to try anyway."
        raise
    client, placement = loaded.client, loaded.placement
    warning = loaded.warnings[0] if loaded.warnings else None
    say(f"running on {placement.summary()}")
    pieces: list[str] = []
    done = P.Done(stop_reason=P.StopReason.CANCELLED)  # until the worker says otherwise
    try:
        generate = P.GenerateOptions(prompt=args.prompt, max_tokens=args.max_tokens, temperature=args.temperature, seed=args.seed)
        for event in client.generate(generate):
            if isinstance(event, P.Token):
                pieces.append(event.text)
                if not args.json:
                    sys.stdout.write(terminal_safe(event.text))  # generated text may hold escape codes
                    sys.stdout.flush()
            else:
                done = event
    except KeyboardInterrupt:
        client.cancel()
        raise
    finally:
        client.close()
    if not args.json:
        sys.stdout.write("\n")
        say(f"{done.n_generated} tokens, {done.gen_tps or 0:.1f} tokens/s, first token after {done.ttft_ms or 0:.0f} ms")
    data = {
        "text": "".join(pieces),
        "placement": placement.to_dict(),
        "stop_reason": done.stop_reason.value,
        "n_prompt": done.n_prompt,
        "n_generated": done.n_generated,
        "ttft_ms": done.ttft_ms,
        "gen_tps": done.gen_tps,
        "warning": warning,
    }
    return Result(data, None)

