"""Large files over several connections at once, still hashed in order and resumable.

Servers and CDNs often cap each connection; Ollama pulls in 16 parts for that reason.
Segments are written straight into the ``.part`` file at their offsets, each thread
through its own file handle (seek and write: ``os.pwrite`` does not exist on Windows),
so nothing is copied twice. A small JSON file beside it records how far each segment
got, so a restart resumes every segment; without it the ``.part`` file is a plain
prefix (the single-stream case). A hashing thread reads the file back in order, as far
as the bytes are contiguous, so the SHA-256 is ready when the last segment lands.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from pathlib import Path

import httpx2 as httpx

from ..errors import HangarError, NetworkError
from ..i18n import QT_TR_NOOP
from .fetcher import Fetcher, Paused, Progress, RangeIgnored, _Retry, problem, stream_range
from .sink import write_error

log = logging.getLogger(__name__)
ALIGN = 1024 * 1024
FLUSH_BYTES = 4 * ALIGN
HASH_BYTES = 8 * ALIGN


def state_path(part: Path) -> Path:
    return part.with_name(part.name + ".segments.json")


def plan_segments(size: int, prefix: int, connections: int, min_bytes: int) -> list[list[int]]:
    """[start, end, done] for the bytes after ``prefix``, split into up to ``connections``."""
    remaining = size - prefix
    count = max(1, min(connections, remaining // max(min_bytes, 1)))
    step = -(-remaining // count)
    step = -(-step // ALIGN) * ALIGN
    return [[start, min(size, start + step), 0] for start in range(prefix, size, step)]


class SegmentedFetch:
    def __init__(self, fetcher: Fetcher, url: str, part: Path, size: int, headers: dict[str, str], segments: list[list[int]], *, hasher=None, hashed: int = 0) -> None:  # noqa: ANN001
        self.fetcher, self.url, self.part, self.size, self.headers = fetcher, url, part, size, headers
        self.segments = segments
        self.lock = threading.Condition()
        self.errors: list[BaseException] = []
        self.stop = threading.Event()
        self.transferred = 0
        self.hasher = hasher or hashlib.sha256()  # a stream that was split hands over its hash so far
        self.hashed = hashed
        self.buffered = [0] * len(segments)  # received, not yet written: shown as progress only
        self._buffers = [bytearray(FLUSH_BYTES) for _ in segments]

    # -- bookkeeping ------------------------------------------------------------------------------
    def save(self, sync_fd: int | None = None) -> None:
        """Record each segment's progress. With ``sync_fd`` the bytes it claims are forced to
        disk first, so after a power cut the record never points past real data (a hole of
        zeros would fail the hash and cost the whole download)."""
        with self.lock:
            data = {"size": self.size, "segments": [list(s) for s in self.segments]}
        if sync_fd is not None:
            os.fsync(sync_fd)
        tmp = state_path(self.part).with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, state_path(self.part))

    def contiguous_end(self) -> int:
        cursor = min(s[0] for s in self.segments)  # everything before the first segment is the old prefix
        for start, end, done in sorted(self.segments):
            if start > cursor:
                break
            cursor = max(cursor, start + done)
            if start + done < end:
                break
        return cursor

    def done_bytes(self) -> int:
        first = min(s[0] for s in self.segments)
        return min(self.size, first + sum(s[2] for s in self.segments) + sum(self.buffered))  # buffered is read unlocked

    # -- workers ----------------------------------------------------------------------------------
    def _segment(self, index: int, handle) -> None:  # noqa: ANN001
        failures = 0
        while True:
            with self.lock:
                start, end, done = self.segments[index]
            if start + done >= end:
                return

            # One preallocated 4 MiB buffer per segment, one pwrite per fill: fewer system
            # calls than a write per 64 KiB piece, and no fresh memory per flush (a page fault
            # per 4 KiB each time; on a virtual machine that doubled the system time).
            buffer = self._buffers[index]
            used = [0]
            flushed = [start + done]

            def flush() -> None:
                if used[0]:
                    _write_at(handle, flushed[0], memoryview(buffer)[: used[0]], self.part)
                    flushed[0] += used[0]
                    with self.lock:
                        self.segments[index][2] = flushed[0] - start
                        self.transferred += used[0]
                        self.lock.notify_all()
                    used[0] = 0
                    self.buffered[index] = 0

            def on_chunk(chunk: bytes, received: int) -> None:
                view = memoryview(chunk)
                while view:
                    take = min(len(view), FLUSH_BYTES - used[0])
                    buffer[used[0] : used[0] + take] = view[:take]
                    used[0] += take
                    view = view[take:]
                    if used[0] == FLUSH_BYTES:
                        flush()
                self.buffered[index] = used[0]

            try:
                try:
                    stream_range(
                        self.fetcher_http, self.url, self.headers, start + done, end, on_chunk,
                        lambda: self.stop.is_set() or self.fetcher.should_stop(), self.fetcher.stall_timeout_s, always_range=True,
                    )  # fmt: skip
                finally:
                    flush()  # bytes that arrived before a drop or a pause are good: keep them
                failures = 0
            except (httpx.TransportError, _Retry) as exc:
                failures = 0 if getattr(exc, "received", 0) else failures + 1
                if failures > self.fetcher.max_failures:
                    raise NetworkError(
                        QT_TR_NOOP("A part of the download kept failing ({problem}).", problem=problem(exc, self.fetcher.stall_timeout_s)),
                        hint=QT_TR_NOOP("The partial file is kept; resume when the connection is back."),
                    ) from exc
                self.fetcher._wait(failures or 1, problem(exc, self.fetcher.stall_timeout_s), stop=lambda: self.stop.is_set() or self.fetcher.should_stop())

    def _guard(self, index: int) -> None:
        try:
            with open(self.part, "r+b", buffering=0) as handle:
                self._segment(index, handle)
        except BaseException as exc:  # handed to the coordinating thread
            with self.lock:
                self.errors.append(exc)
                self.lock.notify_all()
            self.stop.set()

    def _hash_ahead(self) -> None:
        with open(self.part, "rb", buffering=0) as handle:
            self._hash_from(handle)

    def _hash_from(self, handle) -> None:  # noqa: ANN001
        """Hash bytes in file order as soon as they are contiguous (read into one reused buffer)."""
        block = bytearray(HASH_BYTES)
        while self.hashed < self.size:
            with self.lock:
                while self.contiguous_end() <= self.hashed and not self.errors and not self.stop.is_set():
                    self.lock.wait(0.5)
                if self.errors or (self.stop.is_set() and self.contiguous_end() <= self.hashed):
                    return
                target = self.contiguous_end()
            while self.hashed < target:
                handle.seek(self.hashed)
                count = handle.readinto(memoryview(block)[: min(HASH_BYTES, target - self.hashed)])
                if not count:
                    return
                self.hasher.update(memoryview(block)[:count])
                self.hashed += count

    # -- run --------------------------------------------------------------------------------------
    def run(self, http: httpx.Client) -> tuple[str, int]:
        self.fetcher_http = http
        self.save()
        self.part.touch()
        sync_fd = os.open(self.part, os.O_RDWR | getattr(os, "O_BINARY", 0))
        threads = [threading.Thread(target=self._guard, args=(i,), name=f"segment-{i}", daemon=True) for i in range(len(self.segments))]
        hasher = threading.Thread(target=self._hash_ahead, name="segment-hash", daemon=True)
        started, last_save = time.monotonic(), time.monotonic()
        try:
            for thread in threads + [hasher]:
                thread.start()
            while any(t.is_alive() for t in threads):
                with self.lock:
                    self.lock.wait(0.25)
                    done, sent = self.done_bytes(), self.transferred
                self.fetcher.on_progress(Progress(done, self.size, sent / max(time.monotonic() - started, 1e-6)))
                if time.monotonic() - last_save > 1.0:
                    try:
                        self.save(sync_fd)
                    except OSError as exc:  # a full disk shows up as the segments' own error; try again next time
                        log.warning("cannot record the segments of %s: %s", self.part.name, exc)
                    last_save = time.monotonic()
            for thread in threads:
                thread.join()
            if self.errors:
                try:
                    self.save(sync_fd)
                except OSError as exc:
                    log.warning("cannot record the segments of %s: %s", self.part.name, exc)
                raise next((e for e in self.errors if not isinstance(e, Paused)), self.errors[0])
            self.stop.set()  # every segment is in: the hash thread finishes what is contiguous and ends
            hasher.join()
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=5)
            hasher.join(timeout=30)
            os.close(sync_fd)
        if self.hashed != self.size:
            raise HangarError(f"internal error: hashed {self.hashed:,} of {self.size:,} bytes")
        state_path(self.part).unlink(missing_ok=True)
        return self.hasher.hexdigest(), self.transferred


def _write_at(handle, offset: int, data: memoryview, part: Path) -> None:  # noqa: ANN001
    try:
        handle.seek(offset)
        written = 0
        while written < len(data):
            written += handle.write(data[written:])
    except OSError as exc:
        raise write_error(exc, part) from exc


def resume_state(part: Path, size: int) -> list[list[int]] | None:
    """The segments a previous run recorded, if they belong to this file."""
    path = state_path(part)
    if not path.exists() or not part.exists():
        return None
    try:
        data = json.loads(path.read_text())
        segments = [[int(a), int(b), int(c)] for a, b, c in data["segments"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("size") != size or not segments or any(not (0 <= a < b and 0 <= c <= b - a) for a, b, c in segments):
        return None
    ordered = sorted(segments)
    if ordered[-1][1] != size or any(x[1] != y[0] for x, y in zip(ordered, ordered[1:])):
        return None  # gaps or overlaps: not a record this version wrote
    return segments


__all__ = ["SegmentedFetch", "RangeIgnored", "plan_segments", "resume_state", "state_path"]
