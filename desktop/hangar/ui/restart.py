"""Starting Hangar again (a new language needs it): the same program, the same arguments.

The new process is started first and the window closes only if it started; closing the
window does what quitting always does (the server stops, the window's state is saved).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QWidget


def restart_command() -> tuple[str, list[str]]:
    """(program, arguments) that start this Hangar again: the bundle's own executable when frozen
    (PyInstaller), else this Python with the same launcher (the ``hangar`` script or ``-m hangar.ui``)."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(sys.argv[1:])
    if sys.argv and sys.argv[0] and not sys.argv[0].endswith(("-c", "pytest")):
        return sys.executable, list(sys.argv)
    return sys.executable, ["-m", "hangar.ui.app"]


def restart(window: QWidget, start=QProcess.startDetached) -> bool:
    """Start a new Hangar and close this one; False (nothing closed) when it could not start."""
    program, arguments = restart_command()
    started = start(program, arguments)
    ok = started[0] if isinstance(started, tuple) else bool(started)
    if not ok:
        return False
    window.window().close()
    QApplication.quit()
    return True
