"""How errors reach a person in the window: a dialog with the message, never a crash.

``install_excepthook`` catches exceptions that escape Qt slots; they are logged with the
traceback and shown as a short message that names the log file.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.common.errors import HangarError
from .i18n import localise

log = logging.getLogger(__name__)


def error_text(exc: BaseException, log_file: Path | None = None) -> tuple[str, str]:
    """The main line and the detail line for an exception, as a user should read them."""
    if isinstance(exc, HangarError):
        return localise(exc.message), localise(exc.hint)
    where = QApplication.translate("ErrorDialog", " Details are in {0}.").format(log_file) if log_file else ""
    return (
        QApplication.translate("ErrorDialog", "Something went wrong: {0}").format(f"{exc.__class__.__name__}: {exc}"),
        QApplication.translate("ErrorDialog", "Hangar keeps running; your data was not changed.") + where,
    )


def show_error(parent: QWidget | None, title: str, exc: BaseException, log_file: Path | None = None) -> QMessageBox:
    text, detail = error_text(exc, log_file)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(detail)
    box.setObjectName("errorDialog")
    box.setModal(True)
    box.show()
    return box


def ask_anyway(parent: QWidget, title: str, exc: HangarError, risk: str, action: str) -> bool:
    """A refusal a person may overrule (a model too large for memory): No is the default."""
    message, hint = error_text(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.No, parent)
    box.setInformativeText(f"{risk} {hint}".strip())
    box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setObjectName("askAnywayDialog")
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


class ExceptionHook:
    """Replaces sys.excepthook while the window runs; keeps the dialogs it opened."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.dialogs: list[QMessageBox] = []
        self._previous = sys.excepthook

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, exc, tb)
            return
        log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is None:
            self._previous(kind, exc, tb)
            return
        parent = QApplication.activeWindow()
        title = QApplication.translate("ErrorDialog", "Hangar: error")
        self.dialogs.append(show_error(parent, title, exc, self.log_file))

    def install(self) -> "ExceptionHook":
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous
