"""hangar-cli synth: write a synthetic GGUF model (random weights) for tests and benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from ..core.common.errors import InvalidInput
from ..core.gguf.synth import PRESETS, write_synthetic
from .framework import Result

NAME = "synth"
HELP = "write a synthetic GGUF model with random weights (llama, or Qwen3-MoE for the qwen3 shapes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", type=Path, metavar="OUT.gguf", help="file to write")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="tiny", help="model shape (default: tiny)")
    parser.add_argument("--f16", action="store_true", help="store weights as F16 instead of F32")
    parser.add_argument("--q8-0", action="store_true", help="store every matrix as Q8_0 (no F16 file first: half the disk)")
    parser.add_argument("--large", action="store_true", help="write a shape that exists as a header only (qwen3-30b-a3b: 32 GB as Q8_0)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for the weights (default: 0)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT.gguf if it exists")


def run(args: argparse.Namespace, app: Hangar) -> Result:
    del app  # writes a file; needs nothing from the application
    out: Path = args.output
    if out.exists() and not args.force:
        raise InvalidInput(f"{out} already exists; it was left untouched.", hint="Pass --force to overwrite it.")
    if out.exists() and out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name ending in .gguf.")
    if PRESETS[args.preset].header_only and not args.large:
        raise InvalidInput(f"the {args.preset} shape exists as a header for memory plans; its file is too large for most disks.",
                           hint="Pass --large (with --q8-0: no F16 file first) to write it anyway.")
    if args.f16 and args.q8_0:
        raise InvalidInput("--f16 and --q8-0 name two weight types; give one.")
    path = write_synthetic(out, args.preset, f16=args.f16, q8_0=args.q8_0, large=args.large, seed=args.seed)
    shape = PRESETS[args.preset]
    data = {
        "path": str(path.resolve()),
        "preset": shape.name,
        "size_bytes": path.stat().st_size,
        "weights": "Q8_0" if args.q8_0 else "F16" if args.f16 else "F32",
        "synthetic": True,
        "layers": shape.n_layer,
        "embedding_length": shape.n_embd,
    }
    text = f"wrote {data['path']} ({data['size_bytes']:,} bytes, preset {shape.name}, synthetic weights)"
    return Result(data, text)
