"""A fake OpenAI-compatible endpoint on 127.0.0.1 (Starlette on uvicorn, on a thread) whose latency is
set exactly: the first token ``ttft_s`` after the request arrives, then one every ``per_token_s``.

It also plays every bad endpoint a benchmark meets (``Behaviour.mode``): a web page instead of the
API, invalid JSON, garbage lines in the stream, a stream cut mid-way, max_tokens ignored, no usage,
429/503 with Retry-After, a key required. Its tokenizer is its own (a token per 4 letters of a word,
plus one), so calibration has something to find out.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from dataclasses import dataclass, field

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

MODELS = ("fake-model", "other-model")
CHAT_TEMPLATE_TOKENS = 7


def count_tokens(text: str) -> int:
    return 1 + sum(math.ceil(len(word) / 4) for word in text.split())


@dataclass
class Behaviour:
    ttft_s: float = 0.2
    per_token_s: float = 0.02
    # ok; html (every route), gen_html (generation only), invalid_json, no_models (no /v1/models), garbage_sse, cut,
    # ignore_max_tokens, no_usage, busy (busy_times refusals, then served), busy_always, json_not_stream, mid_error
    mode: str = "ok"
    busy_status: int = 503
    busy_times: int = 0  # busy: refuse this many requests, then serve
    retry_after: str | None = "1"
    api_key: str | None = None
    cut_after: int = 3
    tokens_when_ignoring: int = 40
    models: tuple[str, ...] = MODELS  # what /v1/models lists and generation accepts
    seen: list[dict] = field(default_factory=list)
    headers_seen: list[dict] = field(default_factory=list)
    in_flight: int = 0
    peak_in_flight: int = 0


class FakeEndpoint:
    def __init__(self, behaviour: Behaviour | None = None, *, ssl_certfile: str | None = None, ssl_keyfile: str | None = None) -> None:
        self.behaviour = behaviour or Behaviour()
        self._ssl = (ssl_certfile, ssl_keyfile)
        self.port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl[0] else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    # -- routes -----------------------------------------------------------------------------
    def _refuse_key(self, request: Request) -> Response | None:
        b = self.behaviour
        if b.api_key and request.headers.get("authorization") != f"Bearer {b.api_key}":
            return JSONResponse({"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error", "code": "invalid_api_key"}}, 401)
        return None

    async def models(self, request: Request) -> Response:
        b = self.behaviour
        if (refused := self._refuse_key(request)) is not None:
            return refused
        if b.mode == "no_models":
            return JSONResponse({"detail": "Not Found"}, 404)
        if b.mode == "html":
            return Response("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Proxy login</body></html>", 200, media_type="text/html")
        if b.mode == "invalid_json":
            return Response('{"object": "list", "data": [', 200, media_type="application/json")
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake-engine"} for m in b.models]
        return JSONResponse({"object": "list", "data": data}, headers={"Server": "fake-server/1.0"})

    async def completions(self, request: Request) -> Response:
        return await self._generate(request, chat=False)

    async def chat(self, request: Request) -> Response:
        return await self._generate(request, chat=True)

    async def _generate(self, request: Request, chat: bool) -> Response:
        b = self.behaviour
        arrived = time.perf_counter()
        if (refused := self._refuse_key(request)) is not None:
            return refused
        body = await request.json()
        with self._lock:
            b.seen.append(body)
            b.headers_seen.append(dict(request.headers))
        if body.get("model") not in b.models:
            return JSONResponse({"error": {"message": f"The model `{body.get('model')}` does not exist.", "type": "invalid_request_error", "code": "model_not_found"}}, 404)
        if b.mode == "busy_always" or (b.mode == "busy" and b.busy_times > 0):
            with self._lock:
                b.busy_times -= 1
            headers = {"Retry-After": b.retry_after} if b.retry_after is not None else {}
            return JSONResponse({"error": {"message": "Server is busy", "type": "server_error"}}, b.busy_status, headers=headers)
        if b.mode in ("html", "gen_html"):
            return Response("<!DOCTYPE html><html><body>Not the API</body></html>", 200, media_type="text/html")
        if b.mode == "invalid_json":
            return Response("{not json", 500, media_type="application/json")
        if chat:
            prompt_tokens = CHAT_TEMPLATE_TOKENS + sum(count_tokens(m["content"]) for m in body["messages"])
        else:
            prompt_tokens = count_tokens(body["prompt"])
        n = body.get("max_tokens", 16)
        if b.mode == "ignore_max_tokens":
            n = b.tokens_when_ignoring
        if b.mode == "json_not_stream":
            await asyncio.sleep(b.ttft_s)
            usage = {"prompt_tokens": prompt_tokens, "completion_tokens": n, "total_tokens": prompt_tokens + n}
            return JSONResponse({"id": "x", "object": "text_completion", "choices": [{"index": 0, "text": "w" * n, "finish_reason": "length"}], "usage": usage})
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and b.mode != "no_usage"
        return StreamingResponse(self._stream(chat, n, prompt_tokens, include_usage, arrived), media_type="text/event-stream")

    async def _stream(self, chat: bool, n: int, prompt_tokens: int, include_usage: bool, arrived: float):
        b = self.behaviour
        with self._lock:
            b.in_flight += 1
            b.peak_in_flight = max(b.peak_in_flight, b.in_flight)
        try:
            def chunk(text: str | None = None, finish: str | None = None, usage: dict | None = None) -> bytes:
                if usage is not None:
                    payload = {"id": "c", "object": "chunk", "choices": [], "usage": usage}
                elif chat:
                    delta = {"content": text} if text is not None else {}
                    payload = {"id": "c", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                else:
                    payload = {"id": "c", "object": "text_completion", "choices": [{"index": 0, "text": text or "", "finish_reason": finish}]}
                return f"data: {json.dumps(payload)}\n\n".encode()

            if chat:
                yield f"data: {json.dumps({'choices': [{'index': 0, 'delta': {'role': 'assistant'}, 'finish_reason': None}]})}\n\n".encode()
            yield b": keep-alive comment\n\n"
            first = arrived + b.ttft_s
            for i in range(n):
                due = first + i * b.per_token_s  # from the first token's real time: a late first token does not squeeze the rest
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                if i == 0:
                    first = time.perf_counter()
                if b.mode == "cut" and i == b.cut_after:
                    raise ConnectionResetError("the fake drops the stream")  # uvicorn closes without the final chunk
                if b.mode == "garbage_sse" and i == 1:
                    yield b"this is not an event\n\n"
                if b.mode == "mid_error" and i == 2:
                    yield b'data: {"error": {"message": "CUDA out of memory"}}\n\n'
                yield chunk(f" w{i}")
            yield chunk(finish="length")
            if include_usage:
                yield chunk(usage={"prompt_tokens": prompt_tokens, "completion_tokens": n, "total_tokens": prompt_tokens + n})
            yield b"data: [DONE]\n\n"
        finally:
            with self._lock:
                b.in_flight -= 1

    # -- running ----------------------------------------------------------------------------
    def __enter__(self) -> "FakeEndpoint":
        app = Starlette(routes=[Route("/v1/models", self.models), Route("/v1/completions", self.completions, methods=["POST"]),
                                Route("/v1/chat/completions", self.chat, methods=["POST"])])  # fmt: skip
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical", access_log=False, lifespan="off", server_header=False,
                                ssl_certfile=self._ssl[0], ssl_keyfile=self._ssl[1], timeout_graceful_shutdown=1)  # fmt: skip
        self._server = server = uvicorn.Server(config)
        self._thread = threading.Thread(target=lambda: asyncio.run(server.serve()), name="fake-endpoint", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.started, "the fake endpoint did not start"
        self.port = server.servers[0].sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None and self._thread is not None
        self._server.should_exit = True
        self._thread.join(10)


class FakeProcess:
    """The fake in a process of its own, so its timing does not share an interpreter (and its lock) with the
    client being measured: ``FakeProcess({"ttft_s": 0.2, "per_token_s": 0.02})``."""

    def __init__(self, behaviour: dict | None = None) -> None:
        self.behaviour = behaviour or {}
        self.port: int | None = None
        self._process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "FakeProcess":
        import subprocess
        import sys
        from pathlib import Path

        root = Path(__file__).resolve().parents[2]
        self._process = subprocess.Popen([sys.executable, "-m", "tests.loadgen.fake_endpoint", json.dumps(self.behaviour)], cwd=root,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
        line = self._process.stdout.readline()
        assert line.startswith("port "), f"the fake endpoint did not start: {line!r}"
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc: object) -> None:
        self._process.stdin.close()  # the fake ends when its stdin does
        try:
            self._process.wait(10)
        except Exception:  # noqa: BLE001
            self._process.kill()
            self._process.wait(10)


def _main() -> None:
    import os
    import sys

    try:
        os.nice(-10)  # on a loaded test machine the fake's clock must not wait for a time slice (allowed only to root)
    except (OSError, AttributeError):
        pass
    fields = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    with FakeEndpoint(Behaviour(**fields)) as fake:
        print(f"port {fake.port}", flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    _main()
