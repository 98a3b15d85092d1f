"""hangar-cli bench: the documented JSON, synthetic labels, storage, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.cli import main
from hangar.core.config.context import AppContext

from ..conftest import run_cli

pytestmark = pytest.mark.slow


def test_bench_json_matches_the_contract(tiny_gguf: Path) -> None:
    result = run_cli("bench", str(tiny_gguf), "-p", "32", "-n", "8", "-r", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["test"] for r in data["results"]] == ["pp32", "tg8"]
    for test in data["results"]:
        assert {"test", "n_prompt", "n_gen", "avg_ts", "stddev_ts", "samples_ts"} <= set(test) and len(test["samples_ts"]) == 3
    assert {"ttft_ms", "peak_rss_bytes", "energy_j_per_token", "system"} <= set(data)
    assert data["energy_j_per_token"] is not None or data["energy_reason"]
    assert data["synthetic"] is True and data["system"]["runtime"] == "cpu" and data["system"]["llama_cpp_python"]
    assert "synthetic weights" in result.stderr
    runs = AppContext.open().database.query("SELECT model_path, synthetic, pp_ts, tg_ts FROM bench_runs")
    assert len(runs) == 1 and runs[0]["synthetic"] == 1 and runs[0]["pp_ts"] > 0


def test_too_large_is_refused_with_the_fit_numbers(tiny_gguf: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("hangar.core.runner.fit.ram_available_bytes", lambda: 10**6)  # a machine with 1 MB free
    assert main(["bench", str(tiny_gguf)]) == 1
    err = capsys.readouterr().err
    assert "does not fit on CPU memory" in err and "GiB" in err and "--force" in err


def test_unavailable_runtime_says_how_to_add_it(tiny_gguf: Path) -> None:
    result = run_cli("bench", str(tiny_gguf), "--runtime", "cuda")
    assert result.returncode == 1 and "CUDA runtime is not available" in result.stderr and "build-cuda.sh" in result.stderr
