"""Copying a bundle's files: one pass that reads, writes and hashes (SHA-256) each block, so what
was hashed is what was written; a full disk is said as such; a partial folder is removed whole.

``core/library/models.py: hash_file`` only hashes; a bundle's files are copied, and reading a
many-GB model twice (once to copy, once to hash) from a USB disk would double the wait.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
from pathlib import Path
from typing import Callable

from ..common.errors import DiskFull, HangarError
from ..common.i18n import QT_TR_NOOP, Text
from ..common.units import format_bytes

log = logging.getLogger(__name__)
BLOCK = 8 * 1024 * 1024
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
# What file managers leave in any folder they show; never part of a bundle, never a refusal.
OS_LITTER = (".DS_Store", "Thumbs.db", "desktop.ini", ".directory")

Progress = Callable[[Text, int, int], None]  # (what is happening, bytes done, bytes in all)


class TransferCancelled(HangarError):
    """The person stopped the export or import; nothing was left behind."""

    code = "cancelled"


def is_litter(name: str) -> bool:
    return name in OS_LITTER or name.startswith("._")  # macOS resource forks on FAT and exFAT disks


def copy_hashing(src: Path, dst: Path, on_block: Callable[[int], None] | None = None) -> str:
    """Copy ``src`` to a new file ``dst`` (never over an existing one) and return the SHA-256 of
    the bytes written. OSError as the OS raised it: the caller says what it means."""
    digest = hashlib.sha256()
    with open(src, "rb") as source, open(dst, "xb") as target:
        while block := source.read(BLOCK):
            target.write(block)
            digest.update(block)
            if on_block is not None:
                on_block(len(block))
        target.flush()
        os.fsync(target.fileno())
    return digest.hexdigest()


def hash_existing(path: Path) -> str:
    from ..library.models import hash_file

    return hash_file(path)


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in _DISK_FULL


def disk_full(folder: Path, needed: int | None = None) -> DiskFull:
    if needed is not None:
        return DiskFull(QT_TR_NOOP("The disk holding {folder} is full: the bundle needs {size} and does not fit.", folder=folder, size=format_bytes(needed)),
                        hint=QT_TR_NOOP("Free some space or choose another disk; nothing was left behind."))  # fmt: skip
    return DiskFull(QT_TR_NOOP("The disk holding {folder} is full.", folder=folder), hint=QT_TR_NOOP("Free some space or choose another disk; nothing was left behind."))


def check_free_space(folder: Path, needed: int) -> None:
    """DiskFull before anything is written, when the disk plainly has not got the room."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:  # some network folders cannot say: the copy finds out
        return
    if free < needed:
        raise disk_full(folder, needed)


def write_error(exc: OSError, folder: Path, what: Path) -> HangarError:
    if is_disk_full(exc):
        return disk_full(folder)
    return HangarError(QT_TR_NOOP("Cannot write {file}: {reason}", file=what, reason=exc.strerror or type(exc).__name__),
                       hint=QT_TR_NOOP("Nothing was left behind; check that the folder can be written."))  # fmt: skip


def remove_tree(path: Path) -> None:
    """Remove a partial folder this process made; a file that cannot go is logged, not raised
    (the error the person must see is the one that made us clean up)."""
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)
