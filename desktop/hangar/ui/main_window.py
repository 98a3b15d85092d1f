"""The main window: a sidebar of panes beside a stack that shows the chosen one.

Panes are built when first shown, so start-up stays fast and a pane's failure to build
becomes an error message in its place instead of a window that never opens.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from .. import __version__
from ..core.context import AppContext
from .error_dialog import error_text
from .panes import PaneSpec, pane_specs
from .services import UiServices
from .widgets.empty_state import EmptyState

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Hangar"))
        self.setObjectName("mainWindow")
        self.specs: list[PaneSpec] = pane_specs()
        self.services = UiServices(ctx, self)
        self.services.start()
        self._built: dict[str, QWidget] = {}

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(176)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(160, 36))
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the real pane on first show
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, activated=lambda i=index: self.sidebar.setCurrentRow(i))
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._on_pane_chosen)
        self.statusBar().showMessage(self.tr("Hangar {0} · data in {1}").format(__version__, ctx.paths.data))

        self.resize(1180, 760)
        if ctx.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(ctx.settings.window_geometry.encode("ascii")))
        self.show_pane(ctx.settings.last_pane)

    # -- panes ---------------------------------------------------------------------------
    def pane_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def current_pane_key(self) -> str:
        return self.specs[self.stack.currentIndex()].key

    def pane(self, key: str) -> QWidget:
        """The pane for ``key``, built on first request."""
        index = self.pane_keys().index(key)
        if key not in self._built:
            spec = self.specs[index]
            try:
                widget = spec.factory(self.ctx, self.services)
            except Exception as exc:  # a broken pane must not take the window down
                log.exception("could not build the %s pane", key)
                text, detail = error_text(exc, self.ctx.paths.log_file)
                widget = EmptyState(self.tr("This pane could not be opened"), f"{text}\n{detail}")
            widget.setObjectName(f"pane_{key}")
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = widget
        return self._built[key]

    def show_pane(self, key: str) -> None:
        if key not in self.pane_keys():
            key = self.specs[0].key
        self.sidebar.setCurrentRow(self.pane_keys().index(key))
        self._on_pane_chosen(self.sidebar.currentRow())

    def _on_pane_chosen(self, row: int) -> None:
        if row < 0:
            return
        key = self.specs[row].key
        self.pane(key)
        self.stack.setCurrentIndex(row)
        self.ctx.settings.last_pane = key

    # -- lifetime ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.settings.last_pane = self.current_pane_key()
        try:
            self.ctx.save_settings()
        except OSError:
            log.exception("could not save window state")
        self.services.close()
        super().closeEvent(event)

