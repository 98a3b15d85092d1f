"""The Benchmark pane's Serving tab: a serving benchmark of Hangar's own server or any
OpenAI-compatible endpoint (core/loadgen, measured as ``vllm bench serve`` measures and under
its field names), level after level of concurrent streamed requests.

The target is Hangar's server on this machine (the window's, when it runs, used as it is; else
one started for the run, as ``hangar-cli bench-serve local`` does), a remote endpoint saved in
Settings (its key from the keyring; marked remote, with the sentence that prompts leave this
machine) or an address. Everything goes through the application layer (``app.serve_bench``):
the run is on its own thread and reports through an Outbox that a 50 ms timer collects
(ui/collector.py): level k of n and the requests done, then a row per level, charts of
throughput and of TTFT/TPOT against concurrency. A finished run is stored in the fleet, where
the Fleet tab shows it beside other machines (``on_stored``).
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCharts import QChart, QLogValueAxis, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.app.serve_bench import LocalServe, SavedEndpoint, ServeBenchFailed, ServeBenchFinished, ServeBenchLevel, ServeBenchProgress, ServeBenchStatus
from ....core.common.errors import HangarError
from ....core.fleet.charts import Line
from ....core.fleet.svg import PALETTE
from ....core.loadgen.benchmark import BenchServeSpec
from ....core.loadgen.client import Retry
from ....core.loadgen.metrics import Slo
from ....core.loadgen.sweep import LoadShape
from ....core.loadgen.target import Target
from ....core.loadgen.workload import ENDPOINTS, WorkloadSpec
from ...collector import Collector
from ...error_dialog import error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.tables import read_only_table
from .chart import speed_axis_range
from .fleet_charts import _LinesChart

LOCAL, ENDPOINT, ADDRESS = "local", "endpoint", "address"
COLOURS = {"output": PALETTE[0], "total": PALETTE[1], "median": PALETTE[0], "p99": PALETTE[0]}


def parse_levels(text: str) -> list[int] | None:
    """"1,2,4,8" -> [1, 2, 4, 8]; None for anything else (a word, 0, nothing)."""
    try:
        levels = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        return None
    return levels if levels and all(n >= 1 for n in levels) else None


def _f(value, digits: int) -> str:  # noqa: ANN001
    return "" if value is None else f"{value:,.{digits}f}"


def _status(level: dict) -> str:
    names = {"ok": QCoreApplication.translate("ServingTab", "ok"), "failed": QCoreApplication.translate("ServingTab", "failed"),
             "cancelled": QCoreApplication.translate("ServingTab", "cancelled")}  # fmt: skip
    return names.get(level["status"], level["status"])


def _ms(level: dict, stat: str, metric: str) -> str:
    """Milliseconds: whole ones from 100 up (and always for TTFT and E2EL), one decimal below."""
    value = level.get(f"{stat}_{metric}_ms")
    return _f(value, 0 if metric in ("ttft", "e2el") or (value is not None and value >= 100) else 1)


def _pair(level: dict, metric: str) -> str:
    median, p99 = _ms(level, "median", metric), _ms(level, "p99", metric)
    return f"{median} / {p99}" if median else ""


def _pair_tip(level: dict, metric: str) -> str:
    names = {"ttft": QCoreApplication.translate("ServingTab", "time to first token"), "tpot": QCoreApplication.translate("ServingTab", "time per output token after the first"),
             "itl": QCoreApplication.translate("ServingTab", "gap between two streamed chunks"), "e2el": QCoreApplication.translate("ServingTab", "end-to-end latency of a request")}  # fmt: skip
    if level.get(f"mean_{metric}_ms") is None:
        return names[metric]
    return QCoreApplication.translate("ServingTab", "{0}: mean {1} ms, p90 {2} ms, standard deviation {3} ms").format(
        names[metric], _ms(level, "mean", metric), _ms(level, "p90", metric), _ms(level, "std", metric))


def latency_lines(levels: list[dict], metric: str) -> list[Line]:
    """Median (solid) and p99 (dashed) of ``metric`` at each finished level."""
    done = sorted((lv for lv in levels if lv["status"] == "ok"), key=lambda lv: lv["max_concurrency"])
    lines = []
    for stat, dashed in (("median", False), ("p99", True)):
        points = [(lv["max_concurrency"], lv[f"{stat}_{metric}_ms"]) for lv in done if lv.get(f"{stat}_{metric}_ms") is not None]
        if points:
            name = QCoreApplication.translate("ServingTab", "median") if stat == "median" else QCoreApplication.translate("ServingTab", "p99")
            lines.append(Line(name, "median", points, dashed=dashed))
    return lines


def throughput_lines(levels: list[dict]) -> list[Line]:
    done = sorted((lv for lv in levels if lv["status"] == "ok"), key=lambda lv: lv["max_concurrency"])
    output = QCoreApplication.translate("ServingTab", "output tokens/s")
    total = QCoreApplication.translate("ServingTab", "total tokens/s (prompt + output)")
    return [line for line in (Line(output, "output", [(lv["max_concurrency"], lv["output_throughput"]) for lv in done]),
                              Line(total, "total", [(lv["max_concurrency"], lv["total_token_throughput"]) for lv in done])) if line.points]  # fmt: skip


class ServingChart(_LinesChart):
    """Lines against concurrency (a log 2 axis), as the Fleet tab's latency chart draws them."""

    def show_lines(self, lines: list[Line], title: str, empty_title: str, unit_title: str) -> None:
        self.colours = dict(COLOURS)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title if lines else empty_title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        axis_x = QLogValueAxis()
        axis_x.setBase(2)
        axis_x.setLabelFormat("%d")
        axis_x.setTitleText(self.tr("concurrency (requests in flight)"))
        axis_y = QValueAxis()
        axis_y.setTitleText(unit_title)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            self._add(chart, line, axis_x, axis_y)
        points = [p for line in lines for p in line.points]
        top_x = max([p[0] for p in points], default=2.0)
        axis_x.setRange(0.8, 2 ** math.ceil(math.log2(max(2.0, top_x))) * 1.25)
        axis_x.setMinorTickCount(0)
        speed_axis_range(axis_y, max([p[1] for p in points], default=1.0), bool(points))
        self.setChart(chart)


class ServingTab(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None, *, on_stored: Callable[[int], None] | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self.on_stored = on_stored or (lambda run_id: None)
        self.run = None  # core.app.serve_bench.ServeBenchRun while one runs
        self.document: dict | None = None  # the run shown
        self.collector = Collector(self._render, self)
        self.tasks = BackgroundTasks(self)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(self.tr("Run serving benchmark"))
        self.run_button.setObjectName("servingRunButton")
        self.run_button.setMinimumHeight(40)
        self.run_button.clicked.connect(lambda: self.start())
        column.addWidget(self.run_button)

        where = QGroupBox(self.tr("What to measure"))
        self.target_form = form = QFormLayout(where)
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Endpoint to measure"))
        self.target.currentIndexChanged.connect(lambda *_: self._on_target())
        self.target.setMinimumContentsLength(14)  # a long endpoint address must not widen the column (the tooltip and the line below say it whole)
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        form.addRow(self.tr("Target"), self.target)
        self.url = QLineEdit()
        self.url.setPlaceholderText("http://host:8000/v1")
        form.addRow(self.tr("Address"), self.url)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("none; kept only for this run"))
        form.addRow(self.tr("API key"), self.key)
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Model to measure"))
        self.model.setMinimumContentsLength(14)
        self.model.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.refresh_button = QPushButton(self.tr("Read its models"))
        self.refresh_button.setToolTip(self.tr("Ask the endpoint for its models (GET /v1/models)"))
        self.refresh_button.clicked.connect(self.refresh_models)
        self.model_label = QLabel(self.tr("Model"))
        self.model_label.setBuddy(self.model)
        form.addRow(self.model_label, self.model)
        form.addRow("", self.refresh_button)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setObjectName("servingWhere")
        form.addRow(self.where)
        column.addWidget(where)

        load = QGroupBox(self.tr("Load (as vllm bench serve)"))
        form = QFormLayout(load)
        self.levels = QLineEdit("1,2,4,8")
        self.levels.setToolTip(self.tr("Requests in flight at once, one level after another"))
        form.addRow(self.tr("Concurrency levels"), self.levels)
        self.prompt_tokens = self._spin(1, 131072, 512)
        self.prompt_tokens.setToolTip(self.tr("Random prompts of exactly this many tokens, as the endpoint's own tokenizer counts them"))
        form.addRow(self.tr("Prompt tokens"), self.prompt_tokens)
        self.output_tokens = self._spin(1, 65536, 128)
        form.addRow(self.tr("Output tokens"), self.output_tokens)
        self.requests = self._spin(1, 100_000, 64)
        form.addRow(self.tr("Requests per level"), self.requests)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 100_000)
        self.rate.setDecimals(2)
        self.rate.setSpecialValueText(self.tr("all at once"))
        self.rate.setToolTip(self.tr("Arrivals per second (Poisson); 0: all at once, a closed loop. At most the level's concurrency in flight."))
        form.addRow(self.tr("Arrival rate (req/s)"), self.rate)
        self.route = QComboBox()
        for route in ENDPOINTS:
            self.route.addItem(f"/v1/{'chat/completions' if route == 'chat' else route}", route)
        form.addRow(self.tr("API route"), self.route)
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("this machine's name"))
        self.label.setToolTip(self.tr("The name the Fleet tab shows for this run (default: a saved endpoint's name, else this machine's)"))
        form.addRow(self.tr("Name in the fleet"), self.label)
        column.addWidget(load)

        slo = QGroupBox(self.tr("Goodput: requests that meet"))
        form = QFormLayout(slo)
        self.slo_ttft = self._spin(0, 3_600_000, 0, self.tr("no limit"))
        form.addRow(self.tr("TTFT at most (ms)"), self.slo_ttft)
        self.slo_tpot = self._spin(0, 3_600_000, 0, self.tr("no limit"))
        form.addRow(self.tr("TPOT at most (ms)"), self.slo_tpot)
        self.slo_e2el = self._spin(0, 86_400_000, 0, self.tr("no limit"))
        form.addRow(self.tr("End-to-end at most (ms)"), self.slo_e2el)
        column.addWidget(slo)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        split.addWidget(scroll)

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Progress of the serving benchmark"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.stage = QLabel(self.tr("Choose a target and a model, then Run: each level sends its requests and the table fills in."))
        self.stage.setWordWrap(True)
        layout.addWidget(self.stage)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setObjectName("servingStatus")
        layout.addWidget(self.status)

        self.results = RecordTableModel([
            Column(self.tr("Concurrency"), lambda r: r["max_concurrency"], align_right=True),
            Column(self.tr("Status"), _status, lambda r: r["error"] or ""),
            Column(self.tr("Done /\nfailed"), lambda r: f"{r['completed']} / {r['failed']}", align_right=True),
            Column(self.tr("Requests\nper s"), lambda r: _f(r["request_throughput"], 2), align_right=True),
            Column(self.tr("Output\ntok/s"), lambda r: ("~" if r["tokens_estimated"] else "") + _f(r["output_throughput"], 1),
                   lambda r: self.tr("The endpoint sent no usage: counted from the streamed chunks") if r["tokens_estimated"] else "", align_right=True),
            *(Column(title, lambda r, m=metric: _pair(r, m), lambda r, m=metric: _pair_tip(r, m), align_right=True) for metric, title in (
                ("ttft", self.tr("TTFT ms\nmedian / p99")), ("tpot", self.tr("TPOT ms\nmedian / p99")),
                ("itl", self.tr("ITL ms\nmedian / p99")), ("e2el", self.tr("E2EL ms\nmedian / p99")))),
            Column(self.tr("Goodput\nreq/s"), lambda r: _f(r["request_goodput"], 2), align_right=True),
            Column(self.tr("Reason"), lambda r: r["error"] or "", lambda r: r["error"] or ""),
        ])  # fmt: skip
        self.results_table = read_only_table(self.results)
        self.results_table.setAccessibleName(self.tr("Results per concurrency level (latencies in ms)"))
        self.results_table.setMinimumHeight(130)
        layout.addWidget(self.results_table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.charts = QTabWidget()
        self.throughput_chart = ServingChart()
        self.ttft_chart = ServingChart()
        self.tpot_chart = ServingChart()
        self.charts.addTab(self.throughput_chart, self.tr("Throughput vs concurrency"))
        self.charts.addTab(self.ttft_chart, self.tr("TTFT vs concurrency"))
        self.charts.addTab(self.tpot_chart, self.tr("TPOT vs concurrency"))
        layout.addWidget(self.charts, 2)
        split.addWidget(right)
        split.setSizes([310, 810])
        QVBoxLayout(self).addWidget(split)

        self.reload_targets()
        self._draw([])
        last = max((run for run in self.app.fleet.runs("bench-serve") if run.local), key=lambda run: run.id, default=None)
        if last is not None:
            self.show_document(last.document)
            self.stage.setText(self.tr("The last serving run on this machine (fleet run #{0}).").format(last.id))
        services.library_changed.connect(self._on_models_changed)
        services.endpoints_changed.connect(lambda _name: self.reload_targets())
        services.policy_changed.connect(self.reload_targets)
        services.server.state_changed.connect(lambda _state: self._describe())

    def _spin(self, low: int, high: int, value: int, special: str | None = None) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        if special:
            spin.setSpecialValueText(special)
        return spin

    # -- the target and its models ----------------------------------------------------------------
    def kind(self) -> str:
        """LOCAL, ENDPOINT or ADDRESS: what the target picker shows (its item data is "local", "endpoint:NAME" or "address")."""
        return str(self.target.currentData() or LOCAL).partition(":")[0]

    def endpoint_name(self) -> str | None:
        data = str(self.target.currentData() or "")
        return data.partition(":")[2] if data.startswith(ENDPOINT + ":") else None

    def reload_targets(self) -> None:
        """Hangar's server, each saved endpoint (unless the policy forbids them), an address; the choice kept."""
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("Hangar's server on this machine"), LOCAL)
        self._endpoints = {}
        if self.app.endpoints.refusal() is None:
            try:
                endpoints = self.app.endpoints.list()
            except HangarError:
                endpoints = []
            for endpoint in endpoints:
                self._endpoints[endpoint.name] = endpoint
                self.target.addItem(self.tr("{0} — remote ({1})").format(endpoint.name, endpoint.base_url), f"{ENDPOINT}:{endpoint.name}")
                self.target.setItemData(self.target.count() - 1, self.tr("Prompts and replies leave this machine and go to {0}.").format(endpoint.base_url),
                                        Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        self.target.addItem(self.tr("Another address…"), ADDRESS)
        index = self.target.findData(chosen) if chosen is not None else 0
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)
        self._on_target()

    def _on_models_changed(self) -> None:
        if self.kind() == LOCAL:
            self._fill_models()

    def _on_target(self) -> None:
        kind = self.kind()
        for widget in (self.url, self.key):
            self.target_form.setRowVisible(widget, kind == ADDRESS)
        self.target_form.setRowVisible(self.refresh_button, kind == ENDPOINT)
        self.model.setEditable(kind != LOCAL)
        self._fill_models()
        self._describe()

    def _fill_models(self) -> None:
        kind = self.kind()
        chosen = self.model.currentData() if kind == LOCAL else self.model.currentText()
        self.model.clear()
        if kind == LOCAL:
            for model in self.app.library.list():
                self.model.addItem(model.name + (self.tr(" (synthetic weights)") if model.synthetic else ""), str(model.id))
            self.model.setCurrentIndex(max(0, self.model.findData(chosen)))
        elif kind == ENDPOINT:
            endpoint = self._endpoints.get(self.endpoint_name())
            for name in endpoint.models if endpoint else []:
                self.model.addItem(name, name)
                self.model.setItemData(self.model.count() - 1, self.tr("Runs on the endpoint {0} at {1}, not on this machine.").format(endpoint.name, endpoint.base_url),
                                       Qt.ItemDataRole.ToolTipRole)  # fmt: skip
            self.model.lineEdit().setPlaceholderText(self.tr("Read its models, or type a name"))
            if chosen and self.model.findText(chosen) >= 0:
                self.model.setCurrentIndex(self.model.findText(chosen))
        else:
            self.model.lineEdit().setPlaceholderText(self.tr("the first it lists"))

    def _describe(self) -> None:
        """What the chosen target is, in one sentence: the remote ones say that prompts leave this machine."""
        kind = self.kind()
        remote = False
        if kind == LOCAL:
            control = self.services.server
            if control.running:
                text = self.tr("Hangar's server in this window is running at {0}: the benchmark uses it as it is, with its {1} parallel sequence(s); "
                               "levels above that wait in its queue.").format(control.url, self.app.serving.options.n_parallel)  # fmt: skip
            else:
                text = self.tr("Hangar's server is started for the run on 127.0.0.1, with as many parallel sequences as the highest level, "
                               "and stopped after it. The model is loaded before the first level.")  # fmt: skip
            if not self.model.count():
                text += " " + self.tr("No models yet: download one in Discover or import a GGUF file in the Library.")
        elif kind == ENDPOINT:
            endpoint = self._endpoints.get(self.endpoint_name())
            remote = True
            text = self.tr("Remote endpoint {0}: prompts and replies leave this machine and go to {1}.").format(endpoint.name, endpoint.base_url)
            if not endpoint.models:
                text += " " + self.tr("Its models have not been read yet.")
        else:
            remote = True
            text = self.tr("Remote unless it is this machine's own address: prompts and replies leave this machine and go to the address above.")
            refusal = self.app.endpoints.refusal()
            if refusal is not None:
                text += " " + localise(refusal)
        self.where.setText(text)
        self.where.setStyleSheet("color: #b35900; font-weight: bold;" if remote else "")
        self.model_label.setText(self.tr("Remote model") if remote else self.tr("Model"))

    def refresh_models(self) -> None:
        name = self.endpoint_name()
        if not name:
            return
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Asking {0} for its models…").format(name))

        def done(endpoint) -> None:  # noqa: ANN001
            self.refresh_button.setEnabled(True)
            self.status.setText(self.tr("{0} lists {1} model(s).").format(endpoint.name, len(endpoint.models)))
            self.reload_targets()

        def failed(exc: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self._show_error(exc)

        self.tasks.run(lambda: self.app.endpoints.refresh_models(name), done, failed)

    # -- running ------------------------------------------------------------------------------------
    def _spec(self) -> tuple[BenchServeSpec, LocalServe | SavedEndpoint | None] | None:
        levels = parse_levels(self.levels.text())
        if levels is None:
            self.status.setText(self.tr("Concurrency levels are whole numbers of 1 or more, separated by commas (for example 1,2,4,8)."))
            return None
        workload = WorkloadSpec(prompt_tokens=self.prompt_tokens.value(), output_tokens=self.output_tokens.value(), requests=self.requests.value(),
                                endpoint=self.route.currentData() or "completions")  # fmt: skip
        shape = LoadShape(levels, self.rate.value() or None)
        slo = Slo(self.slo_ttft.value() or None, self.slo_tpot.value() or None, self.slo_e2el.value() or None)
        problem = workload.problem() or shape.problem()
        if problem:
            self.status.setText(localise(problem))
            return None
        label = self.label.text().strip() or None
        kind = self.kind()
        if kind == LOCAL:
            model = self.model.currentData()
            if not model:
                self.status.setText(self.tr("No models yet: download one in Discover or import a GGUF file in the Library."))
                return None
            control = self.services.server
            return BenchServeSpec(None, None, workload, shape, slo, Retry(), label), LocalServe(model, running=control.runner if control.running else None)
        model = self.model.currentText().strip() or None
        if kind == ENDPOINT:
            return BenchServeSpec(None, model, workload, shape, slo, Retry(), label), SavedEndpoint(self.endpoint_name())
        try:
            target = Target(self.url.text(), api_key=self.key.text().strip() or None, kind="endpoint")
        except HangarError as exc:
            self._show_error(exc)
            return None
        return BenchServeSpec(target, model, workload, shape, slo, Retry(), label), None

    def start(self) -> None:
        if self.run is not None:
            return
        made = self._spec()
        if made is None:
            return
        spec, where = made
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText("")
        self.stage.setText(self.tr("Starting…"))
        self.show_document(None)
        self.run = self.app.serve_bench.start(spec, where)
        self.collector.follow(self.run)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.stage.setText(self.tr("Cancelling… (what was measured is kept)"))

    def _render(self, updates: list) -> None:
        for update in updates:
            if isinstance(update, ServeBenchStatus):
                self.status.setText(localise(update.text))
            elif isinstance(update, ServeBenchProgress):
                p = update.progress
                text = self.tr("Level {0} of {1} (concurrency {2}): {3} of {4} requests done").format(p.index + 1, p.levels, p.max_concurrency, p.finished, p.total)
                if p.failed:
                    text += self.tr(", {0} failed").format(p.failed)
                self.stage.setText(text)
                self.progress.setValue(int(1000 * (p.index + p.finished / max(1, p.total)) / max(1, p.levels)))
            elif isinstance(update, ServeBenchLevel):  # the table and the charts fill in level by level
                self.results.append_records([update.level])
                self._draw(self.results.records)
            elif isinstance(update, ServeBenchFinished):
                self._on_finished(update)
            elif isinstance(update, ServeBenchFailed):
                self._done()
                self.stage.setText(self.tr("The serving benchmark stopped."))
                self._show_error(update.error)

    def _done(self) -> None:
        self.run = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_finished(self, update: ServeBenchFinished) -> None:
        self._done()
        document = update.document
        self.show_document(document if document["levels"] else None)
        failed = [lv for lv in document["levels"] if lv["status"] == "failed"]
        if update.cancelled:
            self.stage.setText(self.tr("Cancelled: the levels measured so far are shown."))
        elif failed and len(failed) == len(document["levels"]):
            self.stage.setText(self.tr("Every level failed: the reason is in the table."))
        else:
            self.progress.setValue(1000)
            self.stage.setText(self.tr("Finished: {0} level(s).").format(len(document["levels"])) +
                               (" " + self.tr("{0} failed; the reason is in the table.").format(len(failed)) if failed else ""))  # fmt: skip
        if update.run_id is not None:
            self.status.setText(self.tr("Stored as fleet run #{0}: the Fleet tab shows it beside other machines.").format(update.run_id))
            self.on_stored(update.run_id)
        elif not document["levels"]:
            self.status.setText(self.tr("Nothing was measured, so nothing was stored."))

    def _show_error(self, exc: BaseException) -> None:
        text, hint = error_text(exc, self.services.ctx.paths.log_file)
        self.status.setText(f"{text} {hint}".strip())

    # -- results ------------------------------------------------------------------------------------
    def show_document(self, document: dict | None) -> None:
        self.document = document
        levels = document["levels"] if document else []
        self.results.set_records(levels)
        if document:
            target, work = document["target"], document["workload"]
            prompts = self.tr("{0}-token prompts").format(work["prompt_tokens"]) if work["prompt_tokens"] is not None else self.tr("prompts from a file")
            load = self.tr("{0:g} req/s").format(work["rate"]) if work["rate"] else self.tr("closed loop")
            where = self.tr("Hangar's server") if target["kind"] == "hangar" else (target["engine"] or self.tr("endpoint"))
            lines = [self.tr("{0} at {1} ({2}) · {3} · {4} requests per level, {5}, {6} output tokens, {7}").format(
                target["model"], target["base_url"], where, document["machine"]["label"], work["requests"], prompts, work["output_tokens"], load)]  # fmt: skip
            lines += [self.tr("Concurrency {0}: {1}").format(lv["max_concurrency"], lv["error"]) for lv in levels if lv["error"]]
            self.summary.setText("\n".join(lines))
        else:
            self.summary.setText("")
        self._draw(levels)

    def _draw(self, levels: list[dict]) -> None:
        empty = self.tr("Run a serving benchmark to see it against concurrency")
        self.throughput_chart.show_lines(throughput_lines(levels), self.tr("Throughput (all requests together)"), empty, self.tr("tokens per second"))
        self.ttft_chart.show_lines(latency_lines(levels, "ttft"), self.tr("Time to first token (median solid, p99 dashed)"), empty, self.tr("TTFT (ms)"))
        self.tpot_chart.show_lines(latency_lines(levels, "tpot"), self.tr("Time per output token (median solid, p99 dashed)"), empty, self.tr("TPOT (ms)"))
