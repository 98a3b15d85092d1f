"""hangar-cli synth: write a synthetic GGUF model (random weights) for tests and benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from ..core.common.errors import InvalidInput
from ..core.gguf.synth import PRESETS, write_synthetic
from .framework import Result

NAME = "synth"
HELP = "write a synthetic llama-architecture GGUF model with random weights"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", type=Path, metavar="OUT.gguf", help="file to write")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="tiny", help="model shape (default: tiny)")
    parser.add_argument("--f16", action="store_true", help="store weights as F16 instead of F32")
    parser.add_argument("--seed", type=int, default=0, help="random seed for the weights (default: 0)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT.gguf if it exists")


def run(args: argparse.Namespace, app: Hangar) -> Result:
    del app  # writes a file; needs nothing from the application
    out: Path = args.output
    if out.exists() and not args.force:
        raise InvalidInput(f"{out} already exists; it was left untouched.", hint="Pass --force to overwrite it.")
    if out.exists() and out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name ending in .gguf.")
    path = write_synthetic(out, args.preset, f16=args.f16, seed=args.seed)
    shape = PRESETS[args.preset]
    data = {
        "path": str(path.resolve()),
        "preset": shape.name,
        "size_bytes": path.stat().st_size,
        "weights": "F16" if args.f16 else "F32",
        "synthetic": True,
        "layers": shape.n_layer,
        "embedding_length": shape.n_embd,
    }
    text = f"wrote {data['path']} ({data['size_bytes']:,} bytes, preset {shape.name}, synthetic weights)"
    return Result(data, text)
