"""Byte units and how a size reads, once for the window, the CLI and core's own messages.

Binary units throughout (KiB, MiB, GiB: what llama.cpp, free memory and file managers on
Linux report), so a size in the Discover pane, in ``hangar-cli library list`` and in a
"does not fit" message is the same number. Qt-free: the CLI has no Qt.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
GB = 1000**3  # decimal, only where a source publishes decimal sizes (the Hub's "5.03 GB")


def format_bytes(value: int | float | None) -> str:
    """``5.03 GiB``, ``812.4 MiB``, ``12 KiB``; ``?`` when the size is not known."""
    if value is None:
        return "?"
    if value >= GIB:
        return f"{value / GIB:.2f} GiB"
    if value >= MIB:
        return f"{value / MIB:.1f} MiB"
    return f"{value / KIB:.0f} KiB"


def format_gib(value: int | float | None, decimals: int = 1) -> str:
    """Always in GiB (``40.0 GiB``): memory and disk figures set side by side."""
    return "?" if value is None else f"{value / GIB:.{decimals}f} GiB"


__all__ = ["GB", "GIB", "KIB", "MIB", "format_bytes", "format_gib"]
