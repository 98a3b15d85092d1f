"""The server face: OpenAI-compatible routes over the application layer's model pool.

Every route checks its request (openai_shapes), asks the pool for a lease (which says at
once whether the model exists, the policy allows it and a slot or a queue place is free),
then generates on a thread of its own: the event loop only moves bytes, so one slow client
or a model loading never stalls another request. A client that goes away cancels its
stream (Starlette notices the disconnect and closes the body generator; the lease's cancel
reaches the worker). Nothing logged here holds a key or a prompt.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..core.app.api_keys import Authenticator
from ..core.app.pool_terms import ModelNotFound, ModelRefused, RequestRecord, ServerBusy, WrongModelKind
from ..core.app.serving import Lease, ModelPool
from ..core.common.errors import HangarError
from ..core.runner import protocol as P
from . import openai_shapes as S

if TYPE_CHECKING:
    from ..core.app import Hangar

log = logging.getLogger("hangar.server")
_END = object()


@dataclass
class ServerConfig:
    max_body_bytes: int = S.MAX_BODY_BYTES
    max_tokens_limit: int = S.MAX_TOKENS_LIMIT
    cors_origins: list[str] = field(default_factory=list)  # empty: no CORS headers at all
    # A stream's writes are at least this far apart; tokens that come meanwhile go out together in
    # the next one (each still its own data: event). vLLM's --stream-interval does it by a token
    # count; a time keeps a slow model's tokens unaffected. 0: every token at once.
    stream_interval_s: float = 0.005


def error_response(error: S.ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def _api_error(exc: BaseException) -> S.ApiError:
    """The answer for a failure of the layer or the worker (its message is meant for a person)."""
    if isinstance(exc, S.ApiError):
        return exc
    if isinstance(exc, ModelNotFound):
        return S.not_found(f"The model '{exc.name}' does not exist. Available: {', '.join(exc.available) or 'none'}.")
    if isinstance(exc, ModelRefused):
        return S.ApiError(403, str(exc.message), type="permission_error", param="model", code="model_blocked_by_policy")
    if isinstance(exc, WrongModelKind):
        return S.bad(str(exc.message), "model", "wrong_model_kind")
    if isinstance(exc, ServerBusy):
        return S.busy(str(exc.message), exc.retry_after_s)
    code = getattr(exc, "code", "internal")
    if code == P.E_CONTEXT_FULL:
        return S.bad(str(getattr(exc, "message", exc)), "messages", "context_length_exceeded")
    if isinstance(exc, HangarError):
        return S.ApiError(500, str(exc.message), type="server_error", code=str(code))
    return S.ApiError(500, "The server failed on this request; details are in Hangar's log.", type="server_error", code="internal")


class _Run:
    """One admitted request generating on its own thread; its tokens cross to the loop in batches.

    The thread appends each event to a list and wakes the loop only when no wake-up is already
    on its way; the loop takes everything that gathered meanwhile. At one stream on a fast
    model that is one wake-up per token, as before; when the loop falls behind (many streams,
    a machine whose cores decode) it is one per batch, not one per token per stream, which was
    the largest share of the server's time (docs/runtimes-and-measurements.md)."""

    def __init__(self, lease: Lease, options: P.GenerateOptions, loop: asyncio.AbstractEventLoop) -> None:
        self.lease, self.options, self.loop = lease, options, loop
        self._pending: list = []
        self._lock = threading.Lock()
        self._woken = False  # a wake-up is on its way to the loop and not yet taken
        self._ready = asyncio.Event()
        self.done: P.Done | None = None
        self.error: BaseException | None = None
        self.text: list[str] = []
        self.finished = asyncio.Event()  # set on the loop when the thread is done
        self.thread = threading.Thread(target=self._work, name="serve-request", daemon=True)

    def start(self) -> "_Run":
        self.thread.start()
        return self

    def _put(self, item) -> None:
        with self._lock:
            self._pending.append(item)
            if self._woken:
                return
            self._woken = True
        try:
            self.loop.call_soon_threadsafe(self._ready.set)
        except RuntimeError:  # the loop is closed (the server stopped)
            self.lease.cancel()

    def _work(self) -> None:
        try:
            for event in self.lease.stream(self.options):
                if isinstance(event, P.Token):
                    self.text.append(event.text)
                    self._put(event)
                elif isinstance(event, P.Done):
                    self.done = event
        except BaseException as exc:  # noqa: BLE001 - every failure becomes an error answer
            self.error = exc
            if not isinstance(exc, HangarError):
                log.exception("generation failed")
        finally:
            self._put(_END)
            try:
                self.loop.call_soon_threadsafe(self.finished.set)
            except RuntimeError:
                pass

    async def batches(self) -> AsyncIterator[list[P.Token]]:
        """The tokens in the batches they gathered in (never an empty one); ends after the thread's end."""
        while True:
            await self._ready.wait()
            with self._lock:
                items, self._pending = self._pending, []
                self._woken = False
                self._ready.clear()
            ended = bool(items) and items[-1] is _END
            tokens = items[:-1] if ended else items
            if tokens:
                yield tokens
            if ended:
                return

    def record(self, endpoint: str, status: str) -> RequestRecord:
        done = self.done
        tps = done.gen_tps if done is not None else None
        return RequestRecord(time=self.lease.started, model=self.lease.name, endpoint=endpoint, status=status,
                             prompt_tokens=done.n_prompt if done else 0, completion_tokens=done.n_generated if done else 0,
                             tokens_per_s=tps, duration_ms=round((time.time() - self.lease.started) * 1000, 1),
                             finish_reason=(done.stop_reason.value if done.stop_reason == P.StopReason.CANCELLED else S.FINISH.get(done.stop_reason)) if done else None)  # fmt: skip


def build_app(app: "Hangar", pool: ModelPool, auth: Authenticator, config: ServerConfig | None = None) -> Starlette:
    config = config or ServerConfig()

    async def read_json(request: Request) -> dict:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > config.max_body_bytes:
            raise S.ApiError(400, f"The request body is {int(length):,} bytes; at most {config.max_body_bytes:,} are accepted.", code="request_too_large")
        chunks, size = [], 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > config.max_body_bytes:
                    raise S.ApiError(400, f"The request body is more than {config.max_body_bytes:,} bytes.", code="request_too_large")
                chunks.append(chunk)
        except ClientDisconnect:
            raise S.ApiError(400, "The client went away before the body arrived.", code="client_disconnected") from None
        return S.parse_body(b"".join(chunks))

    def check_key(request: Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if not auth.check(token.strip() if scheme.lower() == "bearer" else None):
            raise S.unauthorized()

    def admit(name: str, endpoint: str, prompt: str | None = None) -> Lease:
        lease = pool.acquire(name, endpoint)
        for warning in lease.warnings:
            log.warning("%s", warning)
        lease.prompt = prompt  # type: ignore[attr-defined]
        return lease

    def finish(run: _Run, endpoint: str, status: str | None = None) -> None:
        if status is None:
            status = "ok" if run.error is None else str(getattr(run.error, "code", "error"))
            if run.done is not None and run.done.stop_reason == P.StopReason.CANCELLED:
                status = "cancelled"
        record = run.record(endpoint, status)
        record.prompt = getattr(run.lease, "prompt", None)
        run.lease.release(record)

    def _finish_later(run: _Run, endpoint: str) -> None:
        run.thread.join()
        finish(run, endpoint, "client_disconnected")

    def guarded(handler):
        async def route(request: Request) -> Response:
            try:
                if request.url.path != "/health":
                    check_key(request)
                return await handler(request)
            except S.ApiError as exc:
                return error_response(exc)
            except (ModelNotFound, ModelRefused, ServerBusy, WrongModelKind) as exc:
                return error_response(_api_error(exc))
            except HangarError as exc:
                return error_response(_api_error(exc))

        return route

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "models": [{"id": e.id, "alias": e.alias, "state": e.state.value} for e in pool.models()]})

    async def models(request: Request) -> Response:
        data = []
        for entry in await asyncio.to_thread(pool.models):
            created = _created(entry.model.added_at)
            data.append(S.model_entry(entry.alias, created, hangar_id=entry.id, state=entry.state.value))
        return JSONResponse(S.models_list(data))

    async def generate(request: Request, endpoint: str, parse, respond, chunker) -> Response:
        body = await read_json(request)
        parsed = parse(body, max_tokens_limit=config.max_tokens_limit)
        admitted = asyncio.get_running_loop().run_in_executor(None, admit, parsed.model, endpoint, parsed.prompt_text)
        try:
            lease = await asyncio.shield(admitted)
        except asyncio.CancelledError:  # the client went away while it was admitted: give the place back
            admitted.add_done_callback(lambda f: f.cancelled() or f.exception() is not None or f.result().release())
            raise
        name = lease.name
        run = _Run(lease, parsed.options, asyncio.get_running_loop()).start()
        rid, created = S.new_id("chatcmpl" if endpoint == "chat" else "cmpl"), int(time.time())
        if not parsed.stream:
            try:
                while not run.finished.is_set():
                    try:
                        await asyncio.wait_for(run.finished.wait(), 0.2)
                        break
                    except asyncio.TimeoutError:
                        pass
                    if await request.is_disconnected():
                        lease.cancel()
                        await asyncio.to_thread(run.thread.join)
                        finish(run, endpoint, "client_disconnected")
                        return Response(status_code=499)
            except asyncio.CancelledError:  # the server stops
                lease.cancel()
                threading.Thread(target=_finish_later, args=(run, endpoint), daemon=True).start()
                raise
            await asyncio.to_thread(run.thread.join)
            finish(run, endpoint)
            if run.error is not None:
                return error_response(_api_error(run.error))
            return JSONResponse(respond(rid, name, "".join(run.text), run.done or P.Done(stop_reason=P.StopReason.CANCELLED), created))

        # Streaming: wait for the first tokens so that a load failure is still an error answer.
        batches = run.batches()
        first: list[P.Token] | None = None
        waiting = asyncio.ensure_future(batches.__anext__())
        try:
            while not (await asyncio.wait({waiting}, timeout=0.1))[0]:
                if await request.is_disconnected():  # gone while queued or while the model loaded
                    lease.cancel()
                    waiting.cancel()
                    threading.Thread(target=_finish_later, args=(run, endpoint), daemon=True).start()
                    return Response(status_code=499)
            first = waiting.result()
        except StopAsyncIteration:
            pass
        except asyncio.CancelledError:
            lease.cancel()
            waiting.cancel()
            threading.Thread(target=_finish_later, args=(run, endpoint), daemon=True).start()
            raise
        if first is None and run.error is not None:
            await asyncio.to_thread(run.thread.join)
            finish(run, endpoint)
            return error_response(_api_error(run.error))
        pieces, interval = S.PieceWriter(endpoint, rid, name, created), config.stream_interval_s

        async def body_stream() -> AsyncIterator[bytes]:
            finished = False
            try:
                head = S.sse(chunker(rid, name, created, delta={"role": "assistant", "content": ""})) if endpoint == "chat" else b""
                if first is not None:
                    yield head + pieces.many([token.text for token in first])
                    while True:
                        if interval:  # tokens that come meanwhile join the next write: one send and one client wake-up for several
                            await asyncio.sleep(interval)
                        try:
                            tokens = await batches.__anext__()  # all that came since the last write
                        except StopAsyncIteration:
                            break
                        yield pieces.many([token.text for token in tokens])
                elif head:
                    yield head
                await asyncio.to_thread(run.thread.join)
                if run.error is not None:
                    tail = S.sse(_api_error(run.error).body())
                else:
                    done = run.done or P.Done(stop_reason=P.StopReason.CANCELLED)
                    tail = S.sse(chunker(rid, name, created, finish=S.FINISH[done.stop_reason]))
                    if parsed.include_usage:
                        tail += S.sse(chunker(rid, name, created, usage_of=done))
                finished = True
                finish(run, endpoint)  # in the request log before its client reads [DONE]
                yield tail + S.sse("[DONE]")
            finally:
                if not finished:  # the client went away: stop its generation now
                    lease.cancel()
                    threading.Thread(target=_finish_later, args=(run, endpoint), daemon=True).start()

        return StreamingResponse(body_stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    async def chat(request: Request) -> Response:
        return await generate(request, "chat", S.parse_chat, S.chat_completion, S.chat_chunk)

    async def completions(request: Request) -> Response:
        return await generate(request, "completions", S.parse_completion, S.completion, S.completion_chunk)

    async def embeddings(request: Request) -> Response:
        body = await read_json(request)
        parsed = S.parse_embeddings(body)
        admitted = asyncio.get_running_loop().run_in_executor(None, admit, parsed.model, "embeddings")
        try:
            lease = await asyncio.shield(admitted)
        except asyncio.CancelledError:
            admitted.add_done_callback(lambda f: f.cancelled() or f.exception() is not None or f.result().release())
            raise
        try:
            S.check_dimensions(parsed, lease.name, lease.embedding_size)
        except S.ApiError:
            lease.release()
            raise

        def work() -> P.Embeddings:  # on a thread, which releases the lease even if the client has gone
            status, result = "error", None
            try:
                result = lease.embed(P.EmbedOptions(inputs=parsed.inputs))
                status = "ok"
                return result
            except BaseException as exc:
                status = str(getattr(exc, "code", "error"))
                raise
            finally:
                lease.release(RequestRecord(time=lease.started, model=lease.name, endpoint="embeddings", status=status,
                                            prompt_tokens=sum(result.n_tokens) if result else 0,
                                            duration_ms=round((time.time() - lease.started) * 1000, 1)))  # fmt: skip

        try:
            result = await asyncio.to_thread(work)
        except HangarError as exc:
            # an input too long, a token outside the vocabulary; a worker that holds a text model after all
            param, code = {P.E_CONTEXT_FULL: ("input", "context_length_exceeded"), P.E_BAD_REQUEST: ("input", "invalid_value"),
                           P.E_WRONG_KIND: ("model", "wrong_model_kind")}.get(getattr(exc, "code", None), (None, None))  # fmt: skip
            if code is None:
                raise
            raise S.bad(str(exc.message), param, code) from None
        return JSONResponse(S.embeddings_list(lease.name, result, parsed.encoding_format))

    async def not_found(request: Request) -> Response:
        raise S.ApiError(404, f"No route {request.method} {request.url.path}.", type="not_found_error", code="unknown_url")

    routes = [
        Route("/health", guarded(health), methods=["GET"]),
        Route("/v1/models", guarded(models), methods=["GET"]),
        Route("/v1/chat/completions", guarded(chat), methods=["POST"]),
        Route("/v1/completions", guarded(completions), methods=["POST"]),
        Route("/v1/embeddings", guarded(embeddings), methods=["POST"]),
    ]
    middleware = []
    if config.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(Middleware(CORSMiddleware, allow_origins=config.cors_origins, allow_methods=["GET", "POST", "OPTIONS"],
                                     allow_headers=["Authorization", "Content-Type"]))  # fmt: skip

    async def on_404(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status == 405:
            return error_response(S.ApiError(405, f"{request.method} is not allowed on {request.url.path}.", code="method_not_allowed"))
        return error_response(S.ApiError(404, f"No route {request.method} {request.url.path}.", type="not_found_error", code="unknown_url"))

    async def on_500(request: Request, exc: Exception) -> Response:
        log.error("request failed: %s", type(exc).__name__)
        return error_response(S.ApiError(500, "The server failed on this request; details are in Hangar's log.", type="server_error", code="internal"))

    return Starlette(routes=routes, middleware=middleware, exception_handlers={404: on_404, 405: on_404, 500: on_500})


def _created(added_at: str | None) -> int:
    from datetime import datetime

    try:
        return int(datetime.fromisoformat(str(added_at).replace("Z", "+00:00")).timestamp())
    except (TypeError, ValueError):
        return int(time.time())
