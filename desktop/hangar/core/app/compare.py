"""The Compare view's state, without Qt: one comparison of 2 to 4 models on one prompt.

Like ChatController (conversation.py): loads and answers run on their own threads and only
post to ``outbox``; the view calls ``take_updates()`` on its own thread and only then does the
session change. Each column loads its model through the one load path (ModelHost.load, or the
endpoints for ``remote:ENDPOINT:MODEL``), streams its answer, and closes its worker when it
ends: a comparison holds no model afterwards. A column that fails (its model does not load,
its worker dies) says why in that column; the others go on.

Together or one after another (core/compare/schedule.py): the models stream at the same time
when the machine holds them all, otherwise each loads, answers and closes in turn; the view
says which, and why.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..chat.params import generate_options
from ..common.i18n import QT_TR_NOOP
from ..compare import store
from ..compare.schedule import Schedule, decide, needed_bytes
from ..compare.session import ColumnState, CompareSession
from ..runner import protocol as P
from .hosting import LoadRequest

if TYPE_CHECKING:
    from .hangar import Hangar

log = logging.getLogger(__name__)
START_WAIT_S = 600.0  # the longest a loaded column waits for the others to load (each load has its own time-outs)


# -- what the view is told -------------------------------------------------------------------------
@dataclass(frozen=True)
class Scheduled:
    schedule: Schedule


@dataclass(frozen=True)
class ColumnText:
    index: int
    text: str  # the tokens since the last update, joined


@dataclass(frozen=True)
class ColumnChanged:
    index: int  # its state or figures changed (the session holds them)


@dataclass(frozen=True)
class Finished:
    session: CompareSession  # every column has ended; the session is saved


Update = Scheduled | ColumnText | ColumnChanged | Finished


@dataclass(frozen=True)
class _State:
    index: int
    state: ColumnState
    error: str | None = None


@dataclass(frozen=True)
class _Token:
    index: int
    event: P.Token


@dataclass(frozen=True)
class _Done:
    index: int
    event: P.Done
    stopped: bool


def _distinct(models: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Two files with the same name in the library (two quants of one model) get their file names added."""
    names = [name for _ref, name, _remote in models]
    return [(ref, f"{name} ({ref.replace(chr(92), '/').rsplit('/', 1)[-1]})" if names.count(name) > 1 and not remote else name, remote)
            for ref, name, remote in models]  # fmt: skip


class CompareController:
    def __init__(self, app: Hangar) -> None:
        self._app = app
        from .outbox import Outbox

        self.outbox = Outbox()
        self.session: CompareSession | None = None
        self.schedule: Schedule | None = None
        self.running = False
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._cancels: dict[int, object] = {}  # column -> what Stop cancels now (a stream, or the loading worker)

    # -- what can be compared ------------------------------------------------------------------------
    def choices(self) -> list[tuple[str, str, bool]]:
        """(ref, name, remote): the library's models, then the remote endpoints' (none when the policy forbids them)."""
        local = [(m.path, m.name, False) for m in self._app.library.list()]
        return _distinct(local + [(t.ref, f"{t.model} ({t.endpoint})", True) for t in self._app.endpoints.choices()])

    def name_of(self, ref: str) -> tuple[str, bool]:
        found = self._app.endpoints.parse_ref(ref) if str(ref).startswith("remote:") else None
        if found is not None:
            return f"{found[1]} ({found[0].name})", True
        try:
            path, model = self._app.models.resolve(ref)
        except Exception:  # noqa: BLE001 - the load says why, in the column
            return str(ref).rsplit("/", 1)[-1], False
        return (model.name if model is not None else path.name), False

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    # -- a comparison --------------------------------------------------------------------------------
    def start(self, refs: list[str], prompt: str, params: dict | None = None, *, blind: bool = False, system_prompt: str = "") -> CompareSession:
        """Begin a comparison (InvalidInput when it cannot: see CompareSession.create); returns its session."""
        if self.running:
            from ..common.errors import InvalidInput

            raise InvalidInput(QT_TR_NOOP("A comparison is running; stop it first."))
        models = _distinct([(str(ref), *self.name_of(str(ref))) for ref in refs])
        session = CompareSession.create(models, prompt, system_prompt=system_prompt, params=params, blind=blind)
        self.session, self.schedule, self.running = session, None, True
        self._stop.clear()
        refs_shown = [c.ref for c in session.columns]
        n_ctx, options = int(session.params["n_ctx"]), replace(generate_options(session.params), messages=session.messages())
        post = self.outbox.post

        def work() -> None:
            try:
                schedule = self.plan_schedule(refs_shown, n_ctx)
            except Exception as exc:  # noqa: BLE001 - without the figures, the safe way
                log.warning("compare: no memory figures (%s); one after another", exc)
                schedule = Schedule(False, len(refs_shown), 0, 0)
            post(Scheduled(schedule))
            if schedule.together:
                # Loaded in parallel, started together: a model whose load finished first must not
                # stream alone, or its speed is measured on a quieter machine than the others'.
                start = threading.Barrier(len(refs_shown))
                threads = [threading.Thread(target=self._column, args=(i, ref, n_ctx, options, start), name=f"compare-{i}", daemon=True)
                           for i, ref in enumerate(refs_shown)]  # fmt: skip
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
            else:
                for i, ref in enumerate(refs_shown):
                    self._column(i, ref, n_ctx, options)

        threading.Thread(target=work, name="compare", daemon=True).start()
        return session

    def plan_schedule(self, refs: list[str], n_ctx: int) -> Schedule:
        """Together when the machine holds every local model at once (tests replace this)."""
        from ..runner.fit import ram_available_bytes
        from ..runner.plan import runtime_devices

        devices = runtime_devices(self._app.models.runtime(None), ram_available_bytes())
        needs = []
        for ref in refs:
            if self._app.endpoints.parse_ref(ref) is not None:
                needs.append(0)
                continue
            try:
                path, _model = self._app.models.resolve(ref)
            except Exception:  # noqa: BLE001 - its load fails and says why
                needs.append(0)
                continue
            needs.append(needed_bytes(path, devices, n_ctx))
        return decide(needs, sum(d.free_bytes for d in devices))

    def _column(self, index: int, ref: str, n_ctx: int, options: P.GenerateOptions, start: threading.Barrier | None = None) -> None:
        """On a thread: load, stream, close. Every outcome is posted; nothing is raised. With ``start``
        (together), the column waits there after its load until every column has loaded or failed."""
        post = self.outbox.post
        met = False

        def meet() -> None:  # every column passes the start line exactly once, loaded or not
            nonlocal met
            if start is not None and not met:
                met = True
                try:
                    start.wait(timeout=START_WAIT_S)
                except threading.BrokenBarrierError:
                    pass

        if self._stop.is_set():
            meet()
            post(_State(index, ColumnState.STOPPED))
            return
        post(_State(index, ColumnState.LOADING))
        loaded = None
        try:
            def started(client) -> None:  # noqa: ANN001 - EngineClient
                with self._lock:
                    self._cancels[index] = client
                if self._stop.is_set():
                    client.cancel()

            if self._app.endpoints.parse_ref(ref) is not None:
                loaded = self._app.endpoints.open_model(ref, n_ctx)
            else:
                loaded = self._app.models.load(LoadRequest(ref, n_ctx=n_ctx), on_client=started)
            meet()
            if self._stop.is_set():
                post(_State(index, ColumnState.STOPPED))
                return
            post(_State(index, ColumnState.STREAMING))
            stream = loaded.client.generate(options)
            with self._lock:
                self._cancels[index] = stream
            if self._stop.is_set():
                stream.cancel()
            done = P.Done(stop_reason=P.StopReason.CANCELLED)
            for event in stream:
                if isinstance(event, P.Token):
                    post(_Token(index, event))
                else:
                    done = event
            post(_Done(index, done, self._stop.is_set() or done.stop_reason == P.StopReason.CANCELLED))
        except BaseException as exc:  # noqa: BLE001 - this column failed; the others go on
            stopped = self._stop.is_set() and getattr(exc, "code", "") == P.E_CANCELLED
            post(_State(index, ColumnState.STOPPED if stopped else ColumnState.FAILED, None if stopped else (getattr(exc, "message", None) or str(exc))))
        finally:
            meet()  # a load that failed still lets the others start
            with self._lock:
                self._cancels.pop(index, None)
            if loaded is not None:
                loaded.close()

    def stop(self) -> None:
        """Stop every column now: answers keep what they have, models not yet loaded are not."""
        if not self.running:
            return
        self._stop.set()
        with self._lock:
            cancels = list(self._cancels.values())
        for target in cancels:
            try:
                target.cancel()
            except Exception as exc:  # noqa: BLE001 - a worker that already ended
                log.debug("compare: cancel: %s", exc)

    def vote(self, column: int | None, note: str = "") -> CompareSession:
        """The better answer (a column), or a tie (None), with a note; saved. Blind names show after this."""
        session = self.session
        if session is None:
            from ..common.errors import InvalidInput

            raise InvalidInput(QT_TR_NOOP("Compare some models first."))
        session.vote(column, note)
        store.save(self._app.ctx.database, session)
        return session

    # -- stored sessions -----------------------------------------------------------------------------
    def sessions(self, limit: int = 200) -> list[CompareSession]:
        return store.sessions(self._app.ctx.database, limit)

    def open(self, session_id: int) -> CompareSession | None:
        """A stored session, to show read-only (the running one is not replaced)."""
        return store.load(self._app.ctx.database, session_id)

    def delete(self, session_id: int) -> bool:
        return store.delete(self._app.ctx.database, session_id)

    # -- the one way updates reach the view ----------------------------------------------------------
    def take_updates(self) -> list[Update]:
        session, updates = self.session, []
        for item in self.outbox.take():
            if session is None:
                continue
            if isinstance(item, Scheduled):
                self.schedule = item.schedule
                session.together, session.schedule_words = item.schedule.together, item.schedule.words()
                for column in session.columns:
                    column.state = ColumnState.WAITING
                updates.append(item)
                continue
            column = session.columns[item.index]
            if isinstance(item, _Token):
                event = item.event
                column.text += event.text
                column.n_generated, column.n_prompt, column.ttft_ms, column.gen_tps = event.n, event.n_prompt, event.ttft_ms, event.gen_tps
                last = updates[-1] if updates else None
                if isinstance(last, ColumnText) and last.index == item.index:
                    updates[-1] = ColumnText(item.index, last.text + event.text)
                else:
                    updates.append(ColumnText(item.index, event.text))
                if not any(isinstance(u, ColumnChanged) and u.index == item.index for u in updates):
                    updates.append(ColumnChanged(item.index))
                continue
            if isinstance(item, _State):
                column.state, column.error = item.state, item.error
            elif isinstance(item, _Done):
                event = item.event
                column.state = ColumnState.STOPPED if item.stopped else ColumnState.DONE
                column.n_generated = event.n_generated or column.n_generated
                column.n_prompt = event.n_prompt or column.n_prompt
                column.ttft_ms = event.ttft_ms if event.ttft_ms is not None else column.ttft_ms
                column.gen_tps = event.gen_tps if event.gen_tps is not None else column.gen_tps
                column.total_ms, column.stop_reason = event.total_ms, str(event.stop_reason)
            updates.append(ColumnChanged(item.index))
            if session.ended and self.running:
                self.running = False
                try:
                    store.save(self._app.ctx.database, session)
                except Exception as exc:  # noqa: BLE001 - the answers stay on screen; the log says why
                    log.warning("compare: the session was not saved: %s", exc)
                updates.append(Finished(session))
        return updates

    def close(self) -> None:
        self.stop()
