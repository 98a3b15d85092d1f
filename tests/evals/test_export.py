"""CSV, JSON and the HTML report: a hostile reply is shown as text, never run; a formula is not a formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.evals.export import accuracy_svg, to_csv, to_html, to_json
from hangar.core.evals.runner import EvalSettings, ModelResult
from hangar.core.evals.store import save_run

HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)> & </pre><b>bold</b>'
SUITE = {"name": "suite <i>", "description": "d", "path": "/s.jsonl", "sha256": "ab" * 32, "format": "hangar-eval/1", "n_items": 2, "language": ""}


def _run(name: str, replies: list[tuple[str, bool]], run_id: int | None = None) -> dict:
    items = [{"item_id": f"q{i}", "line": i + 1, "scorer": "exact", "passed": passed, "detail": "d", "reply": reply, "error": None, "n_prompt": 5,
              "n_generated": 3, "ttft_ms": 10.0, "gen_tps": 30.0, "total_ms": 100.0, "extra": None} for i, (reply, passed) in enumerate(replies)]  # fmt: skip
    result = ModelResult({"id": None, "name": name, "path": f"/m/{name}", "sha256": None, "quant": "Q4_0"}, items=items).to_dict()
    return {**result, "suite": SUITE, "run_id": run_id, "created_at": "2024-01-01T00:00:00Z"}


def test_the_html_report_escapes_every_model_output() -> None:
    runs = [_run('evil"><script>x()</script>', [(HOSTILE, True), ("=1+1", False)], 1), _run("plain", [("Paris", True), ("no", False)], 2)]
    page = to_html(runs)
    assert "<script" not in page and "onerror=alert(1)>" not in page and "<b>bold</b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page and "&lt;/pre&gt;&lt;b&gt;bold&lt;/b&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page, "even a missed escape could not run a script"
    assert re.search(r"<svg [^>]*>.*</svg>", page, re.S) and "McNemar" in page and "no significant difference" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", ""), "self-contained: nothing is fetched"


def test_the_chart_has_a_bar_and_an_interval_per_run() -> None:
    svg = accuracy_svg([_run("a", [("x", True), ("y", True)], 1), _run("b <x>", [("x", False), ("y", True)], 2)])
    assert svg.count("<rect ") == 2 and svg.count("<path ") == 2 and "b &lt;x&gt; (Q4_0) #2" in svg and "100.0%" in svg and "50.0%" in svg


def test_csv_has_a_row_per_item_and_no_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([_run("m", [("=HYPERLINK(\"http://x\")", False), ("+1", True)], 7)]))))
    assert [r["item_id"] for r in rows] == ["q0", "q1"] and rows[0]["run_id"] == "7"
    assert rows[0]["reply"] == "'=HYPERLINK(\"http://x\")" and rows[1]["reply"] == "'+1" and rows[1]["passed"] == "True"


def test_json_keeps_the_runs_and_their_comparison() -> None:
    data = json.loads(to_json([_run("a", [("x", True), ("y", True)], 1), _run("b", [("x", False), ("y", False)], 2)]))
    assert data["format"] == "hangar-eval-runs/1" and data["runs"][0]["items"][0]["reply"] == "x"
    assert data["comparisons"][0]["only_a"] == 2 and data["comparisons"][0]["verdict"] == "tie"


def test_the_service_exports_stored_runs_by_suffix(tmp_path: Path) -> None:
    app = Hangar(AppContext.open())
    try:
        result = _run("stored", [(HOSTILE, False), ("ok", True)])
        run_id = save_run(app.ctx.database, "batch", SUITE, EvalSettings().to_dict(), result)
        for suffix in ("html", "csv", "json"):
            written = app.evals.export([run_id], tmp_path / f"report.{suffix}")
            assert written.stat().st_size > 200
        assert "<script" not in (tmp_path / "report.html").read_text(encoding="utf-8")
        assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["runs"][0]["items"][0]["reply"] == HOSTILE
    finally:
        app.close()
