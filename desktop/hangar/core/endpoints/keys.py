"""An endpoint's API key: in the OS keyring ("Hangar" / "endpoint:NAME"), nowhere else.

As with the Hugging Face token (core/hub/tokens.py): never in the endpoints file, the
database or a log, and no plain-text fallback on a machine without a keyring (the message
says so). Every key read or set is remembered by core/common/secrets.py, so an endpoint that
echoes it back in an error finds it masked in every message, log line and --json output.
"""

from __future__ import annotations

import logging
import threading

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import remember
from ..hub.tokens import SERVICE, KeyringUnavailable

log = logging.getLogger(__name__)
MAX_KEY_CHARS = 4096
_cache: dict[tuple[int, str], str | None] = {}  # one keyring look-up per endpoint and backend per process (it costs ~0.1 s)
_lock = threading.Lock()


def account(name: str) -> str:
    return f"endpoint:{name}"


def _keyring():
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    return keyring, (KeyringError, NoKeyringError)


def _unavailable(exc: BaseException) -> KeyringUnavailable:
    return KeyringUnavailable(
        QT_TR_NOOP("No system keyring is available to store the endpoint's API key safely."),
        hint=QT_TR_NOOP("Install and unlock a Secret Service keyring (GNOME Keyring, KWallet); Hangar never writes a key to a plain file."),
    )


def check_key(key: str) -> str:
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY_CHARS or any(c.isspace() or ord(c) < 32 for c in key):
        raise InvalidInput(QT_TR_NOOP("An API key is one line of 1 to {limit:,} characters without spaces.", limit=MAX_KEY_CHARS))
    return key


def _slot(keyring, name: str) -> tuple[int, str]:
    return id(keyring.get_keyring()), name  # another backend (a test's, a newly unlocked one) is asked afresh


def get_key(name: str) -> str | None:
    keyring, errors = _keyring()
    slot = _slot(keyring, name)
    with _lock:
        if slot in _cache:
            return _cache[slot]
    try:
        key = keyring.get_password(SERVICE, account(name)) or None
    except errors as exc:
        log.info("no keyring available for the key of endpoint %s: %s", name, type(exc).__name__)
        key = None
    remember(key)  # masked in every message from now on
    with _lock:
        _cache[slot] = key
    return key


def set_key(name: str, key: str) -> None:
    key = check_key(key)
    remember(key)
    keyring, errors = _keyring()
    with _lock:
        _cache.pop(_slot(keyring, name), None)
    try:
        keyring.set_password(SERVICE, account(name), key)
    except errors as exc:
        raise _unavailable(exc) from exc
    log.info("the API key of endpoint %s was saved to the system keyring", name)


def delete_key(name: str) -> None:
    keyring, _errors = _keyring()
    with _lock:
        _cache.pop(_slot(keyring, name), None)
    try:
        keyring.delete_password(SERVICE, account(name))
    except Exception:  # nothing stored, or no keyring: either way there is no key now
        pass


def forget_cache() -> None:
    """Tests swap the keyring backend; the next look-up asks it again."""
    with _lock:
        _cache.clear()
