"""The welcome shown on first start: this machine, the runtime it will use, a first model.

Shown once (Settings ``first_run_done``), from the application's start-up and never from
the main window's constructor, so tests and screenshots get it only when they ask.
Detection runs in the background (the runtime probe starts a child process); the
dialog says "Detecting…" until it is back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.app.first_run import ModelChoice, RuntimeAdvice, first_run_plan
from ..core.common.units import GB, GIB
from ..core.hardware import HardwareReport, detect_hardware
from ..core.runner.runtimes import detect_runtimes
from .error_dialog import error_text
from .i18n import localise
from .panes.settings.pane import change_models_dir
from .tasks import BackgroundTasks

log = logging.getLogger(__name__)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WelcomeDialog(QDialog):
    find_model_requested = Signal(str, str)  # Discover search text, repository id
    hardware_requested = Signal()

    def __init__(self, window, detect=None) -> None:
        """``window`` is the MainWindow (its context and services); ``detect`` replaces the
        real hardware and runtime detection in tests."""
        super().__init__(window)
        self.ctx, self.services = window.ctx, getattr(window, "services", None)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Hangar"))
        self.tasks = BackgroundTasks(self)
        self.plan: tuple[RuntimeAdvice, ModelChoice] | None = None
        layout = QVBoxLayout(self)

        title = QLabel(self.tr("Welcome to Hangar"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(_wrapped(self.tr("Hangar runs open-weight language models on this computer. Here is what it found, and a good model to start with.")))

        machine = QGroupBox(self.tr("This machine"))
        form = QFormLayout(machine)
        self.cpu_label, self.memory_label, self.gpu_label, self.npu_label = (_wrapped(self.tr("Detecting…")) for _ in range(4))
        form.addRow(self.tr("Processor"), self.cpu_label)
        form.addRow(self.tr("Memory"), self.memory_label)
        form.addRow(self.tr("NVIDIA GPUs"), self.gpu_label)
        form.addRow(self.tr("Ascend NPUs"), self.npu_label)
        layout.addWidget(machine)

        runtime = QGroupBox(self.tr("Runtime"))
        row = QHBoxLayout(runtime)
        self.runtime_label = _wrapped(self.tr("Detecting the llama.cpp runtimes…"))
        self.hardware_button = QPushButton(self.tr("Show in Hardware"))
        self.hardware_button.clicked.connect(self._on_hardware)
        self.hardware_button.hide()
        row.addWidget(self.runtime_label, 1)
        row.addWidget(self.hardware_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(runtime)

        model = QGroupBox(self.tr("A first model"))
        row = QHBoxLayout(model)
        self.model_label = _wrapped(self.tr("Chosen once the memory is known…"))
        self.model_label.setObjectName("firstModel")
        self.find_button = QPushButton(self.tr("Find it in Discover"))
        self.find_button.setEnabled(False)
        self.find_button.clicked.connect(self._on_find)
        row.addWidget(self.model_label, 1)
        row.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(model)

        folder = QGroupBox(self.tr("Where models are kept"))
        row = QHBoxLayout(folder)
        self.folder_label = _wrapped(str(self.ctx.models_dir))
        self.folder_label.setObjectName("modelsFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("Change…"))
        change.setAccessibleName(self.tr("Change the models folder"))
        change.clicked.connect(self._on_change_folder)
        row.addWidget(self.folder_label, 1)
        row.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(folder)

        privacy = _wrapped(
            self.tr("Nothing is sent anywhere without your consent: Hangar contacts the Hugging Face Hub only when you search it, open a repository, check a repository's license or download.")
        )
        privacy.setObjectName("privacyNote")
        layout.addWidget(privacy)

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Get started"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.start_button.setFocus()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())

        models_dir, runtimes_dir = self.ctx.models_dir, self.ctx.paths.runtimes_dir
        work = detect or (lambda: (detect_hardware(models_dir), detect_runtimes(runtimes_dir)))
        self.tasks.run(lambda: self._plan(*work()), self._on_detected, self._on_failed)

    @staticmethod
    def _plan(hardware: HardwareReport, runtimes):
        return hardware, first_run_plan(hardware, runtimes)

    # -- what was found -------------------------------------------------------------------------
    def _on_detected(self, result) -> None:
        hardware, plan = result
        self.plan = plan
        self.show_hardware(hardware)
        self.show_plan(*plan)
        self._fit_height()

    def _on_failed(self, exc: BaseException) -> None:
        text, _hint = error_text(exc, self.ctx.paths.log_file)
        for label in (self.cpu_label, self.memory_label, self.gpu_label, self.npu_label):
            label.setText("?")
        self.runtime_label.setText(self.tr("Detection failed: {0}").format(text))
        self.model_label.setText(self.tr("Open Discover to find a model."))
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the answers need once they arrive: a window keeps its size when its
        wrapped labels change, and would clip their last lines (or leave gaps)."""
        layout = self.layout()
        for _ in range(3):  # a label's width, hence its height, settles after one layout pass
            # The group boxes re-measure their labels on posted layout requests: run those first.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            layout.activate()
            needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
            needed = min(needed, int(self.screen().availableGeometry().height() * 0.95))
            if needed == self.height():
                return
            self.resize(self.width(), needed)
            if self.parentWidget() is not None:  # stay centred over the window, as when it opened
                frame = self.frameGeometry()
                frame.moveCenter(self.parentWidget().frameGeometry().center())
                self.move(frame.topLeft())

    def show_hardware(self, hardware: HardwareReport) -> None:
        cpu = hardware.cpu
        self.cpu_label.setText(
            self.tr("{0}: {1} cores, {2} threads").format(cpu.get("model", "?"), cpu.get("cores_physical", "?"), cpu.get("cores_logical", "?"))
        )
        memory = hardware.memory
        self.memory_label.setText(
            self.tr("{0:.1f} GiB ({1:.1f} GiB available now)").format(memory.get("total_bytes", 0) / GIB, memory.get("available_bytes", 0) / GIB)
        )
        for label, devices, none in (
            (self.gpu_label, hardware.gpus, self.tr("none found")),
            (self.npu_label, hardware.npus, self.tr("none found")),
        ):
            shown = [self.tr("{0} ({1:.0f} GiB)").format(d["name"], d.get("memory_total_bytes", 0) / GIB) for d in devices]
            label.setText(", ".join(shown) or none)
        self.gpu_label.setToolTip(localise(hardware.gpu_reason))
        self.npu_label.setToolTip(localise(hardware.npu_reason))

    def show_plan(self, advice: RuntimeAdvice, choice: ModelChoice) -> None:
        if not advice.runtime.available:
            text = self.tr("No llama.cpp runtime works yet: {0}").format(localise(advice.runtime.reason))
        elif advice.device_kind == "cpu":
            text = self.tr("{0}: models run on the processor, in system memory.").format(advice.label)
        else:
            text = self.tr("{0}: models run on {1}.").format(advice.label, advice.device)
        if advice.missing is not None:
            text += "\n" + self.tr(
                "This machine has a device the {0} runtime could use, but that runtime is not ready ({1}). "
                "The Hardware pane shows the command that adds it."
            ).format(advice.missing.label, localise(advice.missing.reason))
        self.runtime_label.setText(text)
        self.hardware_button.setVisible(advice.missing is not None or not advice.runtime.available)

        model, fit = choice.model, choice.fit
        verdict = {
            "fits": self.tr("It fits: it needs about {0:.1f} GiB of the {1:.1f} GiB free in {2}."),
            "tight": self.tr("It fits only tightly: it needs about {0:.1f} GiB of the {1:.1f} GiB free in {2}. Close other programs first."),
            "does_not_fit": self.tr("Even this small model needs about {0:.1f} GiB, and only {1:.1f} GiB is free in {2}. Close other programs first."),
        }[fit.verdict].format(fit.needed_bytes / GIB, fit.available_bytes / GIB, self._device_name(advice))
        self.model_label.setText(
            self.tr("{0}, quantised to {1} (a {2:.1f} GB file) from {3}, license {4}.").format(
                model.name, model.quant, model.size_bytes / GB, model.repo, model.license
            )
            + "\n"
            + verdict
            + ("\n" + self.tr("Larger models fit in memory too, but would answer slowly on this processor.") if choice.slower_would_fit else "")
        )
        self.find_button.setEnabled(True)

    def _device_name(self, advice: RuntimeAdvice) -> str:
        return self.tr("system memory") if advice.device_kind == "cpu" else advice.device

    # -- actions --------------------------------------------------------------------------------
    def _on_find(self) -> None:
        if self.plan is not None:
            model = self.plan[1].model
            self.find_model_requested.emit(model.search_query, model.repo)
            self.accept()

    def _on_hardware(self) -> None:
        self.hardware_requested.emit()
        self.accept()

    def _on_change_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the models folder"), str(self.ctx.models_dir))
        if chosen:
            self.change_folder(chosen)

    def change_folder(self, path: str) -> bool:
        changed = change_models_dir(self, self.services, path)
        self.folder_label.setText(str(self.ctx.models_dir))
        return changed


def show_welcome(window: QWidget, detect=None) -> WelcomeDialog:
    """Open the welcome over ``window`` (a MainWindow) and record that it was shown once closed."""
    dialog = WelcomeDialog(window, detect)
    dialog.find_model_requested.connect(window.find_in_discover)
    dialog.hardware_requested.connect(lambda: window.show_pane("hardware"))
    dialog.finished.connect(lambda _result: _mark_done(window.app))
    dialog.open()
    return dialog


def _mark_done(app) -> None:
    try:
        app.settings.save_quietly(first_run_done=True)
    except Exception:  # shown again next time: harmless
        log.exception("could not record that the welcome was shown")
