"""Models for the quality tests: one set of synthetic weights as F16, Q8_0 and Q4_0 (quantised by
llama.cpp's own quantiser, as benchmarks make them), and models with other vocabularies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hangar.core.bench.runs import synthetic_model
from hangar.core.config.paths import app_paths
from hangar.core.config.resources import resource
from hangar.core.gguf.synth import write_synthetic

SAMPLE_EN = resource("eval", "sample-en.txt")
SAMPLE_ZH = resource("eval", "sample-zh.txt")


@pytest.fixture(scope="session")
def quants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The tiny shape's same random weights in three quantisations."""
    cache = tmp_path_factory.mktemp("quality-cache")
    return {quant: synthetic_model("tiny", quant, cache) for quant in ("F16", "Q8_0", "Q4_0")}


@pytest.fixture(scope="session")
def other_vocab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model with another vocabulary: the small shape's 8,192 tokens against tiny's 262."""
    return write_synthetic(tmp_path_factory.mktemp("other-vocab") / "small.gguf", "small")


@pytest.fixture(scope="session")
def renamed_token(tmp_path_factory: pytest.TempPathFactory, quants: dict[str, Path]) -> Path:
    """Tiny's Q8_0 with one token's text changed (same length, same count): another tokenizer all the same."""
    target = tmp_path_factory.mktemp("renamed") / "tiny-renamed.gguf"
    data = quants["Q8_0"].read_bytes()
    assert data.count(b"<|im_start|>") >= 1
    target.write_bytes(data.replace(b"<|im_start|>", b"<|im_begin|>"))
    return target


def llama_perplexity() -> Path | None:
    """llama.cpp's llama-perplexity from the same source (installers/backends/build-runtime.sh), if built."""
    explicit = os.environ.get("HANGAR_LLAMA_PERPLEXITY")
    if explicit:
        return Path(explicit)
    built = app_paths({}).cache / "llama-bench-reference" / "lib" / "llama-perplexity"  # the user's cache, not the test's HANGAR_HOME
    return built if built.is_file() else (Path(found) if (found := shutil.which("llama-perplexity")) else None)
