"""The Benchmark pane's Fleet tab: runs imported from other machines beside this one's,
side by side, costed per machine, charted, exported and reported.

Everything goes through the application layer (``services.app.fleet``); reading files and
writing the report run on the thread pool. A single-stream run is labelled so in every
table, because its cost is what one user at a time costs, not a served model's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.fleet.charts import cost_lines, latency_lines, machine_colours
from ....core.fleet.compare import compare
from ....core.fleet.cost import SINGLE_STREAM
from ....core.fleet.svg import PALETTE
from ...error_dialog import error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.tables import read_only_table
from .cost_form import CostForm
from .fleet_charts import CostChart, LatencyChart


def _f(value, digits: int) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def _basis(row: dict) -> str:
    if row["basis"] == SINGLE_STREAM:
        return QCoreApplication.translate("FleetTab", "single stream")
    return QCoreApplication.translate("FleetTab", "concurrency {0}").format(row["concurrency"])


class FleetTab(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.fleet = services, services.app.fleet
        self.tasks = BackgroundTasks(self)
        self.stored: list = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Run files (hangar.run/1) from hangar-cli bench --json or bench-serve --json on other machines"))
        self.import_button.clicked.connect(lambda: self.import_files())
        self.local_button = QPushButton(self.tr("Add this machine's latest run"))
        self.local_button.clicked.connect(self.add_local)
        self.remove_button = QPushButton(self.tr("Remove run"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Concurrency shown and costed"))
        self.level.currentIndexChanged.connect(lambda *_: self.refresh())
        for button in (self.import_button, self.local_button, self.remove_button):
            bar.addWidget(button)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.level)
        bar.addStretch(1)
        for text, slot in ((self.tr("Export CSV…"), self.export_csv), (self.tr("Export JSON…"), self.export_json), (self.tr("Save report…"), self.save_report)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
        layout.addLayout(bar)
        self.status = QLabel(self.tr("Import run files from other machines to compare them with this one."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        tables = QSplitter(Qt.Orientation.Vertical)
        self.machines = RecordTableModel([
            Column(self.tr("Machine"), lambda r: r["machine"], lambda r: r["accelerators"] or ""),
            Column(self.tr("Model"), lambda r: r["model"], lambda r: r["engine"] or ""),
            Column(self.tr("Load"), _basis),
            Column(self.tr("Status"), lambda r: r["status"], lambda r: r["error"] or ""),
            Column(self.tr("Output tok/s"), lambda r: _f(r["output_throughput"], 1), align_right=True),
            Column(self.tr("Requests/s"), lambda r: _f(r["request_throughput"], 2), align_right=True),
            Column(self.tr("Goodput"), lambda r: _f(r["request_goodput"], 2), align_right=True),
            Column(self.tr("TTFT median"), lambda r: _f(r["median_ttft_ms"], 0), align_right=True),
            Column(self.tr("TTFT p99"), lambda r: _f(r["p99_ttft_ms"], 0), align_right=True),
            Column(self.tr("TPOT median"), lambda r: _f(r["median_tpot_ms"], 1), align_right=True),
            Column(self.tr("TPOT p99"), lambda r: _f(r["p99_tpot_ms"], 1), align_right=True),
            Column(self.tr("ITL median"), lambda r: _f(r["median_itl_ms"], 1), align_right=True),
            Column(self.tr("J/token"), lambda r: _f(r["j_per_output_token"], 3), align_right=True),
        ])  # fmt: skip
        self.machines_table = read_only_table(self.machines)
        self.machines_table.setAccessibleName(self.tr("Machines side by side (latencies in ms)"))
        self.machines_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        tables.addWidget(self.machines_table)
        self.costs = RecordTableModel([
            Column(self.tr("Machine"), lambda r: r.machine),
            Column(self.tr("Model"), lambda r: r.model),
            Column(self.tr("Costed at"), lambda r: _basis({"basis": r.basis, "concurrency": r.concurrency}) if r.basis else ""),
            Column(self.tr("Output tok/s"), lambda r: _f(r.output_throughput, 1), align_right=True),
            Column(self.tr("Hardware"), lambda r: _f(r.hardware, 4), align_right=True),
            Column(self.tr("Electricity"), lambda r: _f(r.electricity, 4), align_right=True),
            Column(self.tr("Total / million tokens"), lambda r: f"{r.total:,.4f} {r.currency}" if r.total is not None else localise(r.reason),
                   lambda r: localise(r.reason) if r.reason else "", align_right=True),
        ])  # fmt: skip
        self.costs_table = read_only_table(self.costs)
        self.costs_table.setAccessibleName(self.tr("Cost per million output tokens per machine"))
        tables.addWidget(self.costs_table)
        self.charts = QTabWidget()
        self.cost_chart = CostChart()
        self.ttft_chart = LatencyChart()
        self.tpot_chart = LatencyChart()
        self.charts.addTab(self.cost_chart, self.tr("Cost vs throughput"))
        self.charts.addTab(self.ttft_chart, self.tr("TTFT vs concurrency"))
        self.charts.addTab(self.tpot_chart, self.tr("TPOT vs concurrency"))
        tables.addWidget(self.charts)
        tables.setSizes([220, 120, 320])
        split.addWidget(tables)
        self.cost_form = CostForm(self.fleet)
        self.cost_form.saved.connect(lambda _label: self.refresh())
        split.addWidget(self.cost_form)
        split.setSizes([780, 340])
        layout.addWidget(split, 1)
        self.reload()
        if self.stored:
            machines = len({run.machine_label for run in self.stored})
            self.status.setText(self.tr("{0} run(s) from {1} machine(s). Select a row and Remove run to drop one.").format(len(self.stored), machines))

    # -- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the stored runs again (after an import, a removal) and redraw everything."""
        self.stored = self.fleet.runs()
        levels: dict[str, set] = {}
        for run in self.stored:
            found = levels.setdefault(run.machine_label, set())
            if run.kind == "bench-serve":
                found |= {level["max_concurrency"] for level in run.document["levels"]}
        chosen = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem(self.tr("every level"), None)
        for value in sorted(set().union(*levels.values()) if levels else set()):
            self.level.addItem(self.tr("concurrency {0}").format(value), value)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)
        self.cost_form.set_machines({label: sorted(found) for label, found in levels.items()})
        self.refresh()

    def refresh(self) -> None:
        """Tables and charts from the stored runs and the saved cost inputs."""
        concurrency = self.level.currentData()
        self.machines.set_records(compare(self.stored, concurrency))
        self.costs.set_records(self.fleet.cost_table(concurrency))
        colours = machine_colours(self.stored, PALETTE)
        costs = self.fleet.costs()
        self.cost_chart.show_lines(cost_lines(self.stored, costs, concurrency), colours)
        self.ttft_chart.show_lines(latency_lines(self.stored, "ttft_ms"), self.tr("Time to first token (median solid, p99 dashed)"), self.tr("TTFT (ms)"), colours)
        self.tpot_chart.show_lines(latency_lines(self.stored, "tpot_ms"), self.tr("Time per output token (median solid, p99 dashed)"), self.tr("TPOT (ms)"), colours)

    # -- actions ---------------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths = QFileDialog.getOpenFileNames(self, self.tr("Import run files"), "", self.tr("Run files (*.json);;All files (*)"))[0]
        if not paths:
            return
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Reading {0} file(s)…").format(len(paths)))
        self.tasks.run(lambda: self.fleet.import_files(paths), self._on_imported, self._on_failed)

    def _on_imported(self, outcomes: list) -> None:
        self.import_button.setEnabled(True)
        done = [o for o in outcomes if o.imported]
        lines = [self.tr("Imported {0} of {1} file(s).").format(len(done), len(outcomes))]
        lines += [localise(o.error.message) for o in outcomes if o.error is not None]
        self.status.setText("\n".join(lines))
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        text, hint = error_text(exc, self.services.ctx.paths.log_file)
        self.status.setText(f"{text} {hint}".strip())

    def add_local(self) -> None:
        from ....core.common.errors import HangarError

        try:
            run_id = self.fleet.add_local_bench()
        except HangarError as exc:
            self.status.setText(localise(exc.message))
            return
        self.status.setText(self.tr("Added this machine's latest benchmark as run #{0} (a single stream).").format(run_id))
        self.reload()

    def remove_selected(self) -> None:
        rows = {self.machines.record(i.row())["run_id"] for i in self.machines_table.selectionModel().selectedRows()}
        for run_id in rows:
            self.fleet.delete(run_id)
        if rows:
            self.status.setText(self.tr("Removed {0} run(s).").format(len(rows)))
            self.reload()

    def _save(self, title: str, name: str, pattern: str, make, path: str | None) -> None:  # noqa: ANN001
        path = path or QFileDialog.getSaveFileName(self, title, name, pattern)[0]
        if not path:
            return

        def write() -> str:
            Path(path).write_text(make(), encoding="utf-8")
            return path

        self.tasks.run(write, lambda done: self.status.setText(self.tr("Saved {0}").format(done)), self._on_failed)

    def export_csv(self, path: str | None = None) -> None:
        concurrency = self.level.currentData()
        self._save(self.tr("Export CSV"), "hangar-fleet.csv", "CSV (*.csv)", lambda: self.fleet.export("csv", concurrency), path)

    def export_json(self, path: str | None = None) -> None:
        concurrency = self.level.currentData()
        self._save(self.tr("Export JSON"), "hangar-fleet.json", "JSON (*.json)", lambda: self.fleet.export("json", concurrency), path)

    def save_report(self, path: str | None = None) -> None:
        concurrency = self.level.currentData()
        self._save(self.tr("Save report"), "hangar-fleet-report.html", "HTML (*.html)", lambda: self.fleet.report_html(concurrency), path)
