"""The Benchmark pane as a new user meets it (#20): the stage of a run and each result as it
arrives, the newest run shown at start, cost that follows the prices, a warning with Run
again for a run whose repetitions disagree, model names that are never clipped unseen."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QThreadPool

from hangar.core.app import Hangar
from hangar.core.app.bench import BenchProgress, BenchStatus, BenchTestDone
from hangar.core.bench.runs import store_run
from hangar.core.common.i18n import QT_TR_NOOP
from hangar.core.config.context import AppContext
from hangar.core.runner import protocol as P
from hangar.ui.panes.benchmark.pane import BenchmarkPane
from hangar.ui.services import UiServices

from ..fixtures.bench_records import STALLED_TG, bench_record


@pytest.fixture(autouse=True)
def _finish_background_work():
    yield
    QThreadPool.globalInstance().waitForDone(60_000)  # the runtime probes the pane starts


class _Idle:
    """Stands for a BenchRun that has nothing to say (the pane's updates are fed by hand)."""

    busy = False

    def take_updates(self) -> list:
        return []

    def cancel(self) -> None:
        pass


def _pane(qtbot, *records: dict) -> BenchmarkPane:
    ctx = AppContext.open()
    for record in records:
        store_run(ctx.database, record)
    pane = BenchmarkPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    return pane


def test_the_newest_run_is_shown_when_the_pane_opens(qtbot) -> None:
    cache = AppContext.open().paths.cache
    pane = _pane(qtbot, bench_record(cache), bench_record(cache, shape="8b"))
    assert pane.history.rowCount() == 2
    assert pane.summary.text().startswith("#2 8b-Q4_K_M.gguf"), "the newest run, without selecting a history row"
    assert pane.results.rowCount() == 2 and pane.results.index(1, 0).data() == "tg128"
    assert pane.chart.chart().series() and pane.chart.chart().title().startswith("Speed"), "the chart is not empty"


def test_the_cost_follows_the_prices_as_they_are_typed(qtbot) -> None:
    pane = _pane(qtbot, bench_record(AppContext.open().paths.cache))
    assert pane.results.index(1, 4).data() == "enter prices"
    pane.controls.price_per_hour.setValue(3.6)
    assert "USD" in pane.results.index(1, 4).data(), "no reselecting the run"
    first = pane.results.index(1, 4).data()
    pane.controls.currency.setText("EUR")
    pane.controls.currency.editingFinished.emit()
    assert "EUR" in pane.results.index(1, 4).data()
    pane.controls.price_per_hour.setValue(7.2)
    assert pane.results.index(1, 4).data() != first.replace("USD", "EUR"), "a new price, a new cost"


def test_an_unsteady_run_says_which_repetition_and_offers_to_run_it_again(qtbot, monkeypatch) -> None:
    cache = AppContext.open().paths.cache
    pane = _pane(qtbot, bench_record(cache), bench_record(cache, tg_samples=STALLED_TG))
    assert pane.warning.isVisible()
    text = pane.warning_text.text()
    assert "tg128 is unsteady" in text and "repetition 3 of 5 ran at 0.95 t/s" in text and "pp512" not in text
    assert text.splitlines()[-1].startswith("Something else probably used the machine"), "the advice once, on its own line"
    started: list[P.BenchOptions] = []
    monkeypatch.setattr(pane.app.bench, "start", lambda spec: started.append(spec) or _Idle())
    pane.again_button.click()
    assert len(started) == 1, "Run again starts a run"
    spec = started[0]
    assert (spec.synthetic, spec.quant, spec.n_prompt, spec.n_gen, spec.reps, spec.n_threads) == ("1b", "Q4_K_M", 512, 128, 5, 2), "the same run"
    assert not pane.warning.isVisible(), "the new run's results replace the old ones"

    pane.history_table.selectRow(1)  # the steady run
    assert not pane.warning.isVisible()


def test_the_stage_its_seconds_and_each_result_show_while_the_run_goes(qtbot) -> None:
    pane = _pane(qtbot)
    pane.bench_run = _Idle()
    pane._render([BenchStatus(QT_TR_NOOP("computing the SHA-256 of {file} for the record", file="x.gguf"))])
    assert pane.progress.maximum() == 0, "nothing says how far: a busy bar"
    assert "computing the SHA-256 of x.gguf" in pane.stage.text()
    stage = QT_TR_NOOP("writing the synthetic {shape} weights (F16, random)", shape="1b")
    pane._render([BenchProgress(stage, 0.42)])
    assert (pane.progress.maximum(), pane.progress.value()) == (1000, 420)
    assert pane.stage.text() == "writing the synthetic 1b weights (F16, random)"
    pane._stage_since -= 75  # 75 s into the same stage
    pane._render([BenchProgress(stage, 0.5)])
    assert pane.stage.text() == "writing the synthetic 1b weights (F16, random) · 75 s" and pane.progress.value() == 500
    pane._render([BenchProgress(QT_TR_NOOP("{test}: repetition {rep} of {reps}", test="pp512", rep=2, reps=5), 0.1)])
    assert pane.stage.text() == "pp512: repetition 2 of 5", "a new stage, a new clock"

    record = bench_record(pane.ctx.paths.cache)
    pane._render([BenchTestDone(record["results"][0])])
    assert pane.results.rowCount() == 1 and pane.results.index(0, 0).data() == "pp512" and "±" in pane.results.index(0, 1).data()
    assert pane.chart.chart().series(), "the bar is there before the run ends"
    pane.controls.price_per_hour.setValue(2.0)  # pp has no cost; the row stays
    pane._render([BenchTestDone(record["results"][1])])
    assert pane.results.rowCount() == 2 and "USD" in pane.results.index(1, 4).data(), "priced as it arrives"


def test_long_model_names_are_cut_in_the_middle_and_whole_in_the_tooltip_and_list(qtbot) -> None:
    pane = _pane(qtbot)
    name = "DeepSeek-R1-Distill-Qwen-32B-abliterated-uncensored-imatrix"
    pane.controls.set_models([SimpleNamespace(name=name, quant="Q4_K_M", id=7)])
    combo = pane.controls.model
    combo.setCurrentIndex(combo.findData("library:7:"))
    combo.resize(220, combo.height())
    whole = f"{name} (Q4_K_M)"
    assert combo.toolTip() == whole
    shown = combo.displayed_text()
    assert "…" in shown and shown.endswith("(Q4_K_M)") and shown.startswith("Deep"), "cut in the middle: the quantisation stays in view"
    assert combo.popup_width() >= combo.fontMetrics().horizontalAdvance(whole), "the open list shows every name whole"
    assert combo.sizeHint().width() < combo.fontMetrics().horizontalAdvance(whole), "a long name does not widen the column"


@pytest.mark.slow
def test_a_real_synthetic_run_shows_its_stages_and_results_before_it_ends(qtbot) -> None:
    pane = _pane(qtbot)
    stages: list[str] = []
    rows: list[tuple[int, bool]] = []  # (result rows, still running) each time the table is filled during the run
    set_stage, show_partial = pane._set_stage, pane._show_partial
    pane._set_stage = lambda text, fraction: (stages.append(text), set_stage(text, fraction))
    pane._show_partial = lambda: (show_partial(), rows.append((pane.results.rowCount(), pane.bench_run is not None)))
    pane.start(spec=P.BenchOptions(synthetic="tiny", quant="Q8_0", n_prompt=32, n_gen=64, reps=3))
    qtbot.waitUntil(lambda: pane.run_button.isEnabled(), timeout=120_000)
    assert any(s.startswith("writing the synthetic tiny weights") for s in stages)
    assert any(s.startswith("quantising to Q8_0") for s in stages)
    assert any(s.startswith("pp32: repetition") for s in stages) and any(s.startswith("tg64: repetition") for s in stages)
    assert (1, True) in rows, "pp32's row is in the table while tg64 still runs"
    assert pane.results.rowCount() == 2 and pane.history.rowCount() == 1
    assert "The synthetic model stays in" in pane.stage.text() and "tiny-Q8_0.gguf" in pane.stage.text()
    assert [p.name for p in (pane.ctx.paths.cache / "synthetic").iterdir()] == ["tiny-Q8_0.gguf"]
