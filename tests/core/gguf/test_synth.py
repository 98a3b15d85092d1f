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


def test_a_qwen3_moe_shape_written_straight_as_q8_0_runs_and_matches_its_plan_header(tmp_path: Path) -> None:
    """The writer makes Q8_0 itself (no F16 file first: what a Qwen3-30B-A3B-shaped file needs to fit a disk)
    and Qwen3-MoE's layout (per-head q/k norms, heads wider than n_embd / n_head, experts' own width key);
    the file llama.cpp loads has the tensors, shapes and types the header-only plans assume."""
    from llama_cpp import Llama

    from hangar.core.gguf.header import read_header
    from hangar.core.gguf.synth import synthetic_header

    q8 = write_synthetic(tmp_path / "q.gguf", "tiny-qwen3moe", q8_0=True)
    f16 = write_synthetic(tmp_path / "f.gguf", "tiny-qwen3moe", f16=True)
    assert q8.stat().st_size < 0.6 * f16.stat().st_size
    llm = Llama(str(q8), n_ctx=256, n_threads=2, verbose=False)
    assert llm.create_completion("a b c", max_tokens=8, temperature=0)["usage"]["completion_tokens"] == 8
    written, planned = read_header(q8), synthetic_header("tiny-qwen3moe", "Q8_0")
    assert written.metadata["general.architecture"] == "qwen3moe" and written.metadata["general.file_type"] == 7
    shapes = lambda header: {t.name: (tuple(t.shape), t.ggml_type) for t in header.tensors}  # noqa: E731
    assert shapes(written) == shapes(planned)
    for key in ("qwen3moe.attention.key_length", "qwen3moe.expert_feed_forward_length", "qwen3moe.expert_count"):
        assert written.metadata[key] == planned.metadata[key], key


def test_a_header_only_shape_is_written_only_when_asked_for_large(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="too large to write here"):
        write_synthetic(tmp_path / "big.gguf", "qwen3-30b-a3b", q8_0=True)
    assert not list(tmp_path.iterdir())


def test_cli_synth_q8_0_and_the_quantiser_requantises_it(tmp_path: Path) -> None:
    """hangar-cli synth --q8-0, then llama.cpp's quantiser (the worker's --quantize) makes Q4_K_M of it: the path
    a Qwen3-30B-A3B-shaped file takes on a GPU machine (benchmarks/moe_gpu_acceptance.sh); a header-only shape
    needs --large and says so."""
    import json
    import subprocess
    import sys

    from hangar.core.gguf.header import file_type_name, read_header

    q8 = tmp_path / "q.gguf"
    result = run_cli("synth", str(q8), "--preset", "tiny-qwen3moe", "--q8-0", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["weights"] == "Q8_0"
    q4 = tmp_path / "q4.gguf"
    done = subprocess.run([sys.executable, "-m", "hangar.engine", "--quantize", str(q8), str(q4), "Q4_K_M"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["type"] == "Q4_K_M" and file_type_name(read_header(q4)) == "Q4_K_M"
    refused = run_cli("synth", str(tmp_path / "big.gguf"), "--preset", "qwen3-30b-a3b", "--q8-0")
    assert refused.returncode == 1 and "--large" in refused.stderr and not (tmp_path / "big.gguf").exists()
