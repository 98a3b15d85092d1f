"""Hostile GGUF files for tests: a real model whose metadata is rewritten byte by byte.

The gguf package refuses to write most of what a hostile file holds (a uint64 where a
uint32 belongs is fine for it, arrays nested 5,000 deep or a string alignment are not
what its writer is for), so the metadata is encoded here by hand and the original
tensor infos and data are kept: the file stays exactly as long as its header says,
and only the values under test are wrong.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from hangar.core.gguf.header import read_header

# GGUF value types (the spec's gguf_type)
UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64, INT64, FLOAT64 = range(13)
_FORMATS = {UINT8: "<B", INT8: "<b", UINT16: "<H", INT16: "<h", UINT32: "<I", INT32: "<i", FLOAT32: "<f", BOOL: "<?", UINT64: "<Q", INT64: "<q", FLOAT64: "<d"}


class Raw:
    """A value written with an explicit GGUF type: ``Raw(UINT64, 2**64 - 1)``,
    ``Raw(ARRAY, [1, 2], item=UINT32)``, or ``Raw(ARRAY, b"...")`` for pre-encoded items."""

    def __init__(self, kind: int, value: Any, item: int | None = None) -> None:
        self.kind, self.value, self.item = kind, value, item


def nested_array(depth: int) -> bytes:
    """The bytes of a value (without its type) that is an array of arrays ``depth`` deep."""
    inner = struct.pack("<IQ", UINT8, 0)  # the innermost: an empty uint8 array
    for _ in range(depth - 1):
        inner = struct.pack("<IQ", ARRAY, 1) + inner
    return inner


def _string(text: str | bytes) -> bytes:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return struct.pack("<Q", len(data)) + data


def _typed(value: Any) -> tuple[int, bytes]:
    if isinstance(value, Raw):
        if value.kind == ARRAY:
            if isinstance(value.value, bytes):  # pre-encoded: starts with the item type
                return ARRAY, value.value
            item = value.item if value.item is not None else UINT32
            body = b"".join(_typed(Raw(item, v))[1] for v in value.value)
            return ARRAY, struct.pack("<IQ", item, len(value.value)) + body
        if value.kind == STRING:
            return STRING, _string(value.value)
        return value.kind, struct.pack(_FORMATS[value.kind], value.value)
    if isinstance(value, bool):
        return BOOL, struct.pack("<?", value)
    if isinstance(value, int):
        return UINT32, struct.pack("<I", value)
    if isinstance(value, float):
        return FLOAT32, struct.pack("<f", value)
    if isinstance(value, str):
        return STRING, _string(value)
    raise TypeError(f"say the type with Raw(...): {value!r}")


def _kv(key: str, value: Any) -> bytes:
    kind, body = _typed(value)
    return _string(key) + struct.pack("<I", kind) + body


def _raw_kvs(data: bytes) -> tuple[int, list[tuple[str, bytes]], int]:
    """(tensor count, [(key, encoded entry)], offset after the metadata) of a GGUF file's bytes."""
    n_tensors, n_kv = struct.unpack_from("<QQ", data, 8)
    pos, entries = 24, []

    def skip(kind: int) -> None:
        nonlocal pos
        if kind in _FORMATS:
            pos += struct.calcsize(_FORMATS[kind])
        elif kind == STRING:
            (length,) = struct.unpack_from("<Q", data, pos)
            pos += 8 + length
        else:
            item, count = struct.unpack_from("<IQ", data, pos)
            pos += 12
            for _ in range(count):
                skip(item)

    for _ in range(n_kv):
        start = pos
        (length,) = struct.unpack_from("<Q", data, pos)
        key = data[pos + 8 : pos + 8 + length].decode()
        pos += 8 + length
        (kind,) = struct.unpack_from("<I", data, pos)
        pos += 4
        skip(kind)
        entries.append((key, data[start:pos]))
    return n_tensors, entries, pos


def rewrite_metadata(source: Path, target: Path, changes: dict[str, Any]) -> Path:
    """Copy ``source`` to ``target`` with metadata keys set (a value), added, or removed (None).

    The tensor infos and data are copied as they are; the data keeps the original alignment
    (32) whatever ``general.alignment`` now says, so the size check still sees a whole file
    unless the test means otherwise.
    """
    data = source.read_bytes()
    header = read_header(source)
    alignment = 32
    n_tensors, entries, kv_end = _raw_kvs(data)
    data_start = -(-header.header_bytes // alignment) * alignment
    tensor_infos = data[kv_end : header.header_bytes]
    kept = [(k, e) for k, e in entries if k not in changes]
    added = [(k, _kv(k, v)) for k, v in changes.items() if v is not None]
    kvs = kept + added
    head = data[:8] + struct.pack("<QQ", n_tensors, len(kvs)) + b"".join(e for _, e in kvs) + tensor_infos
    padding = b"\0" * (-len(head) % alignment)
    target.write_bytes(head + padding + data[data_start:])
    return target
