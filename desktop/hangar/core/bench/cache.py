"""The cache folder (``AppPaths.cache``): how big it is, and clearing it.

What lies there can be made again: the benchmark's synthetic models of real shapes
(``synthetic/``, gigabytes for the 1B and 8B shapes) and whatever else a job writes to be
reused. Settings shows its size with a Clear button, so nothing piles up unseen.

A job that writes or reads files there holds ``in_use(cache)`` while it does (a benchmark
does, from the model's first byte to the worker's last answer): an OS lock on a file of
its own under ``.in-use/`` (core/downloads/lock.py's, which the operating system releases
when the process ends however it ends). ``clear_cache`` refuses while any such lock is
held, by this process or another (the window's Settings while ``hangar-cli bench`` runs),
and deletes only what is inside the folder: a link is removed as a link, never followed.
"""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from ..downloads.lock import DestinationLock

IN_USE = ".in-use"  # the folder of the jobs' lock files, kept by a clear


class CacheInUse(HangarError):
    code = "cache_in_use"


@dataclass(frozen=True)
class CacheUsage:
    path: Path
    size_bytes: int  # the files' sizes (a link counts as the link, not what it points to)
    files: int


def cache_usage(cache: Path) -> CacheUsage:
    """What the cache folder holds; an absent folder holds nothing."""
    size = files = 0
    for root, dirs, names in os.walk(cache, followlinks=False):
        dirs[:] = [d for d in dirs if not (root == str(cache) and d == IN_USE)]
        for name in names:
            try:
                size += os.lstat(os.path.join(root, name)).st_size
            except OSError:  # deleted while we looked
                continue
            files += 1
    return CacheUsage(Path(cache), size, files)


@contextmanager
def in_use(cache: Path) -> Iterator[None]:
    """Hold the cache against a clear while the block runs (any number of holders at once)."""
    lock = DestinationLock(Path(cache) / IN_USE / f"{os.getpid()}-{uuid.uuid4().hex[:12]}")
    lock.try_acquire()  # a fresh name: nobody else can hold it
    try:
        yield
    finally:
        lock.release()


def cache_users(cache: Path) -> list[int | None]:
    """The processes holding the cache now (their pids, None where unreadable); a lock left by a
    process that ended is deleted on the way."""
    users: list[int | None] = []
    folder = Path(cache) / IN_USE
    if not folder.is_dir():
        return users
    for path in sorted(folder.glob("*.lock")):
        lock = DestinationLock(path.with_name(path.name[: -len(".lock")]))
        if lock.try_acquire():
            lock.release()  # nobody held it: a leftover, now gone
        else:
            users.append(lock.holder())
    return users


def clear_cache(cache: Path) -> CacheUsage:
    """Delete everything in the cache folder (the folder itself stays); returns what was freed.

    CacheInUse while a job holds it (``in_use``); a file that cannot be deleted is a
    HangarError naming it, with what was freed until then kept freed."""
    cache = Path(cache)
    users = cache_users(cache)
    if users:
        pids = ", ".join(str(pid) for pid in users if pid is not None) or "?"
        raise CacheInUse(
            QT_TR_NOOP("The cache is in use by a benchmark (process {pids}), so nothing was deleted.", pids=pids),
            hint=QT_TR_NOOP("Clear it when the benchmark has finished, or cancel it first."),
        )
    before = cache_usage(cache)
    if not cache.is_dir():
        return before
    for entry in os.scandir(cache):
        if entry.name == IN_USE:
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and not entry.is_symlink():
                shutil.rmtree(entry.path)  # removes links inside as links (rmtree never follows them)
            else:
                os.unlink(entry.path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise HangarError(
                QT_TR_NOOP("{path} could not be deleted: {error}", path=entry.path, error=exc.strerror or exc),
                hint=QT_TR_NOOP("Close whatever uses it and clear the cache again."),
            ) from exc
    after = cache_usage(cache)
    return CacheUsage(cache, max(0, before.size_bytes - after.size_bytes), max(0, before.files - after.files))


__all__ = ["CacheInUse", "CacheUsage", "cache_usage", "cache_users", "clear_cache", "in_use"]
