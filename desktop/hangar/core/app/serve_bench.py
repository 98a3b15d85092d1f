"""Serving benchmarks as the faces run them (core/loadgen does the measuring).

``run`` blocks (the CLI's thread); ``start`` runs it on a thread and reports through an Outbox
(the window's Benchmark pane), as bench.py's BenchRun does: statuses, progress per finished
request, each finished level, then the run document or the failure. ``cancel`` ends a run within a fraction of a
second and still finishes with the document of what was measured.

A finished run is stored in the fleet store (core/fleet/store.py), where it is compared with the runs
of other machines, unless no level ran. The API
key comes from a file or ``HANGAR_API_KEY``, never from a command line, and is masked wherever
text leaves the process (core/common/secrets.py).

The target is one of three, for both faces:

- Hangar's own server (``local_server``): the one already serving in this process (the window's,
  with a one-time key added in memory when it requires keys) or one started for the run on
  127.0.0.1, a free port and a one-time key, with as many parallel sequences as the highest level;
  the model is loaded before the first level, so no level times a load.
- A saved endpoint by its name (``endpoint_target``: core/app/endpoints.py's ``endpoint_for``, the
  key from the keyring, its CA bundle).
- An address given as it is.

The rules of Chat apply to anything but Hangar's own server: the license policy's
``allow_remote_endpoints`` (a saved endpoint always, an address unless it is this machine's
loopback) and the policy's verdict on the model by its name, once the run knows which model it
asks for (blocked: refused before a prompt is sent; review: said).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping
from urllib.parse import urlsplit

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..loadgen.benchmark import BenchServeSpec, ServeBenchmark
from ..loadgen.document import machine_facts
from ..loadgen.sweep import LoadShape, Progress
from ..loadgen.target import DEFAULT_TIMEOUT_S, Target
from ..loadgen.workload import WorkloadSpec
from .api_keys import key_file_secrets
from .outbox import Outbox

if TYPE_CHECKING:
    from .hangar import Hangar

log = logging.getLogger(__name__)
API_KEY_ENV = "HANGAR_API_KEY"
PER_SEQUENCE_CTX_FOR_FILES = 4096  # a started server's context per sequence when the prompts come from a file


@dataclass(frozen=True)
class ServeBenchStatus:
    text: str


@dataclass(frozen=True)
class ServeBenchProgress:
    progress: Progress


@dataclass(frozen=True)
class ServeBenchLevel:
    """A level finished: its numbers as the run document holds them."""

    level: dict


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


def is_loopback(url: str) -> bool:
    """Whether ``url``'s host is this machine's loopback (localhost, 127.0.0.0/8, ::1): prompts sent there stay here."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def leaves_this_machine(target: Target) -> bool:
    """Whether the run's prompts go to another machine (a saved endpoint counts as remote, as in Chat)."""
    return target.kind != "hangar" and (target.name is not None or not is_loopback(target.base_url))


@dataclass(frozen=True)
class LocalServe:
    """Hangar's own server as the target: the library model to serve (id, alias or name), and how to start a server
    for the run when ``running`` (a ServerRunner already serving in this process: the window's) is None."""

    model: str
    runtime: str | None = None  # a started server's llama.cpp build (None: the best here)
    n_ctx: int | None = None  # a started server's context (None: the highest level x one request)
    running: Any = None
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class SavedEndpoint:
    """A remote endpoint saved in Hangar (core/app/endpoints.py), by its name."""

    name: str
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class LocalTarget:
    """Hangar's server, ready: where to send requests, the model's alias there, where it runs."""

    target: Target
    model: str
    placement: str
    parallel: int  # the server's parallel sequences
    started: bool  # True: started for this run (stopped after it); False: the server that was running


def local_ctx(workload: WorkloadSpec, levels: list[int], n_ctx: int | None = None) -> int:
    """A started server's context: ``n_ctx`` if given, else the highest level times one request (rounded up to 256)."""
    if n_ctx is not None:
        return n_ctx
    per_request = PER_SEQUENCE_CTX_FOR_FILES if workload.prompt_file else -(-(workload.prompt_tokens + workload.output_tokens + 64) // 256) * 256
    return max(per_request * max(levels), 512)


class ServeBenchRun:
    """One serving benchmark on its own thread; ``take_updates`` on the view's thread. With ``where`` (Hangar's own
    server, a saved endpoint), the target is made ready on that thread first: a model load or a keyring read never
    blocks the view."""

    def __init__(self, service: "BenchServeService", spec: BenchServeSpec, where: "LocalServe | SavedEndpoint | None" = None) -> None:
        self.outbox = Outbox()
        self.running = True
        self.outcome: ServeBenchFinished | ServeBenchFailed | None = None  # also kept here, for a caller interrupted while taking updates
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._benchmark: ServeBenchmark | None = None
        outbox = self.outbox

        def post(update) -> None:  # noqa: ANN001
            if isinstance(update, (ServeBenchFinished, ServeBenchFailed)):
                self.outcome = update
            outbox.post(update)

        def status(text) -> None:  # noqa: ANN001 - a str or a core Text
            post(ServeBenchStatus(text))

        def measure(ready: BenchServeSpec) -> tuple[dict, int | None]:
            with self._lock:
                self._benchmark = service.benchmark(ready, on_status=status, on_progress=lambda p: post(ServeBenchProgress(p)),
                                                    on_level=lambda level: post(ServeBenchLevel(level)))  # fmt: skip
                if self._cancelled.is_set():  # asked while the target was made ready: nothing is measured
                    self._benchmark.cancel()
            return service.finish(self._benchmark)

        def work() -> None:
            try:
                if isinstance(where, LocalServe):
                    with service.local_server(where, spec.shape, spec.workload, on_status=status) as server:
                        document, run_id = measure(replace(spec, target=server.target, model=server.model))
                elif isinstance(where, SavedEndpoint):
                    target = service.endpoint_target(where.name, timeout_s=where.timeout_s)
                    status(QT_TR_NOOP("Prompts and replies leave this machine and go to {url}.", url=target.base_url))
                    document, run_id = measure(replace(spec, target=target, label=spec.label or where.name))
                else:
                    document, run_id = measure(spec)
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(ServeBenchFailed(exc))
                return
            post(ServeBenchFinished(document, self._cancelled.is_set(), run_id))

        self._thread = threading.Thread(target=work, name="bench-serve", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled.set()
            if self._benchmark is not None:
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
    (None with no context: runs are returned, not kept). With ``app`` (the Hangar that builds it), Hangar's own
    server and saved endpoints can be targets, and the license policy applies to remote ones; without it (a test's
    bare service) an address is measured as it is."""

    def __init__(self, ctx: AppContext | None = None, *, save: Callable[[dict], object] | None = None,
                 machine: Callable[[str | None], dict] = machine_facts, app: "Hangar | None" = None) -> None:  # fmt: skip
        if save is None and ctx is not None:
            from ..fleet.store import save_run

            def save(document: dict) -> int:
                return save_run(ctx.database, document)

        self.save = save
        self.machine = machine
        self._app = app

    def start(self, spec: BenchServeSpec, where: LocalServe | SavedEndpoint | None = None) -> ServeBenchRun:
        """Run ``spec`` on a thread. With ``where``, ``spec.target`` (None then) is Hangar's own server or the saved
        endpoint, made ready on that thread; a saved endpoint's name is the run's label unless ``spec.label`` is given."""
        return ServeBenchRun(self, spec, where)

    def run(self, spec: BenchServeSpec, *, on_status: Callable[[str], None] = lambda text: None,
            on_progress: Callable[[Progress], None] = lambda progress: None) -> dict:  # fmt: skip
        """Run ``spec`` in this thread; returns the run document (saved when ``save`` is given)."""
        document, _run_id = self.finish(self.benchmark(spec, on_status=on_status, on_progress=on_progress))
        return document

    def benchmark(self, spec: BenchServeSpec, *, on_status: Callable[[str], None] = lambda text: None,
                  on_progress: Callable[[Progress], None] = lambda progress: None, on_level: Callable[[dict], None] = lambda level: None) -> ServeBenchmark:  # fmt: skip
        """The benchmark of ``spec``, with the license policy's look at the model it picks (a remote target's)."""
        vet = None
        if self._app is not None and spec.target is not None and spec.target.kind != "hangar":
            target = spec.target

            def vet(model: str) -> None:
                self._vet_model(target, model, on_status)

        return ServeBenchmark(spec, on_status=on_status, on_progress=on_progress, machine=self.machine, vet_model=vet, on_level=on_level)

    def finish(self, benchmark: ServeBenchmark) -> tuple[dict, int | None]:
        """Run ``benchmark`` and store its document; (the document, the stored id or None)."""
        target = benchmark.spec.target
        if self._app is not None and target is not None and leaves_this_machine(target):
            self._app.endpoints.check_allowed()  # the policy's allow_remote_endpoints, as for Chat
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

    # -- the targets --------------------------------------------------------------------------------
    def _need_app(self) -> "Hangar":
        if self._app is None:
            raise InvalidInput(QT_TR_NOOP("This serving benchmark has no Hangar behind it: only an address can be measured."))
        return self._app

    def _vet_model(self, target: Target, model: str, on_status: Callable[[str], None]) -> None:
        """The license policy on a remote model by its name: blocked is refused, review is said (as Chat does)."""
        from ..licenses.enums import PolicyVerdict
        from .pool_terms import ModelRefused

        where = target.name or (urlsplit(target.base_url).netloc or target.base_url)
        audit = self._need_app().endpoints.audit(where, model)
        if audit.verdict.verdict == PolicyVerdict.BLOCKED:
            raise ModelRefused(f"{model} ({where})", audit.verdict.reasons)
        if audit.verdict.verdict == PolicyVerdict.REVIEW:
            on_status(QT_TR_NOOP("{name} needs a license review before use: {reasons}", name=model, reasons=" ".join(str(r) for r in audit.verdict.reasons)))

    def endpoint_target(self, name: str, *, timeout_s: float = DEFAULT_TIMEOUT_S, api_key: str | None = None, ca_bundle: Path | None = None) -> Target:
        """The saved endpoint ``name`` as a target: its address, its key from the keyring (``api_key`` replaces it),
        its CA bundle (``ca_bundle`` replaces it) or its choice not to verify TLS. Refused when the policy forbids
        remote endpoints (RemoteEndpointsForbidden); NoSuchEndpoint when no endpoint has that name."""
        base_url, key, verify = self._need_app().endpoints.endpoint_for(name)
        bundle = Path(ca_bundle) if ca_bundle is not None else (Path(verify) if isinstance(verify, str) else None)
        return Target(base_url, api_key=api_key or key, ca_bundle=bundle, timeout_s=timeout_s, kind="endpoint",
                      verify_tls=verify is not False or ca_bundle is not None, name=name)  # fmt: skip

    def saved_endpoint(self, word: str) -> bool:
        """Whether ``word`` (a TARGET that is no address) names a saved endpoint."""
        from ..endpoints.errors import NoSuchEndpoint
        from ..endpoints.registry import NAME

        if self._app is None or "://" in word or not NAME.fullmatch(word):
            return False
        try:
            self._app.endpoints.get(word)
        except NoSuchEndpoint:
            return False
        return True

    @contextmanager
    def local_server(self, local: LocalServe, shape: LoadShape, workload: WorkloadSpec, *,
                     on_status: Callable[[str], None] = lambda text: None) -> Iterator[LocalTarget]:  # fmt: skip
        """Hangar's own server with ``local.model`` loaded, for the length of the ``with``: the running one
        (``local.running``) as it is, or one started on 127.0.0.1 (a free port, a one-time key, parallel = the
        highest level, keep-alive off) and stopped at the end. An unknown model stops here, before a port opens."""
        app = self._need_app()
        if not str(local.model or "").strip():
            raise InvalidInput(QT_TR_NOOP("bench-serve local needs --model: a library model (id, alias or name; `hangar-cli models` lists them)."))
        running = local.running
        if running is not None and getattr(running, "running", False):
            with _running_target(app, running, local, on_status) as ready:
                yield ready
            return
        from ...server.runner import ServerRunner, ServerSettings  # the server face's runner: the one way Hangar serves
        from .pool_terms import ServeOptions

        parallel = max(shape.concurrency)
        serve = ServeOptions(n_parallel=parallel, n_ctx=local_ctx(workload, shape.concurrency, local.n_ctx), runtime=local.runtime, keep_alive_s=0,
                             queue_size=max(4 * parallel, workload.requests))  # fmt: skip
        app.serving.configure(serve)
        app.serving.find(local.model)
        key = secrets.token_urlsafe(24)
        runner = ServerRunner(app, ServerSettings(host="127.0.0.1", port=0, serve=serve, api_key_secrets=[key]))
        runner.start()
        try:
            on_status(f"loading {local.model} with {parallel} parallel sequences and a {serve.n_ctx}-token context ...")
            entry = app.serving.preload(local.model)
            placement = entry.loaded.placement.summary() if entry.loaded else "?"
            on_status(f"{entry.alias} ready on {placement}; Hangar's server on {runner.url}")
            yield LocalTarget(Target(runner.url, api_key=key, timeout_s=local.timeout_s, kind="hangar"), entry.alias, placement, parallel, True)
        finally:
            runner.stop()


def _reachable_url(url: str) -> str:
    """A server bound to every address (0.0.0.0, ::) is reached here on the loopback."""
    parts = urlsplit(url)
    if parts.hostname in ("0.0.0.0", "::"):
        return f"{parts.scheme}://127.0.0.1:{parts.port}"
    return url


@contextmanager
def _running_target(app: "Hangar", runner: Any, local: LocalServe, on_status: Callable[[str], None]) -> Iterator[LocalTarget]:
    withdraw = None
    key = None
    if runner.auth.required:  # it asks for a key: one for this run, in memory, withdrawn after it
        key = secrets.token_urlsafe(24)
        withdraw = runner.auth.admit(key)
    try:
        parallel = app.serving.options.n_parallel
        url = _reachable_url(runner.url)
        on_status(f"loading {local.model} on Hangar's server at {url} ({parallel} parallel sequences) ...")
        entry = app.serving.preload(local.model)
        placement = entry.loaded.placement.summary() if entry.loaded else "?"
        on_status(f"{entry.alias} ready on {placement}; Hangar's server on {url}")
        yield LocalTarget(Target(url, api_key=key, timeout_s=local.timeout_s, kind="hangar"), entry.alias, placement, parallel, False)
    finally:
        if withdraw is not None:
            withdraw()
