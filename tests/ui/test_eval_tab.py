"""The Benchmark pane's Evaluate tab: pick a suite and models, run with progress, results with
intervals, the chart, each item's reply as plain text, history, export, cancel, a bad suite refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.evals.runner import EvalSettings, ModelResult
from hangar.core.evals.store import save_run
from hangar.core.library.models import Library
from hangar.ui.models.model_checklist import ModelChecklist
from hangar.ui.panes.benchmark.eval_tab import EvalTab
from hangar.ui.services import UiServices

from ..evals.conftest import answer_b_gguf  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow

SUITE = [
    {"format": "hangar-eval/1", "name": "window suite", "description": "three letters and a sum", "max_tokens": 4},
    {"id": "b1", "prompt": "Which?", "scorer": "choice", "expected": "B", "choices": ["x", "y", "z"]},
    {"id": "b2", "prompt": "Which one?", "scorer": "choice", "expected": "B"},
    {"id": "c1", "prompt": "And now?", "scorer": "choice", "expected": "C"},
    {"id": "sum", "prompt": "2 + 2?", "scorer": "number", "expected": 4},
]


def _tab(qtbot, *models: Path) -> EvalTab:
    ctx = AppContext.open()
    library = Library(ctx.database)
    for model in models:
        library.add_file(model)
    tab = EvalTab(UiServices(Hangar(ctx)))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.suite.count() >= 3, timeout=60_000)  # the shipped suites, read in the background
    return tab


def _suite(tmp_path: Path, lines=SUITE) -> Path:
    path = tmp_path / "window.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_run_two_models_and_see_accuracy_chart_items_history_and_export(qtbot, tmp_path: Path, tiny_gguf: Path, answer_b_gguf: Path) -> None:  # noqa: F811
    tab = _tab(qtbot, tiny_gguf, answer_b_gguf)
    names = [tab.suite.itemText(i) for i in range(tab.suite.count())]
    assert any(n.startswith("Instruction following (English) (") for n in names) and any(n.startswith("JSON extraction (") for n in names)
    assert tab.add_suite(_suite(tmp_path)) and tab.suite.currentText().startswith("window suite (4 items)")
    assert tab.suite_about.text() == "three letters and a sum"
    assert tab.checklist.rowCount() == 2
    for row in range(2):
        tab.checklist.setData(tab.checklist.index(row), 2, role=10)  # Qt.CheckStateRole
    tab.n_ctx.setValue(512)
    tab.run_button.click()
    assert not tab.run_button.isEnabled() and tab.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: tab.run is None, timeout=120_000)
    assert tab.stage.text() == "Finished: 2 runs stored." and tab.progress.value() == 1000
    assert tab.results.rowCount() == 2
    by_name = {Path(tab.results.record(r)["model"]["path"]).name: r for r in range(2)}
    answer_b = by_name["answer-b.gguf"]
    assert tab.results.index(answer_b, 1).data() == "50.0%" and tab.results.index(answer_b, 3).data() == "2/4"
    assert " – " in tab.results.index(answer_b, 2).data()
    assert sorted(tab.chart.bar_values()) == sorted([50.0, float(tab.results.index(by_name["tiny.gguf"], 1).data().rstrip("%"))])
    assert len(tab.chart.chart().series()) == 3, "the bars and one interval per run"
    assert "no significant difference" in tab.verdict.text(), "two items apart on four is chance"
    tab.results_table.selectRow(answer_b)
    assert tab.items.rowCount() == 4 and tab.items.index(0, 2).data() == "pass" and tab.items.index(2, 3).data() == "answered B, expected C"
    tab.items_table.selectRow(0)
    assert tab.reply.toPlainText().startswith("B\nB")
    assert tab.history.rowCount() == 2
    report = tab.export(str(tmp_path / "eval.html"))
    assert report is not None and "<svg" in report.read_text(encoding="utf-8")
    tab.history_table.selectRow(1)
    assert tab.results.rowCount() == 1, "one stored run selected: shown alone"


def test_a_hostile_reply_is_shown_as_plain_text(qtbot, tmp_path: Path) -> None:
    tab = _tab(qtbot)
    hostile = "<b>bold</b><script>alert(1)</script>\n<img src=x>"
    suite = {"name": "s", "description": "", "path": "/s.jsonl", "sha256": "0" * 64, "format": "hangar-eval/1", "n_items": 1, "language": ""}
    item = {"item_id": "q", "line": 1, "scorer": "exact", "passed": False, "detail": "no", "reply": hostile, "error": None, "n_prompt": 1,
            "n_generated": 5, "ttft_ms": 1.0, "gen_tps": 9.0, "total_ms": 2.0, "extra": None}  # fmt: skip
    result = ModelResult({"id": None, "name": "<i>model</i>", "path": "/m.gguf", "sha256": None, "quant": None}, items=[item]).to_dict()
    save_run(tab.app.ctx.database, "b", suite, EvalSettings().to_dict(), result)
    tab.reload_history()
    tab.history_table.selectRow(0)
    tab.views.setCurrentIndex(1)
    tab.items_table.selectRow(0)
    assert tab.reply.toPlainText() == hostile and tab.items.index(0, 4).data().startswith("<b>bold</b>")


def test_a_bad_suite_file_is_refused_with_its_line(qtbot, tmp_path: Path) -> None:
    tab = _tab(qtbot)
    count = tab.suite.count()
    assert not tab.add_suite(_suite(tmp_path, [SUITE[0], {"id": "x", "prompt": "p", "scorer": "bleu"}]))
    assert tab.suite_about.text().startswith('line 2: unknown scorer "bleu"') and tab.suite.count() == count
    tab.start()
    assert tab.stage.text() == "Choose a suite and tick at least one model.", "no model ticked: nothing starts"


def test_cancel_keeps_what_was_measured(qtbot, tmp_path: Path, tiny_gguf: Path) -> None:
    tab = _tab(qtbot, tiny_gguf)
    many = [SUITE[0]] + [{"id": f"q{i}", "prompt": f"Question {i}", "scorer": "exact", "expected": "x", "max_tokens": 48} for i in range(30)]
    assert tab.add_suite(_suite(tmp_path, many))
    tab.checklist.set_checked({tab.checklist.models[0].id})
    tab.n_ctx.setValue(512)
    tab.run_button.click()
    qtbot.waitUntil(lambda: tab.items.rowCount() >= 2, timeout=120_000)
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: tab.run is None, timeout=20_000)
    assert tab.stage.text() == "Cancelled: what was measured is stored."
    assert tab.results.rowCount() == 1 and tab.results.index(0, 6).data() == "cancelled"
    assert 2 <= int(tab.results.index(0, 3).data().split("/")[1]) < 30


def test_the_model_checklist_is_a_well_behaved_model(qtmodeltester, tiny_gguf: Path) -> None:
    ctx = AppContext.open()
    Library(ctx.database).add_file(tiny_gguf)
    checklist = ModelChecklist()
    checklist.set_models(Hangar(ctx).library.list())
    qtmodeltester.check(checklist)
    assert checklist.setData(checklist.index(0), 2, role=10) and checklist.chosen()[0].path.endswith("tiny.gguf")
