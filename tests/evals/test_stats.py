"""Accuracy intervals and the paired comparison against values worked out by hand and published tables."""

from __future__ import annotations

import math

import pytest

from hangar.core.evals.stats import by_scorer, mcnemar_exact, paired, summary, wilson


@pytest.mark.parametrize(
    ("passed", "n", "low", "high"),
    # Wilson score intervals at 95 %: Newcombe (1998), Table I (81/263 -> 0.2553-0.3662, 15/148 -> 0.0624-0.1605), and 7/10, 0/10, 10/10.
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (7, 10, 0.3968, 0.8922), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0)],
)  # fmt: skip
def test_wilson_interval_matches_published_values(passed: int, n: int, low: float, high: float) -> None:
    found = wilson(passed, n)
    assert found.accuracy == pytest.approx(passed / n)
    assert found.low == pytest.approx(low, abs=5e-5) and found.high == pytest.approx(high, abs=5e-5)


def test_no_items_has_no_accuracy() -> None:
    assert wilson(0, 0).accuracy is None and wilson(0, 0).low is None


@pytest.mark.parametrize(
    ("b", "c", "p"),
    # exact two-sided McNemar: 2 * P(X <= min(b, c)), X ~ Binomial(b + c, 1/2)
    [(10, 2, 158 / 4096), (2, 10, 158 / 4096), (5, 5, 1.0), (0, 0, 1.0), (6, 0, 2 / 64), (3, 1, 1.0 * 2 * 5 / 16), (20, 5, 0.004077)],
)  # fmt: skip
def test_mcnemar_exact_p_value(b: int, c: int, p: float) -> None:
    assert mcnemar_exact(b, c) == pytest.approx(min(1.0, p), rel=1e-3)


def _items(pattern: str, scorer: str = "exact") -> list[dict]:
    return [{"item_id": f"q{i}", "scorer": scorer, "passed": ch == "1"} for i, ch in enumerate(pattern)]


def test_a_winner_is_named_only_when_the_test_says_so() -> None:
    a, b = _items("1111111111110000"), _items("0000000000110000")
    result = paired("A", a, "B", b)
    assert (result.n, result.both, result.only_a, result.only_b, result.neither) == (16, 2, 10, 0, 4)
    assert result.p_value == pytest.approx(2 / 1024) and result.verdict == "a"
    close = paired("A", _items("1110"), "B", _items("1000"))
    assert close.only_a == 2 and close.p_value == 0.5 and close.verdict == "tie", "75 % against 25 % on four items is not a win"
    assert paired("A", b, "B", a).verdict == "b"


def test_the_comparison_uses_only_items_both_answered() -> None:
    a = _items("1111")
    b = _items("00") + [{"item_id": "q2", "scorer": "exact", "passed": False, "error": "context full"}]
    result = paired("A", a, "B", b)
    assert result.n == 2 and result.only_a == 2


def test_summary_per_scorer_and_speed() -> None:
    items = _items("110", "exact") + _items("01", "choice")
    for item, (n, tps, ttft) in zip(items, [(10, 50.0, 20.0), (10, 25.0, 40.0), (0, None, 30.0), (5, 50.0, None), (None, None, None)]):
        item.update(n_generated=n, gen_tps=tps, ttft_ms=ttft, item_id=item["item_id"] + item["scorer"])
    found = summary(items)
    assert (found["passed"], found["n"]) == (3, 5)
    assert found["by_scorer"]["exact"]["passed"] == 2 and found["by_scorer"]["choice"]["n"] == 2
    assert found["tokens_per_s"] == pytest.approx(25 / (0.2 + 0.4 + 0.1), abs=0.01), "total tokens over total generating time"
    assert found["mean_ttft_ms"] == 30.0 and found["n_generated"] == 25
    assert by_scorer([]) == {} and math.isclose(wilson(1, 2).accuracy, 0.5)
