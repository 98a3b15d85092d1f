"""Choosing and loading the chat model: the library's models, then the remote endpoints'
models (marked remote), Load with progress and Cancel.

The bar is widgets only: the load itself, the worker and where it runs belong to the
chat's controller (core/app/conversation.py); the pane hands the bar the controller's
load updates and the bar shows them. Everything it has to say goes out through ``status``:
choosing a remote model says, before anything is sent, that prompts leave this machine.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ....core.app.conversation import ChatController, LoadFailed, LoadProgress, LoadStatus, ModelReady
from ....core.app.governance import OverrideReasonNeeded
from ....core.app.library import LibraryService
from ....core.common.errors import ModelTooLarge
from ....core.runner import protocol as P
from ...error_dialog import ask_anyway, error_text
from ...i18n import localise
from ...widgets.experts_spin import ExpertsOnCpu


class ModelBar(QWidget):
    status = Signal(str)
    loaded = Signal()  # the controller has a model
    unloaded = Signal()  # loading ended without a model (failed or cancelled)
    load_started = Signal()  # the pane collects the controller's updates while it loads

    def __init__(self, controller: ChatController, library: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.library = controller, library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Model"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.combo.currentIndexChanged.connect(self._on_chosen)
        self._remote: dict[str, object] = {}  # ref -> core.app.endpoints.RemoteTarget, for the models listed as remote
        self.load_button = QPushButton(self.tr("Load"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.experts = ExpertsOnCpu()  # mixture-of-experts models: experts of N layers in RAM, auto by default
        experts_label = QLabel(self.tr("Experts on CPU"))
        experts_label.setBuddy(self.experts)
        self.row.addWidget(self.combo, 1)
        self.row.addWidget(experts_label)
        self.row.addWidget(self.experts)
        self.row.addWidget(self.load_button)
        self.row.addWidget(self.cancel_button)
        layout.addLayout(self.row)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Loading progress"))
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)

    def name_of(self, path: str | None) -> str:
        return self.combo.itemText(max(0, self.combo.findData(path)))

    def reload(self) -> None:
        """The library's models, then the remote ones; the current choice is kept while it is still there."""
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for model in self.library.list():
            self.combo.addItem(model.name + (self.tr(" (synthetic weights)") if model.synthetic else ""), model.path)
        self._remote = {}
        for target in self.controller.remote_models():
            self._remote[target.ref] = target
            self.combo.addItem(self.tr("{0} — remote: {1}").format(target.model, target.endpoint), target.ref)
            self.combo.setItemData(self.combo.count() - 1, self.tr("Runs on the endpoint {0} at {1}, not on this machine.").format(target.endpoint, target.base_url),
                                   Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        if current:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        if not self.combo.count():
            self.status.emit(self.tr("No models yet: download one in Discover or import a GGUF file in the Library."))
        elif self.combo.currentData() != current or self.remote_target() is not None:
            self._on_chosen()

    def remote_target(self):
        """The chosen model's endpoint and name (core.app.endpoints.RemoteTarget), or None for a local model."""
        return self._remote.get(self.combo.currentData())

    def _on_chosen(self, _index: int = -1) -> None:
        target = self.remote_target()
        if target is not None:
            self.status.emit(self.tr("Prompts and replies to this model leave this machine and go to {0}.").format(target.base_url))

    def load(self, n_ctx: int, *, force: bool = False, reason: str | None = None) -> None:
        """Load the chosen model; one the memory estimate says will not fit asks first."""
        path = self.combo.currentData()
        if not path or not self.controller.load(path, n_ctx, force=force, reason=reason, n_cpu_moe=self.experts.n_cpu_moe()):
            return
        self.status.emit(self.tr("Loading {0}…").format(self.combo.currentText()))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.load_button.setEnabled(False)
        self.load_started.emit()

    def cancel(self) -> None:
        if self.controller.loading:
            self.controller.cancel_load()
            self.status.emit(self.tr("Cancelling the load…"))

    # -- the controller's load updates, on the GUI thread -----------------------------------------
    def show_update(self, update) -> None:
        if isinstance(update, LoadStatus):
            self.status.emit(localise(update.text))
        elif isinstance(update, LoadProgress):
            self.progress.setValue(int(update.fraction * 100))
        elif isinstance(update, ModelReady):
            self._end_loading()
            self._say_loaded(update.model)
            self.loaded.emit()
        elif isinstance(update, LoadFailed):
            self._end_loading()
            self._on_failed(update)

    def _end_loading(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.load_button.setEnabled(True)

    def _say_loaded(self, model) -> None:
        if model.remote is not None:
            text = self.tr("{0} on the endpoint {1} is ready. Prompts and replies to this model leave this machine and go to {2}.").format(
                model.name, model.remote.endpoint, model.remote.base_url)  # fmt: skip
            text += " " + self.tr("Top-k, min-p and the repeat penalty are llama.cpp's own and are not sent to it.")
            for warning in model.warnings:  # a license review the policy asks for
                text += " " + localise(warning)
            self.status.emit(text)
            return
        if model.has_own_chat_template:
            template = self.tr("its own chat template (from the GGUF file)")
        else:
            template = self.tr("no chat template of its own, so Hangar uses the ChatML format, which may not suit it")
        text = self.tr("{0} is loaded on {1} via the {2} runtime, {3} tokens of context. It has {4}.").format(
            model.name, model.placement.device, model.placement.runtime, model.n_ctx, template
        )  # fmt: skip
        if model.placement.fallback_reason:
            text += " " + self.tr("It runs on the CPU because the accelerator failed: {0}").format(localise(model.placement.fallback_reason))
        if model.plan is not None:  # the plan in words, and what llama.cpp moved
            text += " " + self.tr("Memory plan: {0}.").format(localise(model.plan.words()))
        if model.placement.n_cpu_moe:
            text += " " + self.tr("The experts of {0} layers are in RAM ({1} tensors moved there).").format(model.placement.n_cpu_moe, model.placement.overridden_tensors)
        for warning in model.warnings:  # the CANN quant warning stays in view, not overwritten by the next line
            text += " " + localise(warning)
        self.status.emit(text)

    def _on_failed(self, failure: LoadFailed) -> None:
        exc = failure.error
        if isinstance(exc, ModelTooLarge) and not failure.cancelled:
            request = self.controller.load_request
            if self._load_anyway(exc) and request is not None:
                self.combo.setCurrentIndex(max(0, self.combo.findData(str(request.model))))
                self.load(request.n_ctx, force=True)
                return
            self.status.emit(" ".join(error_text(exc)).strip())
        elif isinstance(exc, OverrideReasonNeeded) and not failure.cancelled:
            request = self.controller.load_request
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("A reason is needed"),
                self.tr("{0}\n\nYour organisation asks why you may use it. The reason is kept in the audit trail with your name.").format(localise(exc.message)),
            )  # fmt: skip
            if ok and reason.strip() and request is not None:
                self.combo.setCurrentIndex(max(0, self.combo.findData(str(request.model))))
                self.load(request.n_ctx, force=request.force, reason=reason.strip())
                return
            self.status.emit(" ".join(error_text(exc)).strip())
        elif failure.cancelled or getattr(exc, "code", "") == P.E_CANCELLED:
            self.status.emit(self.tr("Loading was cancelled."))
        else:
            message, hint = error_text(exc, self.controller.log_file)
            self.status.emit(f"{message} {hint}".strip())
        self.unloaded.emit()

    def _load_anyway(self, exc: ModelTooLarge) -> bool:
        risk = self.tr("Loading it anyway may fail, or make this computer very slow while it swaps.")
        return ask_anyway(self, self.tr("Model too large"), exc, risk, self.tr("Load anyway"))
