"""One way to write a size, for the window and the CLI alike."""

from __future__ import annotations

from hangar.core.common.units import GIB, KIB, MIB, format_bytes, format_gib


def test_sizes_read_in_binary_units() -> None:
    assert (KIB, MIB, GIB) == (1024, 1024**2, 1024**3)
    assert format_bytes(None) == "?"
    assert format_bytes(12 * KIB) == "12 KiB"
    assert format_bytes(int(812.4 * MIB)) == "812.4 MiB"
    assert format_bytes(int(5.03 * GIB)) == "5.03 GiB"
    assert format_gib(40 * GIB) == "40.0 GiB" and format_gib(None) == "?" and format_gib(GIB // 2, 2) == "0.50 GiB"


def test_the_window_and_the_cli_use_the_same_formatter() -> None:
    from hangar.cli import library_cmds
    from hangar.ui import format as ui_format

    assert ui_format.format_bytes is format_bytes and library_cmds.format_bytes is format_bytes
