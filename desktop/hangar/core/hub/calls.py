"""Every Hub call ends, and every way it can fail has its own message.

huggingface_hub follows a listing's ``Link: rel="next"`` for as long as the server sends
one, and its shared HTTP client has no timeout: a Hub whose next page points back at
itself kept a search going for ever (1,336 requests a minute), and one that never
answers would too. Inside ``bounded(what)`` each call is checked by event hooks on both
clients (huggingface_hub's, installed by ``install``, and ``remote.client()``):

- before each request: the call's deadline has not passed and it has made fewer than
  ``MAX_REQUESTS``; the request's own timeouts are cut to what is left of the deadline;
- before each request, too: asking again for a page of a listing this call already read
  is a loop (a next link that points back);
- on each answer: the body is read under the deadline too (a server that trickles bytes
  is cut off); on huggingface_hub's client, which retries, a ``Retry-After`` longer than
  what is left ends the call now instead of sleeping past it.

Outside ``bounded`` (a download's long stream) the hooks do nothing. ``failure`` turns
what the HTTP layer or the JSON parser raised into a HangarError that says which it was.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator

import httpx2 as httpx

from ..common.errors import HangarError, HubError, InvalidInput, NetworkError
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import redact_str

DEADLINE_S = 60.0  # one search, one repository's details, one listing
MAX_REQUESTS = 100  # pages and retries of one call; a search needs one page, deep paging a few
READ_TIMEOUT_S = 30.0  # silence allowed within one answer
CONNECT_TIMEOUT_S = 15.0
_RETRY_STATUSES = (429, 500, 502, 503, 504)
log = logging.getLogger(__name__)


class HubTimeout(NetworkError):
    code = "hub_timeout"


class HubRunaway(HubError):
    """The Hub kept the call going: a paging loop, too many pages or retries."""

    code = "hub_runaway"


@dataclass
class _Call:
    what: str
    endpoint: str
    seconds: float
    deadline: float
    requests: int = 0
    pages: set[str] = field(default_factory=set)

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def timed_out(self) -> HubTimeout:
        return HubTimeout(
            QT_TR_NOOP("The Hub at {endpoint} did not finish answering for {what} within {seconds:.0f} s.", endpoint=self.endpoint, what=self.what, seconds=self.seconds),
            hint=QT_TR_NOOP("The Hub or the network is very slow or stuck; try again later. Models already on this machine keep working."),
        )


_current: contextvars.ContextVar[_Call | None] = contextvars.ContextVar("hangar_hub_call", default=None)


@contextlib.contextmanager
def bounded(what: str, endpoint: str, seconds: float | None = None) -> Iterator[None]:
    """Run one Hub call (with all its pages, redirects and retries) under a deadline.

    Nested calls keep the outer, earlier deadline."""
    outer = _current.get()
    seconds = DEADLINE_S if seconds is None else seconds
    if outer is not None and outer.left() <= seconds:
        yield
        return
    token = _current.set(_Call(what, endpoint, seconds, time.monotonic() + seconds))
    try:
        yield
    finally:
        _current.reset(token)


# -- the hooks --------------------------------------------------------------------------------------
def on_request(request) -> None:
    call = _current.get()
    if call is None:
        return
    left = call.left()
    if left <= 0:
        raise call.timed_out()
    if _page_key(str(request.url)) in call.pages:
        raise HubRunaway(
            QT_TR_NOOP("The Hub at {endpoint} sent {what} round in circles: its next page is one already read.", endpoint=call.endpoint, what=call.what),
            hint=QT_TR_NOOP("Check HF_ENDPOINT and any proxy between this machine and the Hub."),
        )
    call.requests += 1
    if call.requests > MAX_REQUESTS:
        raise HubRunaway(
            QT_TR_NOOP("The Hub at {endpoint} kept {what} going for more than {count} requests; Hangar stopped it.", endpoint=call.endpoint, what=call.what, count=MAX_REQUESTS),
            hint=QT_TR_NOOP("Check HF_ENDPOINT and any proxy between this machine and the Hub."),
        )
    caps = {"connect": min(CONNECT_TIMEOUT_S, left), "read": min(READ_TIMEOUT_S, left)}
    caps["write"] = caps["pool"] = caps["read"]
    given = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {k: cap if given.get(k) is None else min(given[k], cap) for k, cap in caps.items()}


def on_response(response) -> None:
    call = _current.get()
    if call is None:
        return
    if response.status_code < 300 and response.links.get("next"):
        call.pages.add(_page_key(str(response.request.url)))  # a page of a listing: asked for again, it is a loop
    response.stream = _DeadlineStream(response.stream, call)


def on_response_before_a_retry(response) -> None:
    """huggingface_hub's client: it sleeps as long as a 429 or 5xx answer asks before trying
    again (Retry-After: 86400 would be a day); past the deadline, the call ends now."""
    call = _current.get()
    if call is not None and response.status_code in _RETRY_STATUSES:
        wait = _asked_wait(response.headers)
        if wait >= call.left():
            raise HubTimeout(
                QT_TR_NOOP("The Hub at {endpoint} asks to wait {seconds:,.0f} s before it answers {what}; that is past this call's deadline.",
                           endpoint=call.endpoint, seconds=wait, what=call.what),  # fmt: skip
                hint=QT_TR_NOOP("The Hub is busy; try again later. Models already on this machine keep working."),
            )
    on_response(response)


def _page_key(url: str) -> str:
    parsed = httpx.URL(url)
    return str(parsed.copy_with(params=sorted(parsed.params.multi_items())))


def _asked_wait(headers) -> float:
    """How long the server asks us to wait before the next try (Retry-After, RateLimit)."""
    value = (headers.get("Retry-After") or "").strip()
    waits = [float(value)] if value.isdigit() else [0.0]
    try:
        from huggingface_hub.utils import parse_ratelimit_headers

        info = parse_ratelimit_headers(headers)
        if info is not None and info.remaining == 0:
            waits.append(float(info.reset_in_seconds))
    except (ImportError, ValueError, TypeError):
        pass
    return max(waits)


class _DeadlineStream(httpx.SyncByteStream):
    """A response body read under the call's deadline: each chunk is checked as it arrives."""

    def __init__(self, stream: httpx.SyncByteStream, call: _Call) -> None:
        self._stream, self._call = stream, call

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if self._call.left() <= 0:
                raise self._call.timed_out()
            yield chunk

    def close(self) -> None:
        self._stream.close()

    def __getattr__(self, name: str):  # what httpx reads of its own stream (elapsed)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._stream, name)


# -- the clients ------------------------------------------------------------------------------------
_installed = threading.Lock()
_done: list[bool] = []


def hooks() -> dict:
    return {"request": [on_request], "response": [on_response]}


def install() -> None:
    """Give huggingface_hub's shared client our hooks, after its own (they block requests in
    offline mode and add a request id): taken from the client it builds, so nothing private
    of huggingface_hub is used."""
    with _installed:
        if _done:
            return
        from huggingface_hub.utils import get_session, set_client_factory

        theirs = get_session().event_hooks
        request_hooks = [h for h in theirs.get("request", []) if h is not on_request] + [on_request]
        response_hooks = [h for h in theirs.get("response", []) if h is not on_response_before_a_retry] + [on_response_before_a_retry]

        def factory() -> httpx.Client:
            from .network import client_options  # the organisation's proxy and CA (Settings)

            return httpx.Client(
                event_hooks={"request": list(request_hooks), "response": list(response_hooks)},
                follow_redirects=True,
                max_redirects=10,
                timeout=httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
                **client_options(),
            )

        set_client_factory(factory)
        _mask_library_log()
        _done.append(True)


def _mask_library_log() -> None:
    """huggingface_hub prints its warnings on stderr with a handler of its own ("HTTP Error
    503 thrown while requesting GET <a URL the Hub chose>"): that text leaves the process
    too, so it is masked like the log file's."""
    from ..config.logs import RedactingFormatter

    for handler in logging.getLogger("huggingface_hub").handlers:
        if not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(handler.formatter._fmt if handler.formatter else None))


# -- what went wrong, in words --------------------------------------------------------------------
def shown(name: str, most: int = 120) -> str:
    """A name as a message shows it: one typed by mistake may be a pasted page."""
    return name if len(name) <= most else name[:most] + "…"


def failure(exc: BaseException, what: str, endpoint: str) -> HangarError | None:
    """A HangarError for an HTTP-layer or JSON failure of a Hub call; None if it is neither."""
    if isinstance(exc, json.JSONDecodeError):
        return HubError(
            QT_TR_NOOP("The Hub at {endpoint} answered {what} with something that is not JSON (a web page or a broken reply), so it may not be a Hugging Face Hub.", endpoint=endpoint, what=what),
            hint=QT_TR_NOOP("Check HF_ENDPOINT and any proxy between this machine and the Hub."),
        )
    if isinstance(exc, httpx.TooManyRedirects):
        return HubError(
            QT_TR_NOOP("The Hub at {endpoint} redirected the request for {what} in a loop.", endpoint=endpoint, what=what),
            hint=QT_TR_NOOP("Check HF_ENDPOINT and any proxy between this machine and the Hub."),
        )
    if isinstance(exc, httpx.InvalidURL):
        return InvalidInput(QT_TR_NOOP("The request for {what} cannot be sent: {problem}.", what=what, problem=redact_str(str(exc))[:200]))
    if isinstance(exc, httpx.TimeoutException):
        return HubTimeout(
            QT_TR_NOOP("The Hub at {endpoint} stopped answering for {what} ({error}).", endpoint=endpoint, what=what, error=type(exc).__name__),
            hint=QT_TR_NOOP("The Hub or the network is very slow or stuck; try again later. Models already on this machine keep working."),
        )
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.DecodingError)):
        return HubError(QT_TR_NOOP("The Hub at {endpoint} sent a broken HTTP answer for {what} ({error}).", endpoint=endpoint, what=what, error=type(exc).__name__))
    if isinstance(exc, (httpx.HTTPError, OSError)):
        return NetworkError(
            QT_TR_NOOP("Cannot reach the Hugging Face Hub at {endpoint} ({error}).", endpoint=endpoint, error=type(exc).__name__),
            hint=QT_TR_NOOP("Check the network connection or proxy; models already on this machine keep working."),
        )
    return None


_SHAPE_ERRORS = (TypeError, KeyError, AttributeError, IndexError, ValueError)


def explain(exc: BaseException, what: str, endpoint: str) -> HangarError | None:
    """``failure``, or for JSON of the wrong shape (a string where a list belongs, a field
    missing, a date that is not one) a message that says so; None for anything else."""
    mapped = failure(exc, what, endpoint)
    if mapped is not None or not isinstance(exc, _SHAPE_ERRORS):
        return mapped
    log.warning("the Hub's answer for %s did not parse", what, exc_info=True)  # in case it is our bug
    return HubError(
        QT_TR_NOOP("The Hub at {endpoint} answered {what} in a form Hangar does not understand ({problem}).", endpoint=endpoint, what=what,
                   problem=f"{type(exc).__name__}: {redact_str(str(exc))[:200]}"),  # fmt: skip
        hint=QT_TR_NOOP("Check HF_ENDPOINT and any proxy between this machine and the Hub."),
    )


@contextlib.contextmanager
def guarded(what: str, endpoint: str, seconds: float | None = None) -> Iterator[None]:
    """One Hub call under ``bounded``, whose HTTP, JSON and shape failures become HangarErrors."""
    try:
        with bounded(what, endpoint, seconds):
            yield
    except HangarError:
        raise
    except Exception as exc:
        mapped = explain(exc, what, endpoint)
        if mapped is None:
            raise
        raise mapped from exc
