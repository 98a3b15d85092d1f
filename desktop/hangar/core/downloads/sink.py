"""Writing and hashing downloaded bytes on their own thread, in large blocks.

The network loop copies each ~64 KiB piece into an 8 MiB block; a full block goes to
this thread, which appends it to the partial file and feeds SHA-256, while the network
loop fills the next one. File writes and hashlib release the GIL, so hashing overlaps
the network. Blocks, not pieces, cross between the threads: handing over every 64 KiB
piece meant one GIL hand-off per piece, and on a two-core machine the threads spent
more time waiting for each other than working (measured: benchmarks/download_vs_hf.py).
A few blocks are reused rather than allocated per block, as fresh memory costs a page
fault per 4 KiB.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import threading
import time
from pathlib import Path

from ..errors import DiskFull, HangarError
from ..i18n import QT_TR_NOOP

BLOCK = 8 * 1024 * 1024
_END = object()


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


class HashingSink(threading.Thread):
    def __init__(self, path: Path, *, resume: bool, blocks: int = 4, should_stop=lambda: False) -> None:  # noqa: ANN001
        super().__init__(name="download-sink", daemon=True)
        self.path = path
        self.hasher = hashlib.sha256()
        self.written = 0
        self.cpu_s = 0.0  # this thread's processor time, read by the fetcher's probe
        self._full: queue.Queue = queue.Queue()
        self._free: queue.Queue = queue.Queue()
        for _ in range(blocks):
            self._free.put(bytearray(BLOCK))
        self._block: bytearray | None = None
        self._used = 0
        self._error: BaseException | None = None
        if resume and path.exists():
            self._rehash_existing(should_stop)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
        self._handle = open(path, "ab", buffering=0)  # noqa: SIM115 - closed by the thread
        self.start()

    def _rehash_existing(self, should_stop) -> None:  # noqa: ANN001
        """A partial file from an earlier run: its bytes go through the hash again, locally
        (tens of seconds for a large file, so a pause is honoured between blocks)."""
        with open(self.path, "rb") as handle:
            while block := handle.read(BLOCK):
                if should_stop():
                    raise StoppedWhileChecking()
                self.hasher.update(block)
                self.written += len(block)

    # -- the network side -------------------------------------------------------------------------
    def put(self, chunk: bytes) -> None:
        self.check()
        view = memoryview(chunk)
        while view:
            if self._block is None:
                self._block, self._used = self._free.get(), 0
            take = min(len(view), BLOCK - self._used)
            self._block[self._used : self._used + take] = view[:take]
            self._used += take
            view = view[take:]
            if self._used == BLOCK:
                self._hand_over()

    def _hand_over(self) -> None:
        if self._block is not None and self._used:
            self._full.put((self._block, self._used))
            self._block = None
        elif self._block is not None:
            self._free.put(self._block)
            self._block = None

    def check(self) -> None:
        if self._error is not None:
            raise self._error

    def sync(self) -> None:
        """Block until every byte handed over so far is written (``written`` is then exact)."""
        self._hand_over()
        self._full.join()
        self.check()

    def restart(self) -> None:
        """Empty the file and the hash (the server ignored our Range request)."""
        self.sync()
        os.ftruncate(self._handle.fileno(), 0)
        self.hasher = hashlib.sha256()
        self.written = 0

    def finish(self) -> str:
        """Wait for every byte to be written; returns the SHA-256 so far."""
        self._hand_over()
        self._full.put(_END)
        self.join()
        self.check()
        return self.hasher.hexdigest()

    # -- this thread ------------------------------------------------------------------------------
    def run(self) -> None:
        try:
            while True:
                item = self._full.get()
                try:
                    if item is _END:
                        break
                    block, length = item
                    if self._error is None:
                        try:
                            self._write(memoryview(block)[:length])
                        except Exception as exc:  # never leave the network loop waiting for a dead thread
                            self._error = HangarError(QT_TR_NOOP("Cannot write {file}: {reason}", file=self.path, reason=type(exc).__name__))
                    self._free.put(block)
                finally:
                    self._full.task_done()
        finally:
            # No fsync: it would add about 0.6 s per GB here. After a power cut a .part
            # file is re-hashed from what is really on disk before resuming, and every
            # model is checked against its recorded SHA-256 by "hangar-cli verify".
            self._handle.close()

    def _write(self, data: memoryview) -> None:
        try:
            done = 0
            while done < len(data):
                done += self._handle.write(data[done:])
        except OSError as exc:
            self._error = write_error(exc, self.path)
            # What reached the disk is good and stays: the hash and the count follow it, so
            # a resume continues from exactly there.
            data = data[:done]
        self.hasher.update(data)
        self.written += len(data)
        self.cpu_s = time.thread_time()
