"""Writing and hashing downloaded bytes on their own thread.

The network loop hands chunks over a bounded queue; this thread appends them to the
partial file and feeds SHA-256. hashlib and file writes release the GIL for large
buffers, so hashing overlaps the network instead of slowing it (the speed target is to
match huggingface_hub, which does not hash LFS downloads at all).
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import threading
from pathlib import Path

from ..errors import DiskFull, HangarError

_END = object()


class HashingSink(threading.Thread):
    def __init__(self, path: Path, *, resume: bool, depth: int = 256) -> None:
        super().__init__(name="download-sink", daemon=True)
        self.path = path
        self.hasher = hashlib.sha256()
        self.written = 0
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        if resume and path.exists():
            self._rehash_existing()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
        # Large buffered writes: the network hands over ~64 KiB pieces, and one write
        # system call per piece made this thread, not the network, the bottleneck.
        self._handle = open(path, "ab", buffering=16 * 1024 * 1024)  # noqa: SIM115 - closed by the thread
        self.start()

    def _rehash_existing(self) -> None:
        """A partial file from an earlier run: its bytes go through the hash again, locally."""
        with open(self.path, "rb") as handle:
            while block := handle.read(8 * 1024 * 1024):
                self.hasher.update(block)
                self.written += len(block)

    def put(self, chunk: bytes) -> None:
        self.check()
        self._queue.put(chunk)

    def check(self) -> None:
        if self._error is not None:
            raise self._error

    def run(self) -> None:
        try:
            while True:
                chunk = self._queue.get()
                try:
                    if chunk is _END:
                        break
                    if self._error is None:
                        self._handle.write(chunk)
                        self.hasher.update(chunk)
                        self.written += len(chunk)
                finally:
                    self._queue.task_done()
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                self._error = DiskFull(f"The disk holding {self.path.parent} is full.", hint="Free some space; the partial download is kept and resumes from where it stopped.")
            else:
                self._error = HangarError(f"Cannot write {self.path}: {exc.strerror}")
            while True:  # drain so the producer never blocks
                item = self._queue.get()
                self._queue.task_done()
                if item is _END:
                    break
        finally:
            # No fsync: it would add about 0.6 s per GB here. After a power cut a .part
            # file is re-hashed from what is really on disk before resuming, and every
            # model is checked against its recorded SHA-256 by "hangar-cli verify".
            self._handle.close()

    def sync(self) -> None:
        """Block until every chunk handed over so far is written (``written`` is then exact)."""
        self._queue.join()
        self.check()

    def restart(self) -> None:
        """Empty the file and the hash (the server ignored our Range request)."""
        self.sync()
        self._handle.flush()
        os.ftruncate(self._handle.fileno(), 0)
        self.hasher = hashlib.sha256()
        self.written = 0

    def finish(self) -> str:
        """Wait for every queued byte to be written; returns the SHA-256 so far."""
        self._queue.put(_END)
        self.join()
        self.check()
        return self.hasher.hexdigest()
