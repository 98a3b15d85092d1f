"""The audit trail as the faces use it: record, verify, select and export (core/audit/).

Services record through ``record``; the Audit view and ``hangar-cli audit`` read through the
rest. Every record is announced as ``Change.AUDIT`` so an open Audit view follows it.
"""

from __future__ import annotations

import logging
from typing import Any

from ..audit import export
from ..audit.trail import AuditEvent, AuditLog, Problem
from .changes import Announcer, Change

log = logging.getLogger(__name__)


class AuditService:
    def __init__(self, trail: AuditLog, changes: Announcer) -> None:
        self.trail, self._changes = trail, changes

    @property
    def path(self):
        return self.trail.path

    def record(self, event: AuditEvent | str, **data: Any) -> dict:
        """Append one event (on disk before this returns). Callers pass names, counts and hashes:
        never a secret, never prompt text."""
        entry = self.trail.record(event, **data)
        self._changes.announce(Change.AUDIT, entry["seq"])
        return entry

    def verify(self) -> list[Problem]:
        return self.trail.verify()

    def entries(self, since: str | None = None, events: set[str] | None = None, text: str = "") -> list[dict]:
        return export.select(self.trail.entries(), export.parse_since(since), events, text)

    def export(self, fmt: str, since: str | None = None, events: set[str] | None = None) -> str:
        entries = self.entries(since, events)
        return export.to_csv(entries) if fmt == "csv" else export.to_json(entries)
