"""Hostile GGUF metadata is refused at the header, with the key and the reason (issue 14).

Before, an int array where a number belongs, a uint64 that overflows SQLite, a string
alignment or arrays nested thousands deep went through the parser and broke whatever
read them next (a bind error reported as a damaged database, OverflowError, ValueError,
RecursionError).
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.gguf.header import MAX_ARRAY_LENGTH, MalformedHeader, expected_size, parse_header, read_header
from hangar.core.runner.fit import model_dims

from .hostile import ARRAY, FLOAT32, INT32, STRING, UINT8, UINT32, UINT64, Raw, nested_array, rewrite_metadata

HOSTILE = {
    "int array for a number": ({"llama.context_length": Raw(ARRAY, [1, 2, 3], item=UINT32)}, "llama.context_length", "found an array"),
    "uint64 past SQLite": ({"llama.context_length": Raw(UINT64, 2**64 - 1)}, "llama.context_length", "is outside 0 to 4,294,967,295"),
    "negative": ({"llama.block_count": Raw(INT32, -2)}, "llama.block_count", "-2 is outside"),
    "fraction": ({"llama.embedding_length": Raw(FLOAT32, 64.0)}, "llama.embedding_length", "found a fractional number"),
    "true for a number": ({"llama.context_length": True}, "llama.context_length", "found true or false"),
    "string alignment": ({"general.alignment": "32"}, "general.alignment", "found a string"),
    "zero alignment": ({"general.alignment": Raw(UINT32, 0)}, "general.alignment", "0 is outside 1"),
    "odd alignment": ({"general.alignment": Raw(UINT32, 48)}, "general.alignment", "must be a power of two, not 48"),
    "nested 5000 deep": ({"evil.nested": Raw(ARRAY, nested_array(5000))}, "evil.nested", "nested more than 4 deep"),
    "array of 2**40 items": ({"evil.big": Raw(ARRAY, struct.pack("<IQ", UINT8, 2**40))}, "evil.big", "claims 1,099,511,627,776 items"),
    "empty per-layer array": ({"llama.attention.head_count": Raw(ARRAY, [], item=UINT32)}, "llama.attention.head_count", "empty array"),
    "strings per layer": ({"llama.attention.head_count": Raw(ARRAY, ["4"], item=STRING)}, "llama.attention.head_count", "found a string"),
    "number for the architecture": ({"general.architecture": Raw(UINT32, 7)}, "general.architecture", "expected a string, found the number 7"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_metadata_is_malformed_with_key_and_reason(case: str, tiny_gguf: Path, tmp_path: Path) -> None:
    changes, key, reason = HOSTILE[case]
    path = rewrite_metadata(tiny_gguf, tmp_path / "hostile.gguf", changes)
    with pytest.raises(MalformedHeader) as raised:
        read_header(path)
    error = raised.value
    assert isinstance(error, InvalidInput) and error.code == "malformed_gguf"
    assert error.key == key and reason in error.message
    assert error.message.startswith(f"this file's header is malformed: {key}: ")


def test_the_rewriter_keeps_a_healthy_file_healthy(tiny_gguf: Path, tmp_path: Path) -> None:
    """The helper itself: with harmless changes the file is whole and reads as before."""
    path = rewrite_metadata(tiny_gguf, tmp_path / "same.gguf", {"general.name": "renamed", "x.extra": Raw(UINT64, 5)})
    header = read_header(path)
    assert header.get("general.name") == "renamed" and header.get("x.extra") == 5
    assert expected_size(header) == path.stat().st_size
    assert header.n_params == read_header(tiny_gguf).n_params


def test_per_layer_arrays_are_kept_and_read_by_the_estimate(tiny_gguf: Path, tmp_path: Path) -> None:
    per_layer = [4] * 80 + [8]  # 81 layers: more than the 64 items other arrays keep
    path = rewrite_metadata(tiny_gguf, tmp_path / "layers.gguf", {"llama.attention.head_count": Raw(ARRAY, per_layer, item=UINT32)})
    header = read_header(path)
    assert header.arch_get("attention.head_count") == per_layer
    assert model_dims(header)["n_head"] == 8


def test_typed_reads_return_the_default_for_another_type(tiny_gguf: Path, tmp_path: Path) -> None:
    path = rewrite_metadata(tiny_gguf, tmp_path / "typed.gguf", {"general.name": Raw(ARRAY, [1], item=UINT32), "general.license": Raw(UINT32, 3)})
    header = read_header(path)  # keys Hangar does not rely on for numbers may hold anything
    assert header.text("general.name") is None and header.text("general.license", "x") == "x"
    assert header.integer("general.file_type") == 0 and header.integer("general.name") is None
    assert header.alignment == 32 and header.context_length == 4096


def test_nested_arrays_within_the_limit_and_long_string_arrays_still_parse(tiny_gguf: Path, tmp_path: Path) -> None:
    path = rewrite_metadata(
        tiny_gguf, tmp_path / "ok.gguf",
        {"x.nested": Raw(ARRAY, nested_array(4)), "x.words": Raw(ARRAY, ["w"] * 100, item=STRING)},
    )  # fmt: skip
    header = read_header(path)
    assert header.get("x.nested") == [[[[]]]]
    assert header.get("x.words") is None and header.array_lengths["x.words"] == 100


def test_a_tensor_with_too_many_dimensions_is_malformed() -> None:
    data = b"GGUF" + struct.pack("<IQQ", 3, 1, 0) + struct.pack("<Q", 1) + b"t" + struct.pack("<I", 70_000)
    with pytest.raises(MalformedHeader, match="t: a tensor has 70,000 dimensions"):
        parse_header(_reader(data))


def test_an_array_count_beyond_the_limit_is_refused_before_reading() -> None:
    reads: list[int] = []
    kv = struct.pack("<Q", 1) + b"k" + struct.pack("<I", ARRAY) + struct.pack("<IQ", UINT64, MAX_ARRAY_LENGTH + 1)
    data = b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + kv
    read = _reader(data)
    with pytest.raises(MalformedHeader, match="k: an array claims"):
        parse_header(lambda size: (reads.append(size), read(size))[1])
    assert max(reads) < 1024, "the array's bytes were never requested"


def _reader(data: bytes):
    position = [0]

    def read(size: int) -> bytes:
        chunk = data[position[0] : position[0] + size]
        position[0] += len(chunk)
        return chunk

    return read
