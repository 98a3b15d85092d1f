"""The Benchmark pane's Evaluate tab: an evaluation suite over chosen models (core/app/evals.py).

Pick a suite (the ones Hangar ships, read and checked in the background, or a file of your own:
docs/eval-suites.md), tick models from the library, Run: the run is on its own thread and reports
through an Outbox that a 50 ms timer collects (ui/collector.py): the model and item it is at,
each item's result as it is scored, each model's row once its run is stored. Cancel keeps what
was measured. A row per model gives accuracy with its Wilson 95 % interval; the paired verdict
(McNemar's exact test) names a better model only when the difference is beyond chance; the chart
draws accuracy with its interval for the runs shown; the items table shows each reply, and the
selected one whole as plain text (a model's output is never read as markup). Stored runs of any
suite can be selected in the history to compare and export (HTML, CSV, JSON).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.app.evals import EvalFailed, EvalFinished, EvalItemDone, EvalModelDone, EvalProgress, EvalStatus
from ....core.evals.export import comparisons, label
from ....core.evals.runner import EvalSettings
from ...collector import Collector
from ...error_dialog import error_text
from ...i18n import localise
from ...models.model_checklist import ModelChecklist
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.tables import read_only_table
from .eval_chart import EvalChart


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _status(status: str) -> str:
    names = {"ok": QCoreApplication.translate("EvalTab", "ok"), "failed": QCoreApplication.translate("EvalTab", "failed"),
             "cancelled": QCoreApplication.translate("EvalTab", "cancelled")}  # fmt: skip
    return names.get(status, status)


def verdict_text(p: dict) -> str:
    """The paired comparison in the window's words: a winner only when McNemar's p is below 0.05."""
    if p["verdict"] == "tie":
        return QCoreApplication.translate("EvalTab", "{0} vs {1}: no significant difference (p = {2:.3g}; only one was right on {3} and {4} items)").format(
            p["a"], p["b"], p["p_value"], p["only_a"], p["only_b"])
    better, worse = (p["a"], p["b"]) if p["verdict"] == "a" else (p["b"], p["a"])
    return QCoreApplication.translate("EvalTab", "{0} is better than {1} (p = {2:.3g}, McNemar's exact test over {3} items)").format(better, worse, p["p_value"], p["n"])


class EvalTab(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self.tasks = BackgroundTasks(self)
        self.run = None  # core.app.evals.EvalRun while one runs
        self.shown: list[dict] = []  # the runs in the results table and the chart
        self._batch: list[dict] = []
        self._n_items = 0
        self.collector = Collector(self._render, self)
        split = QSplitter(Qt.Orientation.Horizontal)
        choices = self._build_choices()
        choices.setMaximumWidth(420)
        split.addWidget(choices)
        split.addWidget(self._build_results())
        split.setStretchFactor(1, 1)
        split.setSizes([330, 800])
        QVBoxLayout(self).addWidget(split)
        self.reload_models()
        self.reload_history()
        self.tasks.run(self.app.evals.shipped_suites, self._on_suites, lambda exc: self.stage.setText(" ".join(error_text(exc))))
        services.library_changed.connect(self.reload_models)

    # -- building -------------------------------------------------------------------------------
    def _build_choices(self) -> QWidget:
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Suite"))
        form = QVBoxLayout(box)
        row = QHBoxLayout()
        self.suite = QComboBox()
        self.suite.setAccessibleName(self.tr("Evaluation suite"))
        self.suite.currentIndexChanged.connect(self._on_suite_chosen)
        self.browse = QPushButton(self.tr("Open a file…"))
        self.browse.setToolTip(self.tr("A suite of your own: one JSON object per line (docs/eval-suites.md)"))
        self.browse.clicked.connect(lambda: self.choose_suite_file())
        row.addWidget(self.suite, 1)
        row.addWidget(self.browse)
        form.addLayout(row)
        self.suite_about = QLabel(self.tr("Reading the suites…"))
        self.suite_about.setWordWrap(True)
        form.addWidget(self.suite_about)
        layout.addWidget(box)
        models = QGroupBox(self.tr("Models"))
        models_layout = QVBoxLayout(models)
        self.checklist = ModelChecklist(self)
        self.model_list = QListView()
        self.model_list.setModel(self.checklist)
        self.model_list.setAccessibleName(self.tr("Models to evaluate"))
        models_layout.addWidget(self.model_list)
        note = QLabel(self.tr("Each model loads in turn; every item is asked with greedy sampling (temperature 0, seed 0)."))
        note.setWordWrap(True)
        models_layout.addWidget(note)
        layout.addWidget(models, 1)
        settings = QFormLayout()
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(1, 32768)
        self.max_tokens.setValue(256)
        self.max_tokens.setAccessibleName(self.tr("Tokens per reply"))
        self.max_tokens.setToolTip(self.tr("For the items and suites that set no max_tokens of their own"))
        self.n_ctx = QSpinBox()
        self.n_ctx.setRange(256, 131072)
        self.n_ctx.setSingleStep(1024)
        self.n_ctx.setValue(4096)
        self.n_ctx.setAccessibleName(self.tr("Context size"))
        settings.addRow(self.tr("Tokens per reply"), self.max_tokens)
        settings.addRow(self.tr("Context"), self.n_ctx)
        layout.addLayout(settings)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("evalRunButton")
        self.run_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Evaluation progress"))
        layout.addWidget(self.progress)
        self.stage = QLabel(self.tr("Choose a suite and tick the models to compare."))
        self.stage.setWordWrap(True)
        layout.addWidget(self.stage)
        return left

    def _build_results(self) -> QWidget:
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        self.results = RecordTableModel([
            Column(self.tr("Run"), lambda r: label(r), lambda r: r["model"]["path"]),
            Column(self.tr("Accuracy"), lambda r: _pct(r["summary"]["accuracy"]), align_right=True),
            Column(self.tr("95% interval"), lambda r: f"{_pct(r['summary']['low'])} – {_pct(r['summary']['high'])}" if r["summary"]["low"] is not None else ""),
            Column(self.tr("Passed"), lambda r: f"{r['summary']['passed']}/{r['summary']['n']}", align_right=True),
            Column(self.tr("Tokens/s"), lambda r: "" if r["summary"].get("tokens_per_s") is None else f"{r['summary']['tokens_per_s']:.1f}", align_right=True),
            Column(self.tr("Time to first token"), lambda r: "" if r["summary"].get("mean_ttft_ms") is None else f"{r['summary']['mean_ttft_ms']:.0f} ms",
                   align_right=True),
            Column(self.tr("Status"), lambda r: _status(r["status"]), lambda r: localise(r.get("error")) if r.get("error") else ""),
        ])  # fmt: skip
        self.results_table = read_only_table(self.results)
        self.results_table.setAccessibleName(self.tr("Accuracy of each model"))
        self.results_table.setMaximumHeight(150)
        self.results_table.selectionModel().selectionChanged.connect(self._on_result_selected)
        layout.addWidget(self.results_table)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # model names are data
        layout.addWidget(self.verdict)
        self.views = QTabWidget()
        self.chart = EvalChart()
        self.views.addTab(self.chart, self.tr("Chart"))
        items = QWidget()
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        self.items = RecordTableModel([
            Column(self.tr("Item"), lambda r: r["item_id"], lambda r: self.tr("line {0}").format(r["line"])),
            Column(self.tr("Scorer"), lambda r: r["scorer"]),
            Column(self.tr("Result"), lambda r: self.tr("pass") if r["passed"] else self.tr("fail")),
            Column(self.tr("Detail"), lambda r: localise(r.get("error") or r.get("detail"))),
            Column(self.tr("Reply"), lambda r: " ⏎ ".join((r.get("reply") or "").splitlines())[:200]),
            Column(self.tr("Tokens"), lambda r: r.get("n_generated") or "", align_right=True),
            Column(self.tr("Tokens/s"), lambda r: "" if r.get("gen_tps") is None else f"{r['gen_tps']:.1f}", align_right=True),
        ])  # fmt: skip
        self.items_table = read_only_table(self.items, stretch_column=4)
        self.items_table.setAccessibleName(self.tr("Each item's reply and score"))
        self.items_table.setWordWrap(False)  # one line per item; the selected reply is shown whole below
        self.items_table.selectionModel().selectionChanged.connect(self._on_item_selected)
        items_layout.addWidget(self.items_table, 3)
        self.reply = QPlainTextEdit()  # plain text: a reply holding markup is shown as it is, never rendered
        self.reply.setReadOnly(True)
        self.reply.setAccessibleName(self.tr("The selected item's whole reply"))
        self.reply.setPlaceholderText(self.tr("Select an item to read its whole reply."))
        items_layout.addWidget(self.reply, 1)
        self.views.addTab(items, self.tr("Items"))
        layout.addWidget(self.views, 3)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("History: select runs to compare or export them")))
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("The runs shown, as a self-contained HTML report, CSV or JSON"))
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.history = RecordTableModel([
            Column(self.tr("Run"), lambda r: label(r)),
            Column(self.tr("Suite"), lambda r: r["suite"]["name"]),
            Column(self.tr("Status"), lambda r: _status(r["status"])),
            Column(self.tr("Accuracy"), lambda r: _pct(r["summary"]["accuracy"]), align_right=True),
            Column(self.tr("When"), lambda r: r.get("created_at", "").replace("T", " ").rstrip("Z")),
        ])  # fmt: skip
        self.history_table = read_only_table(self.history)
        self.history_table.setAccessibleName(self.tr("Stored evaluation runs"))
        self.history_table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.history_table.selectionModel().selectionChanged.connect(self._on_history_selected)
        layout.addWidget(self.history_table, 2)
        return right

    # -- choices --------------------------------------------------------------------------------
    def reload_models(self) -> None:
        self.checklist.set_models(self.app.library.list())

    def _on_suites(self, suites: list) -> None:
        chosen = self.suite.currentData()
        self.suite.blockSignals(True)
        self.suite.clear()
        for suite in suites:
            self.suite.addItem(self.tr("{0} ({1} items)").format(suite.name, len(suite.items)), (str(suite.path), suite.description))
        self.suite.blockSignals(False)
        if chosen is not None:
            self.add_suite(chosen[0])
        self._on_suite_chosen()

    def add_suite(self, path: str | Path) -> bool:
        """A suite file of one's own, read and checked first: a bad line is said with its number, and the file is not added."""
        try:
            suite = self.app.evals.load_suite(path)
        except Exception as exc:  # noqa: BLE001 - SuiteError, or the file cannot be read
            self.suite_about.setText(" ".join(error_text(exc)).strip())
            return False
        data = (str(suite.path), suite.description)
        index = self.suite.findData(data)
        if index < 0:
            self.suite.addItem(self.tr("{0} ({1} items) — {2}").format(suite.name, len(suite.items), suite.path.name), data)
            index = self.suite.count() - 1
        self.suite.setCurrentIndex(index)
        self._on_suite_chosen()
        return True

    def choose_suite_file(self) -> None:
        path = QFileDialog.getOpenFileName(self, self.tr("Open an evaluation suite"), "", self.tr("Evaluation suites (*.jsonl);;All files (*)"))[0]
        if path:
            self.add_suite(path)

    def _on_suite_chosen(self, *_args) -> None:
        data = self.suite.currentData()
        self.suite_about.setText(data[1] if data else self.tr("No suite chosen."))

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        data = self.suite.currentData()
        chosen = self.checklist.chosen()
        if data is None or not chosen:
            self.stage.setText(self.tr("Choose a suite and tick at least one model."))
            return
        settings = EvalSettings(max_tokens=self.max_tokens.value(), n_ctx=self.n_ctx.value())
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self._batch, self.shown = [], []
        self.results.set_records([])
        self.items.set_records([])
        self.reply.clear()
        self.verdict.clear()
        self.stage.setText(self.tr("Starting…"))
        self.run = self.app.evals.start(data[0], [m.id for m in chosen], settings)
        self.collector.follow(self.run)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.stage.setText(self.tr("Cancelling…"))

    def _render(self, updates: list) -> None:
        for update in updates:
            if isinstance(update, EvalStatus):
                self.stage.setText(localise(update.text))
            elif isinstance(update, EvalProgress):
                self._n_items = update.n_items
                total = max(1, update.n_models * update.n_items)
                self.progress.setValue(int(1000 * (update.model_index * update.n_items + update.done) / total))
                self.stage.setText(self.tr("{0} ({1} of {2}): item {3} of {4}, {5} right").format(
                    update.model, update.model_index + 1, update.n_models, min(update.done + 1, update.n_items), update.n_items, update.passed))
            elif isinstance(update, EvalItemDone):
                self.items.append_records([update.item])
            elif isinstance(update, EvalModelDone):
                self._batch.append(update.result)
                self._show(self._batch)
            elif isinstance(update, EvalFinished):
                n = len(update.record["models"])
                self._finish(self.tr("Cancelled: what was measured is stored.") if update.record["status"] == "cancelled"
                             else self.tr("Finished: the run is stored.") if n == 1 else self.tr("Finished: {0} runs stored.").format(n))  # fmt: skip
                self.progress.setValue(1000)
                self.reload_history()
            elif isinstance(update, EvalFailed):
                self._finish(" ".join(error_text(update.error, self.services.ctx.paths.log_file)).strip())

    def _finish(self, text: str) -> None:
        self.run = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.stage.setText(text)

    # -- showing --------------------------------------------------------------------------------
    def _show(self, runs: list[dict]) -> None:
        """``runs`` in the results table, the chart and the verdict; the items of the last one with items."""
        self.shown = runs
        self.results.set_records(runs)
        self.chart.show_runs(runs)
        pairs = comparisons(runs)
        self.verdict.setText("\n".join(verdict_text(p) for p in pairs[:6]))
        with_items = [r for r in runs if r.get("items")]
        if with_items and self.run is None:
            self.items.set_records(with_items[-1]["items"])

    def reload_history(self) -> list[dict]:
        history = self.app.evals.runs()
        self.history.set_records(history)
        if not self.shown and history:  # the newest batch, not an empty chart, after a restart
            batch = history[0]["batch"]
            self._show([self.app.evals.stored(r["run_id"]) for r in reversed(history) if r["batch"] == batch])
        return history

    def _on_history_selected(self, *_args) -> None:
        rows = sorted(i.row() for i in self.history_table.selectionModel().selectedRows())
        if rows and self.run is None:
            self._show([self.app.evals.stored(self.history.record(row)["run_id"]) for row in rows])

    def _on_result_selected(self, *_args) -> None:
        rows = self.results_table.selectionModel().selectedRows()
        if rows and self.run is None:
            run = self.results.record(rows[0].row())
            self.items.set_records(run.get("items") or [])
            self.reply.clear()

    def _on_item_selected(self, *_args) -> None:
        rows = self.items_table.selectionModel().selectedRows()
        if rows:
            self.reply.setPlainText(self.items.record(rows[0].row()).get("reply") or "")

    # -- export ---------------------------------------------------------------------------------
    def export(self, path: str | None = None) -> Path | None:
        runs = [r for r in self.shown if r.get("items") is not None]
        if not runs:
            self.stage.setText(self.tr("Run a suite or select stored runs to export them."))
            return None
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export the runs"), "hangar-eval.html",
                                                   self.tr("HTML report (*.html);;CSV (*.csv);;JSON (*.json)"))[0]  # fmt: skip
        if not path:
            return None
        try:
            written = self.app.evals.export(runs, path)
        except Exception as exc:  # noqa: BLE001 - a folder we may not write: said, not raised
            self.stage.setText(" ".join(error_text(exc)).strip())
            return None
        self.stage.setText(self.tr("Exported to {0}").format(written))
        return written
