"""The main window: a sidebar of panes beside a stack that shows the chosen one.

Panes are built when first shown, so start-up stays fast and a pane's failure to build
becomes an error message in its place instead of a window that never opens. The menus
carry every window-wide shortcut as an action, so the Keyboard shortcuts dialog can list
them from the actions themselves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QWidget

from .. import __version__
from ..core.app import Hangar
from ..core.common.errors import HangarError
from .error_dialog import error_text
from .panes import PaneSpec, pane_specs
from .services import UiServices
from .widgets.empty_state import EmptyState

log = logging.getLogger(__name__)


def pane_key_shortcut(index: int) -> str:
    """Ctrl+1 ... Ctrl+9 for the first nine panes and Ctrl+0 for the tenth, as browsers number tabs
    (there is no Ctrl+10 key); none past that."""
    return f"Ctrl+{index + 1}" if index < 9 else ("Ctrl+0" if index == 9 else "")


class MainWindow(QMainWindow):
    def __init__(self, app: Hangar) -> None:
        super().__init__()
        self.app = app
        self.ctx = ctx = app.ctx
        self.setWindowTitle(self.tr("Hangar"))
        self.setObjectName("mainWindow")
        self.specs: list[PaneSpec] = pane_specs()
        self.services = UiServices(app, self)
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
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        # Sizes from the font, not fixed pixels: a large font or a longer translation still fits.
        metrics = self.sidebar.fontMetrics()
        row_height = max(36, metrics.height() + 16)
        widest = max(metrics.horizontalAdvance(spec.title) for spec in self.specs)
        self.sidebar.setFixedWidth(max(176, widest + 20 + 48))
        for spec in self.specs:
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(160, row_height))
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the real pane on first show
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._on_pane_chosen)
        # A normal status-bar widget, not a message: a menu's status tip clears a message for good
        # (the status bar went blank in a long session), while a widget comes back after it.
        self.status_info = QLabel(self.tr("Hangar {0} · data in {1}").format(__version__, ctx.paths.data))
        self.status_info.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_info, 1)
        self._build_menus()

        available = self.screen().availableGeometry()
        self.resize(min(1180, int(available.width() * 0.95)), min(760, int(available.height() * 0.9)))
        if ctx.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(ctx.settings.window_geometry.encode("ascii")))
        self.show_pane(ctx.settings.last_pane)
        self.services.server.failed.connect(self._on_server_failed)
        if ctx.settings.serve_on_start:  # the Server pane's "Start the server with Hangar"
            self.services.server.start_from_settings()

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, file_menu)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        view_menu = bar.addMenu(self.tr("&View"))
        self.pane_actions = QActionGroup(self)
        for index, spec in enumerate(self.specs):
            action = self._action(spec.title, pane_key_shortcut(index), lambda _=False, i=index: self.sidebar.setCurrentRow(i), view_menu)
            action.setCheckable(True)
            action.setData(spec.key)
            self.pane_actions.addAction(action)
        view_menu.addSeparator()
        self.find_action = self._action(self.tr("&Search"), "Ctrl+F", self.focus_search, view_menu)
        self.find_action.setStatusTip(self.tr("Go to the search field of this pane (Discover when it has none)"))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), "", self.show_shortcuts, help_menu)
        self.guide_action = self._action(self.tr("&User guide"), "F1", self.show_user_guide, help_menu)
        help_menu.addSeparator()
        self.about_action = self._action(self.tr("&About Hangar"), "", self.show_about, help_menu)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(self.tr("About &Qt"), "", lambda: QMessageBox.aboutQt(self, self.tr("About Qt")), help_menu)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _action(self, text: str, keys: str, slot, menu) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # Where a pane keeps its search field, by attribute (Discover: query; Chat: its conversation list's).
    SEARCH_FIELDS = ("query", "search", "search_field", "conversations.search")

    def search_field(self, pane: QWidget) -> QLineEdit | None:
        for path in self.SEARCH_FIELDS:
            target = pane
            for name in path.split("."):
                target = getattr(target, name, None)
            if isinstance(target, QLineEdit):
                return target
        return None

    def focus_search(self) -> None:
        """Ctrl+F: this pane's search field, or Discover's when it has none."""
        field = self.search_field(self.pane(self.current_pane_key()))
        if field is None:
            self.show_pane("discover")
            field = getattr(self.pane("discover"), "query", None)
        if isinstance(field, QLineEdit):
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()

    def show_shortcuts(self) -> QWidget:
        from .shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_user_guide(self) -> QWidget:
        from .guide import UserGuideDialog

        dialog = UserGuideDialog(self)
        dialog.show()
        return dialog

    def show_about(self) -> QWidget:
        from .about import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def find_in_discover(self, query: str, repo_id: str = "") -> None:
        """Discover, searching for ``query``, with ``repo_id``'s quants opened beside the results."""
        self.show_pane("discover")
        discover = self.pane("discover")
        if hasattr(discover, "query"):
            discover.query.setText(query)
            discover.search()
            if repo_id:
                discover.open_repo(repo_id)

    def open_in_chat(self, model_path: str) -> None:
        """Chat, with the model at ``model_path`` chosen and loading (a finished download's Open in Chat)."""
        self.show_pane("chat")
        chat = self.pane("chat")
        if not hasattr(chat, "model_combo"):
            return
        chat.reload_models()
        index = chat.model_combo.findData(model_path)
        if index < 0:
            index = chat.model_combo.findData(str(model_path))
        if index >= 0:
            chat.model_combo.setCurrentIndex(index)
            chat.load_model()

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
                widget = spec.factory(self.services)
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
        self.pane_actions.actions()[row].setChecked(True)
        self.ctx.settings.last_pane = key

    # -- lifetime ------------------------------------------------------------------------
    def _on_server_failed(self, exc: BaseException) -> None:
        text, _hint = error_text(exc, self.ctx.paths.log_file)
        self.statusBar().showMessage(self.tr("The server did not start: {0}").format(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.settings.last_pane = self.current_pane_key()
        try:
            self.app.settings.save_quietly(window_geometry=self.ctx.settings.window_geometry, last_pane=self.ctx.settings.last_pane)
        except (OSError, HangarError):
            log.exception("could not save window state")
        self.services.close()  # stops the server too: its port is free and its models unloaded
        super().closeEvent(event)

