"""Change reports: the application layer says once what changed, every view follows.

Before this, each pane reloaded only itself after an import or a delete, so the other
panes showed models that were gone (and Load failed with an exception name) or missed
new ones until a restart. Now every service that changes the library, the policy, the
settings, the downloads or the conversations announces it here, and every face (the
window, later the server) subscribes once. Listeners run on the thread that made the
change; the window turns them into queued Qt signals (ui/services.py).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable

log = logging.getLogger(__name__)


class Change(str, Enum):
    LIBRARY = "library"  # a model was added, removed, renamed or used
    DOWNLOADS = "downloads"  # a download's state or progress
    POLICY = "policy"  # the license policy
    SETTINGS = "settings"  # one setting (detail: its name)
    CONVERSATIONS = "conversations"  # a conversation was created, renamed or deleted
    SERVER = "server"  # the server's pool: a model's state, or a finished request (a ServerReport)
    ENDPOINTS = "endpoints"  # a remote endpoint was added, changed or removed, or its model list read (detail: its name)
    AUDIT = "audit"  # an event was recorded in the audit trail (detail: its number)


class LibraryEvent(str, Enum):
    DOWNLOADED = "downloaded"
    IMPORTED = "imported"
    SCANNED = "scanned"
    REMOVED = "removed"
    RENAMED = "renamed"
    USED = "used"


@dataclass(frozen=True)
class ChangeReport:
    change: Change
    detail: Any = None  # LibraryChange, the setting's name, a Download, a Policy, a conversation id
    origin: str = ""  # which face asked, when it matters to the listener (e.g. "window")


@dataclass(frozen=True)
class LibraryChange:
    event: LibraryEvent
    model_ids: tuple[int, ...] = field(default_factory=tuple)


Listener = Callable[[ChangeReport], None]


class Announcer:
    """Thread-safe publish/subscribe; a listener that raises is logged, never stops the others."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def announce(self, change: Change, detail: Any = None, origin: str = "") -> None:
        report = ChangeReport(change, detail, origin)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(report)
            except Exception:  # one broken view must not hide the change from the rest
                log.exception("a listener failed on %s", change.value)
