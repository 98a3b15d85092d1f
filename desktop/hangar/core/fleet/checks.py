"""Field checks for a run document, each failure naming the field (``levels[2].duration``).

Hand-written rather than a JSON Schema with the ``jsonschema`` package: that package is not
one of Hangar's dependencies (it only arrives through cyclonedx-python-lib's validation
extra), and its messages ("-3 is less than the minimum of 0" about "$.levels[2]") are
neither translatable nor what a person importing a file from another machine needs. Here
every failure is a message (QT_TR_NOOP) with the field's path and the value found.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text


class FieldProblem(InvalidInput):
    """One field of a run document is missing or wrong; ``field`` is its path."""

    code = "run_field"

    def __init__(self, reason: Text, field: str) -> None:
        super().__init__(reason)
        self.reason, self.field = reason, field


def shown(value: Any) -> str:
    """The value as the message quotes it: JSON, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Fields:
    """One object of the document and where it sits (``path``): typed reads that raise FieldProblem."""

    def __init__(self, data: Any, path: str) -> None:
        self.path = path
        if not isinstance(data, dict):
            raise FieldProblem(QT_TR_NOOP("{field} should be an object, not {value}", field=path or QT_TR_NOOP("the document"), value=shown(data)), path)
        self.data = data

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, optional: bool) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise FieldProblem(QT_TR_NOOP("{field} is missing", field=self.name(key)), self.name(key))
        return self.data[key]

    def _wrong(self, key: str, expected: Text) -> FieldProblem:
        return FieldProblem(QT_TR_NOOP("{field} should be {expected}, not {value}", field=self.name(key), expected=expected, value=shown(self.data[key])), self.name(key))

    def text(self, key: str, *, optional: bool = False, nullable: bool = False, non_empty: bool = False) -> str | None:
        value = self._get(key, optional)
        if value is None and (optional or nullable):
            return None
        if not isinstance(value, str) or (non_empty and not value.strip()):
            raise self._wrong(key, QT_TR_NOOP("text that is not empty") if non_empty else QT_TR_NOOP("text"))
        return value

    def choice(self, key: str, choices: tuple[str, ...], *, optional: bool = False) -> str | None:
        value = self._get(key, optional)
        if value is None and optional:
            return None
        if value not in choices:
            raise self._wrong(key, QT_TR_NOOP("one of {choices}", choices=", ".join(choices)))
        return value

    def flag(self, key: str, *, optional: bool = False) -> bool | None:
        value = self._get(key, optional)
        if value is None and optional:
            return None
        if not isinstance(value, bool):
            raise self._wrong(key, QT_TR_NOOP("true or false"))
        return value

    def number(self, key: str, *, optional: bool = False, nullable: bool = False, whole: bool = False, positive: bool = False) -> float | None:
        """A finite number that is never negative (durations, counts, rates, latencies, energy)."""
        value = self._get(key, optional)
        if value is None and (optional or nullable):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int) and not float(value).is_integer()):
            raise self._wrong(key, QT_TR_NOOP("a whole number") if whole else QT_TR_NOOP("a number"))
        if not math.isfinite(value):
            raise self._wrong(key, QT_TR_NOOP("a finite number"))
        if value < 0:
            raise FieldProblem(QT_TR_NOOP("{field} is {value}: it cannot be negative", field=self.name(key), value=shown(value)), self.name(key))
        if positive and value == 0:
            raise FieldProblem(QT_TR_NOOP("{field} is 0: it must be more than 0", field=self.name(key)), self.name(key))
        return value

    def integer(self, key: str, *, optional: bool = False) -> int | None:
        """A whole number that may be negative (a seed)."""
        value = self._get(key, optional)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._wrong(key, QT_TR_NOOP("a whole number"))
        return value

    def numbers(self, key: str, *, optional: bool = False) -> list[float]:
        values = self.items(key, optional=optional)
        for index, value in enumerate(values):
            if not _is_number(value) or not math.isfinite(value) or value < 0:
                raise FieldProblem(
                    QT_TR_NOOP("{field} should be a number of at least 0, not {value}", field=f"{self.name(key)}[{index}]", value=shown(value)),
                    f"{self.name(key)}[{index}]",
                )
        return values

    def time(self, key: str) -> str:
        value = self.text(key)
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise self._wrong(key, QT_TR_NOOP("an ISO-8601 time with its zone (2025-01-31T09:30:00Z)"))
        return value

    def items(self, key: str, *, optional: bool = False, non_empty: bool = False) -> list:
        value = self._get(key, optional)
        if value is None and optional:
            return []
        if not isinstance(value, list):
            raise self._wrong(key, QT_TR_NOOP("a list"))
        if non_empty and not value:
            raise FieldProblem(QT_TR_NOOP("{field} is empty: it needs at least one entry", field=self.name(key)), self.name(key))
        return value

    def child(self, key: str, *, optional: bool = False) -> "Fields | None":
        value = self._get(key, optional)
        if value is None and optional:
            return None
        return Fields(value, self.name(key))

    def children(self, key: str, *, optional: bool = False, non_empty: bool = False) -> list["Fields"]:
        return [Fields(item, f"{self.name(key)}[{i}]") for i, item in enumerate(self.items(key, optional=optional, non_empty=non_empty))]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
