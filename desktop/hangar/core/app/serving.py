"""Serving models to other programs: the pool the server face (hangar/server/) calls.

The pool names every library model by its id and a readable alias (the GGUF file's stem,
lowercased), loads one on its first request through ``ModelHost.load`` (the one load path:
the fit check, the runtime choice, the fallback), unloads it after ``keep_alive_s`` without
a request, applies the license policy (a blocked model is refused with the policy's reason,
a review model is served with a warning in the log), admits at most ``n_parallel`` requests
per model at once with a bounded queue behind them (``ServerBusy`` past it: the face answers
503 with Retry-After), and keeps a log of the requests (never their text unless
``log_prompts``). Every change of a model's state and every finished request is announced on
``app.changes`` as ``Change.SERVER`` (the Server pane follows it).

Parallel decoding lives in the worker: a model loaded with ``n_parallel`` > 1 (its
``ModelInfo.n_parallel``) takes several ``generate`` calls at once, each stream cancelled
alone (``stream.cancel()``); a worker without it (older, or n_parallel 1) gets one request
per model at a time through a lock, and a cancel is the client's own ``cancel()`` then
(only that request is running).

Embedding models (an encoder architecture or a pooling in the GGUF header: ``GGUFHeader.kind``)
are loaded with ``embedding`` as one sequence in the context they were trained for, and
answer ``Lease.embed``; a chat or completion request for one, or an embeddings request for a
text model, is refused at admission (``WrongModelKind``, naming the models of the right kind).
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..gguf.header import KIND_EMBEDDING, KIND_TEXT, read_header
from ..runner import protocol as P
from .changes import Change
from .hosting import LoadedModel, LoadRequest
from .pool_terms import ModelNotFound, ModelRefused, ModelState, RequestRecord, ServeOptions, ServerBusy, ServerReport, WrongModelKind

if TYPE_CHECKING:
    from ..library.models import LocalModel
    from .hangar import Hangar

log = logging.getLogger(__name__)

MAX_LOG = 500
ENDPOINT_KINDS = {"chat": KIND_TEXT, "completions": KIND_TEXT, "embeddings": KIND_EMBEDDING}  # the kind of model each endpoint needs


def alias_of(path: str | Path) -> str:
    return Path(path).stem.lower()


class PooledModel:
    """A library model the pool may serve, and its worker when loaded."""

    def __init__(self, model: "LocalModel") -> None:
        self.model = model
        self.alias = alias_of(model.path)
        self.state = ModelState.UNLOADED
        self.loaded: LoadedModel | None = None
        self.warnings: list[str] = []
        self.active = 0  # requests generating now
        self.waiting = 0  # requests admitted, waiting for a slot or the load
        self.borrowers = 0  # Chat views using this worker (ModelPool.borrow); it is not unloaded while they do
        self.last_used = time.monotonic()
        self.cond = threading.Condition()
        self.load_lock = threading.Lock()
        self.serial = threading.Lock()  # one generate at a time, for a client that cannot run several
        self._header: tuple[tuple, str, int | None] | None = None  # (file version, kind, embedding size)

    @property
    def id(self) -> str:
        return str(self.model.id)

    def kind(self) -> tuple[str, int | None]:
        """KIND_TEXT or KIND_EMBEDDING (from the GGUF header, read once per version of the file), and
        an embedding model's vector size; an unreadable file is left to the load to explain."""
        path = Path(self.model.path)
        try:
            stat = path.stat()
            version = (str(path), stat.st_mtime_ns, stat.st_size)
            if self._header is None or self._header[0] != version:
                header = read_header(path)
                self._header = (version, header.kind, header.embedding_size)
        except (OSError, InvalidInput):
            return KIND_TEXT, None
        return self._header[1], self._header[2] if self._header[1] == KIND_EMBEDDING else None

    def to_dict(self) -> dict:
        loaded = self.loaded
        return {"id": self.id, "alias": self.alias, "name": self.model.name, "state": self.state.value, "active": self.active,
                "waiting": self.waiting, "borrowers": self.borrowers, "placement": loaded.placement.summary() if loaded else None, "warnings": list(self.warnings)}  # fmt: skip


def _client_is_concurrent(client: Any) -> bool:
    """Whether several generate calls may run at once on this worker: its model was loaded with
    n_parallel > 1 (the parallel worker reports it in ModelInfo, and its client routes each
    stream by request id). An older worker has no such field: one request at a time."""
    explicit = getattr(client, "concurrent", None)
    if isinstance(explicit, bool):
        return explicit
    n_parallel = getattr(getattr(client, "model", None), "n_parallel", 1)
    return isinstance(n_parallel, int) and not isinstance(n_parallel, bool) and n_parallel > 1


def _load_request(model_id: int, options: ServeOptions, *, embedding: bool = False, context_length: int | None = None) -> LoadRequest:
    """The load request, with ``n_parallel`` once LoadRequest carries it (the parallel worker's change).
    An embedding model is one sequence (its requests take turns) in at most the context it was
    trained for: each input is decoded whole, so a larger context only costs memory."""
    values: dict[str, Any] = {"model": model_id, "n_ctx": options.n_ctx, "runtime": options.runtime}
    if "n_parallel" in {f.name for f in dataclasses.fields(LoadRequest)}:
        values["n_parallel"] = options.n_parallel
    if embedding:
        values.update(embedding=True, n_parallel=1, n_ctx=max(P.MIN_CTX, min(options.n_ctx, context_length or options.n_ctx)))
    return LoadRequest(**values)


class Lease:
    """A request's admission to one model: ``stream()`` generates; ``cancel()`` stops that stream."""

    def __init__(self, pool: "ModelPool", entry: PooledModel, endpoint: str) -> None:
        self._pool, self.entry, self.endpoint = pool, entry, endpoint
        self._stream: Any = None
        self._cancelled = threading.Event()
        self._serial_held = False
        self._slot = False
        self._took_slot = False  # left the queue for a slot (release() takes it off the queue otherwise)
        self._released = False
        self.started = time.time()
        self.warnings = list(entry.warnings)

    @property
    def name(self) -> str:
        return self.entry.alias

    def stream(self, options: P.GenerateOptions) -> Iterator[P.Token | P.Done]:
        """The request's events: Tokens, then one Done. Blocks until a slot is free and the model is loaded."""
        entry, pool = self.entry, self._pool
        pool._take_slot(entry)
        self._slot = self._took_slot = True
        try:
            loaded = pool._ensure_loaded(entry)
            client = loaded.client
            if not _client_is_concurrent(client):
                entry.serial.acquire()
                self._serial_held = True
            pool._set_state(entry, ModelState.BUSY)
            if self._cancelled.is_set():
                yield P.Done(stop_reason=P.StopReason.CANCELLED)
                return
            try:
                self._stream = client.generate(options)
                if self._cancelled.is_set():
                    self._cancel_stream(client)
                yield from self._stream
            finally:
                if not client.alive:  # killed after a cancel that did not stop in time, or crashed
                    pool._drop(entry, loaded)
        finally:
            if self._serial_held:
                self._serial_held = False
                entry.serial.release()
            self._slot = False
            pool._give_slot(entry)

    @property
    def embedding_size(self) -> int | None:
        """The length of the model's vectors, from its header (None for a text model)."""
        return self.entry.kind()[1]

    def embed(self, options: P.EmbedOptions) -> P.Embeddings:
        """The vectors of ``options.inputs`` (EngineClient.embed). Blocks until a slot is free and the model is loaded."""
        entry, pool = self.entry, self._pool
        pool._take_slot(entry)
        self._slot = self._took_slot = True
        try:
            loaded = pool._ensure_loaded(entry)
            pool._set_state(entry, ModelState.BUSY)
            try:
                return loaded.client.embed(options)
            finally:
                if not loaded.client.alive:
                    pool._drop(entry, loaded)
        finally:
            self._slot = False
            pool._give_slot(entry)

    def _cancel_stream(self, client: Any) -> None:
        cancel = getattr(self._stream, "cancel", None)
        if callable(cancel):
            cancel()
        elif not _client_is_concurrent(client):
            client.cancel()  # this request is the only one running on this worker

    def cancel(self) -> None:
        """Stop this request (the client went away); safe from any thread, before or during the stream."""
        self._cancelled.set()
        loaded = self.entry.loaded
        if self._stream is not None and loaded is not None:
            self._cancel_stream(loaded.client)

    def release(self, record: RequestRecord | None = None) -> None:
        if self._released:
            return
        self._released = True
        self._pool._release(self.entry, self)
        if record is not None:
            self._pool._record(record)


class ModelPool:
    def __init__(self, app: "Hangar", options: ServeOptions | None = None) -> None:
        self._app = app
        self.options = options or ServeOptions()
        self._lock = threading.Lock()
        self._entries: dict[int, PooledModel] = {}
        self._verdicts: dict[int, tuple[str, list[str]]] = {}
        self.log: collections.deque[RequestRecord] = collections.deque(maxlen=MAX_LOG)
        self.totals: collections.Counter[str] = collections.Counter()  # this session's counts, for the audit trail
        self._closed = threading.Event()
        self._reaper: threading.Thread | None = None
        self._unsubscribe = app.changes.subscribe(self._on_change)

    def configure(self, options: ServeOptions) -> None:
        problem = options.problem()
        if problem:
            raise InvalidInput(problem)
        self.options = options

    # -- names ----------------------------------------------------------------------------------
    def _sync(self) -> list[PooledModel]:
        """The library's models, each with its pool entry (kept across calls: its worker, its state)."""
        models = self._app.library.list()
        with self._lock:
            seen = set()
            for model in models:
                seen.add(model.id)
                entry = self._entries.get(model.id)
                if entry is None:
                    self._entries[model.id] = PooledModel(model)
                else:
                    entry.model, entry.alias = model, alias_of(model.path)
            for gone in [i for i in self._entries if i not in seen and self._entries[i].loaded is None]:
                del self._entries[gone]
            return [self._entries[m.id] for m in models]

    def models(self) -> list[PooledModel]:
        return self._sync()

    def names(self) -> list[str]:
        return [name for entry in self._sync() for name in (entry.alias, entry.id)]

    def find(self, name: str) -> PooledModel:
        """The entry named ``name`` (its alias, id, library name or file name); ModelNotFound otherwise."""
        entries = self._sync()
        text = str(name).strip()
        low = text.lower()
        for match in (lambda e: e.alias == low, lambda e: e.id == text, lambda e: e.model.name.lower() == low,
                      lambda e: Path(e.model.path).name.lower() == low, lambda e: (e.model.repo or "").lower() == low):  # fmt: skip
            found = [e for e in entries if match(e)]
            if found:
                return found[0]
        raise ModelNotFound(text, [e.alias for e in entries])

    # -- admission ------------------------------------------------------------------------------
    def acquire(self, name: str, endpoint: str = "") -> Lease:
        """Admit a request for model ``name`` now or refuse it: ModelNotFound, WrongModelKind (for an
        ``endpoint`` of ENDPOINT_KINDS), ModelRefused, ServerBusy. Never blocks (the face calls it on
        its event loop); the wait for a slot is in ``Lease.stream`` / ``Lease.embed``."""
        entry = self.find(name)
        wanted = ENDPOINT_KINDS.get(endpoint)
        if wanted is not None and entry.kind()[0] != wanted:
            raise WrongModelKind(entry.alias, entry.kind()[0], [e.alias for e in self._sync() if e.kind()[0] == wanted])
        self._check_license(entry)
        limit = self.options.n_parallel + self.options.queue_limit
        with entry.cond:
            if entry.active + entry.waiting >= limit:
                raise ServerBusy(entry.alias, 1)
            entry.waiting += 1
            entry.last_used = time.monotonic()
        return Lease(self, entry, endpoint)

    def _check_license(self, entry: PooledModel) -> None:
        from ..licenses.enums import PolicyVerdict

        cached = self._verdicts.get(entry.model.id)
        if cached is None:
            from .governance import PolicyRefusal

            try:
                audit = self._app.licenses.audit_model(entry.model.id)
                cached = (str(audit.verdict.verdict.value), [str(r) for r in audit.verdict.reasons])
                self._app.governance.check_use("serve", entry.model)  # the managed policy, if one is installed (recorded)
            except PolicyRefusal as exc:  # blocked by it, or a review model nobody gave a reason for
                cached = (PolicyVerdict.BLOCKED.value, [exc.message])
            except Exception:  # an audit that fails must not open the door: a person reviews it
                log.exception("license audit of %s failed", entry.alias)
                cached = (PolicyVerdict.REVIEW.value, [QT_TR_NOOP("The license audit failed; a person must review it before use.")])
            self._verdicts[entry.model.id] = cached
            if cached[0] == PolicyVerdict.REVIEW.value:
                warning = QT_TR_NOOP("{name} needs a license review before use: {reasons}", name=entry.alias, reasons=" ".join(cached[1]))
                entry.warnings = [warning]
                log.warning("%s", warning)
        verdict, reasons = cached
        if verdict == PolicyVerdict.BLOCKED.value:
            raise ModelRefused(entry.alias, reasons)

    def _take_slot(self, entry: PooledModel) -> None:
        """Wait for one of the model's n_parallel slots, then hold it (leaving the queue)."""
        with entry.cond:
            while entry.active >= self.options.n_parallel and not self._closed.is_set():
                entry.cond.wait(0.5)
            entry.waiting -= 1
            entry.active += 1
            entry.last_used = time.monotonic()

    def _give_slot(self, entry: PooledModel) -> None:
        with entry.cond:
            entry.active -= 1
            entry.last_used = time.monotonic()
            busy = entry.active > 0
            entry.cond.notify_all()
        if entry.loaded is not None:
            self._set_state(entry, ModelState.BUSY if busy else ModelState.READY)

    def _release(self, entry: PooledModel, lease: "Lease") -> None:
        """A lease ended; one that never took a slot leaves the queue here."""
        with entry.cond:
            if not lease._took_slot:
                entry.waiting -= 1
            entry.last_used = time.monotonic()
            entry.cond.notify_all()

    # -- loading and unloading -----------------------------------------------------------------
    def _ensure_loaded(self, entry: PooledModel) -> LoadedModel:
        with entry.load_lock:
            if entry.loaded is not None and entry.loaded.client.alive:
                return entry.loaded
            self._set_state(entry, ModelState.LOADING)
            entry.warnings = [w for w in entry.warnings if w]
            try:
                request = _load_request(entry.model.id, self.options, embedding=entry.kind()[0] == KIND_EMBEDDING, context_length=entry.model.context_length)
                loaded = self._app.models.load(request, on_warning=lambda text: log.warning("%s: %s", entry.alias, text))
            except Exception:
                self._set_state(entry, ModelState.UNLOADED)
                raise
            entry.loaded = loaded
            entry.last_used = time.monotonic()
            log.info("serving %s on %s", entry.alias, loaded.placement.summary())
            self._set_state(entry, ModelState.READY)
            return loaded

    # -- lending the worker to Chat ------------------------------------------------------------
    def borrow(self, path: str | Path) -> LoadedModel | None:
        """The server's worker for the model file at ``path`` when the pool holds it loaded, else None.

        The window's Chat uses it instead of starting a second worker with a second copy of the
        weights (the issue: "a model the server holds is not loaded twice by Chat"). Chat's
        requests are one more sequence in the same worker; ``close()`` on the result gives it back.
        While lent, the model is not unloaded for keep-alive; if the server stops meanwhile, the
        worker lives on until the last borrower gives it back."""
        target = Path(path).resolve()
        with self._lock:
            entries = list(self._entries.values())
        for entry in entries:
            with entry.load_lock:
                loaded = entry.loaded
                if loaded is None or not loaded.client.alive or Path(loaded.path).resolve() != target:
                    continue
                entry.borrowers += 1
                entry.last_used = time.monotonic()
            note = QT_TR_NOOP("The server holds this model: Chat uses the same copy in memory, beside the server's requests.")
            self._app.changes.announce(Change.SERVER, ServerReport("model", entry.alias, entry.state))
            n_ctx = loaded.client.model.n_ctx if loaded.client.model is not None else loaded.n_ctx  # a sequence's share of the context
            return dataclasses.replace(loaded, n_ctx=n_ctx, shared=True, warnings=[*loaded.warnings, note],
                                       on_close=lambda: self._give_back(entry, loaded))  # fmt: skip
        return None

    def _give_back(self, entry: PooledModel, loaded: LoadedModel) -> None:
        with entry.load_lock:
            entry.borrowers -= 1
            entry.last_used = time.monotonic()
            orphaned = entry.loaded is not loaded and entry.borrowers == 0  # the pool let go of it (the server stopped)
        if orphaned:
            loaded.close()
        self._app.changes.announce(Change.SERVER, ServerReport("model", entry.alias, entry.state))

    def _drop(self, entry: PooledModel, loaded: LoadedModel) -> None:
        with entry.load_lock:
            if entry.loaded is loaded:
                entry.loaded = None
                loaded.close()
                self._set_state(entry, ModelState.UNLOADED)

    def unload(self, entry: PooledModel) -> bool:
        """Unload an idle model (keep-alive); False when a request holds it."""
        with entry.load_lock, entry.cond:  # both: no request may be admitted between the check and the unload
            if entry.active or entry.waiting or entry.borrowers:
                return False
            loaded, entry.loaded = entry.loaded, None
        if loaded is None:
            return False
        loaded.close()
        log.info("unloaded %s after %.0f s idle", entry.alias, self.options.keep_alive_s)
        self._set_state(entry, ModelState.UNLOADED)
        return True

    def preload(self, name: str) -> PooledModel:
        entry = self.find(name)
        self._check_license(entry)
        self._ensure_loaded(entry)
        return entry

    def start_keep_alive(self, interval_s: float = 1.0) -> None:
        if self._reaper is not None:
            return

        def reap() -> None:
            while not self._closed.wait(interval_s):
                keep = self.options.keep_alive_s
                if keep <= 0:
                    continue
                with self._lock:
                    entries = list(self._entries.values())
                for entry in entries:
                    if entry.loaded is not None and time.monotonic() - entry.last_used > keep:
                        self.unload(entry)

        self._reaper = threading.Thread(target=reap, name="serve-keep-alive", daemon=True)
        self._reaper.start()

    def reopen(self) -> None:
        """Serve again after ``close()``: the window starts and stops its server more than once."""
        if not self._closed.is_set():
            return
        if self._reaper is not None:
            self._reaper.join(timeout=5)
            self._reaper = None
        self._closed.clear()
        self.totals.clear()
        self._unsubscribe = self._app.changes.subscribe(self._on_change)

    def close(self) -> None:
        self._closed.set()
        self._unsubscribe()
        with self._lock:
            entries = list(self._entries.values())
        for entry in entries:
            with entry.load_lock:
                loaded, entry.loaded = entry.loaded, None
                lent = entry.borrowers > 0
            if loaded is not None:
                if not lent:  # a lent worker is closed by its last borrower (_give_back)
                    loaded.close()
                entry.state = ModelState.UNLOADED
        if self._reaper is not None:
            self._reaper.join(timeout=5)

    # -- what the pane follows -----------------------------------------------------------------
    def _set_state(self, entry: PooledModel, state: ModelState) -> None:
        if entry.state != state:
            entry.state = state
            self._app.changes.announce(Change.SERVER, ServerReport("model", entry.alias, state))

    def _record(self, record: RequestRecord) -> None:
        if not self.options.log_prompts:
            record.prompt = None
        self.log.append(record)
        self.totals["requests"] += 1
        self.totals["prompt_tokens"] += record.prompt_tokens
        self.totals["completion_tokens"] += record.completion_tokens
        self.totals["failed" if record.status not in ("ok", "cancelled") else record.status] += 1
        log.info("%s %s %s prompt=%d completion=%d %.1f tok/s", record.endpoint, record.model, record.status,
                 record.prompt_tokens, record.completion_tokens, record.tokens_per_s or 0.0)  # fmt: skip
        self._app.changes.announce(Change.SERVER, ServerReport("request", record.model, record=record))

    def _on_change(self, report) -> None:
        if report.change in (Change.POLICY, Change.LIBRARY):
            self._verdicts.clear()

