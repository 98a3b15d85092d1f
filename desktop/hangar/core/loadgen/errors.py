"""Every way an endpoint can fail a benchmark, each with its own message.

A failure before the first level (nothing listens, TLS, the key, the model, an answer that is
not the OpenAI API) stops the run with one of these. During a level the same messages become a
request's ``error`` in its sample, and a level none of whose requests finished is recorded as
failed with the most common one; the other levels keep their numbers.
"""

from __future__ import annotations

import ssl

import httpx2 as httpx

from ..common.errors import HangarError, InvalidInput, NetworkError
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import redact_str

BODY_SHOWN = 160  # characters of a strange answer quoted in a message
CONNECT_TIMEOUT_S = 30.0  # the most a connection may take (the per-request timeout, when shorter)


class EndpointError(HangarError):
    """A request the endpoint did not answer the way the OpenAI API does."""

    code = "endpoint"


class EndpointUnreachable(NetworkError):
    code = "endpoint_unreachable"


class EndpointTLSError(NetworkError):
    code = "endpoint_tls"


class EndpointAuthError(EndpointError):
    code = "endpoint_auth"


class ModelNotServed(EndpointError):
    code = "model_not_served"

    def __init__(self, url: str, model: str, listed: list[str] | None) -> None:
        if listed:
            super().__init__(QT_TR_NOOP("The endpoint at {url} does not serve a model named {model}; it lists: {models}.", url=url, model=model,
                                        models=", ".join(listed[:20]) + (" ..." if len(listed) > 20 else "")),
                             hint=QT_TR_NOOP("Pass one of those names with --model."))  # fmt: skip
        else:
            super().__init__(QT_TR_NOOP("The endpoint at {url} does not serve a model named {model} (HTTP 404).", url=url, model=model),
                             hint=QT_TR_NOOP("Check the model's name; GET {url}/models lists what the endpoint serves.", url=url))


class EndpointBusy(EndpointError):
    code = "endpoint_busy"


class EndpointAnswerError(EndpointError):
    """An answer that is not the OpenAI API's: a web page, invalid JSON, a broken stream."""

    code = "endpoint_answer"


class StreamCut(EndpointAnswerError):
    code = "stream_cut"


class TooManyTokens(EndpointError):
    code = "endpoint_ignores_max_tokens"


class RequestTimedOut(EndpointError):
    code = "endpoint_timeout"


def shown(text: str | bytes) -> str:
    """A bounded, one-line, secret-free quote of what an endpoint sent."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text).split())
    return redact_str(text[:BODY_SHOWN] + ("..." if len(text) > BODY_SHOWN else ""))


def looks_like_html(body: str | bytes) -> bool:
    head = (body.decode("utf-8", "replace") if isinstance(body, bytes) else body).lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<head")) or (head.startswith("<") and "<body" in head)


def not_the_api(url: str, body: str | bytes, what: str) -> EndpointAnswerError:
    """An answer that should have been JSON (or an event stream) and was not."""
    if looks_like_html(body):
        return EndpointAnswerError(QT_TR_NOOP("The endpoint at {url} answered {what} with a web page (HTML), not the OpenAI API's JSON.", url=url, what=what),
                                   hint=QT_TR_NOOP("Check the address: the OpenAI API usually lives under /v1 (a proxy's login page or a web UI answers HTML)."))  # fmt: skip
    return EndpointAnswerError(QT_TR_NOOP("The endpoint at {url} answered {what} with something that is not valid JSON: {body}", url=url, what=what, body=shown(body) or QT_TR_NOOP("(nothing)")),
                               hint=QT_TR_NOOP("Check the address and any proxy between this machine and the endpoint."))  # fmt: skip


def _tls_reason(exc: BaseException) -> str | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ssl.SSLCertVerificationError):
            return exc.verify_message or str(exc)
        if isinstance(exc, ssl.SSLError):
            return exc.reason or str(exc)
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text and ("handshake" in text.lower() or "wrong version" in text.lower()):
            return text
        exc = exc.__cause__ or exc.__context__
    return None


def transport_failure(exc: BaseException, url: str, timeout_s: float) -> HangarError | None:
    """A HangarError for what the HTTP layer raised while talking to ``url``; None if it is not an HTTP failure."""
    if isinstance(exc, HangarError):
        return exc
    reason = _tls_reason(exc) if isinstance(exc, (httpx.ConnectError, ssl.SSLError, OSError)) else None
    if reason is not None:
        return EndpointTLSError(QT_TR_NOOP("The TLS connection to {url} failed: {reason}.", url=url, reason=shown(reason)),
                                hint=QT_TR_NOOP("If the endpoint's certificate comes from a private authority, pass that authority's certificate with --ca-bundle; "
                                                "an http:// endpoint must be given as http://."))  # fmt: skip
    if isinstance(exc, httpx.ConnectTimeout):
        return EndpointUnreachable(QT_TR_NOOP("{url} did not accept a connection within {seconds:g} s.", url=url, seconds=min(timeout_s, CONNECT_TIMEOUT_S)),
                                   hint=QT_TR_NOOP("Check the address and port, and that the server is running."))  # fmt: skip
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimedOut(QT_TR_NOOP("The endpoint at {url} sent nothing for {seconds:g} s (the per-request timeout).", url=url, seconds=timeout_s),
                               hint=QT_TR_NOOP("A slow model or a busy server: raise --timeout, or lower the concurrency."))  # fmt: skip
    if isinstance(exc, (httpx.ConnectError, ConnectionRefusedError)):
        return EndpointUnreachable(QT_TR_NOOP("Nothing answers at {url}: the connection was refused or the host cannot be reached ({error}).", url=url,
                                              error=shown(str(exc)) or type(exc).__name__),
                                   hint=QT_TR_NOOP("Check the address and port, and that the server is running."))  # fmt: skip
    if isinstance(exc, httpx.RemoteProtocolError):
        return StreamCut(QT_TR_NOOP("The endpoint at {url} closed the connection before its answer was complete ({error}).", url=url, error=shown(str(exc))))
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return InvalidInput(QT_TR_NOOP("{url} is not an address Hangar can send requests to: {problem}.", url=url, problem=shown(str(exc))))
    if isinstance(exc, (httpx.HTTPError, OSError)):
        return EndpointUnreachable(QT_TR_NOOP("The connection to {url} failed: {error}.", url=url, error=shown(str(exc)) or type(exc).__name__))
    return None
