"""A remote model with the local worker's face: ``generate(options)`` yields protocol ``Token``
events, then one ``Done``, so the chat session, the controller and the CLI drive it as they
drive ``EngineClient`` (core/runner/client.py).

Each request is one streamed POST /v1/chat/completions (``stream_options.include_usage``, so
the endpoint's own tokenizer counts the prompt and the reply). The HTTP stream is read on a
thread of its own and handed over through a queue: ``cancel()`` (or ``stream.cancel()``) ends
the stream for its reader at once and shuts the socket, so the endpoint sees the client
leave and stops generating; nothing waits for the server. Time to first token and tokens
per second are measured here, at the receiving end, network included.
"""

from __future__ import annotations

import itertools
import json
import logging
import queue
import socket
import threading
import time
from typing import Iterator

import httpx2 as httpx

from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P
from . import errors as E
from .http import STREAM_READ_TIMEOUT_S, Connection, check_status, client_for, explain, fetch_models, read_json

log = logging.getLogger(__name__)
POLL_S = 0.05  # how often a waiting reader looks at its cancel flag
MAX_EVENT_BYTES = 1024 * 1024
_FINISH = {"length": P.StopReason.LENGTH, "stop": P.StopReason.STOP, "eos": P.StopReason.STOP, "tool_calls": P.StopReason.STOP,
           "content_filter": P.StopReason.STOP, "function_call": P.StopReason.STOP}  # fmt: skip
_END = object()


def request_body(model: str, options: P.GenerateOptions) -> dict:
    """The OpenAI request for ``options``: only the standard fields (a strict server refuses others).
    top_k, min_p and repeat_penalty are llama.cpp's and are not sent."""
    messages = options.messages if options.messages is not None else [{"role": "user", "content": options.prompt or ""}]
    body = {"model": model, "messages": messages, "stream": True, "stream_options": {"include_usage": True},
            "max_tokens": options.max_tokens, "temperature": options.temperature, "top_p": options.top_p}  # fmt: skip
    for name in ("presence_penalty", "frequency_penalty"):  # OpenAI's own penalties, where the options carry them
        if getattr(options, name, 0.0):
            body[name] = getattr(options, name)
    if options.seed is not None:
        body["seed"] = options.seed
    if options.stop:
        body["stop"] = options.stop[:4]  # the API's limit
    if options.ignore_eos:
        body["ignore_eos"] = True  # vLLM and llama-server honour it; benchmarks need the full length
    return body


class RemoteStream(Iterator[P.Token | P.Done]):
    """The events answering one request; ``cancel()`` stops it within a poll (50 ms)."""

    def __init__(self, client: "RemoteClient", request_id: int, body: dict) -> None:
        self.client, self.request_id = client, request_id
        self._body = body
        self._queue: queue.Queue = queue.Queue()
        self._cancelled = threading.Event()
        self._finished = False
        self._response: httpx.Response | None = None
        self._n = 0  # content pieces received (tokens, until usage says better)
        self._streaming = False  # a success status arrived: what breaks now cuts a reply
        self._asked = time.monotonic()
        self._first: float | None = None
        self._last: float | None = None
        self._thread = threading.Thread(target=self._read, name=f"remote-{client.conn.name}-{request_id}", daemon=True)
        self._thread.start()

    # -- the consumer's side ---------------------------------------------------------------------
    def __iter__(self) -> "RemoteStream":
        return self

    def __next__(self) -> P.Token | P.Done:
        if self._finished:
            raise StopIteration
        while True:
            if self._cancelled.is_set():
                self._finished = True
                return self._done(P.StopReason.CANCELLED, None)
            try:
                item = self._queue.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if item is _END:
                self._finished = True
                raise StopIteration
            if isinstance(item, BaseException):
                self._finished = True
                self.client._ended(self)
                raise item
            if isinstance(item, P.Done):
                self._finished = True
                self.client._ended(self)
            return item

    def cancel(self) -> None:
        """Stop this request: the stream ends now, the connection is shut so the endpoint stops too."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        self.client._ended(self)
        self._shut()

    def close(self) -> None:
        if not self._finished:
            self.cancel()
            self._finished = True

    def _shut(self) -> None:
        response = self._response
        stream = response.extensions.get("network_stream") if response is not None else None
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes the reading thread; the server sees the client leave
            except OSError:
                pass

    # -- the reading thread ------------------------------------------------------------------------
    def _read(self) -> None:
        conn, what = self.client.conn, QT_TR_NOOP("the chat request")
        try:
            with self.client.http.stream("POST", conn.url("chat/completions"), json=self._body) as response:
                self._response = response
                if self._cancelled.is_set():
                    self._shut()
                    return
                check_status(response, conn, what, model=self.client.model_id, models=self.client.models)
                self._streaming = True
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind == "text/event-stream":
                    self._read_events(response)
                else:
                    self._read_whole(response, what)
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the consumer
            if self._cancelled.is_set():
                return
            if isinstance(exc, E.EndpointError):
                self._queue.put(exc)
            elif self._streaming and isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError)):
                self._queue.put(E.EndpointStreamCut(conn.name, self._n, type(exc).__name__))  # the answer began, then the connection went
            else:
                try:
                    self._queue.put(explain(exc, conn, what, timeout_s=self.client.read_timeout_s))
                except BaseException as other:  # noqa: BLE001 - a bug of ours: the consumer still hears of it
                    log.exception("a remote stream failed")
                    self._queue.put(other)

    def _read_events(self, response: httpx.Response) -> None:
        conn = self.client.conn
        finish: str | None = None
        usage: dict | None = None
        saw_done = False
        for event in httpx.EventSource(response, max_event_size=MAX_EVENT_BYTES):
            if self._cancelled.is_set():
                return
            data = event.data.strip()
            if not data:
                continue
            if data == "[DONE]":
                saw_done = True
                break
            try:
                chunk = json.loads(data)
            except (ValueError, RecursionError):
                raise E.EndpointBadAnswer(QT_TR_NOOP("The endpoint {name} sent a stream event that is not JSON after {count} tokens: {line}",
                                                     name=conn.name, count=self._n, line=" ".join(data.split())[:80])) from None  # fmt: skip
            if not isinstance(chunk, dict):
                raise E.bad_answer_shape(conn.base_url, QT_TR_NOOP("the chat request"), QT_TR_NOOP("a stream event that is not an object"))
            if chunk.get("error"):  # vLLM and others report a failure inside an open stream
                raise E.EndpointError(QT_TR_NOOP("The endpoint {name} stopped the reply after {count} tokens: {message}", name=conn.name, count=self._n,
                                                 message=E.server_message(chunk) or "?"))  # fmt: skip
            if isinstance(chunk.get("usage"), dict):
                usage = chunk["usage"]
            for choice in chunk.get("choices") or []:
                if not isinstance(choice, dict):
                    continue
                delta = choice.get("delta") if isinstance(choice.get("delta"), dict) else {}
                text = delta.get("content") if isinstance(delta.get("content"), str) else choice.get("text") if isinstance(choice.get("text"), str) else ""
                if text:
                    self._token(text, usage)
                if choice.get("finish_reason"):
                    finish = str(choice["finish_reason"])
        if self._cancelled.is_set():
            return
        if not saw_done and finish is None:
            raise E.EndpointStreamCut(conn.name, self._n, QT_TR_NOOP("the stream ended without a finish reason or [DONE]"))
        self._queue.put(self._done(_FINISH.get(finish or "stop", P.StopReason.STOP), usage))

    def _read_whole(self, response: httpx.Response, what: str) -> None:
        """A server that ignored ``stream: true`` and answered one chat.completion."""
        conn = self.client.conn
        body = read_json(response, conn, what, 16 * 1024 * 1024)
        try:
            choice = body["choices"][0]
            text = choice["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise E.bad_answer_shape(conn.base_url, what, "no choices[0].message.content") from None
        usage = body.get("usage") if isinstance(body.get("usage"), dict) else None
        if text:
            self._token(str(text), usage)
        self._queue.put(self._done(_FINISH.get(str(choice.get("finish_reason") or "stop"), P.StopReason.STOP), usage))

    # -- events ------------------------------------------------------------------------------------
    def _token(self, text: str, usage: dict | None) -> None:
        now = time.monotonic()
        self._first = self._first if self._first is not None else now
        self._last = now
        self._n += 1
        n_prompt = _count(usage, "prompt_tokens") or 0
        self._queue.put(P.Token(id=self.request_id, text=text, n=self._n, n_prompt=n_prompt, ttft_ms=self._ttft_ms(), gen_tps=self._tps(self._n)))

    def _ttft_ms(self) -> float | None:
        return (self._first - self._asked) * 1000 if self._first is not None else None

    def _tps(self, n: int) -> float | None:
        if self._first is None or self._last is None or n < 2 or self._last <= self._first:
            return None
        return (n - 1) / (self._last - self._first)

    def _done(self, reason: P.StopReason, usage: dict | None) -> P.Done:
        n_generated = _count(usage, "completion_tokens")
        n_generated = self._n if n_generated is None else n_generated
        return P.Done(id=self.request_id, stop_reason=reason, n_prompt=_count(usage, "prompt_tokens") or 0, n_generated=n_generated,
                      ttft_ms=self._ttft_ms(), gen_tps=self._tps(n_generated), total_ms=(time.monotonic() - self._asked) * 1000)  # fmt: skip


def _count(usage: dict | None, key: str) -> int | None:
    value = usage.get(key) if usage else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


class RemoteClient:
    """One remote model on one endpoint, driven like a worker (``generate``, ``cancel``, ``close``)."""

    runtime_name = "remote"
    model = None  # no worker's ModelInfo: the endpoint keeps its model to itself
    hello = None

    def __init__(self, conn: Connection, model_id: str, *, read_timeout_s: float = STREAM_READ_TIMEOUT_S) -> None:
        self.conn, self.model_id, self.read_timeout_s = conn, model_id, read_timeout_s
        self.http = client_for(conn, read_timeout_s=read_timeout_s)
        self._ids = itertools.count(1)
        self._streams: dict[int, RemoteStream] = {}
        self._lock = threading.Lock()
        self._closed = False

    def models(self) -> list[str]:
        return fetch_models(self.conn, client=self.http)

    def generate(self, options: P.GenerateOptions, idle_timeout_s: float | None = None) -> RemoteStream:
        """Send the request now (on the stream's own thread); the stream yields Token events, then
        one Done. Errors are raised as the endpoint's EndpointError when the stream is read."""
        del idle_timeout_s  # the read time-out of the HTTP client is the silence allowed
        problem = options.problem()
        if problem:
            from ..runner.client import EngineError

            raise EngineError(P.E_BAD_REQUEST, problem)
        if self._closed:
            raise E.EndpointError(QT_TR_NOOP("The connection to the endpoint {name} was closed; load the model again.", name=self.conn.name))
        request_id = next(self._ids)
        stream = RemoteStream(self, request_id, request_body(self.model_id, options))
        with self._lock:
            self._streams[request_id] = stream
        return stream

    def _ended(self, stream: RemoteStream) -> None:
        with self._lock:
            self._streams.pop(stream.request_id, None)

    def cancel(self, request_id: int | None = None) -> None:
        """Stop one request, or (without an id) every request this client has running."""
        with self._lock:
            streams = list(self._streams.values()) if request_id is None else [s for i, s in self._streams.items() if i == request_id]
        for stream in streams:
            stream.cancel()

    @property
    def alive(self) -> bool:
        return not self._closed

    def close(self) -> None:
        self._closed = True
        self.cancel()
        self.http.close()

    def __enter__(self) -> "RemoteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
