"""Remote endpoints for every face: add, edit, remove, read their models, test a connection,
and open one of their models for Chat (or hand its address to the serving benchmark).

The rules live here once: the license policy's ``allow_remote_endpoints`` (when false, adding
or using an endpoint is refused with the policy's reason; an unreadable policy refuses too,
since it may be the one that forbids them), the license verdict on a remote model by its
name (blocked is refused, review is said), and the API key kept in the keyring only. Every
change is announced as ``Change.ENDPOINTS`` with the endpoint's name.

A remote model is named ``remote:ENDPOINT:MODEL`` (Chat's list, a saved conversation's
model); the CLI also takes ``ENDPOINT:MODEL`` when ENDPOINT is a known endpoint's name.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP, Text
from ..config.context import AppContext
from ..endpoints import keys
from ..endpoints.errors import EndpointModelMissing, NoSuchEndpoint, RemoteEndpointsForbidden
from ..endpoints.http import Connection, client_for, fetch_models
from ..endpoints.registry import FILE_NAME, MAX_MODELS, NAME, Endpoint, EndpointRegistry, check_name, normalise_base_url
from ..licenses.enums import PolicyVerdict
from ..runner.placement import Placement
from .changes import Announcer, Change
from .hosting import LoadedModel
from .policy import PolicyService

log = logging.getLogger(__name__)
PREFIX = "remote:"
KEEP: Any = object()  # edit(): leave this field as it is


@dataclass(frozen=True)
class RemoteTarget:
    """One model on one endpoint, as Chat lists it and a conversation records it."""

    endpoint: str
    model: str
    base_url: str

    @property
    def ref(self) -> str:
        return f"{PREFIX}{self.endpoint}:{self.model}"


class EndpointService:
    def __init__(self, ctx: AppContext, changes: Announcer, policy: PolicyService, audit=None) -> None:
        self._ctx, self._changes, self._policy = ctx, changes, policy
        self._audit = audit  # AuditService: a remote model opened for chat is a model load the trail keeps
        self.registry = EndpointRegistry(ctx.paths.data / FILE_NAME)

    # -- the policy ---------------------------------------------------------------------------------
    def refusal(self) -> Text | None:
        """Why remote endpoints may not be used now (the policy's reason), or None."""
        try:
            policy = self._policy.current()
        except HangarError as exc:
            return QT_TR_NOOP("The license policy cannot be read, so remote endpoints are refused until it is fixed: {problem}", problem=exc.message)
        if policy.allow_remote_endpoints:
            return None
        return QT_TR_NOOP("The license policy \"{policy}\" forbids remote endpoints: prompts and replies must stay on this machine.", policy=policy.name)

    def check_allowed(self) -> None:
        reason = self.refusal()
        if reason is not None:
            raise RemoteEndpointsForbidden(reason, hint=QT_TR_NOOP("Whoever sets your organisation's license policy decides this (allow_remote_endpoints)."))

    # -- the list -----------------------------------------------------------------------------------
    def list(self) -> list[Endpoint]:
        return self.registry.list()

    def get(self, name: str) -> Endpoint:
        return self.registry.get(name)

    def add(self, name: str, url: str, *, api_key: str | None = None, ca_bundle: str | None = None, verify_tls: bool = True) -> Endpoint:
        """Save an endpoint (its key to the keyring); nothing is contacted (``refresh_models`` does)."""
        self.check_allowed()
        name, base_url, bundle = check_name(name), normalise_base_url(url), _bundle(ca_bundle)
        if any(e.name == name for e in self.registry.list()):
            raise InvalidInput(QT_TR_NOOP("There is already an endpoint named {name}.", name=name))
        key = keys.check_key(api_key) if api_key else None
        if key:
            keys.set_key(name, key)
        try:
            endpoint = self.registry.add(Endpoint(name, base_url, bundle, bool(verify_tls), has_key=bool(key)))
        except BaseException:
            if key:
                keys.delete_key(name)
            raise
        log.info("endpoint %s added at %s", name, base_url)
        self._changes.announce(Change.ENDPOINTS, name)
        return endpoint

    def edit(self, name: str, *, url: str | None = None, api_key: Any = KEEP, ca_bundle: Any = KEEP, verify_tls: bool | None = None) -> Endpoint:
        """Change what is given; ``api_key=""`` (or None) removes the stored key, KEEP leaves it."""
        endpoint = self.registry.get(name)
        changed_address = False
        if url is not None and normalise_base_url(url) != endpoint.base_url:
            endpoint.base_url, changed_address = normalise_base_url(url), True
        if ca_bundle is not KEEP:
            endpoint.ca_bundle = _bundle(ca_bundle)
        if verify_tls is not None:
            endpoint.verify_tls = bool(verify_tls)
        if api_key is not KEEP:
            if api_key:
                keys.set_key(name, keys.check_key(api_key))
            else:
                keys.delete_key(name)
            endpoint.has_key = bool(api_key)
        if changed_address:  # another server: its models are not known yet
            endpoint.models, endpoint.models_fetched_at = [], None
        self.registry.replace(endpoint)
        log.info("endpoint %s changed (%s)", name, endpoint.base_url)
        self._changes.announce(Change.ENDPOINTS, name)
        return endpoint

    def remove(self, name: str) -> Endpoint:
        endpoint = self.registry.remove(name)
        keys.delete_key(name)
        log.info("endpoint %s removed", name)
        self._changes.announce(Change.ENDPOINTS, name)
        return endpoint

    # -- talking to one -----------------------------------------------------------------------------
    def connection(self, name: str) -> Connection:
        """Everything needed to reach ``name``, its key included (memory only)."""
        endpoint = self.registry.get(name)
        key = keys.get_key(name) if endpoint.has_key else None
        return Connection(endpoint.name, endpoint.base_url, key, endpoint.ca_bundle, endpoint.verify_tls)

    def endpoint_for(self, name: str) -> tuple[str, str | None, str | None | bool]:
        """(base URL ending in /v1, API key or None, CA bundle path or None) for the serving benchmark's
        TARGET = an endpoint name; the third is False when its TLS certificate is not to be verified
        (what httpx's ``verify`` takes, with None meaning the system's CAs). Refused by the policy."""
        self.check_allowed()
        conn = self.connection(name)
        return conn.base_url, conn.api_key, (conn.ca_bundle if conn.verify_tls else False)

    def http_client(self, name: str, *, read_timeout_s: float = 300.0):
        """An httpx client set up for ``name`` (key header, TLS); the caller closes it."""
        self.check_allowed()
        return client_for(self.connection(name), read_timeout_s=read_timeout_s)

    def refresh_models(self, name: str) -> Endpoint:
        """Read GET /v1/models and keep the list with its time; raises the endpoint's error."""
        self.check_allowed()
        models = fetch_models(self.connection(name))
        return self._keep_models(name, models)

    def _keep_models(self, name: str, models: list[str]) -> Endpoint:
        endpoint = self.registry.get(name)
        endpoint.models, endpoint.models_fetched_at = models[:MAX_MODELS], time.time()
        self.registry.replace(endpoint)
        self._changes.announce(Change.ENDPOINTS, name)
        return endpoint

    def test(self, url: str, *, api_key: str | None = None, ca_bundle: str | None = None, verify_tls: bool = True, name: str = "") -> list[str]:
        """The models of an endpoint not saved yet (the Add dialog's Test connection); nothing is stored.
        Without a key, the one stored for ``name`` (an endpoint being edited) is used."""
        self.check_allowed()
        key = api_key or (keys.get_key(name) if name and any(e.name == name and e.has_key for e in self.registry.list()) else None)
        return fetch_models(Connection(name or QT_TR_NOOP("(new)"), normalise_base_url(url), key, _bundle(ca_bundle), bool(verify_tls)))

    # -- remote models in Chat ----------------------------------------------------------------------
    def choices(self) -> list[RemoteTarget]:
        """Every known model of every endpoint, for Chat's list; none when the policy forbids them."""
        if self.refusal() is not None:
            return []
        try:
            endpoints = self.registry.list()
        except HangarError as exc:
            log.warning("the endpoints are not listed: %s", exc.message)
            return []
        return [RemoteTarget(e.name, m, e.base_url) for e in endpoints for m in e.models]

    def parse_ref(self, ref: str | int) -> tuple[Endpoint, str] | None:
        """(endpoint, model) for ``remote:ENDPOINT:MODEL`` (NoSuchEndpoint if it is gone) or for
        ``ENDPOINT:MODEL`` naming a known endpoint; None for anything else (a local model)."""
        text = str(ref)
        if text.startswith(PREFIX):
            name, sep, model = text[len(PREFIX):].partition(":")
            if not sep or not model.strip():
                raise InvalidInput(QT_TR_NOOP("A remote model is written remote:ENDPOINT:MODEL, not {ref}.", ref=text[:120]))
            return self.registry.get(name), model.strip()
        name, sep, model = text.partition(":")
        if not sep or not model.strip() or not NAME.fullmatch(name) or Path(text).exists():
            return None
        try:
            return self.registry.get(name), model.strip()
        except NoSuchEndpoint:
            return None
        except HangarError as exc:
            log.warning("the endpoints are not readable: %s", exc.message)
            return None

    def audit(self, name: str, model: str):
        """The license policy's verdict on ``model`` served by ``name`` (core/endpoints/licensing.py)."""
        from ..endpoints.licensing import audit_remote

        return audit_remote(model, name, self._policy.current())

    def open_model(self, ref: str, n_ctx: int = 4096, *, on_status: Callable[[str], None] = lambda text: None) -> LoadedModel:
        """A remote model to chat with, shaped as a loaded one (its client a RemoteClient). Refused
        when the policy forbids endpoints or blocks the model; the endpoint is asked for its models
        first, so an address, a key or a model name that is wrong says so now, not at the first message."""
        from ..app.pool_terms import ModelRefused
        from ..endpoints.remote import RemoteClient

        self.check_allowed()
        found = self.parse_ref(ref)
        if found is None:
            raise InvalidInput(QT_TR_NOOP("{ref} is not a remote model (remote:ENDPOINT:MODEL).", ref=str(ref)[:120]))
        endpoint, model = found
        audit = self.audit(endpoint.name, model)
        if audit.verdict.verdict == PolicyVerdict.BLOCKED:
            raise ModelRefused(f"{model} ({endpoint.name})", audit.verdict.reasons)
        warnings = []
        if audit.verdict.verdict == PolicyVerdict.REVIEW:
            warnings.append(QT_TR_NOOP("{name} needs a license review before use: {reasons}", name=model, reasons=" ".join(str(r) for r in audit.verdict.reasons)))
        on_status(QT_TR_NOOP("Asking {name} at {url} for its models…", name=endpoint.name, url=endpoint.base_url))
        client = RemoteClient(self.connection(endpoint.name), model)
        try:
            models = client.models()
            if models != endpoint.models:
                self._keep_models(endpoint.name, models)  # Chat's list follows what the endpoint has now
            if model not in models:
                raise EndpointModelMissing(endpoint.name, model, models)
        except BaseException:
            client.close()
            raise
        target = RemoteTarget(endpoint.name, model, endpoint.base_url)
        placement = Placement("remote", f"{endpoint.name} ({endpoint.base_url})", 0, None)
        log.info("remote model %s on %s opened for chat", model, endpoint.name)
        if self._audit is not None:
            from ..audit.trail import AuditEvent

            self._audit.record(AuditEvent.MODEL_LOAD, name=model, runtime="remote", endpoint=endpoint.name, base_url=endpoint.base_url,
                               verdict=audit.verdict.verdict.value, n_ctx=n_ctx)  # fmt: skip
        return LoadedModel(client, placement, target.ref, model, n_ctx, None, warnings, remote=target)  # type: ignore[arg-type]


def _bundle(path: str | None) -> str | None:
    """A CA bundle must be a readable file; kept as an absolute path."""
    if not path or not str(path).strip():
        return None
    found = Path(str(path).strip()).expanduser()
    if not found.is_file():
        raise InvalidInput(QT_TR_NOOP("The CA bundle {path} is not a file.", path=str(found)),
                           hint=QT_TR_NOOP("Give a PEM file with your organisation's CA certificates."))  # fmt: skip
    return str(found.resolve())
