"""The partial file, written as bytes arrive and hashed in order on its own thread.

Every piece is written to the ``.part`` file the moment it arrives, so a process that
is killed (SIGKILL, out of memory, a crash) loses nothing it had received: the page
cache keeps what ``write`` accepted, and a resume re-hashes the file and continues from
its end. (Holding pieces in an 8 MiB block until it was full lost up to 8 MiB per kill:
a 14 MB file killed at 50 % restarted from zero.)

SHA-256 runs on another thread that reads the file back in 8 MiB blocks, as far as the
writers say it is complete, from the page cache. A block, not a piece, is the unit the
threads exchange: handing every 64 KiB piece over meant one GIL hand-off per piece, and
on a two-core machine the threads spent more time waiting for each other than working
(measured: benchmarks/download_vs_hf.py). Reading back costs the same copies as the old
block (network -> block -> file became network -> file -> block), and file reads and
hashlib release the GIL, so hashing overlaps the network.
"""

from __future__ import annotations

import errno
import hashlib
import threading
import time
from pathlib import Path
from typing import Callable

from ..common.errors import DiskFull, HangarError
from ..common.i18n import QT_TR_NOOP

BLOCK = 8 * 1024 * 1024


def write_error(exc: OSError, path: Path) -> HangarError:
    """The message for a failed write into a partial download."""
    if exc.errno == errno.ENOSPC:
        return DiskFull(
            QT_TR_NOOP("The disk holding {folder} is full.", folder=path.parent),
            hint=QT_TR_NOOP("Free some space; the partial download is kept and resumes from where it stopped."),
        )
    return HangarError(QT_TR_NOOP("Cannot write {file}: {reason}", file=path, reason=exc.strerror or type(exc).__name__))


class StoppedWhileChecking(Exception):
    """Paused while a partial file was being re-hashed; the file is untouched."""


def write_all(handle, data: memoryview | bytes, path: Path) -> None:  # noqa: ANN001
    """Write every byte or raise (what fitted before a full disk stays in the file)."""
    try:
        done = 0
        while done < len(data):
            done += handle.write(data[done:])
    except OSError as exc:
        raise write_error(exc, path) from exc


def hash_prefix(path: Path, should_stop: Callable[[], bool]) -> tuple["hashlib._Hash", int]:
    """A partial file from an earlier run goes through the hash again, locally (tens of
    seconds for a large file, so a pause is honoured between blocks)."""
    hasher, count = hashlib.sha256(), 0
    handle = open(path, "rb", buffering=0)  # noqa: SIM115 - plain open: tests wrap it
    try:
        block = bytearray(BLOCK)
        while read := handle.readinto(block):
            if should_stop():
                raise StoppedWhileChecking()
            hasher.update(memoryview(block)[:read])
            count += read
    finally:
        handle.close()
    return hasher, count


class FileHasher(threading.Thread):
    """SHA-256 of a file in file order, reading back as far as ``advance`` says is written."""

    def __init__(self, path: Path, *, hasher=None, hashed: int = 0) -> None:  # noqa: ANN001
        super().__init__(name="download-hash", daemon=True)
        self.path = path
        self.hasher = hasher or hashlib.sha256()
        self.hashed = hashed
        self.cpu_s = 0.0  # this thread's processor time, read by the fetcher's probe
        self._ready = hashed
        self._woken_at = hashed
        self._closing = False
        self._abandoned = False
        self._error: BaseException | None = None
        self._cond = threading.Condition()
        self.start()

    def advance(self, ready: int) -> None:
        """The file is complete up to ``ready``. Cheap per piece: the thread is woken only
        once a block is waiting."""
        self._ready = ready
        if ready - self._woken_at >= BLOCK:
            with self._cond:
                self._woken_at = ready
                self._cond.notify()

    def finish(self, size: int) -> str:
        """Hash up to ``size`` and return the digest."""
        with self._cond:
            self._ready, self._closing = size, True
            self._cond.notify()
        self.join()
        if self._error is not None:
            raise self._error
        if self.hashed != size:
            raise HangarError(QT_TR_NOOP("internal error: hashed {hashed:,} of {size:,} bytes", hashed=self.hashed, size=size))
        return self.hasher.hexdigest()

    def abandon(self) -> None:
        """Stop without a digest (a failure or a pause: the file is re-hashed on resume)."""
        with self._cond:
            self._closing = self._abandoned = True
            self._cond.notify()
        self.join()

    def run(self) -> None:
        block = bytearray(BLOCK)
        view = memoryview(block)
        try:
            handle = open(self.path, "rb", buffering=0)  # noqa: SIM115 - plain open: tests wrap it
            try:
                while True:
                    with self._cond:
                        while self._ready - self.hashed < BLOCK and not self._closing:
                            self._cond.wait(1.0)
                        if self._abandoned:
                            return
                        target, last = self._ready, self._closing
                    handle.seek(self.hashed)
                    while self.hashed < target:
                        count = handle.readinto(view[: min(BLOCK, target - self.hashed)])
                        if not count:
                            raise HangarError(QT_TR_NOOP("internal error: {file} ends at {hashed:,}, expected {size:,} bytes", file=self.path.name, hashed=self.hashed, size=target))
                        self.hasher.update(view[:count])
                        self.hashed += count
                    self.cpu_s = time.thread_time()
                    if last:
                        return
            finally:
                handle.close()
        except BaseException as exc:  # handed to finish()
            self._error = exc


class HashingSink:
    """One stream's partial file: appended to as bytes arrive, hashed behind by a FileHasher.

    ``written`` is always what the file holds, so it is where the next request starts."""

    def __init__(self, path: Path, *, resume: bool, should_stop: Callable[[], bool] = lambda: False) -> None:
        self.path = path
        if resume and path.exists():
            hasher, self.written = hash_prefix(path, should_stop)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
            hasher, self.written = None, 0
        self._handle = open(path, "ab", buffering=0)  # noqa: SIM115 - closed by close()
        self.hasher = FileHasher(path, hasher=hasher, hashed=self.written)

    @property
    def cpu_s(self) -> float:
        return self.hasher.cpu_s

    def put(self, chunk: bytes) -> None:
        try:
            write_all(self._handle, chunk, self.path)
        except HangarError:
            self.written = self._handle.tell()  # what fitted before a full disk counts too
            raise
        self.written += len(chunk)
        self.hasher.advance(self.written)

    def restart(self) -> None:
        """Empty the file and the hash (the server ignored our Range request)."""
        self.hasher.abandon()
        self._handle.truncate(0)
        self._handle.seek(0)
        self.written = 0
        self.hasher = FileHasher(self.path)

    def hand_over(self) -> FileHasher:
        """Stop writing here and give the running hash to whoever writes the rest."""
        self._handle.close()
        return self.hasher

    def finish(self) -> str:
        """Every byte is written: the SHA-256 of the whole file."""
        self._handle.close()
        return self.hasher.finish(self.written)

    def close(self) -> None:
        """Stop on a failure or a pause; the file stays as it is."""
        self._handle.close()
        self.hasher.abandon()
