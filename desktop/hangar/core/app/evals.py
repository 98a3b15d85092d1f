"""Evaluation suites as the faces run them: a suite over chosen models, stored, compared, exported.

``run`` blocks (the CLI); ``start`` runs it on a thread and reports through an Outbox (the
window), as benchmarks do (bench.py): the stage, each item's result as it is scored, each model's
result once its run is stored, then the whole record. ``cancel`` stops within a fraction of a
second (the worker's generation is cancelled) and keeps what was measured. The suite is read and
checked before any model loads (core/evals/suite.py); models load through ModelHost, the one load
path, one after the other. Each model's run is stored as soon as it ends, so a run cut short
later keeps the models that finished.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..config.resources import resource
from ..evals.runner import EvalSettings, ModelResult, SuiteRunner
from ..evals.suite import Suite, load_suite
from .hosting import LoadRequest, ModelHost
from .outbox import Outbox

EXPORT_FORMATS = ("csv", "json", "html")


@dataclass(frozen=True)
class EvalStatus:
    text: str  # a message (localise it to show it)


@dataclass(frozen=True)
class EvalProgress:
    model_index: int
    n_models: int
    model: str  # its name
    done: int  # items answered by this model
    n_items: int
    passed: int


@dataclass(frozen=True)
class EvalItemDone:
    model_index: int
    item: dict  # runner.py's item result


@dataclass(frozen=True)
class EvalModelDone:
    model_index: int
    result: dict  # ModelResult.to_dict(), with its run_id once stored


@dataclass(frozen=True)
class EvalFinished:
    record: dict


@dataclass(frozen=True)
class EvalFailed:
    error: BaseException


class EvalRun:
    """One suite run on its own thread; ``take_updates`` on the view's thread; ``cancel`` from anywhere."""

    def __init__(self, service: "EvalService", suite: str | Path, models: list[str | int], settings: EvalSettings) -> None:
        self.outbox = Outbox()
        self.running = True
        self.record: dict | None = None
        self._worker = None
        self._cancelled = threading.Event()
        self._ended = threading.Event()  # set after the last update is posted (a Ctrl-C in Thread.join can leave is_alive() wrong)
        post = self.outbox.post

        def started(client) -> None:  # noqa: ANN001
            self._worker = client
            if self._cancelled.is_set():
                client.cancel()

        def work() -> None:
            try:
                record = service.run(suite, models, settings, on_status=lambda text: post(EvalStatus(text)), on_update=post, on_client=started,
                                     cancelled=self._cancelled)  # fmt: skip
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(EvalFailed(exc))
            else:
                self.record = record
                post(EvalFinished(record))
            finally:
                self._ended.set()

        self._thread = threading.Thread(target=work, name="evaluation", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    def cancel(self) -> None:
        self._cancelled.set()
        worker = self._worker
        if worker is not None:
            worker.cancel()

    def join(self, timeout: float | None = None) -> bool:
        """True once the run has ended and posted its last update (safe to interrupt with Ctrl-C)."""
        return self._ended.wait(timeout)

    def take_updates(self) -> list:
        updates = self.outbox.take()
        if any(isinstance(u, (EvalFinished, EvalFailed)) for u in updates):
            self.running = False
        return updates


class EvalService:
    def __init__(self, ctx: AppContext, host: ModelHost) -> None:
        self._ctx, self._host = ctx, host

    # -- suites ---------------------------------------------------------------------------------
    @staticmethod
    def shipped_suites() -> list[Suite]:
        """The suites written for Hangar (resources/evals/), each read and checked."""
        return [load_suite(path) for path in sorted(resource("evals").glob("*.jsonl"))]

    @staticmethod
    def load_suite(path: str | Path) -> Suite:
        """A suite file read and checked (SuiteError with the line of the first problem)."""
        return load_suite(path)

    def resolve_suite(self, name_or_path: str | Path) -> Path:
        """A suite file, or a shipped suite by its file stem ("instructions-en")."""
        path = Path(name_or_path).expanduser()
        if path.is_file():
            return path
        shipped = resource("evals", f"{name_or_path}.jsonl")
        if shipped.is_file():
            return shipped
        return path  # load_suite says it does not exist

    # -- running --------------------------------------------------------------------------------
    def start(self, suite: str | Path, models: list[str | int], settings: EvalSettings | None = None) -> EvalRun:
        return EvalRun(self, suite, models, settings or EvalSettings())

    def run(self, suite: str | Path, models: list[str | int], settings: EvalSettings | None = None, *,
            on_status: Callable[[str], None] = lambda text: None, on_update: Callable[[object], None] = lambda update: None,
            on_client: Callable[[object], None] = lambda client: None, cancelled: threading.Event | None = None) -> dict:  # fmt: skip
        """Run ``suite`` (a file or a shipped suite's name) over ``models``; returns the record (suite,
        settings, each model's result with its stored run_id, the paired comparisons). Raises SuiteError
        before anything loads; a model that fails is in the record, not raised."""
        from ..evals.export import comparisons
        from ..evals.store import save_run

        if not models:
            raise InvalidInput(QT_TR_NOOP("Choose at least one model to evaluate."))
        settings = settings or EvalSettings()
        problem = settings.generate_options(_probe_item(), None).problem()
        if problem:
            raise InvalidInput(problem, hint=QT_TR_NOOP("Nothing was run; give a value inside that range."))
        suite_obj = load_suite(self.resolve_suite(suite))
        cancelled = cancelled or threading.Event()
        batch, started = uuid.uuid4().hex, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        n_items, n_models = len(suite_obj.items), len(models)
        counts: dict[int, list[int]] = {}
        names: dict[int, str] = {}
        results: list[dict] = []

        def on_model(index: int, model: dict) -> None:
            names[index] = model["name"]
            counts[index] = [0, 0]
            on_update(EvalProgress(index, n_models, model["name"], 0, n_items, 0))

        def on_item(index: int, _position: int, item: dict) -> None:
            counts[index][0] += 1
            counts[index][1] += bool(item["passed"])
            on_update(EvalItemDone(index, item))
            on_update(EvalProgress(index, n_models, names[index], counts[index][0], n_items, counts[index][1]))

        def on_model_done(index: int, result: ModelResult) -> None:
            result.run_id = save_run(self._ctx.database, batch, suite_obj.to_dict(), settings.to_dict(), result.to_dict())
            done = result.to_dict() | {"suite": suite_obj.to_dict(), "settings": settings.to_dict()}
            results.append(done)
            on_update(EvalModelDone(index, done))

        def load(path: Path, s: EvalSettings, status, client):  # noqa: ANN001, ANN202
            request = LoadRequest(model=str(path), n_ctx=s.n_ctx, runtime=s.runtime, n_gpu_layers=s.n_gpu_layers, n_threads=s.n_threads, force=s.force)
            return self._host.load(request, on_status=status, on_client=client)

        on_status(QT_TR_NOOP("{suite}: {items} items over {models} models", suite=suite_obj.name, items=n_items, models=n_models))
        SuiteRunner(self._host.resolve, load, suite_obj, models, settings, on_status=on_status, on_model=on_model, on_item=on_item,
                    on_model_done=on_model_done, on_client=on_client, cancelled=cancelled).run()  # fmt: skip
        return {"format": "hangar-eval-run/1", "batch": batch, "suite": suite_obj.to_dict(), "settings": settings.to_dict(), "models": results,
                "comparisons": comparisons(results), "status": "cancelled" if cancelled.is_set() else "ok", "started_at": started,
                "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}  # fmt: skip

    # -- stored runs ----------------------------------------------------------------------------
    def runs(self, limit: int = 200, suite_sha256: str | None = None) -> list[dict]:
        """Stored runs, newest first (without their items)."""
        from ..evals.store import runs

        return runs(self._ctx.database, limit, suite_sha256)

    def stored(self, run_id: int) -> dict:
        """One stored run with its items."""
        from ..evals.store import run

        found = run(self._ctx.database, run_id)
        if found is None:
            raise InvalidInput(QT_TR_NOOP("There is no evaluation run #{run_id}.", run_id=run_id))
        return found

    def compare(self, run_a: int, run_b: int) -> dict:
        """Two stored runs of the same suite, item by item (McNemar's exact test)."""
        from ..evals.export import comparisons

        a, b = self.stored(run_a), self.stored(run_b)
        if a["suite"]["sha256"] != b["suite"]["sha256"]:
            raise InvalidInput(QT_TR_NOOP("Runs #{a} and #{b} are of different suites (or versions of one): only runs of the same items compare.",
                                          a=run_a, b=run_b))  # fmt: skip
        return comparisons([a, b])[0]

    def delete(self, run_id: int) -> bool:
        from ..evals.store import delete_run

        return delete_run(self._ctx.database, run_id)

    def export(self, run_ids: list[int] | list[dict], path: str | Path, fmt: str | None = None) -> Path:
        """Write stored runs (ids, or runs with their items) as CSV, JSON or HTML (by ``fmt`` or the file's suffix)."""
        from ..evals.export import to_csv, to_html, to_json

        path = Path(path).expanduser()
        fmt = (fmt or path.suffix.lstrip(".")).lower()
        if fmt == "htm":
            fmt = "html"
        if fmt not in EXPORT_FORMATS:
            raise InvalidInput(QT_TR_NOOP("Export as csv, json or html, not '{format}'.", format=fmt))
        runs = [r if isinstance(r, dict) and "items" in r else self.stored(r["run_id"] if isinstance(r, dict) else r) for r in run_ids]
        text = {"csv": to_csv, "json": to_json, "html": to_html}[fmt](runs)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(QT_TR_NOOP("Cannot write {file}: {error}", file=str(path), error=exc.strerror or exc)) from exc
        return path


def _probe_item():
    from ..evals.suite import Item

    return Item(id="probe", line=0, scorer="exact", prompt="x")
