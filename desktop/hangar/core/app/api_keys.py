"""API keys for the server: created with a name, listed, revoked; only a salted hash is kept.

A key is ``hk-<id>-<secret>``: the id finds the record, the secret is checked against its
PBKDF2-SHA256 hash with ``hmac.compare_digest``. The whole key is shown once, when it is
made; the file (``server-keys.json`` in the data folder, mode 0600) holds the id, the name,
the salt and the hash. A key that does not match costs the same work as one that does, so
the time an answer takes says nothing about which ids exist.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import read_small_file

if TYPE_CHECKING:
    from .hangar import Hangar

KEY_PREFIX = "hk-"
ITERATIONS = 60_000  # a few ms per check; the secret is 256 random bits, so this only slows a stolen file's use
_NAME_MAX = 64
_DUMMY_SALT = b"\0" * 16


@dataclass
class ApiKey:
    id: str
    name: str
    created_at: str
    salt: str  # hex
    hash: str  # hex, PBKDF2-SHA256 of the secret

    def public(self) -> dict:
        """What may be shown: never the hash or the salt."""
        return {"id": self.id, "name": self.name, "created_at": self.created_at}


def _derive(secret: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8", "replace"), salt, ITERATIONS)


class ApiKeys:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._verified: dict[bytes, str] = {}  # sha256 of a key checked once -> its id (memory only)

    # -- the file -----------------------------------------------------------------------------
    def _read(self) -> list[ApiKey]:
        try:
            data = json.loads(read_small_file(self.path).decode("utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise InvalidInput(QT_TR_NOOP("The API key file {path} cannot be read: {error}", path=str(self.path), error=exc)) from exc
        keys = data.get("keys") if isinstance(data, dict) else None
        if not isinstance(keys, list):
            raise InvalidInput(QT_TR_NOOP("The API key file {path} is not a Hangar key file.", path=str(self.path)))
        return [ApiKey(**{k: str(entry.get(k, "")) for k in ("id", "name", "created_at", "salt", "hash")}) for entry in keys if isinstance(entry, dict)]

    def _write(self, keys: list[ApiKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"format": "hangar-server-keys", "version": 1, "keys": [asdict(k) for k in keys]}, handle, indent=2)
        os.replace(tmp, self.path)
        self._verified.clear()

    # -- what the faces call ------------------------------------------------------------------
    def list(self) -> list[ApiKey]:
        with self._lock:
            return self._read()

    def create(self, name: str) -> tuple[ApiKey, str]:
        """A new key named ``name``; returns its record and the whole key (shown once, never stored)."""
        name = (name or "").strip()
        if not name or len(name) > _NAME_MAX or any(ord(c) < 32 for c in name):
            raise InvalidInput(QT_TR_NOOP("A key needs a name of 1 to {limit} characters.", limit=_NAME_MAX))
        with self._lock:
            keys = self._read()
            if any(k.name == name for k in keys):
                raise InvalidInput(QT_TR_NOOP("There is already a key named {name}.", name=name))
            key_id = secrets.token_hex(4)
            while any(k.id == key_id for k in keys):
                key_id = secrets.token_hex(4)
            secret = secrets.token_urlsafe(32)
            salt = os.urandom(16)
            record = ApiKey(key_id, name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), salt.hex(), _derive(secret, salt).hex())
            self._write([*keys, record])
        return record, f"{KEY_PREFIX}{key_id}-{secret}"

    def revoke(self, name_or_id: str) -> ApiKey:
        with self._lock:
            keys = self._read()
            found = next((k for k in keys if k.name == name_or_id), None) or next((k for k in keys if k.id == name_or_id), None)
            if found is None:
                raise InvalidInput(QT_TR_NOOP("There is no key named {name}.", name=name_or_id))
            self._write([k for k in keys if k is not found])
        return found

    def verify(self, presented: str | None) -> ApiKey | None:
        """The key record ``presented`` belongs to, or None; the comparison is constant-time."""
        if not presented or len(presented) > 256:
            return None
        digest = hashlib.sha256(presented.encode("utf-8", "replace")).digest()
        keys = self.list()
        known = self._verified.get(digest)
        if known is not None:
            return next((k for k in keys if k.id == known), None)
        key_id, _, secret = presented[len(KEY_PREFIX):].partition("-") if presented.startswith(KEY_PREFIX) else ("", "", presented)
        record = next((k for k in keys if hmac.compare_digest(k.id.encode(), key_id.encode("utf-8", "replace"))), None)
        try:
            salt = bytes.fromhex(record.salt) if record else _DUMMY_SALT
            expected = bytes.fromhex(record.hash) if record else b"\0" * 32
        except ValueError:
            salt, expected, record = _DUMMY_SALT, b"\0" * 32, None
        ok = hmac.compare_digest(_derive(secret, salt), expected)
        if ok and record is not None:
            self._verified[digest] = record.id
            return record
        return None


def key_file_secrets(path: Path) -> list[str]:
    """The keys in a file given to ``serve --api-key-file``: one a line, blank lines and # comments skipped."""
    try:
        text = read_small_file(path, 64 * 1024).decode("utf-8")
    except (OSError, ValueError) as exc:
        raise InvalidInput(QT_TR_NOOP("The API key file {path} cannot be read: {error}", path=str(path), error=exc)) from exc
    found = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    if not found:
        raise InvalidInput(QT_TR_NOOP("The API key file {path} holds no key.", path=str(path)))
    return found

class Authenticator:
    """Who may call the server: the stored keys and any given in a file (held in memory only)."""

    def __init__(self, keys: ApiKeys, extra_secrets: list[str] | None = None) -> None:
        self._keys = keys
        self._extra = [hashlib.sha256(s.encode("utf-8")).digest() for s in (extra_secrets or [])]

    @property
    def required(self) -> bool:
        return bool(self._extra) or bool(self._keys.list())

    def admit(self, secret: str) -> Callable[[], None]:
        """Accept ``secret`` too, in memory, until the returned function is called (a serving benchmark of
        the window's running server: a one-time key for the run, never stored). Only for a server that
        requires keys already: one that does not would start refusing its other clients."""
        digest = hashlib.sha256(secret.encode("utf-8")).digest()
        self._extra = [*self._extra, digest]

        def withdraw() -> None:
            self._extra = [d for d in self._extra if d is not digest]

        return withdraw

    def check(self, presented: str | None) -> bool:
        """Constant-time: every file key is compared, then the stored keys."""
        if not self.required:
            return True
        if not presented:
            return False
        digest = hashlib.sha256(presented.encode("utf-8", "replace")).digest()
        matched = False
        for known in self._extra:
            matched |= hmac.compare_digest(digest, known)
        return matched or self._keys.verify(presented) is not None


def keys_for(app: "Hangar") -> ApiKeys:
    """The server's keys, in the data folder."""
    return ApiKeys(app.paths.data / "server-keys.json")


def serve_warning_for_address(host: str, auth: Authenticator) -> str | None:
    """Why ``host`` may not be used (another machine could reach it and no key is set), or None."""
    if host in ("127.0.0.1", "localhost", "::1") or host.startswith("127."):
        return None
    if not auth.required:
        return QT_TR_NOOP("Serving on {host} lets other machines reach your models: create an API key first (hangar-cli keys create NAME) or give --api-key-file.", host=host)
    return None


