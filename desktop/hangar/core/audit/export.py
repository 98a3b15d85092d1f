"""The audit trail as a person takes it away: CSV or JSON, from a date on."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Iterable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP

COLUMNS = ("seq", "at", "user", "host", "event", "data", "prev")


def parse_since(text: str | None) -> dt.datetime | None:
    """A date (2026-12-01) or a date and time, read as UTC; InvalidInput otherwise."""
    if text is None or not str(text).strip():
        return None
    try:
        value = dt.datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(QT_TR_NOOP("{value} is not a date: give it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM).", value=text)) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _at(entry: dict) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(entry.get("at", "")).replace("Z", "+00:00"))
    except ValueError:
        return None


def select(entries: Iterable[dict], since: dt.datetime | None = None, events: set[str] | None = None, text: str = "") -> list[dict]:
    """The entries from ``since`` on, of the given events, whose user or data mention ``text``."""
    needle = text.strip().lower()
    out = []
    for entry in entries:
        at = _at(entry)
        if since is not None and (at is None or at < since):
            continue
        if events and entry.get("event") not in events:
            continue
        if needle and needle not in (str(entry.get("user", "")) + " " + json.dumps(entry.get("data", {}), ensure_ascii=False)).lower():
            continue
        out.append(entry)
    return out


def to_json(entries: list[dict]) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=1)


def to_csv(entries: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for entry in entries:
        row = dict(entry)
        row["data"] = json.dumps(entry.get("data", {}), ensure_ascii=False, sort_keys=True)
        writer.writerow(row)
    return buffer.getvalue()
