"""How sure a score is: accuracy with a Wilson 95 % interval, and two models compared item by item.

A suite of 20 items answered 14 right is 70 %, but anything from 48 % to 85 % is consistent with
it: the Wilson score interval (Wilson 1927; Agresti & Coull 1998 recommend it over the normal
approximation, which leaves [0, 1] and is too narrow at small n) says so. Two models run on the
same items are compared on the items where they disagree (McNemar's test): ``b`` items only A got
right, ``c`` only B; under "no difference" each disagreement is a fair coin, so the exact two-sided
p-value is ``min(1, 2 * P(X <= min(b, c)))`` for X ~ Binomial(b + c, 1/2). "A beats B" is said only
when that p-value is below 0.05; otherwise the difference is within chance.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal
ALPHA = 0.05


@dataclass(frozen=True)
class Accuracy:
    passed: int
    n: int
    accuracy: float | None  # None: no items
    low: float | None
    high: float | None

    def to_dict(self) -> dict:
        return asdict(self)


def wilson(passed: int, n: int, z: float = Z95) -> Accuracy:
    """``passed`` of ``n`` with its Wilson score interval."""
    if n <= 0:
        return Accuracy(passed, n, None, None, None)
    p = passed / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Accuracy(passed, n, p, max(0.0, centre - half), min(1.0, centre + half))


def by_scorer(items: list[dict]) -> dict[str, dict]:
    """Accuracy per scorer over a model's item results (each with ``scorer`` and ``passed``)."""
    out: dict[str, dict] = {}
    for scorer in dict.fromkeys(item["scorer"] for item in items):
        mine = [item for item in items if item["scorer"] == scorer]
        out[scorer] = wilson(sum(1 for item in mine if item["passed"]), len(mine)).to_dict()
    return out


def mcnemar_exact(b: int, c: int) -> float:
    """The exact two-sided p-value of McNemar's test for ``b`` and ``c`` discordant pairs."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


@dataclass(frozen=True)
class Paired:
    a: str
    b: str
    n: int  # items both answered
    both: int  # right in both
    only_a: int
    only_b: int
    neither: int
    p_value: float
    verdict: str  # "a", "b" or "tie": who is better, said only when p < ALPHA

    def to_dict(self) -> dict:
        return asdict(self)


def paired(name_a: str, items_a: list[dict], name_b: str, items_b: list[dict]) -> Paired:
    """A and B on the items both have a result for (matched by item id)."""
    right_b = {item["item_id"]: bool(item["passed"]) for item in items_b if not item.get("error")}
    both = only_a = only_b = neither = 0
    for item in items_a:
        if item.get("error") or item["item_id"] not in right_b:
            continue
        a, b = bool(item["passed"]), right_b[item["item_id"]]
        both += a and b
        only_a += a and not b
        only_b += b and not a
        neither += not a and not b
    p = mcnemar_exact(only_a, only_b)
    verdict = ("a" if only_a > only_b else "b") if p < ALPHA else "tie"
    return Paired(name_a, name_b, both + only_a + only_b + neither, both, only_a, only_b, neither, p, verdict)


def summary(items: list[dict]) -> dict:
    """A model's figures over its item results: accuracy with its interval, per scorer, speed."""
    scored = [item for item in items if not item.get("error")]
    accuracy = wilson(sum(1 for item in items if item["passed"]), len(items))
    generated = [item for item in scored if item.get("n_generated") and item.get("gen_tps")]
    n_generated = sum(item["n_generated"] for item in generated)
    seconds = sum(item["n_generated"] / item["gen_tps"] for item in generated)
    ttfts = [item["ttft_ms"] for item in scored if item.get("ttft_ms") is not None]
    return {
        **accuracy.to_dict(), "errors": len(items) - len(scored), "by_scorer": by_scorer(items),
        "tokens_per_s": round(n_generated / seconds, 2) if seconds > 0 else None,  # total generated / total generating time
        "mean_ttft_ms": round(sum(ttfts) / len(ttfts), 1) if ttfts else None,
        "n_generated": sum(item.get("n_generated") or 0 for item in items),
    }  # fmt: skip
