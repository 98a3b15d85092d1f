"""The text a perplexity run scores: the user's own file, or a sample shipped with Hangar.

A run over a file that is empty, binary or not UTF-8 would load a model only to score
nonsense, so the file is read and refused here first, each with its own message: no bytes,
only white space, NUL bytes (a binary file, or UTF-16: "save it as UTF-8"), bytes that are not
UTF-8 (with the offset of the first), too many control characters, or larger than the worker
reads. The SHA-256 of its bytes names the text in stored runs: perplexities are comparable only
over the same text, context and chunks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.resources import resource
from ..runner.protocol import MAX_TEXT_BYTES

SAMPLES = {"en": "sample-en.txt", "zh": "sample-zh.txt"}  # resources/eval/, written for the project (resources/eval/README.md)
_CONTROL_SHARE = 0.01  # more control characters than this (tabs and line ends aside) is not prose


@dataclass(frozen=True)
class TextFile:
    path: Path
    name: str
    sha256: str
    size_bytes: int
    characters: int
    sample: str | None = None  # "en" or "zh" for a shipped sample

    def to_dict(self) -> dict:
        return {"path": str(self.path), "name": self.name, "sha256": self.sha256, "size_bytes": self.size_bytes,
                "characters": self.characters, "sample": self.sample}  # fmt: skip


def sample_path(language: str) -> Path:
    if language not in SAMPLES:
        raise InvalidInput(QT_TR_NOOP("unknown sample text '{name}'; choose one of {choices}", name=language, choices=", ".join(SAMPLES)))
    return resource("eval", SAMPLES[language])


def check_text(path: str | Path, *, sample: str | None = None) -> TextFile:
    """The text file, read and checked; InvalidInput saying what is wrong with it otherwise."""
    path = Path(path).expanduser()
    name = path.name
    if not path.is_file():
        raise InvalidInput(QT_TR_NOOP("{path} does not exist or is not a file.", path=str(path)))
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InvalidInput(QT_TR_NOOP("{file} is {size:,} bytes; Hangar scores texts of at most {limit:,} bytes.", file=name, size=size, limit=MAX_TEXT_BYTES),
                           hint=QT_TR_NOOP("Score a part of it: a few hundred kilobytes give a perplexity to three digits."))  # fmt: skip
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(QT_TR_NOOP("Cannot read {file}: {error}", file=str(path), error=exc.strerror or exc)) from exc
    if not data:
        raise InvalidInput(QT_TR_NOOP("{file} is empty: there is no text to score.", file=name))
    if b"\x00" in data:
        raise InvalidInput(QT_TR_NOOP("{file} is not a text file: it holds NUL bytes (a binary file, or text saved as UTF-16).", file=name),
                           hint=QT_TR_NOOP("Give a plain text file saved as UTF-8."))  # fmt: skip
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(QT_TR_NOOP("{file} is not UTF-8 text: the bytes at offset {offset:,} are not UTF-8.", file=name, offset=exc.start),
                           hint=QT_TR_NOOP("Give a plain text file saved as UTF-8.")) from None  # fmt: skip
    if not text.strip():
        raise InvalidInput(QT_TR_NOOP("{file} holds only white space: there is no text to score.", file=name))
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > _CONTROL_SHARE * len(text):
        raise InvalidInput(QT_TR_NOOP("{file} is not a text file: {count:,} of its {total:,} characters are control characters.",
                                      file=name, count=control, total=len(text)), hint=QT_TR_NOOP("Give a plain text file saved as UTF-8."))  # fmt: skip
    return TextFile(path.resolve(), name, hashlib.sha256(data).hexdigest(), size, len(text), sample)
