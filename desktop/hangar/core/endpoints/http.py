"""Talking HTTP to one endpoint: the client (TLS, the key), GET /v1/models, status checks.

``Connection`` is everything needed to reach an endpoint, key included; it lives in memory
only (its ``repr`` hides the key). ``check_status`` turns an answer that is not a success
into the error that says what it was; ``explain`` does the same for what the HTTP layer
raised (refused, TLS, DNS, time-outs).
"""

from __future__ import annotations

import json
import logging
import ssl
from dataclasses import dataclass, field
from typing import Callable

import httpx2 as httpx

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from . import errors as E

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_S = 10.0
MODELS_TIMEOUT_S = 20.0  # GET /v1/models: a list, answered at once by every engine
STREAM_READ_TIMEOUT_S = 300.0  # silence allowed inside a reply (a queued request or a long prompt on a busy cluster)
MAX_ERROR_BODY = 64 * 1024
MAX_MODELS_BODY = 8 * 1024 * 1024


@dataclass(frozen=True)
class Connection:
    name: str
    base_url: str  # ends in /v1
    api_key: str | None = field(default=None, repr=False)
    ca_bundle: str | None = None
    verify_tls: bool = True

    @property
    def host(self) -> str:
        return self.base_url.split("://", 1)[-1].split("/")[0]

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")


def tls_verify(conn: Connection) -> ssl.SSLContext | bool:
    """What the client checks the server's certificate with: the system's CAs, the given bundle, or nothing."""
    if not conn.verify_tls:
        return False
    if not conn.ca_bundle:
        return True
    try:
        return ssl.create_default_context(cafile=conn.ca_bundle)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise InvalidInput(QT_TR_NOOP("The CA bundle {path} cannot be used: {problem}", path=conn.ca_bundle, problem=getattr(exc, "strerror", None) or str(exc)),
                           hint=QT_TR_NOOP("Give a PEM file with your organisation's CA certificates (-----BEGIN CERTIFICATE-----).")) from None  # fmt: skip


def client_for(conn: Connection, *, read_timeout_s: float = STREAM_READ_TIMEOUT_S) -> httpx.Client:
    headers = {"Accept": "application/json", "User-Agent": "Hangar"}
    if conn.api_key:
        headers["Authorization"] = f"Bearer {conn.api_key}"
    return httpx.Client(headers=headers, verify=tls_verify(conn), follow_redirects=True, max_redirects=5,
                        timeout=httpx.Timeout(read_timeout_s, connect=CONNECT_TIMEOUT_S))  # fmt: skip


def explain(exc: BaseException, conn: Connection, what: str, *, timeout_s: float) -> HangarError:
    """A HangarError for what the HTTP layer raised."""
    if isinstance(exc, HangarError):
        return exc
    if isinstance(exc, httpx.ConnectTimeout):
        return E.EndpointUnreachable(QT_TR_NOOP("Nothing answers at {url} (no connection within {seconds:.0f} s).", url=conn.base_url, seconds=CONNECT_TIMEOUT_S),
                                     hint=QT_TR_NOOP("Check the address and the port, and the network or VPN this machine is on."))  # fmt: skip
    if isinstance(exc, (httpx.ConnectError, ssl.SSLError, ConnectionError)):
        return E.connect_failure(exc, conn.name, conn.base_url, conn.host)
    if isinstance(exc, httpx.TimeoutException):
        return E.timed_out(conn.name, timeout_s, what)
    if isinstance(exc, httpx.TooManyRedirects):
        return E.EndpointBadAnswer(QT_TR_NOOP("The endpoint at {url} redirected {what} in a loop.", url=conn.base_url, what=what))
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.DecodingError)):
        return E.EndpointBadAnswer(QT_TR_NOOP("The endpoint at {url} closed the connection or sent a broken HTTP answer for {what} ({error}).",
                                              url=conn.base_url, what=what, error=type(exc).__name__))  # fmt: skip
    if isinstance(exc, (httpx.HTTPError, OSError)):
        return E.connect_failure(exc, conn.name, conn.base_url, conn.host)
    raise exc


def read_json(response: httpx.Response, conn: Connection, what: str, limit: int) -> object:
    """The body as JSON, read up to ``limit`` bytes; HTML and text that is not JSON each get their message."""
    body = b""
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise E.bad_answer_shape(conn.base_url, what, f"more than {limit:,} bytes")
    start = body[:400].decode("utf-8", "replace")
    if E.looks_like_html(response.headers.get("content-type", ""), start):
        raise E.bad_answer_html(conn.base_url, what)
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        raise E.bad_answer_json(conn.base_url, what, start) from None


def check_status(response: httpx.Response, conn: Connection, what: str, *, model: str | None = None,
                 models: Callable[[], list[str]] | None = None) -> None:  # fmt: skip
    """Nothing for a success; otherwise the error that says what the answer meant. ``models``
    lists the endpoint's models, for a 404 (or a 400) that says the model is missing."""
    status = response.status_code
    if status < 300:
        return
    try:
        body = read_json(response, conn, what, MAX_ERROR_BODY)
    except E.EndpointBadAnswer:
        body = None  # a proxy's error page: the status says enough
    said = E.server_message(body)
    detail = f": {said}" if said else ""
    if status in (401, 403):
        if conn.api_key:
            raise E.EndpointAuthRefused(QT_TR_NOOP("The endpoint {name} refused the API key (HTTP {status}){detail}.", name=conn.name, status=status, detail=detail),
                                        hint=QT_TR_NOOP("Check the key in the endpoint's settings: it may be mistyped, expired or revoked, or lack access to this model."))  # fmt: skip
        raise E.EndpointAuthRefused(QT_TR_NOOP("The endpoint {name} asks for an API key (HTTP {status}), and none is stored for it.", name=conn.name, status=status),
                                    hint=QT_TR_NOOP("Give the endpoint's API key in its settings (it is kept in the system keyring)."))  # fmt: skip
    if status in (429, 503):
        raise E.EndpointBusy(conn.name, status, E.retry_after_s(response.headers.get("retry-after")))
    if model is not None and (status == 404 or (status in (400, 422) and E.mentions_missing_model(body))):
        available = _listed(models)
        if available is None or model not in available:
            raise E.EndpointModelMissing(conn.name, model, available or [])
    if status == 404:
        raise E.EndpointBadAnswer(QT_TR_NOOP("The endpoint at {url} has no {what} (HTTP 404){detail}; is it an OpenAI-compatible API?", url=conn.base_url, what=what,
                                             detail=detail),
                                  hint=QT_TR_NOOP("Check the address: it is the API's base URL (it usually ends in /v1)."))  # fmt: skip
    if status in (400, 413, 422) and E.mentions_full_context(body):
        raise E.EndpointContextFull(QT_TR_NOOP("The endpoint {name} says the conversation is longer than the model's context{detail}.", name=conn.name, detail=detail))
    if 400 <= status < 500:
        raise E.EndpointRequestRefused(QT_TR_NOOP("The endpoint {name} refused the request for {what} (HTTP {status}){detail}.", name=conn.name, what=what, status=status,
                                                  detail=detail))  # fmt: skip
    raise E.EndpointError(QT_TR_NOOP("The endpoint {name} failed to answer {what} (HTTP {status}){detail}.", name=conn.name, what=what, status=status, detail=detail),
                          hint=QT_TR_NOOP("The fault is on the server's side; try again later, or tell whoever runs it."))  # fmt: skip


def _listed(models: Callable[[], list[str]] | None) -> list[str] | None:
    if models is None:
        return None
    try:
        return models()
    except HangarError as exc:
        log.info("the model list could not be read to explain a missing model: %s", exc.message)
        return None


def fetch_models(conn: Connection, *, client: httpx.Client | None = None, timeout_s: float = MODELS_TIMEOUT_S) -> list[str]:
    """The model ids GET /v1/models lists, in its order; raises the endpoint's error."""
    what = QT_TR_NOOP("the model list (/v1/models)")
    own = client is None
    client = client or client_for(conn, read_timeout_s=timeout_s)
    try:
        with client.stream("GET", conn.url("models"), timeout=httpx.Timeout(timeout_s, connect=CONNECT_TIMEOUT_S)) as response:
            check_status(response, conn, what)
            body = read_json(response, conn, what, MAX_MODELS_BODY)
    except Exception as exc:
        raise explain(exc, conn, what, timeout_s=timeout_s) from exc
    finally:
        if own:
            client.close()
    data = body.get("data") if isinstance(body, dict) else body if isinstance(body, list) else None
    if not isinstance(data, list):
        raise E.bad_answer_shape(conn.base_url, what, "no \"data\" list")
    ids = []
    for entry in data:
        found = entry.get("id") if isinstance(entry, dict) else entry if isinstance(entry, str) else None
        if isinstance(found, str) and found.strip() and found not in ids:
            ids.append(found.strip()[:300])
    return ids
