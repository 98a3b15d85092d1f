"""The endpoint under test: its address, key and certificate authority, what models it lists and
what engine it says it is.

A base URL is taken as a person writes it (``http://host:8000``, ``.../v1``, even a route such
as ``.../v1/chat/completions``) and kept as the API's root ending in ``/v1``. The key travels
only in the Authorization header and is registered with core/common/secrets.py, so no message,
log line or document can hold it.
"""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx2 as httpx

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import remember
from .errors import CONNECT_TIMEOUT_S, EndpointAnswerError, EndpointAuthError, ModelNotServed, not_the_api, shown, transport_failure

DEFAULT_TIMEOUT_S = 300.0
MAX_LISTING_BYTES = 4 * 1024 * 1024
_ROUTES = ("/chat/completions", "/completions", "/models")
_GENERIC_OWNERS = {"", "system", "user", "organization-owner", "openai"}  # owned_by values that name no engine


def normalize_base_url(text: str) -> str:
    """The API's root, ending in /v1; InvalidInput for anything that is not an http(s) address."""
    url = str(text or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(QT_TR_NOOP("{url} is not an endpoint address: give http://host:port or https://host/v1 (or the word local).", url=url or "''"))
    path = parts.path.rstrip("/")
    for route in _ROUTES:
        if path.endswith("/v1" + route):
            path = path[: -len(route)]
    if not path.endswith("/v1"):
        path += "/v1"
    return f"{parts.scheme}://{parts.netloc}{path}"


@dataclass
class Target:
    """Where requests go. ``kind`` is "hangar" for Hangar's own server, "endpoint" for any other."""

    base_url: str
    api_key: str | None = field(default=None, repr=False)
    ca_bundle: Path | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    kind: str = "endpoint"
    verify_tls: bool = True  # False: the certificate is not checked (an endpoint saved so, core/endpoints)
    name: str | None = None  # the saved endpoint's name (core/endpoints), for messages; None for an address given as it is

    def __post_init__(self) -> None:
        self.base_url = normalize_base_url(self.base_url)
        if self.api_key:
            remember(self.api_key)  # masked wherever text leaves the process
        if not isinstance(self.timeout_s, (int, float)) or isinstance(self.timeout_s, bool) or not 0 < self.timeout_s <= 86_400:
            raise InvalidInput(QT_TR_NOOP("{name} must be a number of seconds from {low} to {high}, not {value}", name="timeout", low="0", high="86400", value=self.timeout_s))

    def headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json, text/event-stream", "User-Agent": "hangar-bench-serve"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def verify(self) -> ssl.SSLContext | bool:
        if not self.verify_tls:
            return False
        if self.ca_bundle is None:
            return True
        try:
            return ssl.create_default_context(cafile=str(self.ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise InvalidInput(QT_TR_NOOP("The CA bundle {path} cannot be used: {error}", path=str(self.ca_bundle), error=shown(str(exc)))) from exc

    def client(self, connections: int = 1) -> httpx.AsyncClient:
        """One client per level: up to ``connections`` kept open, the per-request timeout on every wait."""
        timeout = httpx.Timeout(self.timeout_s, connect=min(CONNECT_TIMEOUT_S, self.timeout_s), pool=None)
        limits = httpx.Limits(max_connections=max(1, connections), max_keepalive_connections=max(1, connections))
        return httpx.AsyncClient(headers=self.headers(), verify=self.verify(), timeout=timeout, limits=limits, follow_redirects=False, trust_env=False)


@dataclass
class EndpointFacts:
    """What the endpoint says about itself before any generation."""

    models: list[str] | None  # None: it has no /v1/models
    owned_by: dict[str, str] = field(default_factory=dict)
    server: str | None = None  # the Server header

    def engine(self, model: str) -> str | None:
        owner = (self.owned_by.get(model) or "").strip()
        if owner.lower() not in _GENERIC_OWNERS:
            return owner
        return self.server or None

    def pick(self, model: str | None, url: str) -> str:
        """The model to ask for: the one named (checked against the list) or, with none named, the first listed."""
        if model:
            if self.models is not None and model not in self.models:
                raise ModelNotServed(url, model, self.models)
            return model
        if self.models:
            return self.models[0]
        raise InvalidInput(QT_TR_NOOP("The endpoint at {url} lists no models, so one must be named with --model.", url=url))


def auth_failure(url: str, status: int) -> EndpointAuthError:
    return EndpointAuthError(QT_TR_NOOP("The endpoint at {url} refused the request (HTTP {status}): the API key is missing or not accepted.", url=url, status=status),
                             hint=QT_TR_NOOP("Put the key in a file and pass --api-key-file FILE, or set HANGAR_API_KEY; a key is never taken on the command line."))  # fmt: skip


async def describe(client: httpx.AsyncClient, target: Target) -> EndpointFacts:
    """GET /v1/models: the first contact, so an address with nothing behind it, a TLS problem, a refused key
    or a web page instead of the API each fail here with their own message."""
    url = f"{target.base_url}/models"
    try:
        response = await client.get(url)
        body = await response.aread()
    except Exception as exc:
        mapped = transport_failure(exc, target.base_url, target.timeout_s)
        if mapped is None:
            raise
        raise mapped from exc
    server = response.headers.get("server")
    if response.status_code in (401, 403):
        raise auth_failure(target.base_url, response.status_code)
    if response.status_code in (404, 405):
        return EndpointFacts(None, server=server)  # some engines have no model list: the run still can name one
    if response.status_code != 200:
        raise EndpointAnswerError(QT_TR_NOOP("The endpoint at {url} answered GET /models with HTTP {status}: {body}", url=target.base_url,
                                             status=response.status_code, body=shown(body[:MAX_LISTING_BYTES])))  # fmt: skip
    try:
        listing = json.loads(body[:MAX_LISTING_BYTES])
    except ValueError:
        raise not_the_api(target.base_url, body, "GET /models") from None
    data = listing.get("data") if isinstance(listing, dict) else None
    if not isinstance(data, list):
        raise EndpointAnswerError(QT_TR_NOOP("The endpoint at {url} answered GET /models without the OpenAI API's list of models: {body}", url=target.base_url, body=shown(body)))
    models, owners = [], {}
    for entry in data:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            models.append(entry["id"])
            if isinstance(entry.get("owned_by"), str):
                owners[entry["id"]] = entry["owned_by"]
    return EndpointFacts(models, owners, server)
