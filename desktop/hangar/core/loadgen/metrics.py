"""A level's numbers from its samples, as ``vllm bench serve`` computes them (vllm/benchmarks/serve.py,
``calculate_metrics``), under its field names.

Over the requests that completed (``ok``):

- ``request_throughput`` = completed / duration; ``output_throughput`` = their output tokens /
  duration; ``total_token_throughput`` = (their prompt + output tokens) / duration. ``duration``
  is the level's wall time, from its first send to the end of its last request.
- TTFT and E2EL per request; TPOT per request = (E2EL - TTFT) / (output tokens - 1), for
  requests with more than one output token; ITL = every gap between content chunks of every
  request, pooled.
- For each of ttft, tpot, itl, e2el: ``mean_``, ``median_``, ``std_`` (population standard
  deviation, numpy's default), ``p90_`` and ``p99_`` (numpy's linear percentile), in ms.
- ``request_goodput`` = requests meeting every SLO given / duration (TTFT <= ttft_ms, TPOT <=
  tpot_ms with a one-token request's TPOT taken as 0, E2EL <= e2el_ms); None when no SLO is given.

Where vLLM reports 0 for a metric with no values (every request failed), this reports None: a
failed level has no latency, not a zero one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .client import Sample

PERCENTILES = (90, 99)
METRICS = ("ttft", "tpot", "itl", "e2el")


@dataclass(frozen=True)
class Slo:
    ttft_ms: float | None = None
    tpot_ms: float | None = None
    e2el_ms: float | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.ttft_ms, self.tpot_ms, self.e2el_ms))

    def met_by(self, sample: Sample) -> bool:
        if self.ttft_ms is not None and (sample.ttft_ms is None or sample.ttft_ms > self.ttft_ms):
            return False
        if self.tpot_ms is not None and (sample.tpot_ms or 0.0) > self.tpot_ms:
            return False
        return not (self.e2el_ms is not None and (sample.e2el_ms is None or sample.e2el_ms > self.e2el_ms))

    def to_dict(self) -> dict:
        return {"ttft_ms": self.ttft_ms, "tpot_ms": self.tpot_ms, "e2el_ms": self.e2el_ms}


def stats(name: str, values: Sequence[float]) -> dict[str, float | None]:
    """mean/median/std/p90/p99 of ``values`` (ms) under vLLM's names: ``mean_ttft_ms`` ..."""
    keys = [f"mean_{name}_ms", f"median_{name}_ms", f"std_{name}_ms", *(f"p{p}_{name}_ms" for p in PERCENTILES)]
    if not values:
        return dict.fromkeys(keys)
    array = np.asarray(values, dtype=float)
    numbers = [array.mean(), np.median(array), array.std(), *(np.percentile(array, p) for p in PERCENTILES)]
    return {key: round(float(value), 3) for key, value in zip(keys, numbers)}


def summarize(samples: Sequence[Sample], duration_s: float, slo: Slo) -> dict:
    """The level's numbers (everything in a level of the run document but its identity and samples)."""
    done = [s for s in samples if s.ok]
    duration = max(duration_s, 1e-9)
    total_in = sum(s.prompt_tokens for s in done)
    total_out = sum(s.output_tokens for s in done)
    values = {
        "ttft": [s.ttft_ms for s in done if s.ttft_ms is not None],
        "tpot": [t for t in (s.tpot_ms for s in done) if t is not None],
        "itl": [gap for s in done for gap in s.itl_ms],
        "e2el": [s.e2el_ms for s in done if s.e2el_ms is not None],
    }
    numbers: dict = {
        "duration": round(duration_s, 4),
        "completed": len(done),
        "failed": len(samples) - len(done),
        "total_input_tokens": total_in,
        "total_output_tokens": total_out,
        "tokens_estimated": any(s.estimated for s in done),
        "request_throughput": round(len(done) / duration, 4),
        "output_throughput": round(total_out / duration, 3),
        "total_token_throughput": round((total_in + total_out) / duration, 3),
        "request_goodput": round(sum(1 for s in done if slo.met_by(s)) / duration, 4) if slo.given else None,
    }
    for name in METRICS:
        numbers.update(stats(name, values[name]))
    return numbers
