"""The Hardware pane: devices, the llama.cpp runtimes that can use them, and how to add one.

Detection spawns a child process per runtime, so it runs in the background when the
pane is first shown and on Refresh; the pane shows "Detecting…" meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....core.common.units import format_gib
from ....core.hardware import HardwareReport, detect_hardware
from ....core.runner.runtimes import Runtime, detect_runtimes
from ...error_dialog import error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.tables import read_only_table


def _memory(record: dict) -> str:
    return QCoreApplication.translate("HardwarePane", "{0} free of {1}").format(format_gib(record.get("memory_free_bytes")), format_gib(record.get("memory_total_bytes")))


class HardwarePane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx = services, services.ctx
        self.tasks = BackgroundTasks(self)
        self._detecting = False
        self.report: HardwareReport | None = None
        self.runtimes: list[Runtime] = []

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("This machine"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.status_label = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.busy = QProgressBar()  # no percentage to give: the runtimes answer when they answer
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Detecting"))
        self.busy.hide()
        top.addWidget(title)
        top.addWidget(self.busy)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        body = QWidget()
        layout = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)

        system = QGroupBox(self.tr("Processor, memory and disk"))
        self.system_form = QFormLayout(system)
        self.cpu_label, self.features_label, self.memory_label, self.disk_label = QLabel(), QLabel(), QLabel(), QLabel()
        for label in (self.cpu_label, self.features_label, self.memory_label, self.disk_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.system_form.addRow(self.tr("CPU"), self.cpu_label)
        self.system_form.addRow(self.tr("Instruction sets"), self.features_label)
        self.system_form.addRow(self.tr("Memory"), self.memory_label)
        self.system_form.addRow(self.tr("Disk for models"), self.disk_label)
        layout.addWidget(system)

        runtimes = QGroupBox(self.tr("llama.cpp runtimes"))
        runtime_layout = QVBoxLayout(runtimes)
        self.runtime_model = RecordTableModel(
            [
                Column(self.tr("Runtime"), lambda r: r["label"]),
                Column(self.tr("Status"), lambda r: self.tr("available") if r["available"] else self.tr("unavailable"), lambda r: localise(r["reason"])),
                Column(self.tr("llama-cpp-python"), lambda r: r.get("version")),
                Column(self.tr("Devices it sees"), lambda r: ", ".join(f"{d['name']} ({d['description']})" for d in r["devices"]) or "-"),
                Column(self.tr("Why"), lambda r: localise(r["reason"]) or self.tr("ready")),
            ]
        )
        self.runtime_table = self._table(self.runtime_model)
        runtime_layout.addWidget(self.runtime_table)
        self.install_box = QVBoxLayout()
        runtime_layout.addLayout(self.install_box)
        layout.addWidget(runtimes)
        self.gpu_model = RecordTableModel(
            [
                Column(self.tr("GPU"), lambda r: f"{r['index']}: {r['name']}"),
                Column(self.tr("Memory"), _memory),
                Column(self.tr("Driver"), lambda r: r.get("driver")),
                Column(self.tr("Compute capability"), lambda r: r.get("compute_capability")),
            ]
        )
        self.gpu_box, self.gpu_reason = self._device_group(self.tr("NVIDIA GPUs"), self.gpu_model, layout)
        self.npu_model = RecordTableModel(
            [
                Column(self.tr("NPU"), lambda r: f"{r['index']}: {r['name']}"),
                Column(self.tr("Memory (HBM)"), _memory),
                Column(self.tr("Health"), lambda r: r.get("health")),
                Column(self.tr("Power"), lambda r: f"{r['power_w']:.0f} W" if r.get("power_w") is not None else self.tr("not reported")),
                Column(self.tr("CANN"), lambda r: r.get("cann_version") or "?"),
            ]
        )
        self.npu_box, self.npu_reason = self._device_group(self.tr("Huawei Ascend NPUs"), self.npu_model, layout)

        layout.addStretch(1)

    # -- building blocks -----------------------------------------------------------------------
    def _table(self, model: RecordTableModel) -> QTableView:
        table = read_only_table(model)
        table.setWordWrap(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(lambda: self._fit_height(table))
        return table

    @staticmethod
    def _fit_height(table: QTableView) -> None:
        """Tables as tall as their rows, hidden when empty: the pane scrolls, not each table."""
        table.resizeRowsToContents()
        rows = table.model().rowCount()
        table.setVisible(rows > 0)
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(rows)) + 2 * table.frameWidth()
        table.setFixedHeight(height)

    def _device_group(self, title: str, model: RecordTableModel, layout: QVBoxLayout) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        reason = QLabel()
        reason.setWordWrap(True)
        inner.addWidget(reason)
        table = self._table(model)
        table.hide()
        inner.addWidget(table)
        layout.addWidget(box)
        return box, reason

    # -- detection -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and not self._detecting:
            self.refresh()

    def refresh(self) -> None:
        """Two steps, each shown when it is done: the devices (fast), then the runtimes (a child
        process each, seconds on a cold machine) with a busy bar meanwhile."""
        self.status_label.setText(self.tr("Detecting the processor, memory, disk and accelerators…"))
        self.refresh_button.setEnabled(False)
        self.busy.show()
        models_dir = self.ctx.models_dir
        self._detecting = True
        self.tasks.run(lambda: detect_hardware(models_dir), self._on_hardware, self._on_failed)

    def _on_hardware(self, report: HardwareReport) -> None:
        self.show_devices(report)
        self.status_label.setText(self.tr("Probing the llama.cpp runtimes (CPU, CUDA, CANN), each in its own process…"))
        runtimes_dir = self.ctx.paths.runtimes_dir
        self.tasks.run(lambda: (report, detect_runtimes(runtimes_dir)), self._on_detected, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._detecting = False
        self.busy.hide()
        self.refresh_button.setEnabled(True)
        text, detail = error_text(exc, self.ctx.paths.log_file)
        self.status_label.setText(self.tr("Detection failed: {0}").format(text))

    def _on_detected(self, result: tuple[HardwareReport, list[Runtime]]) -> None:
        self._detecting = False
        self.busy.hide()
        self.refresh_button.setEnabled(True)
        self.report, self.runtimes = result
        self.status_label.setText("")
        self.show_report(*result)

    def show_report(self, report: HardwareReport, runtimes: list[Runtime]) -> None:
        self.show_devices(report)
        self.runtime_model.set_records([r.to_dict() for r in runtimes])
        self._show_install_commands(runtimes)

    def show_devices(self, report: HardwareReport) -> None:
        cpu = report.cpu
        self.cpu_label.setText(
            self.tr("{0}: {1} physical cores, {2} threads ({3})").format(cpu["model"], cpu["cores_physical"], cpu["cores_logical"], cpu["architecture"])
        )
        self.features_label.setText(", ".join(cpu["features"]) or self.tr("none detected"))
        self.memory_label.setText(self.tr("{0} available of {1}").format(format_gib(report.memory["available_bytes"]), format_gib(report.memory["total_bytes"])))
        self.disk_label.setText(self.tr("{0} free in {1}").format(format_gib(report.disk["free_bytes"]), report.disk["path"]))
        self.gpu_model.set_records(report.gpus)
        self.gpu_reason.setText(report.gpu_reason and self.tr("No NVIDIA GPU: {0}").format(localise(report.gpu_reason)))
        self.gpu_reason.setVisible(not report.gpus)
        self.npu_model.set_records(report.npus)
        toolkit = report.ascend.get("cann_version")
        npu_text = self.tr("No Ascend NPU: {0}").format(localise(report.npu_reason)) if not report.npus else ""
        if toolkit:
            npu_text += self.tr(" CANN toolkit {0} found.").format(toolkit)
        self.npu_reason.setText(npu_text.strip())
        self.npu_reason.setVisible(bool(npu_text))

    def _show_install_commands(self, runtimes: list[Runtime]) -> None:
        while self.install_box.count():
            item = self.install_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for runtime in runtimes:
            if runtime.available:
                continue
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(self.tr("Add {0}:").format(runtime.label)))
            command = QLineEdit(runtime.install_command)
            command.setReadOnly(True)
            command.setObjectName(f"install_{runtime.name}")
            command.setAccessibleName(self.tr("Command to add the {0} runtime").format(runtime.label))
            line.addWidget(command, 1)
            copy = QPushButton(self.tr("Copy"))
            copy.clicked.connect(lambda _=False, text=runtime.install_command: QGuiApplication.clipboard().setText(text))
            line.addWidget(copy)
            self.install_box.addWidget(row)
