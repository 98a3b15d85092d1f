"""The parent's side of the inference worker: start it, talk to it, survive its death.

One ``EngineClient`` owns one worker process (``python -m hangar.engine``) and so one
loaded model. A reader thread routes events: those of a running ``generate`` to that
stream's own queue, everything else to ``events``, which the blocking helpers (``load``,
``stats``, ``embed``, ``bench``) consume. ``generate`` may be called from several threads at once (a
model loaded with ``n_parallel`` > 1 decodes the requests together); each call gets its own
``GenerationStream``, which ``cancel(request_id)`` or ``stream.cancel()`` stops alone. When the process dies (a crash, an OOM kill, SIGKILL) the reader
turns that into an ``error`` event with the exit reason and the worker's last log lines.
Everything here is a runner.protocol event dataclass, never a raw dict; a message in an
error event arrives as a QT_TR_NOOP text, so the window shows it in its language.

A busy worker sends an ``alive`` event at least every second, so silence means a stopped
(SIGSTOP) or wedged process: after ``SILENCE_S`` without any event the client ends it
and says so, instead of waiting minutes. The worker dies with this process (engine/worker.py:
a parent-death signal where Linux has one, and stdin closing); ``close`` ends it within
seconds even while it is busy.
"""

from __future__ import annotations

import collections
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from typing import Callable, Iterator, TypeVar

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from . import protocol as P

log = logging.getLogger(__name__)
EventT = TypeVar("EventT", bound=P.Event)
SILENCE_S = 30.0  # no event at all for this long while a request runs: the worker is stopped or wedged
ALONE_GRACE_S = 0.4  # a stream cancelled by id ends at the latest this long after the cancel

_SIGNAL_HINTS = {
    signal.SIGKILL: QT_TR_NOOP("often the system ran out of memory and killed it"),
    signal.SIGSEGV: QT_TR_NOOP("a crash inside llama.cpp or the GPU driver"),
    signal.SIGABRT: QT_TR_NOOP("llama.cpp stopped on an internal error"),
    signal.SIGBUS: QT_TR_NOOP("the model file changed or vanished while mapped"),
}


class EngineError(HangarError):
    """A failure reported by (or about) the worker; ``code`` is from runner.protocol."""

    def __init__(self, code: str, message: str, *, log_tail: list[str] | None = None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.log_tail = log_tail or []

    def to_dict(self) -> dict:
        return {**super().to_dict(), "log_tail": self.log_tail}


def engine_command(*args: str, python: str | None = None) -> list[str]:
    """The command line that starts the worker: ``python -m hangar.engine ARGS``.

    A frozen bundle (PyInstaller, installers/hangar.spec) has no Python to give ``-m``;
    ``sys.executable`` is the bundle's launcher, and the worker is the ``hangar-engine``
    executable next to it (Qt-free, like ``python -m hangar.engine``).
    """
    executable = python or sys.executable
    if getattr(sys, "frozen", False):
        suffix = ".exe" if sys.platform == "win32" else ""
        return [os.path.join(os.path.dirname(executable), "hangar-engine" + suffix), *args]
    return [executable, "-m", "hangar.engine", *args]


class _Route:
    """Where one generate request's events go, and how its cancel stands."""

    def __init__(self, request_id: int) -> None:
        self.id = request_id
        self.asked = time.monotonic()
        self.queue: queue.Queue[P.Event] = queue.Queue()
        self.cancel_at: float | None = None
        self.alone = False  # cancelled by id: never end the worker for it, the others are still running


class GenerationStream(Iterator[P.Token | P.Done]):
    """The events answering one generate request: ``Token`` events, then one ``Done``.

    ``cancel()`` stops this request only; closing the stream before its ``Done`` cancels it too
    (a server whose client went away closes it)."""

    def __init__(self, client: "EngineClient", route: _Route, events: Iterator[P.Token | P.Done]) -> None:
        self.client = client
        self.request_id = route.id
        self._route = route
        self._events = events
        self._started = False

    def __iter__(self) -> "GenerationStream":
        return self

    def __next__(self) -> P.Token | P.Done:
        self._started = True
        return next(self._events)

    def cancel(self) -> None:
        self.client.cancel(self.request_id)

    def close(self) -> None:
        if self._started:
            self._events.close()  # type: ignore[attr-defined]  # its own clean-up runs
        else:  # a generator never started runs no finally: let go of the request here
            self._started = True
            self.client._let_go(self._route, heard_final=False)


class EngineClient:
    def __init__(
        self,
        *,
        runtime_name: str = "cpu",
        runtime_env: dict[str, str] | None = None,
        python: str = sys.executable,
        start_timeout_s: float = 60.0,
    ) -> None:
        self.runtime_name = runtime_name
        self.events: queue.Queue[P.Event] = queue.Queue()
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=60)
        self.hello: P.Hello | None = None
        self.model: P.ModelInfo | None = None  # the model loaded now, as the last ``loaded`` event said
        self._next_id = 0
        self._id_lock = threading.Lock()
        self._closing = False
        self._cancel_at: float | None = None
        self._routes: dict[int, _Route] = {}  # generate requests still answering
        self._orphans: set[int] = set()  # streams that ended before their worker's Done (late events are dropped)
        self._routes_lock = threading.Lock()
        self._embed_lock = threading.Lock()  # embed requests read the shared event queue: one at a time
        self._last_heard = time.monotonic()  # any event: the worker is alive (for every stream's silence check)
        env = {**os.environ, **(runtime_env or {}), "PYTHONUNBUFFERED": "1", "HANGAR_ENGINE_PARENT": str(os.getpid())}
        # Linux sends a parent-death signal when the *thread* that started the child ends, so
        # the worker asks for one only when that thread is the main thread (a GUI load runs on
        # a short-lived thread); its stdin closing covers every other case.
        if threading.current_thread() is threading.main_thread():
            env["HANGAR_ENGINE_DIE_WITH_PARENT"] = "1"
        else:
            env.pop("HANGAR_ENGINE_DIE_WITH_PARENT", None)
        self.proc = subprocess.Popen(
            engine_command(python=python),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        self._stdin_lock = threading.Lock()
        threading.Thread(target=self._read_stdout, name="engine-stdout", daemon=True).start()
        threading.Thread(target=self._read_stderr, name="engine-stderr", daemon=True).start()
        try:
            first = self._next_event(start_timeout_s)
        except BaseException:  # Ctrl-C or SIGTERM while the worker starts: it must not outlive us
            self.kill()
            raise
        if not isinstance(first, P.Hello):
            self.close()
            raise _error_from(first)
        self.hello = first

    # -- plumbing -------------------------------------------------------------------------------
    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                event = P.parse_event(json.loads(line))
            except ValueError as exc:
                log.warning("engine wrote a line that is not an event (%s): %r", exc, line[:200])
                continue
            self._last_heard = time.monotonic()
            self._route(event)
        code = self.proc.wait()
        if not self._closing:
            time.sleep(0.05)  # let the stderr reader catch the last lines
            death = self._death_event(code)
            with self._routes_lock:
                for route in self._routes.values():
                    route.queue.put(death)
            self.events.put(death)

    def _route(self, event: P.Event) -> None:
        with self._routes_lock:
            route = self._routes.get(event.id) if event.id is not None else None
            if route is not None or (event.id is None and isinstance(event, P.Alive)):
                if route is not None and not isinstance(event, P.Alive):
                    route.queue.put(event)
                return  # a sign of life only moves _last_heard
            if event.id in self._orphans:  # a stream that already ended: drop its late events
                if event.FINAL:
                    self._orphans.discard(event.id)
                return
        self.events.put(event)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            line = line.rstrip()
            if line:
                self.stderr_tail.append(line)
                log.debug("engine: %s", line)

    def _death_event(self, code: int) -> P.Error:
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = _SIGNAL_HINTS.get(-code)
            if hint:
                message = QT_TR_NOOP("The model process was stopped by {signal} ({hint}).", signal=name, hint=hint)
            else:
                message = QT_TR_NOOP("The model process was stopped by {signal}.", signal=name)
        else:
            message = QT_TR_NOOP("The model process exited unexpectedly (exit code {code}).", code=code)
        return P.Error(code=P.E_WORKER_CRASHED, message=message, log_tail=list(self.stderr_tail)[-20:])

    def send(self, request: dict) -> None:
        if self.proc.poll() is not None or self.proc.stdin is None:
            raise EngineError(P.E_WORKER_CRASHED, QT_TR_NOOP("The model process is not running."), log_tail=list(self.stderr_tail)[-20:])
        with self._stdin_lock:
            try:
                self.proc.stdin.write(json.dumps(request) + "\n")
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as exc:
                raise EngineError(P.E_WORKER_CRASHED, QT_TR_NOOP("The model process is gone: {error}", error=exc)) from exc

    def _new_id(self) -> int:
        with self._id_lock:
            self._next_id += 1
            return self._next_id

    def _next_event(self, timeout: float | None) -> P.Event:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return P.Error(code=P.E_WORKER_UNRESPONSIVE, message=QT_TR_NOOP("The model process did not answer within {seconds:.0f} s.", seconds=timeout))

    def _events_for(self, request_id: int, *, idle_timeout: float | None, cancel_grace_s: float = 0.5) -> Iterator[P.Event]:
        """Events answering one request; ends at its final event (or the worker's death).

        ``idle_timeout`` is the silence allowed: any event (an ``alive`` too) restarts it."""
        asked = time.monotonic()
        while True:
            heard = max(asked, self._last_heard)
            wait = 0.05 if self._cancel_at is not None else max(0.0, idle_timeout - (time.monotonic() - heard)) + 0.01
            try:
                event = self.events.get(timeout=wait)
            except queue.Empty:
                if self._cancel_at is None and time.monotonic() - max(asked, self._last_heard) <= idle_timeout:
                    continue  # the worker spoke, to another request (a load waits for running generations)
                if self._cancel_at is not None and time.monotonic() - self._cancel_at > cancel_grace_s:
                    self.kill()
                    yield P.Done(id=request_id, stop_reason=P.StopReason.CANCELLED, worker_killed=True)
                    return
                if self._cancel_at is None:
                    self.kill()  # stopped or wedged: its answers could no longer be trusted to come
                    message = QT_TR_NOOP("The model process stopped answering (no sign of life for {seconds:.0f} s; it may have been suspended).",
                                         seconds=idle_timeout)  # fmt: skip
                    yield P.Error(id=request_id, code=P.E_WORKER_UNRESPONSIVE, message=message, log_tail=list(self.stderr_tail)[-20:])
                    return
                continue
            if isinstance(event, P.Alive) or event.id not in (request_id, None):
                continue  # a sign of life, or a late event from an earlier request
            yield event
            if event.FINAL:
                return

    # -- requests --------------------------------------------------------------------------------
    def _request(self, request: dict, final: type[EventT], what: str, *, timeout_s: float, cancel_grace_s: float = 0.5,
                 on_progress: Callable[[P.Progress], None] | None = None, progress: tuple[type[P.Event], ...] = (P.Progress,)) -> EventT:
        """Send one request and wait for its ``final`` event; ``progress`` events go to ``on_progress``."""
        self._cancel_at = None
        self.send(request)
        for event in self._events_for(request["id"], idle_timeout=timeout_s, cancel_grace_s=cancel_grace_s):
            if isinstance(event, final):
                return event
            if isinstance(event, progress) and on_progress:
                on_progress(event)
            elif isinstance(event, P.Error):
                raise _error_from(event)
            elif isinstance(event, P.Done) and event.worker_killed:
                raise EngineError(P.E_CANCELLED, QT_TR_NOOP("The {what} was cancelled.", what=what))
        raise EngineError(P.E_WORKER_UNRESPONSIVE, QT_TR_NOOP("No answer to the {what} request.", what=what))

    def load(self, options: P.LoadOptions, on_progress: Callable[[float], None] | None = None, timeout_s: float = SILENCE_S) -> P.Loaded:
        """Load a model; returns the ``loaded`` event or raises EngineError. ``timeout_s`` is the
        silence allowed (the worker is heard from every second while it loads)."""
        _check(options)
        event = self._request(
            options.to_request(self._new_id()), P.Loaded, QT_TR_NOOP("load"), timeout_s=timeout_s, cancel_grace_s=2.0,
            on_progress=(lambda e: on_progress(e.fraction)) if on_progress else None,
        )  # fmt: skip
        self.model = event.model
        return event

    def generate(self, options: P.GenerateOptions, idle_timeout_s: float = SILENCE_S) -> GenerationStream:
        """Send the request now; the stream yields ``Token`` events, then one ``Done`` event.

        Errors are raised as EngineError. The request goes out before this returns (not at
        the first ``next``), so a ``cancel()`` made right after it always concerns it. Safe to
        call from several threads at once: each stream gets only its own request's events
        (the worker runs them together when the model was loaded with ``n_parallel`` > 1,
        else one after another). ``stream.cancel()`` / ``cancel(stream.request_id)`` stops
        that one; closing the stream before its ``Done`` cancels it as well.
        """
        _check(options)
        request_id = self._new_id()
        route = _Route(request_id)
        with self._routes_lock:
            self._routes[request_id] = route  # before the request goes out: no event can come first
        try:
            self.send(options.to_request(request_id))
        except BaseException:
            with self._routes_lock:
                self._routes.pop(request_id, None)
            raise
        return GenerationStream(self, route, self._generated(route, idle_timeout_s))

    def _generated(self, route: _Route, idle_timeout_s: float, cancel_grace_s: float = 0.5) -> Iterator[P.Token | P.Done]:
        """One stream's events. Silence is the worker's, not the stream's: a request waiting its
        turn hears nothing while the others stream. A cancel by id that the worker has not
        answered within ``ALONE_GRACE_S`` ends the stream here (the worker's late events are
        dropped); a cancel of everything ends the worker after ``cancel_grace_s``, as before."""
        heard_final = False  # the worker answered with its final event
        try:
            while True:
                heard = max(route.asked, self._last_heard)
                if route.cancel_at is not None:
                    wait = 0.02
                else:  # at most 0.1 s, so a cancel made meanwhile is looked after in time
                    wait = min(0.1, max(0.0, idle_timeout_s - (time.monotonic() - heard)) + 0.01)
                try:
                    event = route.queue.get(timeout=wait)
                except queue.Empty:
                    now = time.monotonic()
                    if route.cancel_at is not None:
                        if route.alone and now - route.cancel_at > ALONE_GRACE_S:
                            yield P.Done(id=route.id, stop_reason=P.StopReason.CANCELLED)
                            return
                        if not route.alone and now - route.cancel_at > cancel_grace_s:
                            self.kill()
                            yield P.Done(id=route.id, stop_reason=P.StopReason.CANCELLED, worker_killed=True)
                            return
                        continue
                    if now - max(route.asked, self._last_heard) > idle_timeout_s:
                        self.kill()  # stopped or wedged: its answers could no longer be trusted to come
                        message = QT_TR_NOOP("The model process stopped answering (no sign of life for {seconds:.0f} s; it may have been suspended).",
                                             seconds=idle_timeout_s)  # fmt: skip
                        raise _error_from(P.Error(id=route.id, code=P.E_WORKER_UNRESPONSIVE, message=message, log_tail=list(self.stderr_tail)[-20:]))
                    continue
                heard_final = event.FINAL
                if isinstance(event, P.Error):
                    raise _error_from(event)
                if isinstance(event, (P.Token, P.Done)):
                    yield event
                if heard_final:
                    return
        finally:
            self._let_go(route, heard_final)

    def _let_go(self, route: _Route, heard_final: bool) -> None:
        """A stream ended: stop routing to it; one abandoned before its end is cancelled."""
        with self._routes_lock:
            if self._routes.pop(route.id, None) is None:
                return  # let go already
            if not heard_final:
                self._orphans.add(route.id)
        if not heard_final and route.cancel_at is None and not self._closing:  # abandoned mid-stream: the worker need not go on
            try:
                self.send(P.request("cancel", route.id))
            except EngineError:
                pass

    def embed(self, options: P.EmbedOptions, timeout_s: float = SILENCE_S) -> P.Embeddings:
        """Embed ``options.inputs`` with a model loaded with ``embedding`` (LoadOptions); returns the
        ``Embeddings`` event (a vector per input, in order, and each input's token count) or raises
        EngineError (E_WRONG_KIND for a text model, E_CONTEXT_FULL for an input longer than the
        context). Safe from several threads: they take turns (the worker embeds one request at a time)."""
        _check(options)
        with self._embed_lock:
            return self._request(options.to_request(self._new_id()), P.Embeddings, QT_TR_NOOP("embedding"), timeout_s=timeout_s)

    def perplexity(self, options: P.PerplexityOptions, on_chunk: Callable[[P.PerplexityChunk], None] | None = None,
                   timeout_s: float = SILENCE_S) -> P.Perplexity:
        """Score a text file with the loaded model as llama-perplexity does (engine/perplexity.py); returns
        the ``Perplexity`` event or raises EngineError (E_TEXT_TOO_SHORT, E_VOCAB_MISMATCH ...). ``on_chunk``
        gets each chunk's running figures; ``cancel()`` stops the run between batches."""
        _check(options)
        return self._request(options.to_request(self._new_id()), P.Perplexity, QT_TR_NOOP("perplexity run"), timeout_s=timeout_s,
                             on_progress=on_chunk, progress=(P.PerplexityChunk,))  # type: ignore[arg-type]

    def bench(self, options: P.BenchOptions, on_progress: Callable[[str, float], None] | None = None, timeout_s: float = SILENCE_S,
              on_result: Callable[[P.BenchTest], None] | None = None) -> P.Bench:  # fmt: skip
        """Run llama-bench's measurement in the worker (engine/bench.py); returns the ``Bench`` event.

        ``on_progress`` gets each stage (a message: localise it before showing) and the fraction done;
        ``on_result`` each test's result as soon as its repetitions have run (a ``BenchResult`` event).
        """
        _check(options)

        def progress(event: P.Progress) -> None:
            if isinstance(event, P.BenchResult):
                if on_result:
                    on_result(event.result)
            elif on_progress:
                on_progress(event.stage, event.fraction)

        return self._request(options.to_request(self._new_id()), P.Bench, QT_TR_NOOP("benchmark"), timeout_s=timeout_s, on_progress=progress)

    def cancel(self, request_id: int | None = None) -> None:
        """Stop one generate request (``request_id``), its stream ends within 0.5 s and the others
        go on; or, without an id, everything the worker was asked so far, which is ended if it
        has not stopped within 0.5 s."""
        now = time.monotonic()
        with self._routes_lock:
            if request_id is None:
                self._cancel_at = now
                for route in self._routes.values():
                    route.cancel_at, route.alone = now, False
            else:
                route = self._routes.get(request_id)
                if route is None:
                    return  # finished already
                if route.cancel_at is None:
                    route.cancel_at, route.alone = now, True
        try:
            self.send(P.request("cancel", request_id))
        except EngineError:
            pass

    def stats(self, timeout_s: float = 10) -> P.Stats:
        return self._request(P.request("stats", self._new_id()), P.Stats, QT_TR_NOOP("statistics"), timeout_s=timeout_s)

    def score(self, options: P.ScoreOptions, timeout_s: float = SILENCE_S) -> P.Score:
        """The log-likelihood of each text's ending after the context they share, as llama-perplexity's
        ``--multiple-choice`` scores answers (engine/scoring.py); returns the ``Score`` event or raises
        EngineError (E_CONTEXT_FULL for a text longer than the context). ``cancel()`` stops it."""
        _check(options)
        return self._request(options.to_request(self._new_id()), P.Score, QT_TR_NOOP("scoring"), timeout_s=timeout_s)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        self._closing = True
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def close(self, timeout_s: float = 3.0) -> None:
        """End the worker: whatever it is doing is cancelled, and it is killed if it has not
        left within ``timeout_s`` (the worker itself leaves within 2 s of a shutdown)."""
        self._closing = True
        if self.proc.poll() is None:
            try:
                self.send(P.request("cancel"))
                self.send(P.request("shutdown"))
                self.proc.wait(timeout=timeout_s)
            except (EngineError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass

    def __enter__(self) -> "EngineClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check(options: P.LoadOptions | P.GenerateOptions | P.EmbedOptions | P.BenchOptions) -> None:
    """A number out of range is refused here, before the request is sent (the worker checks again)."""
    problem = options.problem()
    if problem:
        raise EngineError(P.E_BAD_REQUEST, problem)


def _error_from(event: P.Event) -> EngineError:
    """The EngineError for an ``error`` event (its message still a Text, so translatable)."""
    if not isinstance(event, P.Error):  # the worker's first line was not its hello
        return EngineError("internal", QT_TR_NOOP("The model process sent {event} instead of its greeting.", event=event.EVENT))
    hint = {
        P.E_NOT_GGUF: QT_TR_NOOP("Hangar only loads GGUF files. Download a .gguf quantisation of this model."),
        P.E_WORKER_CRASHED: QT_TR_NOOP("Hangar is still running; load the model again, perhaps with a smaller context or fewer GPU layers."),
        P.E_CONTEXT_FULL: QT_TR_NOOP("Start a new conversation or load the model with a larger context."),
    }.get(event.code, "")
    return EngineError(event.code, event.message or QT_TR_NOOP("unknown error"), log_tail=event.log_tail, hint=hint)
