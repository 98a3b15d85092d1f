"""Unsteady runs: a test whose repetitions disagree by more than 10 % of the mean is named,
with the repetition furthest from the median."""

from __future__ import annotations

import statistics

import pytest

from hangar.core.bench.variation import ADVICE, RSD_LIMIT, relative_stddev, unsteady_tests


def _test(name: str, samples: list[float], n_prompt: int = 0, n_gen: int = 128) -> dict:
    return {"test": name, "n_prompt": n_prompt, "n_gen": n_gen, "samples_ts": samples, "avg_ts": statistics.mean(samples),
            "stddev_ts": statistics.stdev(samples) if len(samples) > 1 else 0.0}  # fmt: skip


def test_one_stalled_generation_sample_is_named() -> None:
    results = [_test("pp512", [300.1, 301.0, 299.5, 300.4, 300.8], 512, 0), _test("tg128", [13.1, 12.9, 0.95, 13.0, 13.2])]
    found = unsteady_tests(results)
    assert [u.test for u in found] == ["tg128"], "a steady pp512 is not flagged"
    tg = found[0]
    assert tg.rsd == pytest.approx(results[1]["stddev_ts"] / results[1]["avg_ts"]) and tg.rsd > 0.5
    assert (tg.repetition, tg.sample_ts, tg.median_ts) == (3, 0.95, 13.0)
    assert "tg128" in tg.message and "repetition 3 of 5 ran at 0.95 t/s" in tg.message and "median of 13.00 t/s" in tg.message
    assert "run it again" in ADVICE and "idle" in ADVICE, "what to do, said once"
    assert tg.message.template and tg.message.fields["test"] == "tg128", "the window translates it"


def test_the_threshold_and_too_few_repetitions() -> None:
    assert RSD_LIMIT == 0.10
    assert unsteady_tests([_test("tg16", [10.0, 11.0, 9.0])]) == [], "10 % exactly is steady"
    assert unsteady_tests([_test("tg16", [10.0, 12.5, 8.0])]) != []
    assert relative_stddev(_test("tg16", [10.0])) is None and unsteady_tests([_test("tg16", [10.0])]) == []
    assert unsteady_tests([_test("tg16", [10.0, 11.0, 9.0])], limit=0.05) != [], "a stricter limit can be asked for"
