"""Every way a remote endpoint can fail, each with its own message.

"Connection error" tells a person nothing: was the address wrong, the certificate one their
organisation signed, the key revoked, the model renamed, the cluster full? Each of these is
its own class (an ``EngineError`` with its own ``code``, so the chat session and the CLI treat
it as they treat the worker's errors) and its own sentence, with the endpoint's name or
address in it. Messages are QT_TR_NOOP texts: the window shows them in its language.
"""

from __future__ import annotations

import email.utils
import errno
import re
import socket
import ssl
import time

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP, Text
from ..common.secrets import redact_str
from ..runner import protocol as P
from ..runner.client import EngineError

MAX_SHOWN = 200  # characters of a server's own error text kept in a message


class EndpointError(EngineError):
    """A remote endpoint's failure; ``CODE`` is its stable identifier (--json, tests)."""

    CODE = "endpoint_failed"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(self.CODE, message, hint=hint)


class EndpointUnreachable(EndpointError):
    CODE = "endpoint_unreachable"


class EndpointTLSFailed(EndpointError):
    CODE = "endpoint_tls"


class EndpointAuthRefused(EndpointError):
    CODE = "endpoint_auth"


class EndpointModelMissing(EndpointError):
    CODE = "endpoint_model_missing"

    def __init__(self, name: str, model: str, available: list[str]) -> None:
        shown = ", ".join(available[:40]) + (", …" if len(available) > 40 else "") if available else QT_TR_NOOP("no models at all")
        super().__init__(QT_TR_NOOP("The endpoint {name} has no model {model}; it has: {models}.", name=name, model=model, models=shown),
                         hint=QT_TR_NOOP("Pick one of its models, or refresh its model list in Settings (hangar-cli endpoints models NAME)."))  # fmt: skip
        self.model, self.available = model, available


class EndpointBusy(EndpointError):
    CODE = "endpoint_busy"

    def __init__(self, name: str, status: int, retry_after_s: float | None) -> None:
        if retry_after_s is not None:
            message = QT_TR_NOOP("The endpoint {name} is busy (HTTP {status}); it asks to retry after {seconds} s.", name=name, status=status,
                                 seconds=int(round(retry_after_s)))  # fmt: skip
        else:
            message = QT_TR_NOOP("The endpoint {name} is busy (HTTP {status}); it gave no time to retry after, so try again in a moment.",
                                 name=name, status=status)  # fmt: skip
        super().__init__(message)
        self.status, self.retry_after_s = status, retry_after_s


class EndpointStreamCut(EndpointError):
    CODE = "endpoint_stream_cut"

    def __init__(self, name: str, n_tokens: int, why: str = "") -> None:
        super().__init__(QT_TR_NOOP("The endpoint {name} closed the stream after {count} tokens; the partial reply is kept.", name=name, count=n_tokens),
                         hint=QT_TR_NOOP("The server or the network between stopped ({why}); Regenerate asks again.", why=why or "EOF"))  # fmt: skip
        self.n_tokens = n_tokens


class EndpointBadAnswer(EndpointError):
    """HTML where JSON belongs, JSON that does not parse, or JSON of another shape."""

    CODE = "endpoint_bad_answer"


class EndpointTimeout(EndpointError):
    CODE = "endpoint_timeout"


class EndpointRequestRefused(EndpointError):
    """HTTP 400 and the like: the endpoint understood and said no."""

    CODE = "endpoint_request_refused"


class EndpointContextFull(EndpointError):
    """The conversation is longer than the remote model's context: the chat session drops the
    oldest turns and asks again, as it does for a local model."""

    CODE = P.E_CONTEXT_FULL


class RemoteEndpointsForbidden(HangarError):
    """The license policy says prompts stay on this machine."""

    code = "remote_forbidden"


class NoSuchEndpoint(InvalidInput):
    code = "no_such_endpoint"


# -- what the server said --------------------------------------------------------------------------
def server_message(body: object) -> str:
    """The error text in an OpenAI-shaped ({"error": {"message"}}), vLLM-shaped ({"message"}) or
    FastAPI-shaped ({"detail"}) body, shortened and with secrets masked; "" if there is none."""
    found: object = ""
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            found = error.get("message") or error.get("code") or ""
        elif isinstance(error, str):
            found = error
        else:
            found = body.get("message") or body.get("detail") or ""
    text = " ".join(str(found).split())
    return redact_str(text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…")


def error_code(body: object) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("code") or body["error"].get("type") or "")
    return str(body.get("type") or "") if isinstance(body, dict) else ""


_MODEL_MISSING = re.compile(r"model\b.*\b(not found|does not exist|not exist|unknown|not available|not served)|no such model|unknown model", re.I)
_CONTEXT_FULL = re.compile(r"context length|context window|maximum context|too many tokens|exceeds the (model'?s )?context|prompt is too long", re.I)


def mentions_missing_model(body: object) -> bool:
    return error_code(body) in ("model_not_found", "NotFoundError") or bool(_MODEL_MISSING.search(server_message(body)))


def mentions_full_context(body: object) -> bool:
    return error_code(body) == "context_length_exceeded" or bool(_CONTEXT_FULL.search(server_message(body)))


def retry_after_s(value: str | None) -> float | None:
    """``Retry-After`` in seconds (a number, or an HTTP date); None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if seconds == seconds and seconds < 10**7 else None


def looks_like_html(content_type: str, start: str) -> bool:
    head = start.lstrip()[:200].lower()
    return "html" in content_type.lower() or head.startswith(("<!doctype html", "<html", "<head", "<body"))


def bad_answer_html(url: str, what: str) -> EndpointBadAnswer:
    return EndpointBadAnswer(
        QT_TR_NOOP("The endpoint at {url} answered {what} with a web page (HTML), not the OpenAI API.", url=url, what=what),
        hint=QT_TR_NOOP("Check the address: it is the API's base URL (it usually ends in /v1), not a web interface or a login page in between."),
    )


def bad_answer_json(url: str, what: str, start: str) -> EndpointBadAnswer:
    shown = " ".join(start.split())[:80]
    return EndpointBadAnswer(
        QT_TR_NOOP("The endpoint at {url} answered {what} with something that is not JSON: {start}", url=url, what=what, start=redact_str(shown) or QT_TR_NOOP("(nothing)")),
        hint=QT_TR_NOOP("Check that the address is an OpenAI-compatible API (vLLM, llama-server, Ollama, TGI, MindIE …)."),
    )


def bad_answer_shape(url: str, what: str, problem: str) -> EndpointBadAnswer:
    return EndpointBadAnswer(QT_TR_NOOP("The endpoint at {url} answered {what} in a form Hangar does not understand ({problem}).",
                                        url=url, what=what, problem=problem if isinstance(problem, Text) else redact_str(problem)[:MAX_SHOWN]))  # fmt: skip


# -- what the network said ------------------------------------------------------------------------
def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def connect_failure(exc: BaseException, name: str, url: str, host: str) -> EndpointError:
    """Why a connection to an endpoint could not be made, from the cause the HTTP layer wraps."""
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or cause.reason or str(cause)
            return tls_failure(host, str(reason))
        if isinstance(cause, ssl.SSLError):
            return tls_failure(host, cause.reason or str(cause))
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return EndpointUnreachable(QT_TR_NOOP("Nothing answers at {url} (the connection was refused).", url=url),
                                       hint=QT_TR_NOOP("Check the address and the port, and that the serving engine is running there."))  # fmt: skip
        if isinstance(cause, socket.gaierror):
            return EndpointUnreachable(QT_TR_NOOP("The host {host} of the endpoint {name} is not known (DNS: {error}).", host=host, name=name, error=cause.strerror or cause),
                                       hint=QT_TR_NOOP("Check the address, and the network or VPN this machine is on."))  # fmt: skip
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return tls_failure(host, text)
    return EndpointUnreachable(QT_TR_NOOP("Nothing answers at {url} ({error}).", url=url, error=redact_str(text)[:MAX_SHOWN]),
                               hint=QT_TR_NOOP("Check the address and the port, and that the serving engine is running there."))  # fmt: skip


def tls_failure(host: str, reason: str) -> EndpointTLSFailed:
    return EndpointTLSFailed(
        QT_TR_NOOP("The certificate of {host} could not be verified: {reason}; give the CA bundle of your organisation.", host=host, reason=redact_str(reason)[:MAX_SHOWN]),
        hint=QT_TR_NOOP("Choose the CA bundle (a PEM file from your IT department) in the endpoint's settings, or pass --ca-bundle FILE."),
    )


def timed_out(name: str, seconds: float, what: Text | str) -> EndpointTimeout:
    return EndpointTimeout(QT_TR_NOOP("The endpoint {name} did not answer {what} within {seconds:.0f} s.", name=name, what=what, seconds=seconds),
                           hint=QT_TR_NOOP("The server may be overloaded or stuck, or a firewall drops the connection; try again later."))  # fmt: skip
