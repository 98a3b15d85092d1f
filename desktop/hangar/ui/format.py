"""How numbers read in the window: sizes in MiB or GiB, counts with separators."""

from __future__ import annotations


def format_bytes(value: int | None) -> str:
    if value is None:
        return "?"
    if value >= 1024**3:
        return f"{value / 1024**3:.2f} GiB"
    if value >= 1024**2:
        return f"{value / 1024**2:.1f} MiB"
    return f"{value / 1024:.0f} KiB"
