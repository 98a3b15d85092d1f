"""The long-lived core objects the panes share, with their callbacks turned into Qt signals.

Core callbacks arrive on worker threads; emitting a signal from there is safe, and
receivers in the GUI thread get them queued.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.context import AppContext
from ..core.downloads.manager import DownloadManager
from ..core.hub.tokens import get_token
from ..core.library import Library, LocalModel


class UiServices(QObject):
    download_changed = Signal(object)  # core.downloads.manager.Download
    library_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.library = Library(ctx.database)
        self.downloads = DownloadManager(
            ctx.database, self.library, ctx.models_dir,
            token_provider=get_token, on_change=self.download_changed.emit, on_model=self._on_model,
        )  # fmt: skip
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.downloads.start()

    def _on_model(self, model: LocalModel) -> None:
        self.library_changed.emit()

    def close(self) -> None:
        if self._started:
            self.downloads.stop()
