"""Byte ranges over HTTP, the retry policy and progress: what one stream and parallel
segments share.

The single stream (fetcher.py) and the parallel segments (segmented.py) fetch ranges of
the same file and must treat the same failures the same way: a 5xx or an early close is
retried with backoff, a stall is a dropped connection, a server that answers a Range
request with the whole file is noticed. Keeping that here lets fetcher.py use
segmented.py without either reaching into the other's private names.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import Callable

import httpx2 as httpx

from ..common.errors import HangarError, NetworkError
from ..common.i18n import QT_TR_NOOP, Text
from ..hub.remote import raise_for_hub_status, timeout


class ProgressState(str, Enum):
    """What a running download is doing (str-valued: compares and prints as its value)."""

    DOWNLOADING = "downloading"
    CHECKING = "checking"  # re-hashing a partial file before resuming
    RETRYING = "retrying"  # waiting before it reconnects
    WAITING = "waiting"  # another download (often another Hangar process) holds the destination

    __str__ = str.__str__
    __format__ = str.__format__


@dataclass
class Progress:
    done_bytes: int
    total_bytes: int
    bytes_per_s: float
    state: ProgressState = ProgressState.DOWNLOADING
    message: str = ""

    @property
    def eta_s(self) -> float | None:
        if self.bytes_per_s <= 0:
            return None
        return (self.total_bytes - self.done_bytes) / self.bytes_per_s


class Paused(HangarError):
    code = "paused"


def paused() -> Paused:
    return Paused(QT_TR_NOOP("Download paused; the partial file is kept."))


class RetryableError(Exception):
    """The Hub answered 429/5xx or closed early: worth another request from where it stopped."""

    def __init__(self, message: str, received: int = 0) -> None:
        super().__init__(message)
        self.received = received


class RangeIgnored(Exception):
    """The server answered a Range request with the whole file, or with another range."""


@dataclass(frozen=True)
class RetryPolicy:
    """How long a connection may stay silent, how often to retry, how long to wait between.

    ``max_failures`` counts failures in a row that did not move the download on by
    ``progress_bytes`` (or a sixteenth of a small file); ``max_total_failures`` caps every
    failure of one fetch, however much each brought."""

    stall_timeout_s: float = 30.0
    max_failures: int = 8
    backoff_s: float = 0.5
    backoff_cap_s: float = 30.0
    progress_bytes: int = 1024 * 1024
    max_total_failures: int = 100

    def problem(self, exc: BaseException) -> Text:
        """What went wrong with a connection, in words (for the retry line and the final error)."""
        if isinstance(exc, RetryableError) and isinstance(exc.args[0], Text):
            return exc.args[0]
        if isinstance(exc, httpx.TimeoutException):
            return QT_TR_NOOP("no data for {seconds:.0f} s", seconds=self.stall_timeout_s)
        return QT_TR_NOOP("connection problem ({error})", error=type(exc).__name__)

    def wait(self, failures: int, why: Text, on_progress: Callable[[Progress], None], stop: Callable[[], bool]) -> None:
        """Back off before the next try, saying so; a pause meanwhile ends the wait at once."""
        delay = min(self.backoff_cap_s, self.backoff_s * 2 ** (max(failures, 1) - 1))
        on_progress(Progress(0, 0, 0.0, ProgressState.RETRYING, QT_TR_NOOP("{problem}; trying again in {delay:.1f} s", problem=why, delay=delay)))
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline:
            if stop():
                raise paused()
            time.sleep(min(0.1, delay))


class RetryBudget:
    """Failures counted by progress, not by any byte.

    A server that cuts every body short used to be retried forever, because the count of
    failures started again whenever a request brought a byte (1,168 requests in 300 s,
    and with a server that also ignored Range, every one of them from byte 0). A failure
    now counts unless the complete prefix (the bytes from the start of the file, or of a
    segment, with no gap) grew by at least ``progress`` since the count last started
    again; and all failures of one fetch are capped."""

    def __init__(self, policy: RetryPolicy, position: int, length: int) -> None:
        self.policy = policy
        self.mark = position  # the complete prefix when the count last started again
        self.progress = max(1, min(policy.progress_bytes, length // 16))
        self.failures = 0  # in a row without progress: sets the backoff
        self.total = 0
        self.furthest = position  # the longest complete prefix any attempt reached

    def failed(self, position: int) -> bool:
        """Count a failed request that left the complete prefix at ``position``; True when
        no more tries are allowed."""
        self.total += 1
        self.furthest = max(self.furthest, position)
        if position >= self.mark + self.progress:
            self.mark, self.failures = position, 0
        else:
            self.failures += 1
        return self.failures > self.policy.max_failures or self.total > self.policy.max_total_failures


def problem(exc: BaseException, stall_timeout_s: float) -> Text:
    """RetryPolicy.problem for a given stall timeout (kept for callers that only have that)."""
    return RetryPolicy(stall_timeout_s=stall_timeout_s).problem(exc)


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
    """GET bytes [start, end) and hand each chunk over as it arrives; returns how many arrived.

    A plain GET (no Range header) is sent for a whole file from byte 0, as a browser would;
    ``always_range`` asks for the range even then (parallel segments).

    Raises RetryableError (5xx, early close) or httpx.TransportError (drop, stall) carrying
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
                raise RetryableError(QT_TR_NOOP("the Hub answered {status}", status=response.status_code))
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
                    raise paused()
    except (httpx.TransportError, RetryableError) as exc:
        exc.received = received  # type: ignore[attr-defined]
        raise
    except httpx.TooManyRedirects as exc:  # not a TransportError: it escaped as "unexpected error"
        raise NetworkError(
            QT_TR_NOOP("The download of {file} was redirected in a loop (more than {count} redirects).", file=url.rsplit("/", 1)[-1], count=http.max_redirects),
            hint=QT_TR_NOOP("The Hub, a mirror or a proxy on the way is misconfigured. Try again later, or check HF_ENDPOINT and your proxy settings."),
        ) from exc
    if received < end - start:
        raise RetryableError(QT_TR_NOOP("the connection closed early"), received)
    return received
