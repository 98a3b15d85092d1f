"""The copied ggml tables must match the installed gguf package exactly."""

from __future__ import annotations

import gguf

from hangar.core.gguf.ggml_types import FILE_TYPES, QUANT_SIZES


def test_tensor_types_match_the_gguf_package() -> None:
    package = {int(t): (t.name, *gguf.GGML_QUANT_SIZES[t]) for t in gguf.GGMLQuantizationType if t in gguf.GGML_QUANT_SIZES}
    assert QUANT_SIZES == package


def test_file_types_match_the_gguf_package() -> None:
    package = {int(t): t.name.removeprefix("MOSTLY_").removeprefix("ALL_") for t in gguf.LlamaFileType}
    assert FILE_TYPES == package
