"""hangar-cli ppl: the stored record as JSON, llama-perplexity's summary as text, progress on
stderr, bad input refused with its reason, and Ctrl-C ending the worker and the reference's file."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from hangar.core.bench.runs import synthetic_model
from hangar.core.config.context import AppContext

from ..conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def quants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    cache = tmp_path_factory.mktemp("ppl-cli")
    return {quant: synthetic_model("tiny", quant, cache) for quant in ("Q8_0", "Q4_0")}


def test_ppl_json_is_the_stored_record(quants) -> None:
    result = run_cli("ppl", str(quants["Q8_0"]), "--sample", "en", "--ctx", "128", "--chunks", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["n_ctx"] == 128 and data["n_chunks"] == 2 and data["n_scored"] == 126 and data["ppl"] > 1 and data["ppl_err"] > 0
    assert data["text"]["name"] == "sample-en.txt" and data["model"]["quant"] == "Q8_0" and data["kld"] is None
    assert "[model] chunk 1/2: PPL" in result.stderr and "[model] chunk 2/2" in result.stderr
    rows = AppContext.open().database.query("SELECT ppl, n_chunks FROM quality_runs")
    assert len(rows) == 1 and rows[0]["ppl"] == pytest.approx(data["ppl"])


def test_ppl_with_a_reference_prints_llama_perplexity_s_summary(quants, tmp_path: Path) -> None:
    text = tmp_path / "mine.txt"
    text.write_text((Path(__file__).resolve().parents[2] / "resources" / "eval" / "sample-en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("ppl", str(quants["Q4_0"]), "--file", str(text), "--ctx", "128", "--chunks", "2", "--reference", str(quants["Q8_0"]))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Final estimate: PPL = " in out and "+/-" in out and "over mine.txt: 2 chunks of 128 tokens" in out
    assert "[synthetic weights]" in out and "Mean    KLD:" in out and "Same top p:" in out and "RMS Δp" in out
    assert "[reference] chunk 2/2" in result.stderr and "[model] chunk 2/2" in result.stderr


def test_an_empty_text_file_is_refused_with_its_reason(quants, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("ppl", str(quants["Q8_0"]), "--file", str(empty), "--json")
    assert result.returncode == 1 and result.stdout == ""
    error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "invalid_input" and "empty.txt is empty" in error["message"]


def test_a_binary_file_and_another_vocabulary_are_refused(quants, tmp_path: Path, tiny_gguf: Path) -> None:
    result = run_cli("ppl", str(quants["Q8_0"]), "--file", str(quants["Q4_0"]))
    assert result.returncode == 1 and "is not a text file" in result.stderr and "UTF-8" in result.stderr
    from hangar.core.gguf.synth import write_synthetic

    small = write_synthetic(tmp_path / "small.gguf", "small")
    result = run_cli("ppl", str(quants["Q8_0"]), "--sample", "zh", "--reference", str(small))
    assert result.returncode == 1 and "same tokenizer" in result.stderr and "8,192" in result.stderr


def test_a_file_or_a_sample_is_required() -> None:
    result = run_cli("ppl", "model.gguf")
    assert result.returncode == 2 and "--file" in result.stderr and "--sample" in result.stderr


def test_ctrl_c_ends_the_worker_and_removes_the_reference_s_file(medium_gguf: Path, hangar_home: Path) -> None:
    cli = subprocess.Popen([sys.executable, "-m", "hangar.cli", "ppl", str(medium_gguf), "--sample", "en", "--reference", str(medium_gguf)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in cli.stderr], daemon=True).start()
    try:
        deadline = time.monotonic() + 120
        while "[reference] chunk 1/" not in lines.get(timeout=max(0.1, deadline - time.monotonic())):
            pass
        workers = psutil.Process(cli.pid).children(recursive=True)
        assert workers and list((hangar_home / "cache" / "quality").iterdir()), "a worker, writing the reference's log-probabilities"
        cli.send_signal(signal.SIGINT)
        assert cli.wait(timeout=10) == 130
        assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE], "no worker left behind"
        assert list((hangar_home / "cache" / "quality").iterdir()) == []
    finally:
        if cli.poll() is None:
            cli.kill()
