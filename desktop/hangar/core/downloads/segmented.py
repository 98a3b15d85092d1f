"""Large files over several connections at once, still hashed in order and resumable.

Servers and CDNs often cap each connection; Ollama pulls in 16 parts for that reason.
Each segment's bytes are written into the ``.part`` file at their offsets as they arrive,
each thread through its own file handle (seek once per request, then write: ``os.pwrite``
does not exist on Windows), so nothing waits in memory and a killed process loses only
what its records had not yet counted (record.py: under 1 MiB while the machine stays
up). A FileHasher reads the file back in order, as far as the bytes are contiguous, so
the SHA-256 is ready when the last segment lands.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

import httpx2 as httpx

from ..common.errors import NetworkError
from ..common.i18n import QT_TR_NOOP
from .record import LIVE_EVERY, SegmentRecord, plan_segments, resume_state, state_path
from .sink import FileHasher, write_all
from .transport import Paused, Progress, RangeIgnored, RetryableError, RetryBudget, RetryPolicy, stream_range

log = logging.getLogger(__name__)


class SegmentedFetch:
    def __init__(
        self,
        url: str,
        part: Path,
        size: int,
        headers: dict[str, str],
        segments: list[list[int]],
        *,
        policy: RetryPolicy,
        on_progress: Callable[[Progress], None],
        should_stop: Callable[[], bool],
        hasher: FileHasher | None = None,
    ) -> None:
        self.url, self.part, self.size, self.headers = url, part, size, headers
        self.segments = segments
        self.policy, self.on_progress, self.should_stop = policy, on_progress, should_stop
        self.lock = threading.Condition()
        self.errors: list[BaseException] = []
        self.stop = threading.Event()
        self.transferred = 0
        self.hasher = hasher  # a stream that was split hands over its running hash
        self._order = sorted(range(len(segments)), key=lambda i: segments[i][0])
        self._live_at = 0
        self.record: SegmentRecord | None = None

    # -- bookkeeping ------------------------------------------------------------------------------
    def contiguous_end(self) -> int:
        """Where the bytes stop being contiguous from the start of the file (call it locked)."""
        cursor = self.segments[self._order[0]][0]  # everything before the first segment is the old prefix
        for index in self._order:
            start, end, done = self.segments[index]
            if start > cursor:
                break
            cursor = max(cursor, start + done)
            if start + done < end:
                break
        return cursor

    def done_bytes(self) -> int:
        return min(self.size, self.segments[self._order[0]][0] + sum(s[2] for s in self.segments))

    def _snapshot(self) -> list[list[int]]:
        with self.lock:
            return [list(s) for s in self.segments]

    def _written(self, index: int, count: int) -> None:
        """``count`` more bytes of segment ``index`` are in the file."""
        with self.lock:
            self.segments[index][2] += count
            self.transferred += count
            ready = self.contiguous_end()
            if self.record is not None and self.transferred - self._live_at >= LIVE_EVERY:
                self._live_at = self.transferred
                self.record.save_live([list(s) for s in self.segments])
        self.hasher.advance(ready)

    # -- workers ----------------------------------------------------------------------------------
    def _segment(self, index: int, handle) -> None:  # noqa: ANN001
        with self.lock:
            start, end, done = self.segments[index]
        budget = RetryBudget(self.policy, start + done, end - start)  # a segment's own prefix
        stop = lambda: self.stop.is_set() or self.should_stop()  # noqa: E731

        def on_chunk(chunk: bytes, received: int) -> None:
            write_all(handle, chunk, self.part)
            self._written(index, len(chunk))

        while True:
            with self.lock:
                start, end, done = self.segments[index]
            if start + done >= end:
                return
            handle.seek(start + done)
            try:
                stream_range(self.http, self.url, self.headers, start + done, end, on_chunk, stop, self.policy.stall_timeout_s, always_range=True)
            except (httpx.TransportError, RetryableError) as exc:
                with self.lock:
                    position = self.segments[index][0] + self.segments[index][2]
                if budget.failed(position):
                    raise NetworkError(
                        QT_TR_NOOP("A part of the download kept failing ({problem}).", problem=self.policy.problem(exc)),
                        hint=QT_TR_NOOP("The partial file is kept; resume when the connection is back."),
                    ) from exc
                self.policy.wait(budget.failures, self.policy.problem(exc), self.on_progress, stop)

    def _guard(self, index: int) -> None:
        try:
            with open(self.part, "r+b", buffering=0) as handle:
                self._segment(index, handle)
        except BaseException as exc:  # handed to the coordinating thread
            with self.lock:
                self.errors.append(exc)
                self.lock.notify_all()
            self.stop.set()

    # -- run --------------------------------------------------------------------------------------
    def run(self, http: httpx.Client) -> tuple[str, int]:
        """Fetch every segment; returns the SHA-256 of the whole file and the bytes received."""
        self.http = http
        self.part.touch()
        if self.hasher is None:
            self.hasher = FileHasher(self.part)
        try:
            self.record = SegmentRecord(self.part, self.size, self._snapshot())
            self.hasher.advance(self.contiguous_end())
            self._run_segments()
        except BaseException:
            self.hasher.abandon()
            raise
        finally:
            if self.record is not None:
                self.record.close()
        digest = self.hasher.finish(self.size)
        self.record.discard()
        return digest, self.transferred

    def _run_segments(self) -> None:
        sync_fd = os.open(self.part, os.O_RDWR | getattr(os, "O_BINARY", 0))
        threads = [threading.Thread(target=self._guard, args=(i,), name=f"segment-{i}", daemon=True) for i in range(len(self.segments))]
        started, last_save = time.monotonic(), time.monotonic()
        try:
            for thread in threads:
                thread.start()
            while any(t.is_alive() for t in threads):
                with self.lock:
                    self.lock.wait(0.25)
                    done, sent = self.done_bytes(), self.transferred
                self.on_progress(Progress(done, self.size, sent / max(time.monotonic() - started, 1e-6)))
                if time.monotonic() - last_save > 1.0:
                    self._save_synced(sync_fd)
                    last_save = time.monotonic()
            if self.errors:
                self._save_synced(sync_fd)
                raise next((e for e in self.errors if not isinstance(e, Paused)), self.errors[0])
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=5)
            os.close(sync_fd)

    def _save_synced(self, sync_fd: int) -> None:
        try:
            self.record.save_synced(self._snapshot(), sync_fd)
        except OSError as exc:  # a full disk shows up as the segments' own error; try again next time
            log.warning("cannot record the segments of %s: %s", self.part.name, exc)


__all__ = ["SegmentedFetch", "RangeIgnored", "plan_segments", "resume_state", "state_path"]
