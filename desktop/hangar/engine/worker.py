"""The worker's main loop: read requests from stdin, answer with events on stdout.

A reader thread takes requests off stdin so that "cancel" is seen at once, even while
the main thread is inside llama.cpp; everything else is queued and run in order. The
protocol uses a private copy of stdout's file descriptor, and fd 1 itself is pointed at
stderr, so a stray printf from a C library can never corrupt the JSON stream. Every line
it writes is an event dataclass from core/runner/protocol.py, the only part of core/ the
worker uses.

The worker dies with its parent. On Linux it asks the kernel for SIGKILL when the parent
goes (PR_SET_PDEATHSIG, when the parent's main thread started it); everywhere, stdin
closing (the parent died) or a shutdown cancels what runs and ends the process within
``EXIT_GRACE_S`` even if the step under way never looks at the cancel. While a request
runs, a heartbeat thread sends ``alive`` at least every ``P.HEARTBEAT_S``, so the parent
can tell a long prompt from a stopped process. Ctrl-C in the terminal is for the parent
to handle (it cancels or ends the worker): the worker ignores SIGINT.

A model loaded with ``n_parallel`` > 1 runs generate requests together (batch.py): while
any runs, the main loop takes new requests between decoding steps, so a generate joins
the batch at the next step; a load, unload or benchmark waits until the batch is empty,
a stats request is answered at once. ``cancel`` with an id stops that request alone. A model
loaded with ``embedding`` answers ``embed`` (embedding.py) and refuses ``generate``. ``perplexity``
scores a text file as llama-perplexity does (perplexity.py), with a cancel seen between batches.
"""

from __future__ import annotations

import ctypes
import json
import os
import queue
import signal
import sys
import threading
import time
import traceback

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .batch import BatchDecoder
from .chat_template import TemplateCancelled
from .llama_log import LlamaLog
from .model import LoadedModel, WorkerError

EXIT_GRACE_S = 2.0  # after stdin closes or a shutdown, the longest the worker may take to leave
FLUSH_EVERY_S = 0.016  # a token sooner than this after the last flush waits to go with the next (one frame at 60 Hz)
_IDLE = object()  # no request running (a request's id may itself be None)
PR_SET_PDEATHSIG = 1


class Worker:
    def __init__(self, out_fd: int) -> None:
        self._out = os.fdopen(out_fd, "w", encoding="utf-8")  # emit flushes each line; emit_token may let a few gather
        self._flushed_at = 0.0
        self._waiting: P.Token | None = None  # tokens of the single-sequence loop gathered since the last flush, as one
        self._replying = False  # a Token went out since the last final event (a reply's first Token never waits)
        self._out_lock = threading.Lock()
        self.requests: queue.Queue[dict | None] = queue.Queue()
        self.cancel = threading.Event()
        # A cancel applies to every request read before it, even one still waiting in the
        # queue: Stop pressed just after Send must not be forgotten when that request starts.
        self._cancel_lock = threading.Lock()
        self._last_read = 0  # sequence number of the last request read from stdin
        self._cancelled_upto = 0
        self._cancelled_ids: set = set()  # requests cancelled by id (a cancel with an id stops that one only)
        self.model: LoadedModel | None = None
        self.batch: BatchDecoder | None = None  # with n_parallel > 1: the sequences decoded together
        self._held: dict | None = None  # a request that waits for the batch to empty (load, unload, bench)
        self.log = LlamaLog()
        self._running: object = _IDLE  # the id of the request being handled
        self._last_emit = time.monotonic()

    def emit(self, event: P.Event) -> None:
        line = event.to_line()
        with self._out_lock:
            self._write_waiting()
            self._out.write(line + "\n")
            self._out.flush()
            self._last_emit = self._flushed_at = time.monotonic()
            if event.FINAL:
                self._replying = False

    def emit_token(self, event: P.Token) -> None:
        """A token of the single-sequence loop: sent at once, or with the next ones while they come within FLUSH_EVERY_S.

        Where tokens come faster than that, the ones that come within FLUSH_EVERY_S of the last
        flush go out as one Token event (the last one, with their texts joined): the parent
        reads, parses and routes one line for several tokens, on a machine whose cores
        llama.cpp's threads are using (the parent's ~27 us of CPU per token line, mostly two
        thread switches, was 5 % of a fast model's token, docs/runtimes-and-measurements.md).
        A slower token goes out as it comes, a reply's first token never waits (its TTFT), and
        the next ``emit`` (the Done, a heartbeat) sends whatever waits first."""
        with self._out_lock:
            now = time.monotonic()
            waiting = self._waiting
            if waiting is not None and waiting.id == event.id:
                event.text = waiting.text + event.text
            else:
                self._write_waiting()
            if now - self._flushed_at >= FLUSH_EVERY_S or not self._replying:
                self._replying = True
                self._waiting = None
                self._out.write(event.to_line() + "\n")
                self._out.flush()
                self._flushed_at = now
            else:
                self._waiting = event
            self._last_emit = now

    def _write_waiting(self) -> None:
        """The gathered tokens' line into the buffer, before any other line (the caller holds the lock)."""
        if self._waiting is not None:
            self._out.write(self._waiting.to_line() + "\n")
            self._waiting = None

    def write(self, event: P.Event) -> None:
        """An event's line into the buffer, not flushed: ``flush`` (or the next ``emit``) sends it."""
        line = event.to_line()
        with self._out_lock:
            self._write_waiting()
            self._out.write(line + "\n")
            self._last_emit = time.monotonic()

    def flush(self) -> None:
        with self._out_lock:
            self._write_waiting()
            self._out.flush()
            self._flushed_at = time.monotonic()

    def heartbeat(self) -> None:
        """While a request runs, say so whenever nothing else was said for a heartbeat."""
        while True:
            time.sleep(P.HEARTBEAT_S / 4)
            running = self._running
            if running is _IDLE or time.monotonic() - self._last_emit < P.HEARTBEAT_S:
                continue
            try:
                self.emit(P.Alive(id=running))
            except (OSError, ValueError):  # the parent is gone; stdin's end will end us
                return

    def leave_soon(self, code: int) -> None:
        """Stop what runs and make sure the process ends, even inside a step that never checks."""
        self.cancel.set()
        timer = threading.Timer(EXIT_GRACE_S, os._exit, args=(code,))
        timer.daemon = True
        timer.start()

    # -- input ----------------------------------------------------------------------------------
    def read_stdin(self) -> None:
        for line in sys.stdin.buffer:  # bytes: a line that is not UTF-8 must not end this thread
            raw = line.decode("utf-8", "replace").strip()
            if not raw:
                continue
            try:
                request = json.loads(raw)
                if not isinstance(request, dict) or not isinstance(request.get("op"), str):
                    raise ValueError("a request is a JSON object with an 'op'")
            except ValueError as exc:
                self.emit(P.Error(code=P.E_BAD_REQUEST, message=QT_TR_NOOP("unreadable request: {error}", error=exc)))
                continue
            with self._cancel_lock:
                if request["op"] == "cancel" and request.get("id") is not None:
                    self._cancelled_ids.add(request["id"])
                    if self._running == request["id"]:
                        self.cancel.set()
                    continue
                if request["op"] in ("cancel", "shutdown"):
                    self._cancelled_upto = self._last_read
                    self.cancel.set()
                    if request["op"] == "cancel":
                        continue
                    self.leave_soon(0)
                self._last_read += 1
                request["_seq"] = self._last_read
            self.requests.put(request)
        self.leave_soon(1)  # the parent is gone: stop whatever runs, then leave
        self.requests.put(None)

    # -- dispatch -------------------------------------------------------------------------------
    def run(self) -> int:
        import llama_cpp.llama_cpp as low

        from .probe import probe

        self.log.install(low)
        self.emit(P.Hello.from_dict({**probe(), "pid": os.getpid()}))
        threading.Thread(target=self.read_stdin, name="stdin", daemon=True).start()
        threading.Thread(target=self.heartbeat, name="heartbeat", daemon=True).start()
        while True:
            if self.batch is not None and self.batch.busy:
                if not self._take_requests_between_steps():
                    break
                self._running = None  # the heartbeat speaks for the whole batch
                try:
                    self.batch.step()
                except Exception:  # the batch answered each of its requests with an error
                    traceback.print_exc(file=sys.stderr)
                finally:
                    self._running = _IDLE
                continue
            request, self._held = (self._held, None) if self._held is not None else (self.requests.get(), None)
            if request is None or request["op"] == "shutdown":
                break
            self.dispatch(request)
        self._close_model()
        try:
            self.emit(P.Bye())
        except OSError:  # the parent is gone
            pass
        return 0

    def _take_requests_between_steps(self) -> bool:
        """Read what arrived while the batch decoded; False when the worker must leave."""
        while self._held is None:
            try:
                request = self.requests.get_nowait()
            except queue.Empty:
                return True
            if request is None or request["op"] == "shutdown":
                self.batch.cancel_everything()
                return False
            if request["op"] in ("generate", "stats"):
                self.dispatch(request)
            else:
                self._held = request  # and every request after it waits too, in order
        return True

    def dispatch(self, request: dict) -> None:
        with self._cancel_lock:
            request_id = request.get("id")
            if request["_seq"] > self._cancelled_upto and request_id not in self._cancelled_ids:
                self.cancel.clear()
            else:
                self.cancel.set()  # cancelled while it waited in the queue
            self._running = request_id
        try:
            self.handle(request)
        except WorkerError as exc:
            self.emit(exc.event(request_id, self.log.tail()))
        except Exception as exc:  # a bug here must become an event, not a dead worker
            traceback.print_exc(file=sys.stderr)
            message = QT_TR_NOOP("Internal error in the model process: {error}", error=f"{type(exc).__name__}: {exc}")
            self.emit(P.Error(id=request_id, code=P.E_INTERNAL, message=message, log_tail=self.log.tail()))
        finally:
            with self._cancel_lock:
                self._running = _IDLE
                if request["op"] == "generate" and (self.batch is None or request_id is None):
                    self._cancelled_ids.discard(request_id)

    def _is_cancelled(self, seq) -> bool:
        if seq.read_no <= self._cancelled_upto or seq.request_id in self._cancelled_ids:
            self._cancelled_ids.discard(seq.request_id)
            return True
        return False

    def _all_cancelled(self, seqs: list) -> bool:
        """For llama.cpp's abort callback: stop this decode only if none of its sequences is wanted."""
        return bool(seqs) and all(s.read_no <= self._cancelled_upto or s.request_id in self._cancelled_ids for s in seqs)

    def _close_model(self) -> None:
        if self.batch is not None:
            self.batch.close()
            self.batch = None
        if self.model is not None:
            self.model.close()
            self.model = None

    def _generate_in_batch(self, options: P.GenerateOptions, request: dict) -> None:
        received = time.perf_counter()
        try:
            tokens = self.model.prompt_tokens(options, self.cancel)
        except TemplateCancelled:
            self.emit(P.Done(id=request.get("id"), stop_reason=P.StopReason.CANCELLED, n_ctx=self.model.context_size))
            return
        self.batch.submit(request.get("id"), request["_seq"], options, tokens, received)

    def handle(self, request: dict) -> None:
        op, request_id = request["op"], request.get("id")
        if op == "load":
            self._close_model()
            options = _options(P.LoadOptions, request)
            self.model = LoadedModel.load(options, self.cancel, self.emit, request_id, self.log)
            if options.n_parallel > 1:
                self.batch = BatchDecoder(self.model, self.emit, self._is_cancelled, self._all_cancelled, write=self.write, flush=self.flush)
            self.emit(P.Loaded(id=request_id, load_ms=round(self.model.load_ms, 1), model=self.model.describe()))
        elif op == "generate":
            if self.model is None:
                raise WorkerError(P.E_NOT_LOADED, QT_TR_NOOP("No model is loaded in this worker."))
            options = _options(P.GenerateOptions, request)
            if self.model.options.embedding:
                raise WorkerError(P.E_WRONG_KIND, QT_TR_NOOP("This model was loaded for embeddings; it does not generate text."))
            if (options.prompt is None) == (options.messages is None):
                raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("generate needs either a prompt or messages"))
            if self.batch is not None:
                self._generate_in_batch(options, request)
            else:
                self.emit(self.model.generate(options, self.cancel, self.emit_token, request_id))
        elif op == "embed":
            from .embedding import embed

            if self.model is None:
                raise WorkerError(P.E_NOT_LOADED, QT_TR_NOOP("No model is loaded in this worker."))
            self.emit(embed(self.model, _options(P.EmbedOptions, request), self.cancel, request_id))
        elif op == "perplexity":
            from .perplexity import perplexity

            if self.model is None:
                raise WorkerError(P.E_NOT_LOADED, QT_TR_NOOP("No model is loaded in this worker."))
            self.emit(perplexity(self.model, _options(P.PerplexityOptions, request), self.cancel, self.emit, request_id))
        elif op == "score":
            from .scoring import score

            if self.model is None:
                raise WorkerError(P.E_NOT_LOADED, QT_TR_NOOP("No model is loaded in this worker."))
            self.emit(score(self.model, _options(P.ScoreOptions, request), self.cancel, request_id))
        elif op == "bench":
            from .bench import run_bench

            self._close_model()  # one model in memory at a time: the benchmark loads its own
            self.emit(run_bench(_options(P.BenchOptions, request), self.cancel, self.emit, request_id, self.log.placement_lines))
        elif op == "unload":
            self._close_model()
            self.emit(P.Unloaded(id=request_id))
        elif op == "stats":
            self.emit(P.Stats(id=request_id, rss_bytes=_rss_bytes(), model=self.model.describe() if self.model else None))
        else:
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("unknown request {op}", op=repr(op)))


def _options(kind: type, request: dict):
    """A request's options dataclass; a missing field is the sender's error, not the worker's."""
    try:
        options = kind.from_dict(request)
    except TypeError as exc:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("bad {op} request: {error}", op=request["op"], error=exc)) from exc
    problem = options.problem()  # a number llama.cpp would wrap or abort on never reaches it
    if problem:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("bad {op} request: {error}", op=request["op"], error=problem))
    return options


def _rss_bytes() -> int | None:
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except ImportError:
        return None


def die_with_parent() -> None:
    """Ask Linux for SIGKILL when the parent dies, then check it has not died already (it
    may have gone between our start and the request: nothing would then send the signal)."""
    parent = os.environ.get("HANGAR_ENGINE_PARENT", "")
    if os.environ.get("HANGAR_ENGINE_DIE_WITH_PARENT") == "1" and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: stdin closing still ends the worker
    if os.name == "posix" and parent.isdigit() and os.getppid() != int(parent) and not _exists(int(parent)):
        os._exit(1)  # adopted already: the parent is gone (Windows does not adopt; stdin tells there)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and is not ours to signal
        return True
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent decides
    protocol_fd = os.dup(1)
    os.dup2(2, 1)  # stray prints from C libraries now land in stderr
    sys.stdout = sys.stderr
    if args[:1] == ["--quantize"]:  # --quantize SRC DST TYPE: llama.cpp's quantiser, in this child
        from .quantize import quantize

        with os.fdopen(protocol_fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(quantize(args[1], args[2], args[3])) + "\n")
        return 0
    if "--probe" in args:  # one JSON document about the loaded llama.cpp build, then exit
        from .probe import probe

        with os.fdopen(protocol_fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(probe()) + "\n")
        return 0
    return Worker(protocol_fd).run()
