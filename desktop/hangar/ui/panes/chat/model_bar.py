"""Choosing and loading the chat model: the library's models, Load with progress and Cancel.

Owns the worker once it is loaded (``client``) and says where the model runs: device,
runtime, context, its chat template or the ChatML fallback, and any CPU fallback with
the reason. Everything it has to say goes out through ``status``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ....core import engine_protocol as P
from ....core.app import Hangar, LoadRequest
from ....core.engine_client import EngineError
from ....core.errors import ModelTooLarge
from ...error_dialog import ask_anyway, error_text
from ...i18n import localise
from ...tasks import BackgroundTasks


class _Relay(QObject):
    """Carries the load's status lines and progress from the worker thread to the GUI.

    The receivers are Slots: PySide 6.8+ mishandles many cross-thread emissions into
    plain Python callables (PYSIDE-3124). Reply tokens never come this way (see pane.py).
    """

    status = Signal(str)
    progress = Signal(float)


class ModelBar(QWidget):
    status = Signal(str)
    loaded = Signal()  # ``client`` is ready
    unloaded = Signal()  # loading ended without a model (failed or cancelled)

    def __init__(self, app: Hangar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.ctx = app, app.ctx
        self.tasks = BackgroundTasks(self)
        self.client = None
        self.placement = None
        self.path: str | None = None
        self.n_ctx: int | None = None
        self.loading = None  # None, True while the worker starts, then the loading worker
        self._cancelled = False
        self.relay = _Relay()
        self.relay.status.connect(self._on_status)
        self.relay.progress.connect(self._on_progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Model"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.load_button = QPushButton(self.tr("Load"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.row.addWidget(self.combo, 1)
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
        current = self.combo.currentData()
        self.combo.clear()
        for model in self.app.library.list():
            self.combo.addItem(model.name + (self.tr(" (synthetic weights)") if model.synthetic else ""), model.path)
        if current:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        if not self.combo.count():
            self.status.emit(self.tr("No models yet: download one in Discover or import a GGUF file in the Library."))

    def load(self, n_ctx: int, *, force: bool = False) -> None:
        """Load the chosen model; one the memory estimate says will not fit asks first."""
        path = self.combo.currentData()
        if not path or self.loading is not None:
            return
        self.close_client()
        self.status.emit(self.tr("Loading {0}…").format(self.combo.currentText()))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.load_button.setEnabled(False)
        self.loading, self._cancelled = True, False
        self.pending_ctx = n_ctx
        relay, host = self.relay, self.app.models

        def remember(client) -> None:  # on the loading thread: Cancel can reach this worker now
            self.loading = client

        def work():  # the application layer's one load path: the file, the runtime, the fit, the fallback
            return host.load(LoadRequest(path, n_ctx=n_ctx, force=force), on_status=lambda text: relay.status.emit(localise(text)),
                             on_progress=relay.progress.emit, on_client=remember)  # fmt: skip

        self.tasks.run(work, lambda result: self._on_loaded(result, path, n_ctx), self._on_failed)

    def cancel(self) -> None:
        if self.loading is None:
            return
        self._cancelled = True
        if self.loading is not True:
            self.loading.cancel()
        self.status.emit(self.tr("Cancelling the load…"))

    def close_client(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    @Slot(str)
    def _on_status(self, text: str) -> None:
        self.status.emit(text)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def _end_loading(self) -> None:
        self.loading = None
        self.progress.hide()
        self.cancel_button.hide()
        self.load_button.setEnabled(True)

    def _on_loaded(self, result, path: str, n_ctx: int) -> None:
        if self._cancelled:  # the load finished before the cancel reached it
            result.close()
            self._on_failed(EngineError(P.E_CANCELLED, "Loading was cancelled."))
            return
        self.client, self.placement = result.client, result.placement
        self.path, self.n_ctx = path, n_ctx
        self._end_loading()
        if result.has_own_chat_template:
            template = self.tr("its own chat template (from the GGUF file)")
        else:
            template = self.tr("no chat template of its own, so Hangar uses the ChatML format, which may not suit it")
        text = self.tr("{0} is loaded on {1} via the {2} runtime, {3} tokens of context. It has {4}.").format(
            self.name_of(path), self.placement.device, self.placement.runtime, n_ctx, template
        )  # fmt: skip
        if self.placement.fallback_reason:
            text += " " + self.tr("It runs on the CPU because the accelerator failed: {0}").format(localise(self.placement.fallback_reason))
        self.status.emit(text)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._end_loading()
        if isinstance(exc, ModelTooLarge) and not self._cancelled:
            if self._load_anyway(exc):
                self.load(self.pending_ctx, force=True)
                return
            self.status.emit(" ".join(error_text(exc)).strip())
        elif getattr(exc, "code", "") == P.E_CANCELLED:
            self.status.emit(self.tr("Loading was cancelled."))
        else:
            message, hint = error_text(exc, self.ctx.paths.log_file)
            self.status.emit(f"{message} {hint}".strip())
        self.unloaded.emit()

    def _load_anyway(self, exc: ModelTooLarge) -> bool:
        risk = self.tr("Loading it anyway may fail, or make this computer very slow while it swaps.")
        return ask_anyway(self, self.tr("Model too large"), exc, risk, self.tr("Load anyway"))
