"""The GGUF header parser and the memory estimate, checked against llama.cpp itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.gguf.header import NotGGUF, TruncatedHeader, expected_size, file_type_name, parse_header, read_header
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient
from hangar.core.runner.fit import cann_warning, estimate_fit, kv_cache_bytes, model_dims

GIB = 1024**3


def test_header_of_a_synthetic_model(tiny_gguf: Path) -> None:
    header = read_header(tiny_gguf)
    assert header.architecture == "llama" and header.version == 3
    assert header.get("general.name") == "Hangar synthetic tiny"
    assert header.array_lengths["tokenizer.ggml.tokens"] == 262
    assert header.get("tokenizer.ggml.tokens") is None, "vocabularies are counted, not kept"
    assert "<|im_start|>" in header.get("tokenizer.chat_template")
    assert expected_size(header) == tiny_gguf.stat().st_size
    assert file_type_name(header) == "F32"


def test_header_from_the_first_bytes_only(tiny_gguf: Path) -> None:
    data = tiny_gguf.read_bytes()
    head = data[:16384]
    offset = [0]

    def read(size: int) -> bytes:
        chunk = head[offset[0] : offset[0] + size]
        offset[0] += len(chunk)
        return chunk

    assert parse_header(read).n_params == read_header(tiny_gguf).n_params


def test_not_gguf_and_truncated_headers_are_named() -> None:
    with pytest.raises(NotGGUF, match="GGUF signature"):
        parse_header(iter_reader(b"PK\x03\x04" + b"\0" * 64))
    with pytest.raises(TruncatedHeader, match="ends early"):
        parse_header(iter_reader(b"GGUF\x03\x00\x00\x00" + b"\x01" + b"\0" * 7))
    huge_string = b"GGUF\x03\x00\x00\x00" + (0).to_bytes(8, "little") + (1).to_bytes(8, "little") + (2**40).to_bytes(8, "little")
    with pytest.raises(NotGGUF, match="damaged"):
        parse_header(iter_reader(huge_string))


def iter_reader(data: bytes):
    position = [0]

    def read(size: int) -> bytes:
        chunk = data[position[0] : position[0] + size]
        position[0] += len(chunk)
        return chunk

    return read


@pytest.mark.slow
@pytest.mark.parametrize("n_ctx", [512, 4096])
def test_kv_estimate_matches_what_llama_cpp_allocates(medium_gguf: Path, n_ctx: int) -> None:
    dims = model_dims(read_header(medium_gguf))
    with EngineClient() as client:
        loaded = client.load(P.LoadOptions(path=str(medium_gguf), n_ctx=n_ctx))
    actual = loaded.model.kv_cache_mib * 1024 * 1024
    assert kv_cache_bytes(dims, n_ctx) == pytest.approx(actual, rel=0.02)
    weights = read_header(medium_gguf).weights_bytes
    assert weights == pytest.approx(loaded.model.size_bytes, rel=0.01)


def test_verdicts_with_numbers(medium_gguf: Path) -> None:
    header = read_header(medium_gguf)
    roomy = estimate_fit(header, n_ctx=4096, available_bytes=16 * GIB, device="CPU memory")
    assert roomy.verdict == "fits" and "fits on CPU memory" in roomy.explain()
    needed = roomy.needed_bytes
    assert estimate_fit(header, n_ctx=4096, available_bytes=int(needed * 1.05), device="x").verdict == "tight"
    small = estimate_fit(header, n_ctx=4096, available_bytes=needed // 2, device="NVIDIA T4 (CUDA0)", device_kind="gpu")
    assert small.verdict == "does_not_fit" and "does not fit" in small.explain() and "GiB" in small.explain()


def test_cann_warning_for_non_supported_weight_types(tiny_gguf: Path, medium_gguf: Path) -> None:
    assert cann_warning(read_header(tiny_gguf)) is None  # F32 weights run on CANN
    header = read_header(medium_gguf)
    header.tensors[1].ggml_type = 12  # Q4_K
    warning = cann_warning(header)
    assert warning and "Q4_K" in warning and "Q8_0" in warning
