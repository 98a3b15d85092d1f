"""Reading a small file that a person (or a hostile one) may have replaced with anything.

A settings file, a policy or a manifest is a few KB. Read naively, a FIFO in its place
blocks every command until someone writes to it, ``/dev/zero`` is read until memory runs
out, and a 5 GB file is read whole. So: only regular files, checked before the file is
opened (and again on the open descriptor, opened without blocking, in case it was
swapped in between), and never more than ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InvalidInput
from .i18n import QT_TR_NOOP, Text
from .units import format_bytes

MIB = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class UnsuitableFile(InvalidInput):
    """Not a regular file, or larger than a file of its kind can be. ``reason`` has no path in it."""

    code = "unsuitable_file"

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_of(mode: int) -> Text:
    if stat.S_ISDIR(mode):
        return QT_TR_NOOP("a folder")
    if stat.S_ISFIFO(mode):
        return QT_TR_NOOP("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TR_NOOP("a device")
    if stat.S_ISSOCK(mode):
        return QT_TR_NOOP("a socket")
    return QT_TR_NOOP("a special file")


def _refuse(mode: int, size: int, limit: int) -> None:
    if not stat.S_ISREG(mode):
        raise UnsuitableFile(QT_TR_NOOP("it is {kind}, not a regular file", kind=kind_of(mode)))
    if size > limit:
        raise UnsuitableFile(QT_TR_NOOP("it is {size}, more than the {limit} such a file may have", size=format_bytes(size), limit=format_bytes(limit)))


def read_small_file(path: Path, limit: int = MIB) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; UnsuitableFile or OSError otherwise."""
    info = os.stat(path)
    _refuse(info.st_mode, info.st_size, limit)
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _refuse(info.st_mode, info.st_size, limit)
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        _refuse(stat.S_IFREG, len(data), limit)
    return data
