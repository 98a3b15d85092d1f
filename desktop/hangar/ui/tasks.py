"""Running slow core calls off the GUI thread, with the result delivered back as a signal."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Calls ``fn`` in the global thread pool; ``signals.finished``/``failed`` arrive queued."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI, which shows it
            log.exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Task:
    task = Task(fn)
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(task)
    return task
