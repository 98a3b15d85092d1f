"""Running slow core calls off the GUI thread, with the result delivered back as a signal."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

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
            self._deliver(self.signals.failed, exc)
        else:
            self._deliver(self.signals.finished, result)

    def _deliver(self, signal, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # Qt already tore the signal's object down (the app is closing): nobody to tell
            log.info("a background result arrived after its window closed")


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Task:
    task = Task(fn)
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(task)
    return task


class _Receiver(QObject):
    """Delivers one task's outcome; a child of the widget that asked, so it dies with it.

    Qt drops a connection when its receiver is destroyed: a result that arrives after
    the pane was closed is then simply not delivered, instead of touching a dead widget.
    """

    def __init__(self, owner: QObject, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        super().__init__(owner)
        self.on_done, self.on_error = on_done, on_error

    @Slot(object)
    def done(self, result: Any) -> None:
        self.deleteLater()
        self.on_done(result)

    @Slot(object)
    def failed(self, error: BaseException) -> None:
        self.deleteLater()
        self.on_error(error)


class BackgroundTasks:
    """Runs work in the thread pool for a widget; results reach it only while it lives."""

    # Every running task, for the whole process: a task must outlive the widget that
    # started it (its signals object would otherwise be collected mid-run).
    _running: set[Task] = set()

    def __init__(self, owner: QObject) -> None:
        self.owner = owner

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Task:
        task = Task(fn)
        receiver = _Receiver(self.owner, on_done, on_error)
        task.signals.finished.connect(receiver.done)
        task.signals.failed.connect(receiver.failed)
        BackgroundTasks._running.add(task)
        task.signals.finished.connect(lambda _result, t=task: BackgroundTasks._running.discard(t))
        task.signals.failed.connect(lambda _error, t=task: BackgroundTasks._running.discard(t))
        QThreadPool.globalInstance().start(task)
        return task
