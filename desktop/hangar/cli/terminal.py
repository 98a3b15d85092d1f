"""Text made safe for a terminal: what a model file or a server wrote is shown, never obeyed.

A model's ``general.name``, a Hub card or an error message is data from someone else.
Printed raw, ``ESC [2J`` clears the screen, ``ESC ]52;`` writes the clipboard, a
carriage return overwrites the line before it, and a bidi override (U+202E) makes
``evil.gguf`` read as something else. Every such character is shown as a visible escape
(``\\x1b``, ``\\u202e``) instead; newlines and tabs stay, as text for a person needs them.

JSON output needs no such care for C0 (json.dumps writes ``\\u001b``), but with
``ensure_ascii=False`` it leaves DEL, C1 and bidi controls raw: ``json_safe`` escapes
those as ``\\uXXXX``, which decodes to the same document.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # ALM, LRM, RLM, embeddings/overrides, isolates
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # C0 but tab and newline, DEL, C1
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}]")  # json.dumps escapes C0 itself
_NAMED = {"\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal_safe(text: object) -> str:
    """``text`` with every control character but newline and tab, and every bidi control,
    replaced by a visible escape; an escape sequence then shows as ``\\x1b[2J``."""
    return _UNSAFE.sub(_escape, str(text))


def json_safe(document: str) -> str:
    """A JSON text with DEL, C1 and bidi controls written as ``\\uXXXX`` (the same JSON)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
