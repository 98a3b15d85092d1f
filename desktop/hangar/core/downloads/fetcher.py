"""One file from the Hub, resumably, verified while it is written.

Resume is HTTP Range on a ``<name>.part`` file that survives restarts (huggingface_hub
deletes partial files between runs since 1.18, so this part is ours). Dropped
connections, 5xx answers and stalls (no byte for ``stall_timeout_s``) reconnect with
backoff and continue from the last byte written. The finished file must match the
Hub's LFS SHA-256 before it is atomically renamed into place; a mismatch is moved to
``.quarantine/`` and reported, never loaded.

A large file starts on one connection. After ``probe_s`` the fetcher looks at how much
processor time the download used: below half a processor, bytes arrive slower than this
machine can take them (the link or the server caps each connection, as CDNs do), so the
rest is split over ``connections`` parallel segments. At or above it this machine is the
limit (a fast local mirror, a small CPU) and more connections would only add overhead
(measured: benchmarks/download_vs_hf.py, docs/runtimes-and-measurements.md).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx2 as httpx

from ..errors import DiskFull, HangarError, IntegrityError, NetworkError
from ..hub.remote import client, raise_for_hub_status, timeout
from ..i18n import QT_TR_NOOP, Text
from .sink import HashingSink, StoppedWhileChecking

log = logging.getLogger(__name__)
DISK_MARGIN = 64 * 1024 * 1024
SPLIT_BELOW_CPU = 0.5  # processor share of one core under which the network, not we, sets the pace


class Paused(HangarError):
    code = "paused"


@dataclass
class FetchResult:
    path: Path
    sha256: str
    verified: bool
    transferred_bytes: int


@dataclass
class Progress:
    done_bytes: int
    total_bytes: int
    bytes_per_s: float
    state: str = "downloading"  # or "checking" while re-hashing a partial file, "retrying"
    message: str = ""

    @property
    def eta_s(self) -> float | None:
        if self.bytes_per_s <= 0:
            return None
        return (self.total_bytes - self.done_bytes) / self.bytes_per_s


def part_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".part")


def quarantine(path: Path, dest: Path) -> Path:
    folder = dest.parent / ".quarantine"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{dest.name}.{time.strftime('%Y%m%d-%H%M%S')}"
    os.replace(path, target)
    return target


class Fetcher:
    def __init__(
        self,
        *,
        on_progress: Callable[[Progress], None] | None = None,
        should_stop: Callable[[], bool] = lambda: False,
        stall_timeout_s: float = 30.0,
        max_failures: int = 8,
        backoff_s: float = 0.5,
        backoff_cap_s: float = 30.0,
        connections: int = 4,
        segment_min_bytes: int = 64 * 1024 * 1024,
        probe_s: float = 1.0,
        cpu_time: Callable[[], float] | None = None,
    ) -> None:
        self.on_progress = on_progress or (lambda progress: None)
        self.should_stop = should_stop
        self.stall_timeout_s = stall_timeout_s
        self.max_failures = max_failures
        self.backoff_s = backoff_s
        self.backoff_cap_s = backoff_cap_s
        self.connections = connections
        self.segment_min_bytes = segment_min_bytes
        self.probe_s = probe_s  # 0: split a large file at once, without measuring first
        self.cpu_time = cpu_time  # None: the processor time of this download's own threads

    def fetch(self, url: str, dest: Path, size: int, sha256: str | None, headers: dict[str, str]) -> FetchResult:
        from .segmented import resume_state, state_path

        part = part_path(dest)
        segments = resume_state(part, size)
        if segments is None and state_path(part).exists():
            log.warning("the segment record of %s is unreadable: starting it again", part)
            state_path(part).unlink()
            part.unlink(missing_ok=True)
        if segments is None and part.exists() and part.stat().st_size > size:
            part.unlink()  # longer than the file can be: not ours to resume
        if segments is None and self.probe_s <= 0:
            segments = self._plan(part, size)
        if segments:
            done = self._segmented(url, part, dest, size, sha256, headers, segments)
            if done is not None:
                return done
        existing = part.stat().st_size if part.exists() else 0
        _check_disk(dest.parent, size - existing)
        if existing:
            self.on_progress(Progress(existing, size, 0.0, "checking", QT_TR_NOOP("checking the partial file")))
        try:
            sink = HashingSink(part, resume=existing > 0, should_stop=self.should_stop)
        except StoppedWhileChecking:
            raise Paused(QT_TR_NOOP("Download paused; the partial file is kept.")) from None
        transferred, failures = 0, 0
        http = client()
        try:
            while True:
                sink.sync()
                if sink.written >= size:
                    break
                try:
                    transferred += self._stream(http, url, headers, sink, size)
                    failures = 0
                except (httpx.TransportError, _Retry) as exc:
                    received = getattr(exc, "received", 0)
                    transferred += received
                    failures = 0 if received else failures + 1
                    if failures > self.max_failures:
                        raise NetworkError(
                            QT_TR_NOOP("The download of {file} kept failing ({problem}).", file=dest.name, problem=problem(exc, self.stall_timeout_s)),
                            hint=QT_TR_NOOP("The partial file is kept; resume when the connection is back."),
                        ) from exc
                    self._wait(max(failures, 1), problem(exc, self.stall_timeout_s))
            digest = sink.finish()
        except _Split as split:
            # The network is the limit: the rest goes over parallel segments, continuing
            # this stream's hash from where it stopped (nothing is read or fetched twice).
            sink.finish()
            segments = self._plan(part, size)
            done = self._segmented(url, part, dest, size, sha256, headers, segments, sink.hasher, sink.written, transferred + split.received)
            if done is None:
                return self.fetch(url, dest, size, sha256, headers)  # the server ignores ranges after all: one stream
            return done
        except BaseException:
            _finish_quietly(sink)
            raise
        return self._complete(part, dest, size, sha256, digest, transferred)

    def _plan(self, part: Path, size: int) -> list[list[int]] | None:
        """Segments for the bytes after the partial file, or None when it is not worth it."""
        from .segmented import plan_segments

        prefix = part.stat().st_size if part.exists() and part.stat().st_size <= size else 0
        if self.connections > 1 and size - prefix >= 2 * self.segment_min_bytes:
            return plan_segments(size, prefix, self.connections, self.segment_min_bytes)
        return None

    def _segmented(self, url, part, dest, size, sha256, headers, segments, hasher=None, hashed=0, transferred=0) -> FetchResult | None:  # noqa: ANN001
        """Fetch ``segments`` in parallel; None when the server turns out to ignore Range."""
        from .segmented import SegmentedFetch, state_path

        job = SegmentedFetch(self, url, part, size, headers, segments, hasher=hasher, hashed=hashed)
        _check_disk(dest.parent, size - job.done_bytes())
        try:
            digest, sent = job.run(client())
        except RangeIgnored:
            log.warning("the server does not serve ranges: downloading %s in one stream", dest.name)
            with open(part, "r+b") as handle:
                handle.truncate(job.contiguous_end())
            state_path(part).unlink(missing_ok=True)
            self.connections = 1
            return None
        return self._complete(part, dest, size, sha256, digest, transferred + sent)

    def _stream(self, http: httpx.Client, url: str, headers: dict[str, str], sink: HashingSink, size: int) -> int:
        """One request from the current end of the file; returns bytes received."""
        offset = sink.written
        started, last_report = time.monotonic(), [0.0]
        window = [0.0, 0.0]  # wall and processor clocks when the current probe window began
        # Only this download's threads count (the window's and other downloads' work does not).
        cpu_time = self.cpu_time or (lambda: time.thread_time() + sink.cpu_s)

        def on_chunk(chunk: bytes, received: int) -> None:
            sink.put(chunk)
            now = time.monotonic()
            if now - last_report[0] > 0.25:
                last_report[0] = now
                self.on_progress(Progress(offset + received, size, received / max(now - started, 1e-6)))
            if self.probe_s > 0 and self.connections > 1:
                if not window[0]:
                    window[:] = [now, cpu_time()]
                elif now - window[0] >= self.probe_s:
                    share = (cpu_time() - window[1]) / (now - window[0])
                    log.debug("probe: %.0f MiB/s on one connection, %.2f of a processor", received / max(now - started, 1e-6) / 2**20, share)
                    if share < SPLIT_BELOW_CPU and size - offset - received >= 2 * self.segment_min_bytes:
                        log.info("one connection used %.0f%% of a processor: splitting the rest of the download", share * 100)
                        raise _Split(received)
                    window[:] = [now, cpu_time()]

        try:
            received = stream_range(http, url, headers, offset, size, on_chunk, self.should_stop, self.stall_timeout_s)
        except RangeIgnored:
            log.warning("the server ignored the Range request; downloading %s from the start", url)
            self.connections = 1  # it will ignore the segments' ranges too
            sink.restart()
            return 1  # progress of a kind: go round again from byte 0
        self.on_progress(Progress(offset + received, size, received / max(time.monotonic() - started, 1e-6)))
        return received

    def _wait(self, failures: int, why: str, stop: Callable[[], bool] | None = None) -> None:
        delay = min(self.backoff_cap_s, self.backoff_s * 2 ** (failures - 1))
        self.on_progress(Progress(0, 0, 0.0, "retrying", QT_TR_NOOP("{problem}; trying again in {delay:.1f} s", problem=why, delay=delay)))
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline:
            if (stop or self.should_stop)():
                raise Paused(QT_TR_NOOP("Download paused; the partial file is kept."))
            time.sleep(min(0.1, delay))

    def _complete(self, part: Path, dest: Path, size: int, sha256: str | None, digest: str, transferred: int) -> FetchResult:
        actual = part.stat().st_size
        if actual != size:
            raise IntegrityError(
                QT_TR_NOOP("{file} has {actual:,} bytes but the Hub lists {size:,}.", file=dest.name, actual=actual, size=size),
                hint=QT_TR_NOOP("Start the download again."),
            )
        if sha256 and digest != sha256.lower():
            moved = quarantine(part, dest)
            raise IntegrityError(
                QT_TR_NOOP("{file} does not match the SHA-256 the Hub publishes: the file is damaged or was tampered with.", file=dest.name),
                hint=QT_TR_NOOP("It was moved to {path} and will not be loaded. Download it again.", path=moved),
            )
        os.replace(part, dest)
        return FetchResult(dest, digest, bool(sha256), transferred)


def problem(exc: BaseException, stall_timeout_s: float) -> Text:
    """What went wrong with a connection, in words (for the retry line and the final error)."""
    if isinstance(exc, _Retry) and isinstance(exc.args[0], Text):
        return exc.args[0]
    if isinstance(exc, httpx.TimeoutException):
        return QT_TR_NOOP("no data for {seconds:.0f} s", seconds=stall_timeout_s)
    return QT_TR_NOOP("connection problem ({error})", error=type(exc).__name__)


class _Retry(Exception):
    def __init__(self, message: str, received: int = 0) -> None:
        super().__init__(message)
        self.received = received


class _Split(Exception):
    """Raised from inside a single stream when parallel segments would be faster."""

    def __init__(self, received: int) -> None:
        super().__init__("split")
        self.received = received


class RangeIgnored(Exception):
    """The server answered 200 with the whole file to a Range request."""


def stream_range(
    http: httpx.Client,
    url: str,
    headers: dict[str, str],
    start: int,
    end: int,
    on_chunk: Callable[[bytes, int], None],
    should_stop: Callable[[], bool],
    stall_timeout_s: float,
    *,
    always_range: bool = False,
) -> int:
    """GET bytes [start, end) and hand each chunk over; returns how many arrived.

    A plain GET (no Range header) is sent for a whole file from byte 0, as a browser would;
    ``always_range`` asks for the range even then (parallel segments).

    Raises _Retry (5xx, early close) or httpx.TransportError (drop, stall) carrying
    ``received``, Paused when asked to stop, RangeIgnored, or a Hub error.
    """
    # Bytes exactly as stored: a proxy that compressed them would break resume offsets.
    request_headers = {**headers, "Accept-Encoding": "identity"}
    if start or always_range:
        request_headers["Range"] = f"bytes={start}-{end - 1}"
    received = 0
    try:
        with http.stream("GET", url, headers=request_headers, timeout=timeout(stall_timeout_s)) as response:
            if response.status_code in (429, 500, 502, 503, 504):
                raise _Retry(QT_TR_NOOP("the Hub answered {status}", status=response.status_code))
            raise_for_hub_status(response, url.rsplit("/", 1)[-1])
            if "Range" in request_headers and response.status_code == 200:
                raise RangeIgnored()
            if response.status_code == 206 and not response.headers.get("Content-Range", "").startswith(f"bytes {start}-"):
                raise RangeIgnored()  # another range than the one asked for: trust none
            for chunk in response.iter_raw():  # as received: re-chunking would copy every byte
                if received + len(chunk) > end - start:
                    chunk = chunk[: end - start - received]
                on_chunk(chunk, received + len(chunk))
                received += len(chunk)
                if received >= end - start:
                    break
                if should_stop():
                    raise Paused(QT_TR_NOOP("Download paused; the partial file is kept."))
    except (httpx.TransportError, _Retry) as exc:
        exc.received = received  # type: ignore[attr-defined]
        raise
    if received < end - start:
        raise _Retry(QT_TR_NOOP("the connection closed early"), received)
    return received


def _finish_quietly(sink: HashingSink) -> None:
    try:
        sink.finish()
    except HangarError:
        pass


def _check_disk(folder: Path, remaining: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < remaining + DISK_MARGIN:
        raise DiskFull(
            QT_TR_NOOP(
                "Not enough disk space in {folder}: the download needs {needed:.2f} GiB more, {free:.2f} GiB are free.",
                folder=folder, needed=remaining / 2**30, free=free / 2**30,
            ),
            hint=QT_TR_NOOP("Free some space or choose another models folder in Settings; any partial file is kept."),
        )  # fmt: skip
