"""One file from the Hub, resumably, verified while it is written.

Resume is HTTP Range on a ``<name>.part`` file that survives restarts (huggingface_hub
deletes partial files between runs since 1.18, so this part is ours). Dropped
connections, 5xx answers and stalls (no byte for ``stall_timeout_s``) reconnect with
backoff and continue from the last byte written; tries are counted by how far they
moved the file on (transport.RetryBudget), so a server that cuts every answer short is
given up on with its reason. The caller holds the destination's lock (lock.py). The finished file must match the
Hub's LFS SHA-256 before it is atomically renamed into place; a mismatch is moved to
``.quarantine/`` and reported, never loaded.

A large file starts on one connection. After ``probe_s`` the fetcher looks at how much
processor time the download used: below half a processor, bytes arrive slower than this
machine can take them (the link or the server caps each connection, as CDNs do), so the
rest is split over ``connections`` parallel segments. At or above it this machine is the
limit (a fast local mirror, a small CPU) and more connections would only add overhead
(measured: benchmarks/download_vs_hf.py, docs/runtimes-and-measurements.md).

Module layers: transport.py (ranges, retries, progress) under sink.py (the partial file
and its hash) and record.py (segment records), under segmented.py, under this module.
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

from ..common.errors import DiskFull, IntegrityError, NetworkError
from ..common.i18n import QT_TR_NOOP
from ..common.units import format_bytes
from ..hub.remote import client
from .record import partial_files, plan_segments, resume_state, state_path
from .segmented import SegmentedFetch
from .sink import FileHasher, HashingSink, StoppedWhileChecking, hash_prefix
from .transport import Paused, Progress, ProgressState, RangeIgnored, RetryableError, RetryBudget, RetryPolicy, paused, problem, stream_range

log = logging.getLogger(__name__)
DISK_MARGIN = 64 * 1024 * 1024
SPLIT_BELOW_CPU = 0.5  # processor share of one core under which the network, not we, sets the pace

__all__ = ["Fetcher", "FetchResult", "Paused", "Progress", "ProgressState", "part_path", "problem", "quarantine"]


@dataclass
class FetchResult:
    path: Path
    sha256: str  # of the bytes written, always computed
    verified: bool  # True only when ``sha256`` was checked against a value the Hub published
    transferred_bytes: int  # received over the network by this call (a resume fetches less)
    expected_sha256: str | None = None  # what the Hub published; None: nothing to check against


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
        progress_bytes: int = 1024 * 1024,
        max_total_failures: int = 100,
        connections: int = 4,
        segment_min_bytes: int = 64 * 1024 * 1024,
        probe_s: float = 1.0,
        cpu_time: Callable[[], float] | None = None,
    ) -> None:
        self.on_progress = on_progress or (lambda progress: None)
        self.should_stop = should_stop
        self.policy = RetryPolicy(stall_timeout_s, max_failures, backoff_s, backoff_cap_s, progress_bytes, max_total_failures)
        self.connections = connections
        self.segment_min_bytes = segment_min_bytes
        self.probe_s = probe_s  # 0: split a large file at once, without measuring first
        self.cpu_time = cpu_time  # None: the processor time of this download's own threads

    def fetch(self, url: str, dest: Path, size: int, sha256: str | None, headers: dict[str, str]) -> FetchResult:
        """Fetch ``dest``; the caller holds its DestinationLock (lock.py), so no other
        download touches the partial file meanwhile."""
        part = part_path(dest)
        in_place = self._already_in_place(dest, size, sha256)
        if in_place is not None:
            return in_place
        segments = resume_state(part, size)
        if segments is None and state_path(part).exists():
            log.warning("the segment record of %s is unreadable: starting it again", part)
            for path in partial_files(part):
                path.unlink(missing_ok=True)
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
            self.on_progress(Progress(existing, size, 0.0, ProgressState.CHECKING, QT_TR_NOOP("checking the partial file")))
        try:
            sink = HashingSink(part, resume=existing > 0, should_stop=self.should_stop)
        except StoppedWhileChecking:
            raise paused() from None
        transferred, ignored_range = 0, False
        budget = RetryBudget(self.policy, sink.written, size)
        http = client()
        try:
            while sink.written < size:
                try:
                    transferred += self._stream(http, url, headers, sink, size)
                except RangeIgnored:
                    log.warning("the server ignored the Range request; downloading %s from the start", url)
                    self.connections = 1  # it will ignore the segments' ranges too
                    ignored_range = True
                    sink.restart()  # no wait: a plain request from byte 0 follows at once
                    if budget.failed(sink.written):
                        raise _no_resume(dest.name, budget.furthest) from None
                except (httpx.TransportError, RetryableError) as exc:
                    transferred += getattr(exc, "received", 0)
                    if budget.failed(sink.written):
                        if ignored_range:
                            raise _no_resume(dest.name, budget.furthest) from exc
                        raise NetworkError(
                            QT_TR_NOOP("The download of {file} kept failing ({problem}).", file=dest.name, problem=self.policy.problem(exc)),
                            hint=QT_TR_NOOP("The partial file is kept; resume when the connection is back."),
                        ) from exc
                    self.policy.wait(budget.failures, self.policy.problem(exc), self.on_progress, self.should_stop)
        except _Split as split:
            # The network is the limit: the rest goes over parallel segments, continuing
            # this stream's hash from where it stopped (nothing is read or fetched twice).
            hasher = sink.hand_over()
            done = self._segmented(url, part, dest, size, sha256, headers, self._plan(part, size), hasher, transferred + split.received)
            if done is None:
                return self.fetch(url, dest, size, sha256, headers)  # the server ignores ranges after all: one stream
            return done
        except BaseException:
            sink.close()
            raise
        return self._complete(part, dest, size, sha256, sink.finish(), transferred)

    def _plan(self, part: Path, size: int) -> list[list[int]] | None:
        """Segments for the bytes after the partial file, or None when it is not worth it."""
        prefix = part.stat().st_size if part.exists() and part.stat().st_size <= size else 0
        if self.connections > 1 and size - prefix >= 2 * self.segment_min_bytes:
            return plan_segments(size, prefix, self.connections, self.segment_min_bytes)
        return None

    def _segmented(self, url, part, dest, size, sha256, headers, segments, hasher: FileHasher | None = None, transferred=0) -> FetchResult | None:  # noqa: ANN001
        """Fetch ``segments`` in parallel; None when the server turns out to ignore Range."""
        job = SegmentedFetch(url, part, size, headers, segments, policy=self.policy, on_progress=self.on_progress, should_stop=self.should_stop, hasher=hasher)
        try:
            _check_disk(dest.parent, size - job.done_bytes())
            digest, sent = job.run(client())
        except RangeIgnored:
            log.warning("the server does not serve ranges: downloading %s in one stream", dest.name)
            with open(part, "r+b") as handle:
                handle.truncate(job.contiguous_end())
            for path in partial_files(part)[1:]:
                path.unlink(missing_ok=True)
            self.connections = 1
            return None
        except BaseException:
            if hasher is not None and job.record is None:
                hasher.abandon()  # never started: the job did not take the hash over
            raise
        return self._complete(part, dest, size, sha256, digest, transferred + sent)

    def _stream(self, http: httpx.Client, url: str, headers: dict[str, str], sink: HashingSink, size: int) -> int:
        """One request from the current end of the file; returns bytes received."""
        offset = sink.written
        started, last_report = time.monotonic(), [0.0]
        window = [0.0, 0.0]  # wall and processor clocks when the current probe window began
        # Only this download's threads count (the window's and other downloads' work does not).
        cpu_time = self.cpu_time or (lambda: time.thread_time() + sink.cpu_s)
        probing = self.probe_s > 0 and self.connections > 1

        def on_chunk(chunk: bytes, received: int) -> None:
            sink.put(chunk)
            now = time.monotonic()
            if now - last_report[0] > 0.25:
                last_report[0] = now
                self.on_progress(Progress(offset + received, size, received / max(now - started, 1e-6)))
            if probing:
                if not window[0]:
                    window[:] = [now, cpu_time()]
                elif now - window[0] >= self.probe_s:
                    share = (cpu_time() - window[1]) / (now - window[0])
                    log.debug("probe: %.0f MiB/s on one connection, %.2f of a processor", received / max(now - started, 1e-6) / 2**20, share)
                    if share < SPLIT_BELOW_CPU and size - offset - received >= 2 * self.segment_min_bytes:
                        log.info("one connection used %.0f%% of a processor: splitting the rest of the download", share * 100)
                        raise _Split(received)
                    window[:] = [now, cpu_time()]

        received = stream_range(http, url, headers, offset, size, on_chunk, self.should_stop, self.policy.stall_timeout_s)
        self.on_progress(Progress(offset + received, size, received / max(time.monotonic() - started, 1e-6)))
        return received

    def _already_in_place(self, dest: Path, size: int, sha256: str | None) -> FetchResult | None:
        """The file is already at ``dest`` with the Hub's SHA-256 (a run stopped after the
        rename and before the queue said so, or the library refused it last time): checked
        here, nothing fetched. Without a published SHA-256 nothing can vouch for it."""
        if not sha256 or not dest.is_file() or dest.stat().st_size != size:
            return None
        self.on_progress(Progress(0, size, 0.0, ProgressState.CHECKING, QT_TR_NOOP("checking the file already in place")))
        try:
            hasher, _ = hash_prefix(dest, self.should_stop)
        except StoppedWhileChecking:
            raise paused() from None
        digest = hasher.hexdigest()
        if digest != sha256.lower():
            return None  # another file under that name: downloaded again and replaced
        for path in partial_files(part_path(dest)):
            path.unlink(missing_ok=True)  # left by an earlier attempt
        return FetchResult(dest, digest, verified=True, transferred_bytes=0, expected_sha256=digest)

    def _complete(self, part: Path, dest: Path, size: int, sha256: str | None, digest: str, transferred: int) -> FetchResult:
        actual = part.stat().st_size
        if actual != size:
            raise IntegrityError(
                QT_TR_NOOP("{file} has {actual:,} bytes but the Hub lists {size:,}.", file=dest.name, actual=actual, size=size),
                hint=QT_TR_NOOP("Start the download again."),
            )
        expected = sha256.lower() if sha256 else None
        if expected is not None and digest != expected:
            moved = quarantine(part, dest)
            raise IntegrityError(
                QT_TR_NOOP("{file} does not match the SHA-256 the Hub publishes: the file is damaged or was tampered with.", file=dest.name),
                hint=QT_TR_NOOP("It was moved to {path} and will not be loaded. Download it again.", path=moved),
            )
        os.replace(part, dest)
        return FetchResult(dest, digest, verified=expected is not None, transferred_bytes=transferred, expected_sha256=expected)


class _Split(Exception):
    """Raised from inside a single stream when parallel segments would be faster."""

    def __init__(self, received: int) -> None:
        super().__init__("split")
        self.received = received


def _no_resume(name: str, best: int) -> NetworkError:
    return NetworkError(
        QT_TR_NOOP("The server ends {file} early every time and ignores requests to continue from where it stopped (HTTP Range), so the download cannot get past {size}.",
                   file=name, size=format_bytes(best)),
        hint=QT_TR_NOOP("Try again later or from another network; a proxy between this machine and the Hub may be cutting the connection."),
    )  # fmt: skip


def _check_disk(folder: Path, remaining: int) -> None:
    """Room for the rest of the file and DISK_MARGIN besides (the sizes as format_bytes
    writes them: "0.00 GiB more, 0.01 GiB are free" said nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < remaining + DISK_MARGIN:
        raise DiskFull(
            QT_TR_NOOP(
                "Not enough disk space in {folder}: the download needs {needed} (the rest of the file and {margin} to spare), and {free} are free.",
                folder=folder, needed=format_bytes(remaining + DISK_MARGIN), margin=format_bytes(DISK_MARGIN), free=format_bytes(free),
            ),
            hint=QT_TR_NOOP("Free some space or choose another models folder in Settings; any partial file is kept."),
        )  # fmt: skip
