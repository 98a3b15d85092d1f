"""Opening the database before the window, and what to do when that fails.

A damaged or locked database gets a dialog that names the file and offers what helps:
try again (locked), move the file aside and start fresh (damaged), or quit. The file
itself is never deleted or modified here.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ..core.app import Hangar
from ..core.common.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked
from ..core.config.context import AppContext
from ..core.db.store import move_aside
from .i18n import localise
from .main_window import MainWindow

log = logging.getLogger(__name__)

QUIT, RETRY, MOVE_ASIDE = "quit", "retry", "move_aside"


class StartupErrorDialog(QMessageBox):
    """The dialog shown when the database cannot be opened; ``choice`` holds the answer."""

    def __init__(self, error: DatabaseError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupErrorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Hangar cannot open its database"))
        self.setText(localise(error.message))
        self.setInformativeText(localise(error.hint))
        self.choice = QUIT
        self._buttons: dict[str, QPushButton] = {}
        if isinstance(error, DatabaseLocked):
            self._add(RETRY, self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        if isinstance(error, DatabaseCorrupt):
            self._add(MOVE_ASIDE, self.tr("Move it aside and start fresh"), QMessageBox.ButtonRole.DestructiveRole)
        self._add(QUIT, self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self._buttons[RETRY if RETRY in self._buttons else QUIT])
        self.buttonClicked.connect(self._on_clicked)

    def _add(self, choice: str, text: str, role: QMessageBox.ButtonRole) -> None:
        button = self.addButton(text, role)
        button.setObjectName(f"choice_{choice}")
        self._buttons[choice] = button

    def button(self, choice: str) -> QPushButton:  # type: ignore[override]
        return self._buttons[choice]

    def choices(self) -> list[str]:
        return list(self._buttons)

    def _on_clicked(self, clicked: QPushButton) -> None:
        for choice, button in self._buttons.items():
            if button is clicked:
                self.choice = choice


def _ask_with_dialog(error: DatabaseError) -> str:
    dialog = StartupErrorDialog(error)
    dialog.exec()
    return dialog.choice


def show_welcome_if_first_run(window: MainWindow, detect=None):
    """The welcome dialog on the first start only; None when it was shown before.
    ``detect`` replaces hardware and runtime detection (tests)."""
    if window.ctx.settings.first_run_done:
        return None
    from .welcome import show_welcome

    return show_welcome(window, detect)


DAILY_CHECK_DELAY_MS = 5000  # after start-up settles: the check reads the Hub in the background


def schedule_daily_update_check(window: MainWindow, delay_ms: int = DAILY_CHECK_DELAY_MS) -> bool:
    """The opted-in daily update check at start-up (core/lifecycle), not only when the Library is
    first opened; it says something (the status bar, the Library) only when something changed."""
    if not window.ctx.settings.update_check_daily:
        return False
    from PySide6.QtCore import QTimer

    def check() -> None:
        library = window.pane("library")
        updates = getattr(library, "updates", None)
        if updates is not None:
            updates.check_if_due()

    QTimer.singleShot(delay_ms, window, check)
    return True


def open_main_window(ctx: AppContext, ask: Callable[[DatabaseError], str] = _ask_with_dialog) -> MainWindow | None:
    """The main window once the database opens, or None when the user chose to quit."""
    while True:
        try:
            ctx.database  # noqa: B018 - opening it is the point
            return MainWindow(Hangar(ctx))
        except DatabaseError as exc:
            log.error("database problem at start-up: %s", exc)
            choice = ask(exc)
            if choice == MOVE_ASIDE:
                moved = move_aside(ctx.paths.database)
                log.warning("user moved the damaged database to %s", moved)
            elif choice != RETRY:
                return None
