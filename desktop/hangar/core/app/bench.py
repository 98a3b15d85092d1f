"""Benchmarks as the faces run them: the model is found through the library (a vanished
file is a plain message), the run is stored, the history is read back.

``run`` blocks (the CLI); ``start`` runs it on a thread and reports through an Outbox
(the window), the same way the chat controller does: the stage and how far it is
(``BenchProgress``, while a synthetic model is written and quantised too), each test's
result as soon as it exists (``BenchTestDone``), then the record. ``unsteady`` says which
tests' repetitions disagree (core/bench/variation.py) and ``options_for`` how to run a
stored run again. The cache folder, where synthetic models are kept, is measured and
cleared here too (core/bench/cache.py), never while a benchmark holds it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Callable

from ..bench.cache import CacheUsage
from ..config.context import AppContext
from ..runner import protocol as P
from .hosting import ModelHost
from .library import LibraryService
from .outbox import Outbox


@dataclass(frozen=True)
class BenchStatus:
    text: str  # a message (localise it to show it)


@dataclass(frozen=True)
class BenchProgress:
    stage: str  # a message: "pp512: repetition 2 of 5", "quantising to Q4_K_M ..."
    fraction: float | None  # of this stage; None: not known (show a busy bar and the time it has taken)


@dataclass(frozen=True)
class BenchTestDone:
    result: dict  # one test (a protocol BenchTest as a dict), as soon as its repetitions have run


@dataclass(frozen=True)
class BenchFinished:
    record: dict


@dataclass(frozen=True)
class BenchFailed:
    error: BaseException


class BenchRun:
    """One benchmark on its own thread; ``take_updates`` on the view's thread."""

    def __init__(self, service: "BenchService", spec: P.BenchOptions) -> None:
        self.outbox = Outbox()
        self.running = True
        self._worker = None  # the EngineClient, once it exists, so Cancel can reach it
        self._cancelled = threading.Event()
        post = self.outbox.post

        def started(client) -> None:  # noqa: ANN001
            self._worker = client
            if self._cancelled.is_set():
                client.cancel()

        def work() -> None:
            try:
                record = service.run(spec, on_status=lambda text: post(BenchStatus(text)),
                                     on_progress=lambda stage, fraction: post(BenchProgress(stage, fraction)),
                                     on_result=lambda result: post(BenchTestDone(result)), on_client=started,
                                     should_stop=self._cancelled.is_set)  # fmt: skip
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(BenchFailed(exc))
                return
            post(BenchFinished(record))

        threading.Thread(target=work, name="benchmark", daemon=True).start()

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    def cancel(self) -> None:
        self._cancelled.set()
        worker = self._worker
        if worker is not None:
            worker.cancel()

    def take_updates(self) -> list:
        updates = self.outbox.take()
        if any(isinstance(u, (BenchFinished, BenchFailed)) for u in updates):
            self.running = False
        return updates


class BenchService:
    def __init__(self, ctx: AppContext, library: LibraryService, host: ModelHost) -> None:
        self._ctx, self._library, self._host = ctx, library, host

    def start(self, spec: P.BenchOptions) -> BenchRun:
        return BenchRun(self, spec)

    def run(self, spec: P.BenchOptions, *, on_status: Callable[[str], None] = lambda text: None,
            on_progress: Callable[[str, float | None], None] = lambda stage, fraction: None,
            on_result: Callable[[dict], None] = lambda result: None,
            on_client: Callable[[object], None] = lambda client: None, should_stop: Callable[[], bool] = lambda: False) -> dict:  # fmt: skip
        """Run ``spec`` (runner.protocol.BenchOptions) in this thread; returns the stored record."""
        from ..bench.runs import run_benchmark

        used, sha256 = None, None
        if spec.model:  # found the way a load finds it (a vanished file, a stale id: the same plain messages)
            path, used = self._host.resolve(spec.model)
            spec, sha256 = replace(spec, model=str(path)), used.sha256 if used is not None else None
        record = run_benchmark(self._ctx, spec, on_status=on_status, on_progress=on_progress, on_result=on_result, on_client=on_client,
                               should_stop=should_stop, sha256=sha256)  # fmt: skip
        if used is not None:
            self._library.touch(used)
        return record

    def history(self, limit: int = 100) -> list[dict]:
        from ..bench.runs import runs

        return runs(self._ctx.database, limit)

    @staticmethod
    def unsteady(record: dict) -> list:
        """The record's tests whose repetitions disagree by more than 10 % (core/bench/variation.py), each with a sentence."""
        from ..bench.variation import unsteady_tests

        return unsteady_tests(record.get("results") or [])

    def options_for(self, record: dict) -> P.BenchOptions:
        """The options that run a stored run again: the same model (or synthetic shape), tests and settings."""
        from ..bench.runs import options_of

        return options_of(record, self._ctx.paths.cache)

    def cache(self) -> CacheUsage:
        """The cache folder (the synthetic models kept for the next run) and its size."""
        from ..bench.cache import cache_usage

        return cache_usage(self._ctx.paths.cache)

    def clear_cache(self) -> CacheUsage:
        """Delete what is in the cache folder, nothing outside it; returns what was freed.
        CacheInUse (a message) while a benchmark here or in another process holds it."""
        from ..bench.cache import clear_cache

        return clear_cache(self._ctx.paths.cache)
