"""Large files over several connections at once, still hashed in order and resumable.

Servers and CDNs often cap each connection; Ollama pulls in 16 parts for that reason.
Segments are written straight into the ``.part`` file at their offsets (``os.pwrite``),
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
from .fetcher import Fetcher, Paused, Progress, RangeIgnored, _Retry, stream_range

log = logging.getLogger(__name__)
ALIGN = 1024 * 1024


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

    # -- bookkeeping ------------------------------------------------------------------------------
    def save(self) -> None:
        with self.lock:
            data = {"size": self.size, "segments": [list(s) for s in self.segments]}
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
        return first + sum(s[2] for s in self.segments) + sum(self.buffered)

    # -- workers ----------------------------------------------------------------------------------
    def _segment(self, index: int, fd: int) -> None:
        failures = 0
        while True:
            with self.lock:
                start, end, done = self.segments[index]
            if start + done >= end:
                return

            buffer = bytearray()
            flushed = [start + done]

            def flush() -> None:
                # One pwrite per 4 MiB, not per 64 KiB network read: fewer system calls.
                if buffer:
                    os.pwrite(fd, buffer, flushed[0])
                    flushed[0] += len(buffer)
                    with self.lock:
                        self.segments[index][2] = flushed[0] - start
                        self.transferred += len(buffer)
                        self.lock.notify_all()
                    buffer.clear()
                    self.buffered[index] = 0

            def on_chunk(chunk: bytes, received: int) -> None:
                buffer.extend(chunk)
                self.buffered[index] = len(buffer)
                if len(buffer) >= 4 * ALIGN:
                    flush()

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
                    raise NetworkError(f"A part of the download kept failing ({exc or type(exc).__name__}).", hint="The partial file is kept; resume when the connection is back.") from exc
                self.fetcher._wait(failures or 1, f"connection problem ({type(exc).__name__})")

    def _guard(self, index: int, fd: int) -> None:
        try:
            self._segment(index, fd)
        except BaseException as exc:  # handed to the coordinating thread
            with self.lock:
                self.errors.append(exc)
                self.lock.notify_all()
            self.stop.set()

    def _hash_ahead(self, fd: int) -> None:
        """Hash bytes in file order as soon as they are contiguous."""
        while self.hashed < self.size:
            with self.lock:
                while self.contiguous_end() <= self.hashed and not self.errors and not self.stop.is_set():
                    self.lock.wait(0.5)
                if self.errors or (self.stop.is_set() and self.contiguous_end() <= self.hashed):
                    return
                target = self.contiguous_end()
            while self.hashed < target:
                block = os.pread(fd, min(8 * ALIGN, target - self.hashed), self.hashed)
                if not block:
                    return
                self.hasher.update(block)
                self.hashed += len(block)

    # -- run --------------------------------------------------------------------------------------
    def run(self, http: httpx.Client) -> tuple[str, int]:
        self.fetcher_http = http
        self.save()
        fd = os.open(self.part, os.O_RDWR | os.O_CREAT, 0o644)
        threads = [threading.Thread(target=self._guard, args=(i, fd), name=f"segment-{i}", daemon=True) for i in range(len(self.segments))]
        hasher = threading.Thread(target=self._hash_ahead, args=(fd,), name="segment-hash", daemon=True)
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
                    self.save()
                    last_save = time.monotonic()
            for thread in threads:
                thread.join()
            self.save()
            if self.errors:
                raise next((e for e in self.errors if not isinstance(e, Paused)), self.errors[0])
            hasher.join()
        finally:
            self.stop.set()
            hasher.join(timeout=30)
            os.close(fd)
        if self.hashed != self.size:
            raise HangarError(f"internal error: hashed {self.hashed:,} of {self.size:,} bytes")
        state_path(self.part).unlink(missing_ok=True)
        return self.hasher.hexdigest(), self.transferred


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
    if data.get("size") != size or any(not (0 <= c <= b - a) for a, b, c in segments):
        return None
    return segments


__all__ = ["SegmentedFetch", "RangeIgnored", "plan_segments", "resume_state", "state_path"]
