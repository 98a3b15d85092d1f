"""Reading a GGUF file's header: its metadata and tensor list, without its weights.

Why not ``gguf.GGUFReader``: it memory-maps the whole file, so it cannot read the header
of a file that is still on the Hub (fetched by HTTP Range, a few MB of a 40 GB file) or a
truncated download. This parser reads only the header from any byte source; the type
tables are in ggml_types (checked against the gguf package by a test).

The header is the boundary: everything after it (the library's SQLite rows, the memory
estimate, the size check) takes its numbers as they are. So the parser checks, once,
that the keys Hangar reads have the type and range llama.cpp gives them (a uint32 hyper-
parameter, a power-of-two alignment), bounds nesting and array lengths, and otherwise
raises MalformedHeader naming the key and the reason; never an OverflowError, a
RecursionError or a ValueError from deep inside.
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
MAX_LAYERS_KEPT = 4096  # per-layer arrays (head counts of OpenELM-style models) are kept up to this
MAX_ARRAY_LENGTH = 1 << 24  # items in one array: a 262k vocabulary is far below, a damaged count far above
MAX_DEPTH = 4  # arrays of arrays: the format allows them, no model nests more than two
MAX_DIMS = 4  # GGML_MAX_DIMS
MAX_ALIGNMENT = 1 << 30
UINT32_MAX = 2**32 - 1
INT64_MAX = 2**63 - 1  # SQLite's INTEGER, and llama.cpp's bound on a tensor dimension
_INTEGERS = frozenset((0, 1, 2, 3, 4, 5, 10, 11))
# Keys read by Hangar (the library, the memory estimate): llama.cpp reads each as a uint32;
# the per-layer ones may also be an array with one value per layer (llama.cpp's get_key_or_arr).
_ARCH_NUMBERS = ("context_length", "block_count", "embedding_length", "vocab_size", "attention.key_length",
                 "attention.value_length", "expert_count", "expert_used_count", "pooling_type", "embedding_length_out")  # fmt: skip
_ARCH_PER_LAYER = ("feed_forward_length", "attention.head_count", "attention.head_count_kv")
_PER_LAYER_SUFFIXES = tuple("." + s for s in _ARCH_PER_LAYER)
# Architectures llama.cpp runs as encoders (its llama-arch.cpp): they make embeddings, not text.
ENCODER_ARCHITECTURES = frozenset(("bert", "modern-bert", "nomic-bert", "nomic-bert-moe", "neo-bert", "jina-bert-v2", "jina-bert-v3",
                                   "eurobert", "t5encoder"))  # fmt: skip
KIND_TEXT, KIND_EMBEDDING = "text", "embedding"  # what a model is for: generating text, or embedding it
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}


class NotGGUF(InvalidInput):
    code = "not_gguf"


class TruncatedHeader(InvalidInput):
    code = "truncated"


class MalformedHeader(NotGGUF):
    """A header that parses but holds a value Hangar cannot use: the key and the reason are named."""

    code = "malformed_gguf"

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(QT_TR_NOOP("this file's header is malformed: {key}: {reason}", key=key, reason=reason))
        self.key, self.reason = key, reason


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

    # Typed reads: the value when it has the type asked for, else the default. The keys
    # Hangar relies on were checked by the parser, so for them this never hides damage.
    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.get(key)
        return value if type(value) is int else default

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.get(key)
        return value if isinstance(value, str) else default

    @property
    def alignment(self) -> int:
        return self.integer("general.alignment") or 32

    @property
    def context_length(self) -> int | None:
        return self.integer(f"{self.architecture}.context_length")

    @property
    def kind(self) -> str:
        """KIND_EMBEDDING for an encoder architecture or a model that names a pooling (``{arch}.pooling_type``
        other than 0, none: e5-mistral, gte-Qwen and other causal embedding models), else KIND_TEXT."""
        if self.architecture in ENCODER_ARCHITECTURES or self.integer(f"{self.architecture}.pooling_type"):
            return KIND_EMBEDDING
        return KIND_TEXT

    @property
    def embedding_size(self) -> int | None:
        """The length of the model's output vectors (llama.cpp's n_embd_out: embedding_length_out, else embedding_length)."""
        return self.integer(f"{self.architecture}.embedding_length_out") or self.integer(f"{self.architecture}.embedding_length")

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


def _value(src: _Source, kind: int, key: str, lengths: dict[str, int], depth: int = 0) -> Any:
    if kind in _SCALARS:
        return src.unpack(_SCALARS[kind])
    if kind == 8:
        return src.string()
    if kind == 9:
        if depth >= MAX_DEPTH:
            raise MalformedHeader(key, QT_TR_NOOP("arrays are nested more than {limit} deep", limit=MAX_DEPTH))
        item_kind, count = src.unpack("<I"), src.unpack("<Q")
        if count > MAX_ARRAY_LENGTH:
            raise MalformedHeader(key, QT_TR_NOOP("an array claims {count:,} items, more than {limit:,}", count=count, limit=MAX_ARRAY_LENGTH))
        lengths[key] = count
        keep = MAX_LAYERS_KEPT if item_kind in _INTEGERS and key.endswith(_PER_LAYER_SUFFIXES) else MAX_ARRAY_KEPT
        if item_kind in _SCALARS and count > keep:
            src.take(struct.calcsize(_SCALARS[item_kind]) * count)  # skip in one read
            return None
        if count > keep:  # strings or arrays: read through, keep nothing
            for _ in range(count):
                _value(src, item_kind, key, lengths, depth + 1)
            lengths[key] = count
            return None
        items = [_value(src, item_kind, key, lengths, depth + 1) for _ in range(count)]
        lengths[key] = count
        return items
    raise NotGGUF(QT_TR_NOOP("unknown metadata type {kind} for {key}: the file is damaged or newer than Hangar", kind=kind, key=key))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return QT_TR_NOOP("true or false")
    if isinstance(value, float):
        return QT_TR_NOOP("a fractional number ({value})", value=repr(value))
    if isinstance(value, str):
        return QT_TR_NOOP("a string")
    if isinstance(value, list):
        return QT_TR_NOOP("an array")
    if value is None:
        return QT_TR_NOOP("a long array")
    if isinstance(value, int):
        return QT_TR_NOOP("the number {value}", value=value)
    return QT_TR_NOOP("a value")


def _check_number(key: str, value: Any, *, per_layer: bool = False, low: int = 0, high: int = UINT32_MAX) -> None:
    if per_layer and isinstance(value, list):
        if not value:
            raise MalformedHeader(key, QT_TR_NOOP("expected a whole number, found an empty array"))
        for item in value:
            _check_number(key, item, low=low, high=high)
        return
    if per_layer and value is None:
        return  # a per-layer array longer than MAX_LAYERS_KEPT: counted, not kept, never read
    if type(value) is not int:
        raise MalformedHeader(key, QT_TR_NOOP("expected a whole number, found {found}", found=_describe(value)))
    if not low <= value <= high:
        raise MalformedHeader(key, QT_TR_NOOP("{value:,} is outside {low:,} to {high:,}", value=value, low=low, high=high))


def _validate(metadata: dict[str, Any]) -> None:
    """The keys Hangar reads: right type, within llama.cpp's range (see the module docstring)."""
    arch = metadata.get("general.architecture")
    if "general.architecture" in metadata and not isinstance(arch, str):
        raise MalformedHeader("general.architecture", QT_TR_NOOP("expected a string, found {found}", found=_describe(arch)))
    if "general.alignment" in metadata:
        alignment = metadata["general.alignment"]
        _check_number("general.alignment", alignment, low=1, high=MAX_ALIGNMENT)
        if alignment & (alignment - 1):
            raise MalformedHeader("general.alignment", QT_TR_NOOP("the alignment must be a power of two, not {value:,}", value=alignment))
    if "general.file_type" in metadata:
        _check_number("general.file_type", metadata["general.file_type"])
    if not arch:
        return
    for suffix in _ARCH_NUMBERS + _ARCH_PER_LAYER:
        key = f"{arch}.{suffix}"
        if key in metadata:
            _check_number(key, metadata[key], per_layer=suffix in _ARCH_PER_LAYER)


def _tensor(src: _Source) -> TensorInfo:
    name = src.string()
    n_dims = src.unpack("<I")
    if n_dims > MAX_DIMS:
        raise MalformedHeader(name, QT_TR_NOOP("a tensor has {count:,} dimensions, more than {limit}", count=n_dims, limit=MAX_DIMS))
    dims = tuple(src.unpack("<Q") for _ in range(n_dims))
    if any(dim > INT64_MAX for dim in dims):
        raise MalformedHeader(name, QT_TR_NOOP("a tensor dimension is larger than {limit:,}", limit=INT64_MAX))
    return TensorInfo(name, dims, src.unpack("<I"), src.unpack("<Q"))


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
    _validate(metadata)
    tensors = [_tensor(src) for _ in range(n_tensors)]
    return GGUFHeader(version, metadata, tensors, lengths, src.position)


def read_header(path: Path) -> GGUFHeader:
    with open(path, "rb") as handle:
        return parse_header(handle.read)


def expected_size(header: GGUFHeader) -> int:
    """How long the file must be: aligned header, then every tensor's data."""
    alignment = header.alignment
    data_start = -(-header.header_bytes // alignment) * alignment
    end = max((t.offset + t.n_bytes for t in header.tensors), default=0)
    return data_start + end


def file_type_name(header: GGUFHeader) -> str | None:
    """The quantisation as people name it (Q4_K_M, Q8_0, F16), from general.file_type."""
    value = header.integer("general.file_type")
    return file_type(value) if value is not None else None
