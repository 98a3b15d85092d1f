"""One download per destination, across processes: an OS lock on a file beside the partial one.

Two ``hangar-cli download`` of one file, or the window's queue and the CLI, used to append
to one ``.part`` file and rename it into place while the other still wrote (seen: a model
recorded as verified whose file had another SHA-256, a 130 MB file registered for a
128 MB model). Whoever downloads a destination holds an exclusive lock on
``<name>.lock`` from before the partial file is touched until the file is renamed into
place and registered. It is ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` (Windows): the
operating system releases it when the process ends, however it ends, so a killed
download never leaves a lock someone has to clear by hand. flock locks belong to an open
file, so two threads of one process exclude each other too.

The holder writes its pid into the file, so the one that waits can say who it waits for.
The holder deletes the file before it lets go; whoever then gets a lock on the deleted
file notices (the path no longer names the file it holds) and takes the new one instead.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from pathlib import Path
from typing import Callable

from .sink import write_error
from .transport import paused

log = logging.getLogger(__name__)
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}  # some network and FUSE file systems

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _REGION = 1 << 30  # lock a byte far past the pid, so others can still read the pid

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _REGION, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _REGION, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LOCKS:
                raise
            log.warning("this file system cannot lock files (%s): two downloads of one file at once are not prevented", exc.strerror)
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:  # never locked (a file system without locks); closing lets go anyway
            pass


def lock_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".lock")


class DestinationLock:
    """The right to write one destination (its ``.part``, segment records and final rename)."""

    def __init__(self, dest: Path) -> None:
        self.path = lock_path(dest)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; False at once if somebody does."""
        if self._fd is not None:
            return True
        while True:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            except OSError as exc:  # a read-only or full models folder: said as a write would say it
                raise write_error(exc, self.path) from exc
            try:
                if not _try_lock(fd):
                    os.close(fd)
                    return False
                if not _names(self.path, fd):  # the last holder deleted it after we opened it
                    _unlock(fd)
                    os.close(fd)
                    continue
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode())
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
            return True

    def acquire(self, *, should_stop: Callable[[], bool], on_wait: Callable[[int | None], None], poll_s: float = 0.2) -> bool:
        """Take the lock, waiting while another download holds it; True when it had to
        wait. ``on_wait`` hears the holder's pid when the wait starts and whenever the
        holder changes; ``should_stop`` ends the wait with Paused."""
        if self.try_acquire():
            return False
        told: object = ...
        started = time.monotonic()
        while not self.try_acquire():
            holder = self.holder()  # None for a moment while the holder writes it
            if holder != told and (holder is not None or time.monotonic() - started > 1.0):
                told = holder
                on_wait(holder)
            if should_stop():
                raise paused()
            time.sleep(poll_s)
        return True

    def holder(self) -> int | None:
        """The pid the holder wrote; None when it cannot be read (yet)."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.unlink(self.path)  # still locked: whoever opened it meanwhile sees it was deleted
        except OSError as exc:  # Windows: open in another process; the next holder reuses it
            log.debug("lock file %s stays: %s", self.path, exc)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> "DestinationLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(fd))
    except FileNotFoundError:
        return False


__all__ = ["DestinationLock", "lock_path"]
