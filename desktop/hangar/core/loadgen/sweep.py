"""The load: one level per concurrency, each a fresh set of requests, every sample kept.

Without a rate, a level is a closed loop: all its requests are ready at once and at most
``max_concurrency`` are in flight (``vllm bench serve --max-concurrency N`` with the default
infinite ``--request-rate``). With ``rate`` R, requests arrive as vLLM's ``get_request`` sends
them: gaps drawn from a gamma distribution of shape ``burstiness`` and mean 1/R (burstiness 1
is a Poisson process; lower is burstier, higher more even), scaled so the last arrives at n/R,
and still at most ``max_concurrency`` in flight.

Cancel (from any thread) stops the level within a fraction of a second: its requests in flight
are abandoned (the connections closed, so the server cancels them too); the requests that
finished are kept and the level is marked cancelled.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Awaitable, Callable, TypeVar

import httpx2 as httpx
import numpy as np

from ..common.i18n import QT_TR_NOOP, Text
from .client import Request, Retry, Sample, send
from .metrics import Slo, summarize
from .target import Target

T = TypeVar("T")
MAX_LEVEL = 4096


class Cancelled(Exception):
    """The run was cancelled; what was measured is kept."""


@dataclass
class LoadShape:
    concurrency: list[int]
    rate: float | None = None  # requests per second; None: all at once (closed loop)
    burstiness: float = 1.0

    def problem(self) -> Text | None:
        if not self.concurrency:
            return QT_TR_NOOP("Give at least one concurrency level (for example --concurrency 1,2,4,8).")
        for n in self.concurrency:
            if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_LEVEL:
                return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="concurrency", low=1, high=MAX_LEVEL, value=n)
        if self.rate is not None and (not isinstance(self.rate, (int, float)) or not math.isfinite(self.rate) or self.rate <= 0):
            return QT_TR_NOOP("{name} must be a number above 0, not {value}", name="rate", value=self.rate)
        if not isinstance(self.burstiness, (int, float)) or not math.isfinite(self.burstiness) or self.burstiness <= 0:
            return QT_TR_NOOP("{name} must be a number above 0, not {value}", name="burstiness", value=self.burstiness)
        return None


def arrival_times(n: int, rate: float | None, burstiness: float, seed: int) -> list[float]:
    """Seconds after the level's start at which each request arrives (vLLM's get_request)."""
    if rate is None or n == 0:
        return [0.0] * n
    rng = np.random.default_rng(seed)
    gaps = rng.gamma(shape=burstiness, scale=1.0 / (rate * burstiness), size=n)
    times = np.cumsum(gaps)
    if times[-1] > 0:
        times *= (n / rate) / times[-1]  # as vLLM: the whole level spans n/R, whatever the draw
    return [float(t) for t in times]


@dataclass(frozen=True)
class Progress:
    """One request finished: ``finished`` (``failed`` of them) of ``total`` in level ``index`` of ``levels``."""

    max_concurrency: int
    index: int
    levels: int
    finished: int
    failed: int
    total: int


@dataclass
class LevelResult:
    max_concurrency: int
    status: str  # ok, failed, cancelled
    error: str | None
    duration: float
    samples: list[Sample] = field(default_factory=list)

    def to_dict(self, slo: Slo) -> dict:
        return {"max_concurrency": self.max_concurrency, "status": self.status, "error": self.error, **summarize(self.samples, self.duration, slo),
                "samples": [s.to_dict() for s in self.samples]}  # fmt: skip


def level_verdict(samples: list[Sample], cancelled: bool, total: int) -> tuple[str, str | None]:
    failed = [s for s in samples if not s.ok]
    reason = Counter(s.error for s in failed).most_common(1)[0][0] if failed else None
    if cancelled:
        return "cancelled", str(QT_TR_NOOP("Cancelled after {finished} of {total} requests.", finished=len(samples), total=total))
    if samples and len(failed) == len(samples):
        return "failed", reason
    if failed:
        return "ok", str(QT_TR_NOOP("{failed} of {total} requests failed; the most common reason: {reason}", failed=len(failed), total=len(samples), reason=reason))
    return "ok", None


class Canceller:
    """A cancel that any thread may ask for and the event loop notices at once."""

    def __init__(self) -> None:
        self._asked = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._lock = threading.Lock()

    @property
    def asked(self) -> bool:
        return self._asked.is_set()

    def bind(self) -> None:
        """In the running loop, before the first await that cancel must reach."""
        with self._lock:
            self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
            if self._asked.is_set():
                self._stop.set()

    def cancel(self) -> None:
        with self._lock:
            self._asked.set()
            if self._loop is not None and self._stop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._stop.set)

    async def race(self, work: Awaitable[T]) -> T:
        """``work``'s result, or Cancelled as soon as a cancel is asked (``work`` is cancelled and waited for)."""
        task = asyncio.ensure_future(work)
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            done, _ = await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if task in done:
            return task.result()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        raise Cancelled()


async def run_level(client: httpx.AsyncClient, target: Target, model: str, requests: list[Request], max_concurrency: int, *, index: int, levels: int, shape: LoadShape,
                    seed: int, canceller: Canceller, listed: list[str] | None = None, retry: Retry | None = None,
                    on_progress: Callable[[Progress], None] = lambda p: None) -> LevelResult:  # fmt: skip
    """One level over ``client`` (the run's one client, as vLLM keeps one session: connections are reused from level
    to level); never raises for a request's failure (it is a sample), only LevelCancelled after recording what finished."""
    arrivals = arrival_times(len(requests), shape.rate, shape.burstiness, seed + index)
    samples: list[Sample] = []
    limit = asyncio.Semaphore(max_concurrency)
    started = time.perf_counter()

    async def one(i: int, request: Request) -> None:
        wait = started + arrivals[i] - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        async with limit:
            sample = await send(client, target, model, request, level_start=started, listed=listed, retry=retry)
        samples.append(sample)
        on_progress(Progress(max_concurrency, index, levels, len(samples), sum(1 for s in samples if not s.ok), len(requests)))

    tasks = [asyncio.ensure_future(one(i, r)) for i, r in enumerate(requests)]
    cancelled = False
    try:
        await canceller.race(asyncio.gather(*tasks))
    except Cancelled:
        cancelled = True
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    duration = time.perf_counter() - started
    samples.sort(key=lambda s: s.start_s)
    status, error = level_verdict(samples, cancelled, len(requests))
    level = LevelResult(max_concurrency, status, error, duration, samples)
    if cancelled:
        raise LevelCancelled(level)
    return level


class LevelCancelled(Cancelled):
    def __init__(self, level: LevelResult) -> None:
        super().__init__()
        self.level = level
