"""hangar-cli run: load a GGUF model in a worker process and stream a completion to stdout."""

from __future__ import annotations

import argparse
import sys

from ..core.app import Hangar, LoadRequest
from ..core.common.errors import ModelTooLarge
from ..core.common.units import GIB
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
    parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL, help="layers to put on the GPU/NPU (-1, the default: all that fit)")
    add_placement_arguments(parser)
    parser.add_argument("--ctx", type=int, default=4096, help="context size in tokens (default: 4096)")
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--temperature", type=float, default=0.8)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--threads", type=int, default=0, help="CPU threads (default: one per physical core)")
    parser.add_argument("--no-fallback", action="store_true", help="fail instead of falling back to the CPU")
    parser.add_argument("--force", action="store_true", help="load even if the memory estimate says it does not fit")


def add_placement_arguments(parser: argparse.ArgumentParser, *, auto: bool = True) -> None:
    """--n-cpu-moe, --split-mode, --tensor-split, --main-gpu with llama.cpp's meaning (run, and bench with llama-bench's defaults)."""
    moe_help = "keep the expert tensors of the first N layers in RAM (llama.cpp's --n-cpu-moe); auto: as few as the memory plan needs"
    parser.add_argument("--n-cpu-moe", "-ncmoe", type=experts, default=None if auto else 0, metavar="N|auto",
                        help=moe_help + (" (the default)" if auto else " (default 0, as llama-bench)"))  # fmt: skip
    parser.add_argument("--split-mode", "-sm", choices=P.SPLIT_MODES, default="layer", help="how several GPUs share the model (default layer)")
    parser.add_argument("--tensor-split", "-ts", type=tensor_split, default=None, metavar="A,B,...",
                        help="each GPU's share, e.g. 3,1 (or 3/1); default: by free memory")  # fmt: skip
    parser.add_argument("--main-gpu", "-mg", type=int, default=0, help="the GPU for the whole model with --split-mode none (default 0)")
    parser.add_argument("--vram-limit", type=float, default=None, metavar="GIB",
                        help="plan each GPU as if it had at most this many GiB free (a smaller card's plan on a big one)")  # fmt: skip


def experts(text: str) -> int | None:
    """A number of layers, or ``auto`` (None: the plan decides)."""
    if text.strip().lower() == "auto":
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number of layers or auto, not {text!r}") from None


def vram_limit_bytes(args: argparse.Namespace) -> int | None:
    return int(args.vram_limit * GIB) if args.vram_limit else None


def tensor_split(text: str) -> list[float]:
    """``3,1`` or ``3/1`` (llama-bench's separator) as shares."""
    try:
        shares = [float(part) for part in text.replace("/", ",").replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not shares:
        raise argparse.ArgumentTypeError("give at least one share")
    return shares


def run(args: argparse.Namespace, app: Hangar) -> Result:
    say = args.out.progress
    request = LoadRequest(str(args.model), n_ctx=args.ctx, runtime=args.runtime, n_gpu_layers=args.ngl, n_threads=args.threads or None,
                          allow_fallback=False if args.no_fallback else None, force=args.force, n_cpu_moe=args.n_cpu_moe,
                          split_mode=args.split_mode, tensor_split=args.tensor_split, main_gpu=args.main_gpu,
                          vram_limit_bytes=vram_limit_bytes(args))  # fmt: skip
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
        "plan": loaded.plan.to_dict() if loaded.plan is not None else None,
        "stop_reason": done.stop_reason.value,
        "n_prompt": done.n_prompt,
        "n_generated": done.n_generated,
        "ttft_ms": done.ttft_ms,
        "gen_tps": done.gen_tps,
        "warning": warning,
    }
    return Result(data, None)

