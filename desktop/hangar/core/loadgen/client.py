"""One streamed request, timed the way ``vllm bench serve`` times it.

- TTFT: from just before the request is sent to the arrival of the first chunk that carries
  content (a completion's ``text``, a chat ``delta.content`` or ``reasoning_content``; the chat
  stream's first role-only chunk is no token).
- ITL: the gap between every two consecutive content chunks (a chunk that holds several tokens
  is one gap, as in vLLM's OpenAI client).
- E2EL: from the send to the end of the stream (``[DONE]``, or the end of the body).
- Tokens: from the stream's ``usage`` (``stream_options.include_usage`` is always asked for).
  An endpoint that sends none has its content chunks counted instead and the sample is marked
  ``estimated``.

429 and 503 are waited out as the endpoint asks (Retry-After, in seconds or as a date; without
one 0.5, 1, 2 s ...) within a bound of tries and seconds, then the request fails as busy. The
sample then times the try that was answered; the waiting shows in the level's duration.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx2 as httpx

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from .errors import EndpointBusy, EndpointError, ModelNotServed, StreamCut, TooManyTokens, not_the_api, shown, transport_failure
from .sse import DONE, SseReader
from .target import Target, auth_failure

log = logging.getLogger(__name__)
MAX_ERROR_BODY = 64 * 1024


@dataclass(frozen=True)
class Request:
    """What one request asks: a completion ``prompt`` or chat ``messages``, and ``max_tokens``."""

    endpoint: str  # "completions" or "chat"
    max_tokens: int
    prompt: str | None = None
    messages: list[dict] | None = None
    expected_prompt_tokens: int | None = None  # what calibration measured; used when the endpoint sends no usage

    def body(self, model: str) -> dict:
        body: dict = {"model": model, "max_tokens": self.max_tokens, "stream": True, "stream_options": {"include_usage": True}}
        if self.endpoint == "chat":
            body["messages"] = self.messages if self.messages is not None else [{"role": "user", "content": self.prompt or ""}]
        else:
            body["prompt"] = self.prompt or ""
        return body


@dataclass
class Retry:
    """How long a busy endpoint (429/503) is waited for: at most ``tries`` sends and ``max_wait_s`` of waiting."""

    tries: int = 4
    max_wait_s: float = 30.0
    first_backoff_s: float = 0.5


@dataclass
class Sample:
    """One request's measurements; ``to_dict`` is its entry in the run document."""

    ok: bool
    error: str | None = None
    prompt_tokens: int = 0
    output_tokens: int = 0
    ttft_ms: float | None = None
    e2el_ms: float | None = None
    itl_ms: list[float] = field(default_factory=list)
    start_s: float = 0.0
    estimated: bool = False  # token counts from chunks, not usage
    code: str | None = None  # the error's code, for the level's reason
    exception: HangarError | None = field(default=None, repr=False, compare=False)  # what failed it, for a caller that must raise

    @property
    def tpot_ms(self) -> float | None:
        """vLLM's TPOT: (E2EL - TTFT) / (output tokens - 1), for a request with more than one token."""
        if self.ttft_ms is None or self.e2el_ms is None or self.output_tokens <= 1:
            return None
        return (self.e2el_ms - self.ttft_ms) / (self.output_tokens - 1)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "error": self.error, "prompt_tokens": self.prompt_tokens, "output_tokens": self.output_tokens,
                "ttft_ms": _round(self.ttft_ms), "e2el_ms": _round(self.e2el_ms), "itl_ms": [round(g, 3) for g in self.itl_ms],
                "start_s": round(self.start_s, 4)}  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def retry_after_s(value: str | None, now: float | None = None) -> float | None:
    """Retry-After in seconds: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (now if now is not None else datetime.now(timezone.utc).timestamp()))


def _error_text(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return shown(body)
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and error.get("message"):
        return shown(str(error["message"]))
    if isinstance(error, str):
        return shown(error)
    if isinstance(data, dict) and isinstance(data.get("detail") or data.get("message"), str):
        return shown(data.get("detail") or data.get("message"))
    return shown(body)


def _mentions_model(body: bytes) -> bool:
    text = body.decode("utf-8", "replace").lower()
    return "model" in text


class Stream:
    """The timing of one stream as its lines arrive."""

    def __init__(self, url: str, started: float) -> None:
        self.reader = SseReader(url)
        self.started = started
        self.first: float | None = None
        self.last: float | None = None
        self.itl: list[float] = []
        self.chunks = 0
        self.usage: dict | None = None
        self.finished = False  # a finish_reason arrived
        self.done = False  # [DONE] arrived

    def take(self, payload, now: float) -> None:
        if payload is None:
            return
        if payload == DONE:
            self.done = True
            return
        usage = payload.get("usage")
        if isinstance(usage, dict):
            self.usage = usage
        choices = payload.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            return
        choice = choices[0]
        delta = choice.get("delta") if isinstance(choice.get("delta"), dict) else {}
        text = choice.get("text") or delta.get("content") or delta.get("reasoning_content") or delta.get("reasoning")
        if isinstance(text, str) and text:
            if self.first is None:
                self.first = now
            else:
                self.itl.append(now - self.last)
            self.last = now
            self.chunks += 1
        if choice.get("finish_reason"):
            self.finished = True


async def _read_bounded(response: httpx.Response) -> bytes:
    body = b""
    async for piece in response.aiter_bytes():
        body += piece
        if len(body) >= MAX_ERROR_BODY:
            break
    return body[:MAX_ERROR_BODY]


def _refusal(target: Target, model: str, status: int, body: bytes, listed: list[str] | None, route: str) -> HangarError:
    url = target.base_url
    if status in (401, 403):
        return auth_failure(url, status)
    if status == 404 and (_mentions_model(body) or (listed is not None and model not in listed)):
        return ModelNotServed(url, model, listed)
    if status == 404:
        return EndpointError(QT_TR_NOOP("The endpoint at {url} has no {route} (HTTP 404): {message}", url=url, route=route, message=_error_text(body)),
                             hint=QT_TR_NOOP("Some engines serve only chat: try --endpoint chat (or completions)."))  # fmt: skip
    try:
        json.loads(body)
    except ValueError:
        if body.strip():
            return not_the_api(url, body, f"POST {route} (HTTP {status})")
    return EndpointError(QT_TR_NOOP("The endpoint at {url} answered HTTP {status}: {message}", url=url, status=status, message=_error_text(body) or "(no message)"))


async def send(client: httpx.AsyncClient, target: Target, model: str, request: Request, *, level_start: float,
               listed: list[str] | None = None, retry: Retry | None = None, check_length: bool = True) -> Sample:  # fmt: skip
    """Send ``request`` and time it; every failure is a Sample with ``ok`` false and its message (never an exception,
    except cancellation). ``check_length`` false accepts more tokens than asked (calibration reads only the prompt's count)."""
    retry = retry or Retry()
    route = "/chat/completions" if request.endpoint == "chat" else "/completions"
    url = target.base_url + route
    body = request.body(model)
    waited, tries = 0.0, 0
    while True:
        tries += 1
        started = time.perf_counter()
        stream = Stream(target.base_url, started)
        try:
            async with client.stream("POST", url, json=body) as response:
                if response.status_code in (429, 503):
                    delay = retry_after_s(response.headers.get("retry-after"))
                    delay = retry.first_backoff_s * 2 ** (tries - 1) if delay is None else delay
                    if tries < retry.tries and waited + delay <= retry.max_wait_s:
                        await response.aclose()
                        await asyncio.sleep(delay)
                        waited += delay
                        continue
                    raise EndpointBusy(QT_TR_NOOP("The endpoint at {url} stayed busy (HTTP {status}) through {tries} tries and {waited:.1f} s of waiting "
                                                  "(it asked for {asked}).", url=target.base_url, status=response.status_code, tries=tries, waited=waited,
                                                  asked=(f"Retry-After: {response.headers['retry-after']}" if "retry-after" in response.headers else "no Retry-After")),
                                       hint=QT_TR_NOOP("Lower the concurrency, or raise the endpoint's queue."))  # fmt: skip
                if response.status_code != 200:
                    raise _refusal(target, model, response.status_code, await _read_bounded(response), listed, route)
                kind = response.headers.get("content-type", "").lower()
                if "json" in kind or "html" in kind:
                    whole = await _read_bounded(response)
                    if "json" in kind and whole.lstrip().startswith(b"{"):
                        raise EndpointError(QT_TR_NOOP("The endpoint at {url} answered with one JSON document instead of a stream ('stream': true was ignored), "
                                                       "so the time to the first token cannot be measured.", url=target.base_url))  # fmt: skip
                    raise not_the_api(target.base_url, whole, f"POST {route}")
                async for line in response.aiter_lines():
                    now = time.perf_counter()
                    stream.take(stream.reader.feed(line), now)
                    if stream.done:
                        break
                    if stream.first is None and now - started > target.timeout_s:  # pings, but no token: as late as silence
                        raise httpx.ReadTimeout("no content token within the timeout")
                stream.take(stream.reader.close(), time.perf_counter())
            ended = time.perf_counter()
            return _finish(stream, request, target, started, ended, level_start, check_length)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure is kept as a sample
            return _failed(exc, stream, target, started, level_start)


def _finish(stream: Stream, request: Request, target: Target, started: float, ended: float, level_start: float, check_length: bool) -> Sample:
    sample = Sample(ok=True, start_s=started - level_start, e2el_ms=(ended - started) * 1000.0, itl_ms=[g * 1000.0 for g in stream.itl])
    sample.ttft_ms = (stream.first - started) * 1000.0 if stream.first is not None else None
    usage = stream.usage
    if usage is not None and isinstance(usage.get("completion_tokens"), int):
        sample.output_tokens = usage["completion_tokens"]
        prompt = usage.get("prompt_tokens")
        sample.prompt_tokens = prompt if isinstance(prompt, int) else (request.expected_prompt_tokens or 0)
    else:
        sample.output_tokens, sample.prompt_tokens, sample.estimated = stream.chunks, request.expected_prompt_tokens or 0, True
    problem: HangarError | None = None
    if not (stream.done or stream.finished):
        problem = StreamCut(QT_TR_NOOP("The stream from {url} ended after {chunks} content chunks without finishing (no finish_reason, no [DONE]): it was cut.",
                                       url=target.base_url, chunks=stream.chunks))  # fmt: skip
    elif stream.first is None:
        problem = EndpointError(QT_TR_NOOP("The stream from {url} finished without a single token of content.", url=target.base_url))
    elif check_length and sample.output_tokens > request.max_tokens:
        problem = TooManyTokens(QT_TR_NOOP("asked for {asked} tokens, got {got}: the endpoint at {url} ignores max_tokens.", asked=request.max_tokens,
                                           got=sample.output_tokens, url=target.base_url))  # fmt: skip
    if problem is not None:
        sample.ok, sample.error, sample.code, sample.exception = False, str(problem.message), problem.code, problem
    return sample


def _failed(exc: BaseException, stream: Stream, target: Target, started: float, level_start: float) -> Sample:
    mapped = exc if isinstance(exc, HangarError) else transport_failure(exc, target.base_url, target.timeout_s)
    if mapped is None:
        log.warning("a benchmark request failed unexpectedly", exc_info=exc)
        mapped = EndpointError(QT_TR_NOOP("The request to {url} failed: {error}", url=target.base_url, error=f"{type(exc).__name__}: {shown(str(exc))}"))
    now = time.perf_counter()
    return Sample(ok=False, error=str(mapped.message), code=mapped.code, exception=mapped, start_s=started - level_start, e2el_ms=(now - started) * 1000.0,
                  ttft_ms=(stream.first - started) * 1000.0 if stream.first is not None else None, itl_ms=[g * 1000.0 for g in stream.itl],
                  output_tokens=stream.chunks, estimated=True)  # fmt: skip
