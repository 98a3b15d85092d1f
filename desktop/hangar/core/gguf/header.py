"""Reading a GGUF file's header: its metadata and tensor list, without its weights.

Why not ``gguf.GGUFReader``: it memory-maps the whole file, so it cannot read the header
of a file that is still on the Hub (fetched by HTTP Range, a few MB of a 40 GB file) or a
truncated download. This parser reads only the header from any byte source; the type
tables are in ggml_types (checked against the gguf package by a test).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from .ggml_types import file_type, quant_size

MAX_STRING = 64 * 1024 * 1024  # a chat template is a few KB; a longer string means a damaged file
MAX_ARRAY_KEPT = 64  # arrays longer than this (vocabularies) are counted, not kept
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}


class NotGGUF(InvalidInput):
    code = "not_gguf"


class TruncatedHeader(InvalidInput):
    code = "truncated"


@dataclass
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    ggml_type: int
    offset: int

    @property
    def n_elements(self) -> int:
        count = 1
        for dim in self.shape:
            count *= dim
        return count

    @property
    def type_name(self) -> str:
        try:
            return quant_size(self.ggml_type)[0]
        except ValueError:
            return f"type{self.ggml_type}"

    @property
    def n_bytes(self) -> int:
        try:
            _, block, size = quant_size(self.ggml_type)
        except ValueError:
            raise NotGGUF(QT_TR_NOOP("tensor {name} has an unknown type {type}: the file is damaged or newer than Hangar", name=self.name, type=self.ggml_type)) from None
        return self.n_elements // block * size


@dataclass
class GGUFHeader:
    version: int
    metadata: dict[str, Any]
    tensors: list[TensorInfo] = field(default_factory=list)
    array_lengths: dict[str, int] = field(default_factory=dict)
    header_bytes: int = 0

    def get(self, key: str, default: Any = None) -> Any:
        return self.metadata.get(key, default)

    @property
    def architecture(self) -> str | None:
        value = self.get("general.architecture")
        return value if isinstance(value, str) else None

    def arch_get(self, suffix: str, default: Any = None) -> Any:
        return self.get(f"{self.architecture}.{suffix}", default)

    @property
    def weights_bytes(self) -> int:
        return sum(t.n_bytes for t in self.tensors)

    @property
    def n_params(self) -> int:
        return sum(t.n_elements for t in self.tensors)


class _Source:
    def __init__(self, read: Callable[[int], bytes]) -> None:
        self._read = read
        self.position = 0

    def take(self, size: int) -> bytes:
        data = self._read(size)
        if len(data) != size:
            raise TruncatedHeader(QT_TR_NOOP("the GGUF header ends early (at byte {position:,})", position=self.position + len(data)))
        self.position += size
        return data

    def unpack(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        length = self.unpack("<Q")
        if length > MAX_STRING:
            raise NotGGUF(QT_TR_NOOP("a metadata string claims {length:,} bytes: the file is damaged", length=length))
        return self.take(length).decode("utf-8", errors="replace")


def _value(src: _Source, kind: int, key: str, lengths: dict[str, int]) -> Any:
    if kind in _SCALARS:
        return src.unpack(_SCALARS[kind])
    if kind == 8:
        return src.string()
    if kind == 9:
        item_kind, count = src.unpack("<I"), src.unpack("<Q")
        lengths[key] = count
        if item_kind in _SCALARS and count > MAX_ARRAY_KEPT:
            src.take(struct.calcsize(_SCALARS[item_kind]) * count)  # skip in one read
            return None
        items = [_value(src, item_kind, key, lengths) for _ in range(count)]
        lengths[key] = count
        return items if count <= MAX_ARRAY_KEPT else None
    raise NotGGUF(QT_TR_NOOP("unknown metadata type {kind} for {key}: the file is damaged or newer than Hangar", kind=kind, key=key))


def parse_header(read: Callable[[int], bytes]) -> GGUFHeader:
    src = _Source(read)
    if src.take(4) != b"GGUF":
        raise NotGGUF(QT_TR_NOOP("this is not a GGUF file (it does not start with the GGUF signature)"))
    version = src.unpack("<I")
    if version not in (2, 3):
        raise NotGGUF(QT_TR_NOOP("GGUF version {version} is not supported", version=version))
    n_tensors, n_kv = src.unpack("<Q"), src.unpack("<Q")
    if n_tensors > 1_000_000 or n_kv > 1_000_000:
        raise NotGGUF(QT_TR_NOOP("the GGUF header's counts are implausible: the file is damaged"))
    metadata: dict[str, Any] = {}
    lengths: dict[str, int] = {}
    for _ in range(n_kv):
        key = src.string()
        metadata[key] = _value(src, src.unpack("<I"), key, lengths)
    tensors = []
    for _ in range(n_tensors):
        name = src.string()
        dims = tuple(src.unpack("<Q") for _ in range(src.unpack("<I")))
        tensors.append(TensorInfo(name, dims, src.unpack("<I"), src.unpack("<Q")))
    return GGUFHeader(version, metadata, tensors, lengths, src.position)


def read_header(path: Path) -> GGUFHeader:
    with open(path, "rb") as handle:
        return parse_header(handle.read)


def expected_size(header: GGUFHeader) -> int:
    """How long the file must be: aligned header, then every tensor's data."""
    alignment = int(header.get("general.alignment", 32) or 32)
    data_start = -(-header.header_bytes // alignment) * alignment
    end = max((t.offset + t.n_bytes for t in header.tensors), default=0)
    return data_start + end


def file_type_name(header: GGUFHeader) -> str | None:
    """The quantisation as people name it (Q4_K_M, Q8_0, F16), from general.file_type."""
    value = header.get("general.file_type")
    return file_type(value) if isinstance(value, int) else None
