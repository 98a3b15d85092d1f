"""The placement plan's sentence in `files`, `run` and `bench`, and the expert overrides as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.gguf.synth import write_synthetic

from ..conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_moe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic(tmp_path_factory.mktemp("moe") / "small-moe.gguf", "small-moe", f16=True)


def test_files_says_the_plan_for_each_device(demo_hub) -> None:
    result = run_cli("files", "Qwen/Qwen3-8B-GGUF")
    assert result.returncode == 0, result.stderr
    assert "      CPU memory: fits in CPU memory (" in result.stdout and "GiB free)" in result.stdout
    listing = json.loads(run_cli("files", "Qwen/Qwen3-8B-GGUF", "--json").stdout)
    entry = listing[0]["fit"]["CPU memory"]
    assert entry["mode"] == "cpu" and entry["words"].startswith("fits in CPU memory") and entry["plan"]["n_layer"] > 0


def test_run_says_the_plan_and_keeps_the_experts_asked_for_in_ram(small_moe: Path) -> None:
    result = run_cli("run", str(small_moe), "--prompt", "hi", "--max-tokens", "2", "--threads", "2", "--n-cpu-moe", "3", "--json")
    assert result.returncode == 0, result.stderr
    assert "small-moe.gguf: fits in CPU memory (" in result.stderr
    assert "the experts of 3 layers in RAM (9 tensors moved)" in result.stderr
    data = json.loads(result.stdout)
    assert data["plan"]["n_cpu_moe"] == 3 and data["placement"]["overridden_tensors"] == 9


def test_run_refuses_more_expert_layers_than_the_model_has(small_moe: Path, tiny_gguf: Path) -> None:
    too_many = run_cli("run", str(small_moe), "--prompt", "hi", "--n-cpu-moe", "9")
    assert too_many.returncode != 0 and "Experts on CPU is 9 layers, but this model has 4 layers." in too_many.stderr
    negative = run_cli("run", str(small_moe), "--prompt", "hi", "--n-cpu-moe", "-1")
    assert negative.returncode != 0 and "n_cpu_moe must be a whole number from 0" in negative.stderr
    dense = run_cli("run", str(tiny_gguf), "--prompt", "hi", "--n-cpu-moe", "1")
    assert dense.returncode != 0 and "mixture-of-experts" in dense.stderr


def test_bench_takes_llama_benchs_placement_flags(small_moe: Path) -> None:
    result = run_cli("bench", str(small_moe), "-p", "16", "-n", "4", "-r", "1", "--threads", "2", "-ncmoe", "2", "-sm", "layer", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["n_cpu_moe"], doc["split_mode"], doc["tensor_split"], doc["overridden_tensors"]) == (2, "layer", "0.00", 6)
    assert "small-moe.gguf: fits in CPU memory" in result.stderr
    bad = run_cli("bench", str(small_moe), "--tensor-split", "3,x")
    assert bad.returncode != 0 and "not a list of numbers" in bad.stderr
