"""Synthetic models load in the real llama-cpp-python and generate text."""

from __future__ import annotations

from pathlib import Path

import gguf
import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.gguf.synth import PRESETS, SYNTHETIC_KEY, write_synthetic

from ...conftest import run_cli


def test_cli_synth_writes_a_model_llama_cpp_generates_from(tmp_path: Path) -> None:
    from llama_cpp import Llama

    out = tmp_path / "t.gguf"
    result = run_cli("synth", str(out), "--preset", "tiny")
    assert result.returncode == 0, result.stderr
    assert "synthetic weights" in result.stdout
    llm = Llama(str(out), n_ctx=256, n_threads=2, verbose=False, seed=7)
    completion = llm.create_completion("Hello", max_tokens=16, temperature=0.8, seed=7)
    assert completion["usage"]["completion_tokens"] >= 10
    chat = llm.create_chat_completion([{"role": "user", "content": "你好 👋"}], max_tokens=12, temperature=0)
    assert chat["usage"]["completion_tokens"] >= 10


def test_metadata_says_synthetic_and_carries_a_chat_template(tiny_gguf: Path) -> None:
    reader = gguf.GGUFReader(str(tiny_gguf))
    fields = reader.fields
    assert bool(fields[SYNTHETIC_KEY].parts[-1][0]) is True
    template = bytes(fields["tokenizer.chat_template"].parts[-1]).decode()
    assert "<|im_start|>" in template
    assert bytes(fields["general.architecture"].parts[-1]).decode() == "llama"


def test_f16_and_small_presets(tmp_path: Path) -> None:
    from llama_cpp import Llama

    path = write_synthetic(tmp_path / "s.gguf", "small", f16=True)
    assert path.stat().st_size > 1_000_000
    llm = Llama(str(path), n_ctx=128, n_threads=2, verbose=False)
    assert llm.n_vocab() == PRESETS["small"].n_vocab
    assert llm.create_completion("a b c", max_tokens=10, temperature=0)["usage"]["completion_tokens"] == 10


def test_bad_requests_are_refused_and_nothing_is_overwritten(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="unknown preset"):
        write_synthetic(tmp_path / "x.gguf", "gigantic")
    with pytest.raises(InvalidInput, match=".gguf"):
        write_synthetic(tmp_path / "x.bin", "tiny")
    existing = tmp_path / "keep.gguf"
    existing.write_bytes(b"precious")
    result = run_cli("synth", str(existing))
    assert result.returncode == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert existing.read_bytes() == b"precious"
