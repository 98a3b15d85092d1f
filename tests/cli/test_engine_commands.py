"""hangar-cli hardware and run, as a user on a server would call them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import run_cli

pytestmark = pytest.mark.slow


def test_hardware_json_has_the_documented_keys() -> None:
    result = run_cli("hardware", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"cpu", "memory", "gpus", "npus", "runtimes"} <= set(data)
    assert {"model", "cores_physical", "cores_logical", "features"} <= set(data["cpu"])
    assert {"total_bytes", "available_bytes"} <= set(data["memory"])
    names = [r["name"] for r in data["runtimes"]]
    assert names == ["cpu", "cuda", "cann"]
    for runtime in data["runtimes"]:
        assert {"available", "reason", "version", "library_path", "devices"} <= set(runtime)
    assert data["runtimes"][0]["available"] is True


def test_run_streams_the_completion(script_gguf: Path) -> None:
    result = run_cli("run", str(script_gguf), "--prompt", "é", "--max-tokens", "30", "--temperature", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "中日한🙂é" * 2
    assert "running on CPU" in result.stderr and "tokens/s" in result.stderr


def test_run_json_reports_the_fallback(script_gguf: Path) -> None:
    result = run_cli("run", str(script_gguf), "--prompt", "é", "--max-tokens", "5", "--temperature", "0", "--runtime", "cuda", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["placement"]["runtime"] == "cpu"
    assert "CUDA runtime is not available" in data["placement"]["fallback_reason"]
    assert data["n_generated"] == 5
    assert data["text"] == "中\ufffd", "an unfinished character at the token limit shows as one replacement mark"


def test_run_without_fallback_fails_clearly(script_gguf: Path) -> None:
    result = run_cli("run", str(script_gguf), "--prompt", "x", "--runtime", "cann", "--no-fallback")
    assert result.returncode == 1
    assert "CANN runtime is not available" in result.stderr


def test_run_refuses_a_non_gguf_file(tmp_path: Path) -> None:
    fake = tmp_path / "weights.gguf"
    fake.write_text("<html>not a model</html>")
    result = run_cli("run", str(fake), "--prompt", "x")
    assert result.returncode == 1 and "not a GGUF file" in result.stderr
    assert fake.read_text() == "<html>not a model</html>"
