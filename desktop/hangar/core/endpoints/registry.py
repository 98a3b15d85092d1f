"""The remote endpoints a person added: a small JSON file in the data folder.

No database table: the list is a handful of entries that a person may also want to copy to
another machine, and the database's migrations belong to other work. The file never holds
the API key (only whether one is stored, in the keyring: keys.py); it is written whole to a
temporary file and renamed over the old one, so a crash leaves the old list or the new one.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import UnsuitableFile, read_small_file
from .errors import NoSuchEndpoint

FILE_NAME = "endpoints.json"
FORMAT = "hangar-endpoints"
MAX_FILE_BYTES = 1024 * 1024  # a few endpoints with their model lists; a huge file is not ours
MAX_MODELS = 2000  # kept of one endpoint's /v1/models (a router may list thousands)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
RESERVED = {"remote", "local"}  # "remote:" starts a remote reference (core/app/endpoints.py)
_SUFFIXES = ("/chat/completions", "/completions", "/models", "/embeddings")


@dataclass
class Endpoint:
    name: str
    base_url: str  # normalised: scheme, host, port, path ending in /v1
    ca_bundle: str | None = None  # a PEM file of the CAs to trust (an organisation's own), or None for the system's
    verify_tls: bool = True
    has_key: bool = False  # an API key is stored for it in the keyring (the key itself never is here)
    models: list[str] = field(default_factory=list)  # what GET /v1/models said last
    models_fetched_at: float | None = None  # Unix time of that answer
    added_at: str = ""

    @property
    def host(self) -> str:
        return re.sub(r"^https?://", "", self.base_url).split("/")[0]

    def public(self) -> dict:
        """What --json and the window show (there is no key in it to leave out)."""
        return asdict(self)


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME.fullmatch(name) or name.lower() in RESERVED:
        raise InvalidInput(QT_TR_NOOP("An endpoint needs a name of 1 to 64 letters, digits, dots, dashes or underscores (not \"remote\" or \"local\"), not {name}.",
                                      name=repr(name)[:70]))  # fmt: skip
    return name


def normalise_base_url(text: str) -> str:
    """The API's base URL ending in /v1: ``https://host:8000`` and ``https://host:8000/v1/chat/completions``
    both become ``https://host:8000/v1``. A key written into the address is refused, not stored."""
    import httpx2 as httpx

    raw = (text or "").strip()
    if not re.match(r"^https?://", raw, re.I):
        raise InvalidInput(QT_TR_NOOP("{url} is not an endpoint address: give it with http:// or https://, e.g. https://llm.example.com/v1", url=repr(raw)[:120]))
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, ValueError) as exc:
        raise InvalidInput(QT_TR_NOOP("{url} is not an endpoint address: {problem}", url=repr(raw)[:120], problem=str(exc)[:120])) from None
    if not url.host:
        raise InvalidInput(QT_TR_NOOP("{url} is not an endpoint address: it names no host.", url=repr(raw)[:120]))
    if url.userinfo:
        raise InvalidInput(QT_TR_NOOP("The address holds a user name or password; give the API key in its own field (it is kept in the system keyring), not in the address."))
    path = url.path.rstrip("/")
    for suffix in _SUFFIXES:
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
            break
    if not path.lower().endswith("/v1"):
        path += "/v1"
    host = f"[{url.host}]" if ":" in url.host else url.host
    port = f":{url.port}" if url.port else ""
    return f"{url.scheme.lower()}://{host.lower()}{port}{path}"


class EndpointRegistry:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    # -- the file -----------------------------------------------------------------------------
    def _read(self) -> list[Endpoint]:
        try:
            data = json.loads(read_small_file(self.path, MAX_FILE_BYTES).decode("utf-8-sig"))
        except FileNotFoundError:
            return []
        except UnsuitableFile as exc:
            raise InvalidInput(QT_TR_NOOP("The endpoints file {path} cannot be read: {problem}", path=str(self.path), problem=exc.reason)) from None
        except (OSError, ValueError) as exc:
            raise InvalidInput(QT_TR_NOOP("The endpoints file {path} cannot be read: {problem}", path=str(self.path), problem=str(exc)[:200]),
                               hint=QT_TR_NOOP("Move it aside and add the endpoints again; their keys are still in the keyring.")) from None  # fmt: skip
        entries = data.get("endpoints") if isinstance(data, dict) and data.get("format") == FORMAT else None
        if not isinstance(entries, list):
            raise InvalidInput(QT_TR_NOOP("The endpoints file {path} is not a Hangar endpoints file.", path=str(self.path)))
        known = {f.name for f in fields(Endpoint)}
        found = []
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str) and isinstance(entry.get("base_url"), str):
                values = {k: v for k, v in entry.items() if k in known}
                values["models"] = [m for m in values.get("models") or [] if isinstance(m, str)][:MAX_MODELS]
                values["verify_tls"] = values.get("verify_tls") is not False
                values["has_key"] = values.get("has_key") is True
                at = values.get("models_fetched_at")
                values["models_fetched_at"] = float(at) if isinstance(at, (int, float)) and not isinstance(at, bool) else None
                values["ca_bundle"] = values.get("ca_bundle") if isinstance(values.get("ca_bundle"), str) and values.get("ca_bundle") else None
                values["added_at"] = str(values.get("added_at") or "")
                found.append(Endpoint(**values))
        return found

    def _write(self, endpoints: list[Endpoint]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"format": FORMAT, "version": 1, "endpoints": [asdict(e) for e in endpoints]}, handle, indent=2, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    # -- what the service calls ------------------------------------------------------------------
    def list(self) -> list[Endpoint]:
        with self._lock:
            return self._read()

    def get(self, name: str) -> Endpoint:
        found = next((e for e in self.list() if e.name == name), None)
        if found is None:
            names = ", ".join(e.name for e in self.list()) or QT_TR_NOOP("none yet")
            raise NoSuchEndpoint(QT_TR_NOOP("There is no endpoint named {name}. Endpoints: {names}.", name=name, names=names),
                                 hint=QT_TR_NOOP("Add one in Settings, or with hangar-cli endpoints add NAME URL."))  # fmt: skip
        return found

    def add(self, endpoint: Endpoint) -> Endpoint:
        with self._lock:
            endpoints = self._read()
            if any(e.name == endpoint.name for e in endpoints):
                raise InvalidInput(QT_TR_NOOP("There is already an endpoint named {name}.", name=endpoint.name))
            endpoint.added_at = endpoint.added_at or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            self._write([*endpoints, endpoint])
        return endpoint

    def replace(self, endpoint: Endpoint) -> Endpoint:
        with self._lock:
            endpoints = self._read()
            if not any(e.name == endpoint.name for e in endpoints):
                raise NoSuchEndpoint(QT_TR_NOOP("There is no endpoint named {name}. Endpoints: {names}.", name=endpoint.name,
                                                names=", ".join(e.name for e in endpoints) or QT_TR_NOOP("none yet")))  # fmt: skip
            self._write([endpoint if e.name == endpoint.name else e for e in endpoints])
        return endpoint

    def remove(self, name: str) -> Endpoint:
        with self._lock:
            endpoints = self._read()
            found = next((e for e in endpoints if e.name == name), None)
            if found is None:
                raise NoSuchEndpoint(QT_TR_NOOP("There is no endpoint named {name}. Endpoints: {names}.", name=name,
                                                names=", ".join(e.name for e in endpoints) or QT_TR_NOOP("none yet")))  # fmt: skip
            self._write([e for e in endpoints if e is not found])
        return found
