"""hangar-cli eval: the table per model, the paired comparison, per-item results with --json, a report
with --out, a bad suite refused with its line before any model loads, and Ctrl-C keeping what was measured."""

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

from hangar.core.config.context import AppContext

from ..conftest import run_cli

pytestmark = pytest.mark.slow

SUITE = [
    {"format": "hangar-eval/1", "name": "cli suite", "max_tokens": 4},
    {"id": "a", "prompt": "Capital of France?", "scorer": "exact", "expected": "Paris"},
    {"id": "b", "prompt": "Pick one", "scorer": "choice", "expected": "B"},
    {"id": "c", "prompt": "The sky is", "scorer": "loglik", "choices": ["blue", "green"], "expected": 0},
]


def _suite(tmp_path: Path, lines=SUITE) -> Path:
    path = tmp_path / "suite.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_json_has_every_model_and_item_and_the_comparison(tmp_path: Path, tiny_gguf: Path) -> None:
    report = tmp_path / "report.html"
    result = run_cli("eval", str(_suite(tmp_path)), str(tiny_gguf), str(tiny_gguf), "--ctx", "256", "--json", "--out", str(report))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["suite"]["name"] == "cli suite" and data["status"] == "ok" and len(data["models"]) == 2
    for model in data["models"]:
        assert model["status"] == "ok" and [i["item_id"] for i in model["items"]] == ["a", "b", "c"]
        assert all("reply" in i and "passed" in i and "detail" in i for i in model["items"])
        assert model["summary"]["n"] == 3 and model["summary"]["low"] is not None and model["run_id"]
    assert data["comparisons"][0]["verdict"] == "tie" and data["comparisons"][0]["only_a"] == data["comparisons"][0]["only_b"] == 0
    assert "loading tiny.gguf (1 of 2)" in result.stderr and "stored as evaluation run #" in result.stderr
    assert report.is_file() and "<svg" in report.read_text(encoding="utf-8")
    assert len(AppContext.open().database.query("SELECT id FROM eval_runs")) == 2


def test_the_table_gives_accuracy_with_its_interval_and_the_verdict(tmp_path: Path, tiny_gguf: Path) -> None:
    result = run_cli("eval", str(_suite(tmp_path)), str(tiny_gguf), str(tmp_path / "gone.gguf"), "--ctx", "256")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "cli suite: 3 items; greedy sampling (temperature 0, seed 0)" in out and "95% interval" in out
    assert "tiny.gguf (F32) #1" in out and "/3" in out and "exact 0/1, choice" in out
    assert "gone.gguf" in out and "failed" in out and "does not exist or is not a file" in out, "a model that cannot load is in the table with its reason"
    assert "synthetic weights" in out


@pytest.mark.parametrize(
    ("line", "message"),
    [("{not json", "line 3: not JSON"), ({"id": "z", "prompt": "x", "scorer": "bleu"}, 'line 3: unknown scorer "bleu"'),
     ({"id": "z", "prompt": "x", "scorer": "regex", "expected": "(x+x+)+y"}, "line 3: the regex /(x+x+)+y/ backtracks catastrophically"),
     ({"id": "z", "prompt": "x", "scorer": "json_schema", "schema": {"type": "objekt"}}, "line 3: the schema is not valid at type")],
)  # fmt: skip
def test_a_bad_suite_is_refused_with_its_line_before_any_model_loads(tmp_path: Path, tiny_gguf: Path, line, message: str) -> None:
    result = run_cli("eval", str(_suite(tmp_path, [SUITE[0], SUITE[1], line])), str(tiny_gguf), "--json")
    assert result.returncode == 1 and result.stdout == ""
    error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "invalid_suite" and error["message"].startswith(message), error
    assert "docs/eval-suites.md" in error["hint"] and "loading" not in result.stderr


def test_a_shipped_suite_by_its_name(tmp_path: Path, tiny_gguf: Path) -> None:
    result = run_cli("eval", "json-extraction", str(tiny_gguf), "--max-tokens", "2", "--ctx", "1024", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["suite"]["name"] == "JSON extraction" and len(data["models"][0]["items"]) == data["suite"]["n_items"] >= 15


def test_ctrl_c_cancels_and_prints_what_was_measured(tmp_path: Path, medium_gguf: Path, tiny_gguf: Path) -> None:
    many = [SUITE[0]] + [{"id": f"q{i}", "prompt": f"Question {i}", "scorer": "exact", "expected": "x", "max_tokens": 48} for i in range(40)]
    cli = subprocess.Popen([sys.executable, "-m", "hangar.cli", "eval", str(_suite(tmp_path, many)), str(medium_gguf), str(tiny_gguf), "--ctx", "256"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in cli.stderr], daemon=True).start()
    try:
        deadline = time.monotonic() + 180
        while "5/40 items" not in lines.get(timeout=max(0.1, deadline - time.monotonic())):
            pass
        workers = psutil.Process(cli.pid).children(recursive=True)
        asked = time.monotonic()
        cli.send_signal(signal.SIGINT)
        assert cli.wait(timeout=15) == 130
        assert time.monotonic() - asked < 10
        out = cli.stdout.read()
        assert "medium.gguf" in out and "cancelled" in out and "tiny.gguf" not in out, out
        assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE], "no worker left behind"
        rows = AppContext.open().database.query("SELECT status, n_run FROM eval_runs")
        assert len(rows) == 1 and rows[0]["status"] == "cancelled" and 5 <= rows[0]["n_run"] < 40
    finally:
        if cli.poll() is None:
            cli.kill()
