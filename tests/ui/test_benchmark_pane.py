"""The Benchmark pane: run, see results and chart, compare, export, cancel."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library
from hangar.ui.panes.benchmark.pane import BenchmarkPane
from hangar.ui.services import UiServices

pytestmark = pytest.mark.slow


def _pane(qtbot, model_path: Path) -> BenchmarkPane:
    ctx = AppContext.open()
    Library(ctx.database).add_file(model_path)
    pane = BenchmarkPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.controls.runtime.count() > 0, timeout=60_000)
    index = next(i for i in range(pane.controls.model.count()) if pane.controls.model.itemData(i).startswith("library:"))
    pane.controls.model.setCurrentIndex(index)
    return pane


def test_run_show_compare_and_export(qtbot, tiny_gguf: Path, tmp_path: Path) -> None:
    pane = _pane(qtbot, tiny_gguf)
    assert pane.controls.runtime.currentData() == "cpu"
    assert "Synthetic 1B shape, Q4_K_M (no download)" == pane.controls.model.itemText(0)
    pane.controls.choose_fitting_default(1 << 30)
    assert pane.controls.model.currentData() == "synthetic:small:F16", "a small machine gets a model that fits"
    pane.controls.model.setCurrentIndex(pane.controls.model.count() - 1)  # back to the library model
    pane.controls.n_prompt.setValue(32)
    pane.controls.n_gen.setValue(8)
    pane.controls.reps.setValue(2)
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.run_button.isEnabled() and pane.results.rowCount() == 2, timeout=60_000)  # rows arrive before the end
    assert pane.results.index(0, 0).data() == "pp32" and "±" in pane.results.index(0, 1).data()
    assert pane.results.index(1, 4).data() == "enter prices"
    assert "[synthetic weights]" in pane.summary.text()
    assert pane.chart.chart().series(), "the chart has the bars"
    assert pane.history.rowCount() == 1
    assert len(pane.history_chart.chart().series()) == 2, "prompt and generation lines over time"

    pane.controls.price_per_hour.setValue(3.6)
    assert "USD" in pane.results.index(1, 4).data(), "the cost follows the price at once"
    assert AppContext.open().settings.cost_per_hour == 3.6, "cost inputs are saved"

    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.history.rowCount() == 2, timeout=60_000)
    pane.history_table.selectAll()
    assert pane.summary.text() == "Comparing 2 runs"
    pane.export_csv(str(tmp_path / "b.csv"))
    pane.export_json(str(tmp_path / "b.json"))
    pane.export_png(str(tmp_path / "b.png"))
    assert len(list(csv.DictReader((tmp_path / "b.csv").open()))) == 4
    assert {"avg_ts", "samples_ts", "model_type", "n_prompt"} <= set(json.loads((tmp_path / "b.json").read_text())[0])
    assert (tmp_path / "b.png").read_bytes()[:4] == b"\x89PNG"


def test_cancel_answers_and_says_so(qtbot, medium_gguf: Path) -> None:
    pane = _pane(qtbot, medium_gguf)
    pane.controls.reps.setValue(50)
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.bench_run is not None and pane.progress.value() > 0, timeout=60_000)
    pane.cancel_button.click()
    qtbot.waitUntil(lambda: pane.run_button.isEnabled(), timeout=10_000)
    assert "cancelled" in pane.stage.text().lower()
    assert pane.history.rowCount() == 0


def test_a_model_too_large_asks_before_running(qtbot, tiny_gguf: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    import hangar.core.runner.fit

    pane = _pane(qtbot, tiny_gguf)
    pane.controls.n_prompt.setValue(16)
    pane.controls.n_gen.setValue(4)
    pane.controls.reps.setValue(1)
    monkeypatch.setattr(hangar.core.runner.fit, "ram_available_bytes", lambda: 64 * 2**20)
    asked: list[str] = []
    answer = ["No"]

    def exec_(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text().replace("&", "") == answer[0]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    pane.run_button.click()
    qtbot.waitUntil(lambda: bool(asked) and pane.run_button.isEnabled(), timeout=60_000)
    assert "does not fit" in asked[0] and "--force" not in asked[0], "the window offers its own way, not a CLI flag"
    assert "does not fit" in pane.stage.text() and pane.history.rowCount() == 0

    answer[0] = "Run anyway"
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.history.rowCount() == 1, timeout=60_000)
    assert len(asked) == 2
