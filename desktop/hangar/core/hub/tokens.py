"""The Hugging Face token: kept in the OS keyring, never in a file or a log.

``HF_TOKEN`` in the environment wins (servers and CI set it that way); otherwise the
keyring entry "Hangar / huggingface" is used. A machine without a keyring backend gets a
clear message instead of a silent plain-text fallback.
"""

from __future__ import annotations

import logging
import os

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import remember

SERVICE = "Hangar"
ACCOUNT = "huggingface"
log = logging.getLogger(__name__)


class KeyringUnavailable(HangarError):
    code = "keyring_unavailable"


def _keyring():
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    return keyring, (KeyringError, NoKeyringError)


_cached: list[str | None] = []  # one keyring look-up per process (it costs ~0.1 s)


def get_token() -> str | None:
    env = os.environ.get("HF_TOKEN", "").strip()
    if env:
        remember(env)
        return env
    if _cached:
        return _cached[0]
    keyring, errors = _keyring()
    try:
        token = keyring.get_password(SERVICE, ACCOUNT) or None
    except errors as exc:
        log.info("no keyring available for the Hugging Face token: %s", type(exc).__name__)
        token = None
    remember(token)  # masked in every message from now on (core/common/secrets.py)
    _cached.append(token)
    return token


def token_source() -> str | None:
    """Where the token in use comes from: "environment" (HF_TOKEN), "keyring", or None."""
    if os.environ.get("HF_TOKEN", "").strip():
        return "environment"
    return "keyring" if get_token() is not None else None


def set_token(token: str) -> None:
    token = token.strip()
    remember(token)
    if not token.startswith("hf_") or len(token) < 10 or any(c.isspace() for c in token):
        raise HangarError(QT_TR_NOOP("That does not look like a Hugging Face access token (they start with hf_)."))
    keyring, errors = _keyring()
    _cached.clear()
    try:
        keyring.set_password(SERVICE, ACCOUNT, token)
    except errors as exc:
        raise KeyringUnavailable(
            QT_TR_NOOP("No system keyring is available to store the token safely."),
            hint=QT_TR_NOOP("Install and unlock a Secret Service keyring (GNOME Keyring, KWallet), or set HF_TOKEN in the environment."),
        ) from exc
    log.info("Hugging Face token saved to the system keyring")


def clear_token() -> None:
    _cached.clear()
    keyring, errors = _keyring()
    try:
        keyring.delete_password(SERVICE, ACCOUNT)
    except Exception:  # nothing stored, or no keyring: either way there is no token now
        pass
