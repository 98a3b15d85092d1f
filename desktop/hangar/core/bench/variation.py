"""How much a test's repetitions disagree, and a warning when they disagree too much.

llama-bench prints each test as ``avg_ts ± stddev_ts``, and the ± is what its users look at
before they believe a number: it is the sample standard deviation over the repetitions,
so ``stddev_ts / avg_ts`` (the relative standard deviation, RSD) says how far apart the
repetitions were. On an idle machine it is a few per cent at most (CPU runs typically
0.5-3 %, GPU runs under 1 %). Above 10 % the error bar is as wide as the differences people
benchmark to see (one quantisation against another, a thread count, a runtime), and with
llama-bench's 5 repetitions the mean itself is uncertain by about RSD / sqrt(5), 4-5 %:
something else used the machine (another program, thermal throttling, a laptop on
battery, swapping), and the run should be made again. One stalled repetition is the usual
cause (seen: a tg128 repetition at 0.95 t/s among four at about 13 t/s, RSD 51 %), so the
warning names the repetition furthest from the median, which that one sample does not move.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..common.i18n import QT_TR_NOOP, Text

RSD_LIMIT = 0.10
# Said once after the tests' sentences, however many tests are unsteady.
ADVICE = QT_TR_NOOP("Something else probably used the machine (another program, thermal throttling, swapping): run it again with the machine idle.")


@dataclass(frozen=True)
class Unsteady:
    test: str  # "tg128"
    rsd: float  # stddev_ts / avg_ts
    repetition: int  # 1-based: the sample furthest from the median
    sample_ts: float
    median_ts: float
    message: Text


def relative_stddev(result: dict) -> float | None:
    """``stddev_ts / avg_ts`` of one test (a BenchTest as a dict); None with fewer than 2 repetitions."""
    if len(result.get("samples_ts") or []) < 2 or not result.get("avg_ts"):
        return None
    return result["stddev_ts"] / result["avg_ts"]


def unsteady_tests(results: list[dict], limit: float = RSD_LIMIT) -> list[Unsteady]:
    """The tests (BenchTest dicts, a record's ``results``) whose RSD is above ``limit``, each with a sentence
    (follow them with ``ADVICE``)."""
    found = []
    for result in results:
        rsd = relative_stddev(result)
        if rsd is None or rsd <= limit:
            continue
        samples = result["samples_ts"]
        median = statistics.median(samples)
        index = max(range(len(samples)), key=lambda i: abs(samples[i] - median))
        message = QT_TR_NOOP(
            "{test} is unsteady: its repetitions differ by {rsd:.0%} of the mean (a steady run stays under {limit:.0%}); "
            "repetition {rep} of {reps} ran at {sample:.2f} t/s against a median of {median:.2f} t/s.",
            test=result["test"], rsd=rsd, limit=limit, rep=index + 1, reps=len(samples), sample=samples[index], median=median,
        )  # fmt: skip
        found.append(Unsteady(result["test"], rsd, index + 1, samples[index], median, message))
    return found


__all__ = ["ADVICE", "RSD_LIMIT", "Unsteady", "relative_stddev", "unsteady_tests"]
