"""Serving benchmarks as the faces run them (core/loadgen does the measuring).

``run`` blocks (the CLI's thread); ``start`` runs it on a thread and reports through an Outbox
(the window's Benchmark pane), as bench.py's BenchRun does: statuses, progress per finished
request, then the run document or the failure. ``cancel`` ends a run within a fraction of a
second and still finishes with the document of what was measured.

A finished run is stored in the fleet store (core/fleet/store.py), where it is compared with the runs
of other machines, unless no level ran. The API
key comes from a file or ``HANGAR_API_KEY``, never from a command line, and is masked wherever
text leaves the process (core/common/secrets.py).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from ..common.errors import HangarError
from ..config.context import AppContext
from ..loadgen.benchmark import BenchServeSpec, ServeBenchmark
from ..loadgen.document import machine_facts
from ..loadgen.sweep import Progress
from .api_keys import key_file_secrets
from .outbox import Outbox

log = logging.getLogger(__name__)
API_KEY_ENV = "HANGAR_API_KEY"


@dataclass(frozen=True)
class ServeBenchStatus:
    text: str


@dataclass(frozen=True)
class ServeBenchProgress:
    progress: Progress


@dataclass(frozen=True)
class ServeBenchFinished:
    document: dict
    cancelled: bool = False
    run_id: int | None = None  # the fleet store's id for it, once stored


@dataclass(frozen=True)
class ServeBenchFailed:
    error: BaseException


def api_key(key_file: Path | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The endpoint's key: the first in ``key_file`` (one a line, # comments skipped), else HANGAR_API_KEY, else None."""
    if key_file is not None:
        return key_file_secrets(Path(key_file))[0]
    value = (environ if environ is not None else os.environ).get(API_KEY_ENV, "").strip()
    return value or None


class ServeBenchRun:
    """One serving benchmark on its own thread; ``take_updates`` on the view's thread."""

    def __init__(self, service: "BenchServeService", spec: BenchServeSpec) -> None:
        self.outbox = Outbox()
        self.running = True
        self.outcome: ServeBenchFinished | ServeBenchFailed | None = None  # also kept here, for a caller interrupted while taking updates
        outbox = self.outbox

        def post(update) -> None:  # noqa: ANN001
            if isinstance(update, (ServeBenchFinished, ServeBenchFailed)):
                self.outcome = update
            outbox.post(update)

        self._benchmark = ServeBenchmark(spec, on_status=lambda text: post(ServeBenchStatus(text)),
                                         on_progress=lambda p: post(ServeBenchProgress(p)), machine=service.machine)  # fmt: skip

        def work() -> None:
            try:
                document, run_id = service.finish(self._benchmark)
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(ServeBenchFailed(exc))
                return
            post(ServeBenchFinished(document, self._benchmark.cancelled, run_id))

        self._thread = threading.Thread(target=work, name="bench-serve", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    def cancel(self) -> None:
        self._benchmark.cancel()

    def join(self, timeout_s: float | None = None) -> bool:
        """Wait for the thread (the CLI); True once it has ended."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def take_updates(self) -> list:
        updates = self.outbox.take()
        if any(isinstance(u, (ServeBenchFinished, ServeBenchFailed)) for u in updates):
            self.running = False
        return updates


class BenchServeService:
    """Built over the app's context, a finished run is stored in the fleet store (core/fleet/store.py: checked
    against the schema, one row per run) beside the runs imported from other machines. ``save`` replaces that
    (None with no context: runs are returned, not kept)."""

    def __init__(self, ctx: AppContext | None = None, *, save: Callable[[dict], object] | None = None,
                 machine: Callable[[str | None], dict] = machine_facts) -> None:  # fmt: skip
        if save is None and ctx is not None:
            from ..fleet.store import save_run

            def save(document: dict) -> int:
                return save_run(ctx.database, document)

        self.save = save
        self.machine = machine

    def start(self, spec: BenchServeSpec) -> ServeBenchRun:
        return ServeBenchRun(self, spec)

    def run(self, spec: BenchServeSpec, *, on_status: Callable[[str], None] = lambda text: None,
            on_progress: Callable[[Progress], None] = lambda progress: None) -> dict:  # fmt: skip
        """Run ``spec`` in this thread; returns the run document (saved when ``save`` is given)."""
        document, _run_id = self.finish(ServeBenchmark(spec, on_status=on_status, on_progress=on_progress, machine=self.machine))
        return document

    def finish(self, benchmark: ServeBenchmark) -> tuple[dict, int | None]:
        """Run ``benchmark`` and store its document; (the document, the stored id or None)."""
        document = benchmark.run()
        if self.save is None or not document["levels"]:
            return document, None
        try:
            stored = self.save(document)
        except HangarError as exc:  # the numbers are still returned (and --out still writes them)
            log.warning("the serving benchmark could not be stored: %s", exc.message)
            benchmark.on_status(str(exc.message))
            return document, None
        return document, stored if isinstance(stored, int) else None
