"""What a model is for, from its GGUF header: an encoder architecture or a pooling makes an
embedding model; everything else generates text."""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.gguf.header import ENCODER_ARCHITECTURES, KIND_EMBEDDING, KIND_TEXT, GGUFHeader, MalformedHeader, read_header

from .hostile import INT32, Raw, rewrite_metadata


def _header(**metadata) -> GGUFHeader:
    return GGUFHeader(3, {key.replace("__", "."): value for key, value in metadata.items()})


@pytest.mark.parametrize("arch", sorted(ENCODER_ARCHITECTURES))
def test_encoder_architectures_are_embedding_models(arch: str) -> None:
    header = GGUFHeader(3, {"general.architecture": arch, f"{arch}.embedding_length": 384})
    assert header.kind == KIND_EMBEDDING and header.embedding_size == 384


def test_a_pooling_makes_a_decoder_an_embedding_model_and_none_does_not() -> None:
    assert _header(general__architecture="qwen2", qwen2__pooling_type=3, qwen2__embedding_length=1536).kind == KIND_EMBEDDING  # gte-Qwen: last
    assert _header(general__architecture="llama", llama__pooling_type=0).kind == KIND_TEXT  # LLAMA_POOLING_TYPE_NONE
    assert _header(general__architecture="llama").kind == KIND_TEXT
    assert _header().kind == KIND_TEXT
    both = _header(general__architecture="bert", bert__embedding_length=768, bert__embedding_length_out=256)
    assert both.embedding_size == 256, "a model with a projection after pooling gives its output's size (llama.cpp's n_embd_out)"


def test_a_pooling_that_is_not_a_number_is_malformed(tiny_gguf: Path, tmp_path: Path) -> None:
    bad = rewrite_metadata(tiny_gguf, tmp_path / "bad.gguf", {"llama.pooling_type": "mean"})
    with pytest.raises(MalformedHeader) as caught:
        read_header(bad)
    assert caught.value.key == "llama.pooling_type"
    negative = rewrite_metadata(tiny_gguf, tmp_path / "neg.gguf", {"llama.pooling_type": Raw(INT32, -1)})
    with pytest.raises(MalformedHeader):
        read_header(negative)
