"""Whether two GGUF models share a tokenizer, told from their files before either is loaded.

KL divergence compares two models' probabilities token by token, so a quant can be measured only
against a reference that splits text into the same tokens with the same ids. The worker checks
this exactly (llama.cpp's token texts, engine/perplexity.py) but only once the reference has run;
this reads ``tokenizer.ggml.tokens`` from both headers and hashes the token texts in id order, so
a reference of another family is refused in milliseconds, before minutes of work.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..gguf.header import MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_STRING, NotGGUF, TruncatedHeader, read_header

_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}  # GGUF scalar types -> bytes
_STRING, _ARRAY = 8, 9
TOKENS_KEY = "tokenizer.ggml.tokens"


class VocabularyMismatch(InvalidInput):
    code = "vocab_mismatch"


@dataclass(frozen=True)
class Vocabulary:
    n_vocab: int
    sha256: str  # of the token texts, each length-prefixed as GGUF stores them
    tokenizer: str  # tokenizer.ggml.model (llama, gpt2 ...) and .pre, for the message


class _Reader:
    def __init__(self, handle) -> None:
        self._handle = handle

    def take(self, size: int) -> bytes:
        data = self._handle.read(size)
        if len(data) != size:
            raise TruncatedHeader(QT_TR_NOOP("the GGUF header ends early (at byte {position:,})", position=self._handle.tell()))
        return data

    def number(self, fmt: str) -> int:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> bytes:
        length = self.number("<Q")
        if length > MAX_STRING:
            raise NotGGUF(QT_TR_NOOP("a metadata string claims {length:,} bytes: the file is damaged", length=length))
        return self.take(length)

    def skip(self, kind: int, depth: int = 0) -> None:
        if kind in _SIZES:
            self.take(_SIZES[kind])
        elif kind == _STRING:
            self.string()
        elif kind == _ARRAY and depth < MAX_DEPTH:
            item, count = self.number("<I"), self.number("<Q")
            if count > MAX_ARRAY_LENGTH:
                raise NotGGUF(QT_TR_NOOP("the GGUF header's counts are implausible: the file is damaged"))
            if item in _SIZES:
                self.take(_SIZES[item] * count)
            else:
                for _ in range(count):
                    self.skip(item, depth + 1)
        else:
            raise NotGGUF(QT_TR_NOOP("unknown metadata type {kind} for {key}: the file is damaged or newer than Hangar", kind=kind, key="?"))


def vocabulary(path: str | Path) -> Vocabulary:
    """The model's vocabulary size and fingerprint; NotGGUF / MalformedHeader for a damaged file."""
    path = Path(path)
    header = read_header(path)  # the whole header checked first, with its own messages
    tokenizer = " ".join(t for t in (header.text("tokenizer.ggml.model"), header.text("tokenizer.ggml.pre")) if t)
    with open(path, "rb") as handle:
        src = _Reader(handle)
        src.take(8)  # magic, version
        _n_tensors, n_kv = src.number("<Q"), src.number("<Q")
        for _ in range(n_kv):
            key, kind = src.string(), src.number("<I")
            if key.decode("utf-8", "replace") != TOKENS_KEY or kind != _ARRAY:
                src.skip(kind)
                continue
            item, count = src.number("<I"), src.number("<Q")
            if item != _STRING or count > MAX_ARRAY_LENGTH:
                break
            digest = hashlib.sha256()
            for _ in range(count):
                text = src.string()
                digest.update(struct.pack("<Q", len(text)) + text)
            return Vocabulary(count, digest.hexdigest(), tokenizer)
    raise InvalidInput(QT_TR_NOOP("{file} has no tokenizer (no {key} in its header): perplexity needs a text model.", file=path.name, key=TOKENS_KEY))


def check_same_vocabulary(model: Path, reference: Path) -> Vocabulary:
    """The shared vocabulary; VocabularyMismatch naming both sizes (or the texts) otherwise."""
    ours, theirs = vocabulary(model), vocabulary(reference)
    hint = QT_TR_NOOP("Measure a quant against a reference of the same model: its F16 or Q8_0.")
    if ours.n_vocab != theirs.n_vocab:
        raise VocabularyMismatch(QT_TR_NOOP(
            "{model} has a vocabulary of {n_model:,} tokens and the reference {reference} {n_reference:,}: KL divergence compares the two "
            "models token by token, so they need the same tokenizer.", model=model.name, n_model=ours.n_vocab, reference=reference.name,
            n_reference=theirs.n_vocab), hint=hint)  # fmt: skip
    if ours.sha256 != theirs.sha256:
        raise VocabularyMismatch(QT_TR_NOOP(
            "{model} and the reference {reference} both have {n_vocab:,} tokens, but not the same ones: KL divergence compares the two "
            "models token by token, so they need the same tokenizer.", model=model.name, reference=reference.name, n_vocab=ours.n_vocab),
            hint=hint)  # fmt: skip
    return ours
