"""hangar-cli models, import and remove: the local library."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from ..core.common.units import format_bytes
from .framework import Result

_FIELDS = ("id", "name", "path", "size_bytes", "sha256", "architecture", "quant", "parameters", "context_length", "license", "repo", "revision", "source", "family", "synthetic", "last_used_at")


class Models:
    NAME = "models"
    HELP = "list the models in the library"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--scan", action="store_true", help="first look for GGUF files in the Hugging Face cache and Ollama's store")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        if args.scan:
            for path, reason in app.library.scan_other_apps().refused:  # the scan went on past them
                args.out.progress(f"refused {path}: {reason}")
        models = app.library.list()
        data = [{k: m.to_dict()[k] for k in _FIELDS} for m in models]
        lines = [f"{m.id:>4}  {m.name[:40]:<40} {m.quant or '?':<8} {format_bytes(m.size_bytes):>10}  {m.architecture or '?':<10} {m.source:<9} {m.path}" for m in models]
        return Result(data, "\n".join(lines) or "the library is empty")


class Import:
    NAME = "import"
    HELP = "add a GGUF file, or every GGUF file in a folder, to the library (files stay where they are)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("path", type=Path)

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        result = app.library.import_path(args.path)
        added, refused = result.added, result.refused
        data = {"added": [m.to_dict() for m in added], "refused": [{"path": p, "reason": r} for p, r in refused]}
        lines = [f"added {m.name} ({m.path})" for m in added] + [f"refused {p}: {r}" for p, r in refused]
        code = 1 if refused and not added else 0
        for path, reason in refused:
            args.out.progress(f"refused {path}: {reason}")
        return Result(data, "\n".join(lines) or "no GGUF files found", exit_code=code)


class Remove:
    NAME = "remove"
    HELP = "remove a model from the library (--delete-file also deletes a file Hangar downloaded)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("model", help="id, path, name or repo")
        parser.add_argument("--delete-file", action="store_true", help="delete the file too, freeing disk space")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        model, freed = app.library.remove(args.model, delete_file=args.delete_file)
        data = {"removed": model.id, "path": model.path, "freed_bytes": freed}
        return Result(data, f"removed {model.name}" + (f", freed {format_bytes(freed)}" if freed else ""))
