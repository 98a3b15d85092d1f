"""Benchmarks as the faces run them: the model is found through the library (a vanished
file is a plain message), the run is stored, the history is read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..config.context import AppContext
from .library import LibraryService


class BenchService:
    def __init__(self, ctx: AppContext, library: LibraryService) -> None:
        self._ctx, self._library = ctx, library

    def run(self, spec, *, on_status: Callable[[str], None] = lambda text: None,
            on_progress: Callable[[str, float], None] = lambda stage, fraction: None,
            on_client: Callable[[object], None] = lambda client: None) -> dict:  # fmt: skip
        """Run ``spec`` (core.bench's options); returns the stored record."""
        from ..bench.runs import run_benchmark

        used, sha256 = None, None
        if spec.model:
            used = self._library.by_path(spec.model) if Path(spec.model).is_file() else self._library.usable(spec.model)
            if used is not None:
                spec, sha256 = replace(spec, model=used.path), used.sha256
        record = run_benchmark(self._ctx, spec, on_status=on_status, on_progress=on_progress, on_client=on_client, sha256=sha256)
        if used is not None:
            self._library.touch(used)
        return record

    def history(self, limit: int = 100) -> list[dict]:
        from ..bench.runs import runs

        return runs(self._ctx.database, limit)
