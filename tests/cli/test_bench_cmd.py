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


def test_an_unsteady_run_is_flagged_with_the_repetition(capsys, monkeypatch) -> None:
    from hangar.core.app.bench import BenchService

    from ..fixtures.bench_records import STALLED_TG, bench_record

    record = bench_record(AppContext.open().paths.cache, tg_samples=STALLED_TG) | {"run_id": 1}
    monkeypatch.setattr(BenchService, "run", lambda self, spec, **kw: record)
    assert main(["bench", "--synthetic", "1b"]) == 0
    out = capsys.readouterr().out
    assert "warning: tg128 is unsteady" in out and "repetition 3 of 5 ran at 0.95 t/s" in out and "run it again with the machine idle" in out
    assert "pp512 is unsteady" not in out
    assert main(["bench", "--synthetic", "1b", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["results"][1]["test"] == "tg128", "stdout stays one JSON document"
    assert "warning: tg128 is unsteady" in captured.err


def test_stages_and_each_result_are_printed_as_they_come(capsys) -> None:
    assert main(["bench", "--synthetic", "tiny", "--quant", "Q8_0", "-p", "16", "-n", "4", "-r", "2"]) == 0
    err = capsys.readouterr().err.splitlines()
    writing = [line for line in err if line.startswith("writing the synthetic tiny weights")]
    assert 3 <= len(writing) <= 13 and writing[-1].endswith("(100%)"), "a line per tenth, not one per tensor"
    assert any(line.startswith("quantising to Q8_0") for line in err)
    assert any("kept in" in line and "tiny-Q8_0.gguf" in line for line in err), "where the model stays, and its size"
    pp = next(i for i, line in enumerate(err) if line.startswith("pp16: ") and "t/s" in line)
    assert pp < next(i for i, line in enumerate(err) if line.startswith("tg4 warm-up")), "pp16's result before tg4 runs"
