"""Collects a core object's updates on the GUI thread: the window's side of core/app/outbox.py.

While the source is busy, a 50 ms timer takes its updates and hands them to the view:
at most 20 repaints a second however fast a worker writes, and every state change on
the GUI thread. The chat pane and the benchmark pane both use it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

FLUSH_MS = 50


class Collector(QObject):
    def __init__(self, render: Callable[[list], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self._source = None
        self._timer = QTimer(self, interval=FLUSH_MS, timeout=self.collect)

    def follow(self, source) -> None:  # noqa: ANN001 - anything with take_updates() and busy
        """Collect from ``source`` until it is idle (a new source replaces the old one)."""
        self._source = source
        if not self._timer.isActive():
            self._timer.start()

    def collect(self) -> None:
        source = self._source
        if source is None:
            self._timer.stop()
            return
        try:
            self._render(source.take_updates())
        finally:  # a view that fails to render must not leave the timer firing forever
            if self._source is source and not source.busy:  # the view may have started new work while rendering
                self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()
