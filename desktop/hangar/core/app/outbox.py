"""How work on other threads reaches a view: it posts updates, the view takes them.

The chat (loads and replies) and the benchmark (stages and progress) run on their own
threads and talk to long-lived worker processes. Instead of a Qt relay or a callback per
event, each posts small frozen updates here; the view collects them on its own thread
(the window: a 50 ms timer, ui/collector.py) and only then changes what it shows. A deque
is thread-safe for append and popleft, so nothing here needs a lock or Qt.
"""

from __future__ import annotations

from collections import deque
from typing import Any


class Outbox:
    def __init__(self) -> None:
        self._items: deque[Any] = deque()

    def post(self, update: Any) -> None:
        """From any thread."""
        self._items.append(update)

    def take(self) -> list[Any]:
        """On the view's thread: every update posted since the last call, oldest first."""
        taken = []
        while self._items:
            taken.append(self._items.popleft())
        return taken

    def __len__(self) -> int:
        return len(self._items)
