"""The Benchmark pane: one button, progress with cancel, results, chart, history, export.

While a run goes, the line under the bar names the stage (writing the synthetic weights,
quantising, each test's warm-up and repetitions) with the seconds it has taken, the bar
says how far that stage is (a busy bar where nothing says), and each test's row and bar
appear as soon as its repetitions have run. A run whose repetitions disagree (more than
10 % relative standard deviation, core/bench/variation.py) says which test and which
repetition, with Run again. Cost follows the prices as they are typed; the newest run is
shown when the pane opens.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.app.bench import BenchFailed, BenchFinished, BenchProgress, BenchStatus, BenchTestDone
from ....core.bench.cost import EnergyBasis, cost_per_million
from ....core.bench.export import rows, to_csv
from ....core.bench.variation import ADVICE
from ....core.common.units import format_bytes
from ....core.runner import protocol as P
from ...collector import Collector
from ...error_dialog import ask_anyway, error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.tables import read_only_table
from .chart import HistoryChart, ResultsChart
from .controls import BenchControls
from .eval_tab import EvalTab
from .fleet_tab import FleetTab
from .serving_tab import ServingTab


def _label(record: dict) -> str:
    synthetic = " " + QCoreApplication.translate("BenchmarkPane", "[synthetic weights]") if record.get("synthetic") else ""
    n = record.get("n_threads")
    threads = (QCoreApplication.translate("BenchmarkPane", "{0} thread") if n == 1 else QCoreApplication.translate("BenchmarkPane", "{0} threads")).format(n)
    device = localise(record.get("device"))  # "CPU memory" is a core message
    return f"#{record.get('run_id', '?')} {record['model'].get('name') or Path(record['model']['path']).name}{synthetic} · {record['system']['runtime']} · {threads} · {device}"


class BenchmarkPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx, self.app = services, services.ctx, services.app
        self.tasks = BackgroundTasks(self)
        self.bench_run = None  # core.app.bench.BenchRun while one runs
        self.last: dict | None = None
        self._shown: dict | None = None  # the run the results table prices (a running one's tests so far, or a stored one)
        self._partial: list[dict] = []  # the running benchmark's finished tests
        self._spec = None  # what the running benchmark was asked (a refused one is asked again with force)
        self._again: dict | None = None  # the unsteady run "Run again" repeats
        self._stage_text, self._stage_since, self._cancelling = "", 0.0, False
        self.collector = Collector(self._render, self)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.controls = BenchControls(self.app)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(self.tr("Benchmark this machine"))
        self.run_button.setObjectName("benchmarkButton")
        self.run_button.setMinimumHeight(40)
        self.run_button.clicked.connect(lambda: self.start())
        left_layout.addWidget(self.run_button)
        left_layout.addWidget(self.controls, 1)
        split.addWidget(left)

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.stage = QLabel(self.tr("Press the button: Hangar picks the best runtime and a model that fits."))
        self.stage.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.stage)

        self.results = RecordTableModel(
            [
                Column(self.tr("Test"), lambda r: r["test"]),
                Column(self.tr("Tokens/s"), lambda r: f"{r['avg_ts']:.2f} ± {r['stddev_ts']:.2f}", align_right=True),
                Column(self.tr("Repetitions"), lambda r: len(r["samples_ts"]), align_right=True),
                Column(self.tr("Energy"), lambda r: f"{r['j_per_token']:.3f} J/token" if r.get("j_per_token") is not None else self.tr("not measurable"), lambda r: r.get("reason", "")),
                Column(self.tr("Cost / million tokens"), lambda r: r.get("cost_text", ""), align_right=True),
            ]
        )
        self.results_table = read_only_table(self.results)
        self.results_table.setAccessibleName(self.tr("Results of this run"))
        self.results_table.setMaximumHeight(110)
        layout.addWidget(self.results_table)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warning = QWidget()  # a run whose repetitions disagree: the test, the repetition, and Run again
        warning_row = QHBoxLayout(self.warning)
        warning_row.setContentsMargins(0, 0, 0, 0)
        self.warning_text = QLabel()
        self.warning_text.setObjectName("benchWarning")
        self.warning_text.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Run again"))
        self.again_button.setToolTip(self.tr("Run this benchmark again with the same model and settings"))
        self.again_button.clicked.connect(self.run_again)
        warning_row.addWidget(self.warning_text, 1)
        warning_row.addWidget(self.again_button)
        self.warning.hide()
        layout.addWidget(self.warning)
        self.chart = ResultsChart()
        self.history_chart = HistoryChart()
        self.charts = QTabWidget()
        self.charts.addTab(self.chart, self.tr("This run / comparison"))
        self.charts.addTab(self.history_chart, self.tr("History over time"))
        layout.addWidget(self.charts, 2)

        history_bar = QHBoxLayout()
        history_bar.addWidget(QLabel(self.tr("History: select runs to compare them")))
        history_bar.addStretch(1)
        for text, slot in ((self.tr("Export CSV…"), self.export_csv), (self.tr("Export JSON…"), self.export_json), (self.tr("Save chart as PNG…"), self.export_png)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            history_bar.addWidget(button)
        layout.addLayout(history_bar)
        self.history = RecordTableModel(
            [
                Column(self.tr("Run"), lambda r: _label(r)),
                Column(self.tr("When"), lambda r: r.get("created_at", "").replace("T", " ").rstrip("Z")),
                Column(self.tr("pp t/s"), lambda r: next((f"{t['avg_ts']:.1f}" for t in r["results"] if t["n_prompt"]), ""), align_right=True),
                Column(self.tr("tg t/s"), lambda r: next((f"{t['avg_ts']:.1f}" for t in r["results"] if t["n_gen"]), ""), align_right=True),
            ]
        )
        self.history_table = read_only_table(self.history)
        self.history_table.setAccessibleName(self.tr("History of runs"))
        self.history_table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.history_table.selectionModel().selectionChanged.connect(self._on_history_selected)
        layout.addWidget(self.history_table, 1)
        split.addWidget(right)
        split.setSizes([330, 760])
        self.tabs = QTabWidget()  # this machine's benchmark; the fleet (runs from other machines, costed)
        self.tabs.addTab(split, self.tr("This machine"))
        self.serving_tab = ServingTab(services, on_stored=lambda _run_id: self.fleet_tab.reload())  # a stored run shows in the Fleet tab at once
        self.tabs.addTab(self.serving_tab, self.tr("Serving"))
        self.fleet_tab = FleetTab(services)
        self.tabs.addTab(self.fleet_tab, self.tr("Fleet"))
        self.eval_tab = EvalTab(services)  # evaluation suites over chosen models: accuracy with its interval, compared
        self.tabs.addTab(self.eval_tab, self.tr("Evaluate"))
        QVBoxLayout(self).addWidget(self.tabs)
        self._load_choices()
        services.library_changed.connect(self._refresh_models)  # a download or import is benchmarkable at once, a deleted model gone
        self.controls.costs_changed.connect(self._refresh_costs)  # a price typed in prices the shown run at once

    # -- choices --------------------------------------------------------------------------------
    def _refresh_models(self) -> None:
        chosen = self.controls.model.currentData()
        self.controls.set_models(self.app.library.list())
        self.controls.model.setCurrentIndex(max(0, self.controls.model.findData(chosen)))

    def _load_choices(self) -> None:
        import psutil

        self.controls.set_models(self.app.library.list())
        self.controls.choose_fitting_default(psutil.virtual_memory().available)
        history = self.reload_history()
        if history:  # the newest run, not an empty chart, after a restart
            self.show_record(history[0])
        host = self.app.models

        def detect():
            found = host.runtimes()
            return found, host.best_runtime(found).name

        self.tasks.run(detect, lambda result: self.controls.set_runtimes(*result), lambda exc: self.stage.setText(" ".join(error_text(exc))))

    # -- running --------------------------------------------------------------------------------
    def start(self, *, force: bool = False, spec: P.BenchOptions | None = None) -> None:
        """Run ``spec`` (the controls' settings when None); ``force`` past a refused fit check."""
        spec = self._spec = replace(spec or self.controls.spec(), force=force)
        self.run_button.setEnabled(False)
        self.again_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._partial, self._cancelling = [], False
        self._show_partial()  # the table and the chart fill test by test from here
        self.summary.clear()
        self._set_stage(self.tr("Starting…"), None)
        self.stage.setText(self._stage_text)
        self.bench_run = self.app.bench.start(spec)
        self.collector.follow(self.bench_run)

    def run_again(self) -> None:
        """The unsteady run shown, again: the same model (a synthetic one made again if the cache was cleared) and settings."""
        if self._again is not None and self.bench_run is None:
            self.start(spec=self.app.bench.options_for(self._again))

    def cancel(self) -> None:
        if self.bench_run is not None:
            self.bench_run.cancel()
        self._cancelling = True
        self.stage.setText(self.tr("Cancelling…"))

    def _render(self, updates: list) -> None:
        for update in updates:
            if isinstance(update, BenchStatus):
                self._set_stage(localise(update.text), None)
            elif isinstance(update, BenchProgress):
                self._set_stage(localise(update.stage), update.fraction)
            elif isinstance(update, BenchTestDone):
                self._partial.append(update.result)
                self._show_partial()
            elif isinstance(update, BenchFinished):
                self._on_done(update.record)
            elif isinstance(update, BenchFailed):
                self._on_failed(update.error)
        if self.bench_run is not None:  # every tick: the seconds the stage has taken
            seconds = int(time.monotonic() - self._stage_since)
            text = self.tr("Cancelling…") if self._cancelling else self._stage_text
            self.stage.setText(self.tr("{0} · {1} s").format(text, seconds) if seconds else text)

    def _set_stage(self, text: str, fraction: float | None) -> None:
        """The stage's name (its clock starts when the name changes) and how far it is; None: a busy bar."""
        if text != self._stage_text:
            self._stage_text, self._stage_since = text, time.monotonic()
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))

    def _show_partial(self) -> None:
        record = {"results": list(self._partial)}
        self._shown = record
        self._fill_results(record)
        self.chart.show_runs([(self.tr("this run so far"), record)] if self._partial else [])
        self.charts.setCurrentWidget(self.chart)
        self.warning.hide()

    def _finish(self) -> None:
        self.bench_run = None
        self.run_button.setEnabled(True)
        self.again_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1000)  # never a busy bar left running

    def _on_failed(self, exc: BaseException) -> None:
        from ....core.common.errors import ModelTooLarge

        self._finish()
        if isinstance(exc, ModelTooLarge):
            risk = self.tr("Running it anyway may fail, or make this computer very slow while it swaps; its numbers would not say much.")
            if ask_anyway(self, self.tr("Model too large"), exc, risk, self.tr("Run anyway")):
                self.start(force=True, spec=self._spec)
                return
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.stage.setText(f"{text} {hint}".strip())

    def _on_done(self, record: dict) -> None:
        self._finish()
        self.progress.setValue(1000)
        text = self.tr("Finished: run #{0} is stored in the history.").format(record["run_id"])
        model = Path(record["model"]["path"])
        if record.get("synthetic") and model.resolve().is_relative_to(self.ctx.paths.cache.resolve()):
            kept = self.tr("The synthetic model stays in {0} ({1}) for the next run; Settings › Storage can clear the cache.")
            text += " " + kept.format(model, format_bytes(record["model"].get("size_bytes")))
        self.stage.setText(text)
        self.show_record(record)
        self.reload_history()

    def show_record(self, record: dict) -> None:
        self.last = record
        self._shown = record
        self._fill_results(record)
        parts = [_label(record)]
        if record.get("localscore") is not None:
            parts.append(self.tr("LocalScore {0:.0f}").format(record["localscore"]))
        if record.get("ttft_ms") is not None:
            parts.append(self.tr("time to first token {0:.0f} ms").format(record["ttft_ms"]))
        parts.append(self.tr("peak memory {0:.0f} MiB").format(record["peak_rss_bytes"] / 2**20))
        if record.get("energy_j_per_token") is None:
            parts.append(self.tr("energy not measurable here: {0}").format(localise(record.get("energy_reason"))))
        self.summary.setText(" · ".join(parts))
        self.chart.show_runs([(_label(record), record)])
        self._show_warnings(record)

    def _fill_results(self, record: dict) -> None:
        """The results table for ``record`` (a stored run, or a running one's tests so far), priced at the cost inputs now."""
        costs = self.ctx.settings.cost_inputs()
        shown = []
        for result in record["results"]:
            entry = dict(result, reason=localise(record.get("energy_reason")))
            cost = cost_per_million(result["avg_ts"], result.get("j_per_token"), costs) if result["n_gen"] else None
            entry["cost_text"] = self.tr("{0:.4f} {1} ({2} energy)").format(cost.total, cost.currency, self._basis(cost.energy_basis)) if cost else ("" if not result["n_gen"] else self.tr("enter prices"))
            shown.append(entry)
        self.results.set_records(shown)

    def _refresh_costs(self) -> None:
        if self._shown is not None:
            self._fill_results(self._shown)

    def _show_warnings(self, record: dict) -> None:
        found = self.app.bench.unsteady(record)
        self._again = record if found else None
        self.warning_text.setText("\n".join([f"⚠ {localise(u.message)}" for u in found] + [localise(ADVICE)]) if found else "")  # a line per test
        self.again_button.setEnabled(self.bench_run is None)
        self.warning.setVisible(bool(found))

    def _basis(self, basis: str) -> str:
        return {EnergyBasis.MEASURED: self.tr("measured"), EnergyBasis.ENTERED_POWER: self.tr("entered power"), EnergyBasis.NONE: self.tr("no")}.get(basis, basis)

    def reload_history(self) -> list[dict]:
        history = self.app.bench.history()
        self.history.set_records(history)
        self.history_chart.show_history(history)
        return history

    def _on_history_selected(self, *_args) -> None:
        selected = [self.history.record(i.row()) for i in self.history_table.selectionModel().selectedRows()]
        if len(selected) == 1:
            self.show_record(selected[0])
        elif selected:
            self.chart.show_runs([(_label(r), r) for r in selected])
            self.charts.setCurrentWidget(self.chart)
            self.summary.setText(self.tr("Comparing {0} runs").format(len(selected)))
            self.warning.hide()

    # -- export ---------------------------------------------------------------------------------
    def _chosen_records(self) -> list[dict]:
        selected = [self.history.record(i.row()) for i in self.history_table.selectionModel().selectedRows()]
        return selected or ([self.last] if self.last else [])

    def export_rows(self) -> list[dict]:
        costs = self.ctx.settings.cost_inputs()
        return [row for record in self._chosen_records() for row in rows(record, costs)]

    def export_csv(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "hangar-bench.csv", "CSV (*.csv)")[0]
        if path:
            Path(path).write_text(to_csv(self.export_rows()), encoding="utf-8")

    def export_json(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export JSON"), "hangar-bench.json", "JSON (*.json)")[0]
        if path:
            Path(path).write_text(json.dumps(self.export_rows(), indent=2), encoding="utf-8")

    def export_png(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Save chart"), "hangar-bench.png", "PNG (*.png)")[0]
        if path:
            self.chart.grab().save(path, "PNG")

