"""Secrets masked in every text that leaves the process or reaches the disk.

A hostile or careless Hub can echo the request's Authorization header back in an error
message, a header or a body; that text then becomes a HangarError, a stored download
error, a line of --json output or a log line. The log formatter alone is not enough, so
this one function is applied where such text is made (core/hub), where every error is
built (HangarError), where a message is stored (i18n.to_stored) and where the CLI prints.

Masked: the tokens this process holds (``HF_TOKEN``, the keyring's, one typed in; see
``remember``), anything shaped like a Hugging Face token (``hf_`` and 20 or more letters
and digits) and the value of an ``Authorization`` header or a ``Bearer`` credential.
A message keeps its template: only the fields that held a secret are replaced, so the
window still translates it.
"""

from __future__ import annotations

import os
import re
import threading
from typing import TypeVar

from .i18n import Text

MASK = "***"
_MIN_SECRET = 8  # shorter strings are never tokens; masking them would eat ordinary words
_known: set[str] = set()
_lock = threading.Lock()

_AUTH = r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?"
_PATTERNS = (
    (re.compile(r"hf_[A-Za-z0-9]{20,}"), "hf_" + MASK),
    # Authorization: Bearer x / 'authorization': 'Basic x' / authorization=<a long credential>;
    # prose ("authorization: required", "the bearer of") is left alone.
    (re.compile(_AUTH + r"(?:bearer|basic|token)\s+)[^\s'\",;}\])]+"), r"\g<1>" + MASK),
    (re.compile(_AUTH + r")[A-Za-z0-9._~+/=-]{16,}"), r"\g<1>" + MASK),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"), r"\g<1>" + MASK),
)

T = TypeVar("T")


def remember(token: str | None) -> None:
    """A token this process holds or sends: it is masked wherever it appears from now on."""
    token = (token or "").strip()
    if len(token) >= _MIN_SECRET:
        with _lock:
            _known.add(token)


def _tokens() -> list[str]:
    with _lock:
        tokens = set(_known)
    env = os.environ.get("HF_TOKEN", "").strip()
    if len(env) >= _MIN_SECRET:
        tokens.add(env)
    return sorted(tokens, key=len, reverse=True)  # a longer token first: one may contain another


def redact_str(text: str) -> str:
    """``text`` with every secret masked (a plain str; see ``redact`` for messages)."""
    text = str(text)
    for token in _tokens():
        if token in text:
            text = text.replace(token, "hf_" + MASK if token.startswith("hf_") else MASK)
    for pattern, mask in _PATTERNS:
        text = pattern.sub(mask, text)
    return text


def redact(text: T) -> T:
    """``text`` with its secrets masked, of the same kind: a message (i18n.Text) keeps its
    template and gets masked fields; None and other values pass through as they are."""
    if isinstance(text, Text):
        return _redact_message(text)  # type: ignore[return-value]
    if isinstance(text, str):
        cleaned = redact_str(text)
        return text if cleaned == text else cleaned  # type: ignore[return-value]  # unchanged: keep its type
    return text


def _redact_message(text: Text) -> Text:
    if redact_str(text) == text:
        return text
    fields = {}
    for name, value in text.fields.items():
        if isinstance(value, Text):
            fields[name] = _redact_message(value)
        elif isinstance(value, (int, float)) or value is None:
            fields[name] = value  # numbers keep their format ({size:,})
        else:
            cleaned = redact_str(str(value))
            fields[name] = value if cleaned == str(value) else cleaned
    masked = Text(text.template, fields)
    if redact_str(masked) != masked:  # the secret was not in one field alone: mask the whole text
        return Text("{text}", {"text": redact_str(masked)})
    return masked


def contains_secret(text: str) -> bool:
    return redact_str(text) != str(text)


__all__ = ["MASK", "contains_secret", "redact", "redact_str", "remember"]
