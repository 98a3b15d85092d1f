"""The worker's main loop: read requests from stdin, answer with events on stdout.

A reader thread takes requests off stdin so that "cancel" is seen at once, even while
the main thread is inside llama.cpp; everything else is queued and run in order. The
protocol uses a private copy of stdout's file descriptor, and fd 1 itself is pointed at
stderr, so a stray printf from a C library can never corrupt the JSON stream. When
stdin closes (the parent died) the worker cancels and exits.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
import traceback

from ..core import engine_protocol as P
from .llama_log import LlamaLog
from .model import EngineError, LoadedModel


class Worker:
    def __init__(self, out_fd: int) -> None:
        self._out = os.fdopen(out_fd, "w", encoding="utf-8", buffering=1)
        self._out_lock = threading.Lock()
        self.requests: queue.Queue[dict | None] = queue.Queue()
        self.cancel = threading.Event()
        # A cancel applies to every request read before it, even one still waiting in the
        # queue: Stop pressed just after Send must not be forgotten when that request starts.
        self._cancel_lock = threading.Lock()
        self._last_read = 0  # sequence number of the last request read from stdin
        self._cancelled_upto = 0
        self.model: LoadedModel | None = None
        self.log = LlamaLog()

    def emit(self, event: dict) -> None:
        line = json.dumps(event, ensure_ascii=False)
        with self._out_lock:
            self._out.write(line + "\n")
            self._out.flush()

    # -- input ----------------------------------------------------------------------------------
    def read_stdin(self) -> None:
        for raw in sys.stdin:
            raw = raw.strip()
            if not raw:
                continue
            try:
                request = json.loads(raw)
                if not isinstance(request, dict) or not isinstance(request.get("op"), str):
                    raise ValueError("a request is a JSON object with an 'op'")
            except ValueError as exc:
                self.emit({"event": "error", "id": None, "code": P.E_BAD_REQUEST, "message": f"unreadable request: {exc}"})
                continue
            with self._cancel_lock:
                if request["op"] == "cancel":
                    self._cancelled_upto = self._last_read
                    self.cancel.set()
                    continue
                self._last_read += 1
                request["_seq"] = self._last_read
            self.requests.put(request)
        self.cancel.set()  # the parent is gone: stop whatever runs, then leave
        self.requests.put(None)

    # -- dispatch -------------------------------------------------------------------------------
    def run(self) -> int:
        import llama_cpp.llama_cpp as low

        from .probe import probe

        self.log.install(low)
        self.emit({"event": "hello", "pid": os.getpid(), **probe()})
        threading.Thread(target=self.read_stdin, name="stdin", daemon=True).start()
        while True:
            request = self.requests.get()
            if request is None or request["op"] == "shutdown":
                break
            with self._cancel_lock:
                if request["_seq"] > self._cancelled_upto:
                    self.cancel.clear()
                else:
                    self.cancel.set()  # cancelled while it waited in the queue
            request_id = request.get("id")
            try:
                self.handle(request)
            except EngineError as exc:
                self.emit({"event": "error", "id": request_id, "code": exc.code, "message": exc.message, "log_tail": self.log.tail()})
            except Exception as exc:  # a bug here must become an event, not a dead worker
                traceback.print_exc(file=sys.stderr)
                self.emit({"event": "error", "id": request_id, "code": "internal", "message": f"{type(exc).__name__}: {exc}", "log_tail": self.log.tail()})
        if self.model is not None:
            self.model.close()
        self.emit({"event": "bye"})
        return 0

    def handle(self, request: dict) -> None:
        op, request_id = request["op"], request.get("id")
        if op == "load":
            if self.model is not None:
                self.model.close()
                self.model = None
            try:
                options = P.LoadOptions.from_request(request)
            except TypeError as exc:
                raise EngineError(P.E_BAD_REQUEST, f"bad load request: {exc}") from exc
            self.model = LoadedModel.load(options, self.cancel, self.emit, request_id, self.log)
            self.emit({"event": "loaded", "id": request_id, "load_ms": round(self.model.load_ms, 1), "model": self.model.describe()})
        elif op == "generate":
            if self.model is None:
                raise EngineError(P.E_NOT_LOADED, "No model is loaded in this worker.")
            options = P.GenerateOptions.from_request(request)
            if (options.prompt is None) == (options.messages is None):
                raise EngineError(P.E_BAD_REQUEST, "generate needs either a prompt or messages")
            self.emit(self.model.generate(options, self.cancel, self.emit, request_id))
        elif op == "bench":
            from .bench import BenchOptions, run_bench

            if self.model is not None:  # one model in memory at a time: the benchmark loads its own
                self.model.close()
                self.model = None
            self.emit(run_bench(BenchOptions.from_request(request), self.cancel, self.emit, request_id))
        elif op == "unload":
            if self.model is not None:
                self.model.close()
                self.model = None
            self.emit({"event": "unloaded", "id": request_id})
        elif op == "stats":
            self.emit({"event": "stats", "id": request_id, **_process_stats(), "model": self.model.describe() if self.model else None})
        else:
            raise EngineError(P.E_BAD_REQUEST, f"unknown op {op!r}")


def _process_stats() -> dict:
    try:
        import psutil

        info = psutil.Process().memory_info()
        return {"rss_bytes": info.rss}
    except ImportError:
        return {"rss_bytes": None}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
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
