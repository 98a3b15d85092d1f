"""llama-bench's method in the worker: fields, repetitions, statistics, cancel."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import pytest

from hangar.core.common.i18n import Text
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError
from hangar.engine.bench import _stdev

pytestmark = pytest.mark.slow


def test_tiny_benchmark_has_llama_bench_fields_and_every_sample(tiny_gguf: Path) -> None:
    stages, early = [], []
    with EngineClient() as client:
        result = client.bench(P.BenchOptions(model=str(tiny_gguf), n_prompt=64, n_gen=16, reps=4), on_progress=lambda s, f: stages.append(s),
                              on_result=lambda test: early.append((test, len(stages))))  # fmt: skip
    assert isinstance(result, P.Bench)
    tests = {t.test: t for t in result.results}
    assert set(tests) == {"pp64", "tg16"}
    for test in tests.values():
        assert len(test.samples_ns) == len(test.samples_ts) == 4
        assert test.avg_ts == pytest.approx(statistics.mean(test.samples_ts))
        assert test.stddev_ts == pytest.approx(statistics.stdev(test.samples_ts))
        tokens = test.n_prompt + test.n_gen
        assert test.samples_ts[0] == pytest.approx(tokens * 1e9 / test.samples_ns[0])
    assert "pp64 warm-up" in stages and "tg16: repetition 4 of 4" in stages, "each repetition is named as it starts"
    assert [(test.test, at) for test, at in early] == [("pp64", stages.index("tg16 warm-up")), ("tg16", len(stages))], \
        "each test's result arrives as its repetitions end, pp64's before tg16 starts"  # fmt: skip
    assert [test for test, _at in early] == result.results, "the early results are the final ones"
    assert all(isinstance(stage, Text) for stage in stages), "stages cross the pipe translatable"
    assert result.ttft_ms > 0 and result.peak_rss_bytes > 0
    assert result.n_batch == 2048 and result.n_ubatch == 512 and result.flash_attn == "auto"
    assert result.model_n_params > 0 and "llama" in result.model_type
    if result.energy_j_per_token is None:
        assert result.energy_reason, "no energy number without saying why"
        assert isinstance(result.energy_reason, Text), "the reason reaches the window translatable"


def test_stdev_is_the_sample_standard_deviation() -> None:
    values = [10.0, 12.0, 9.5, 11.25]
    assert _stdev(values) == pytest.approx(statistics.stdev(values))
    assert _stdev([5.0]) == 0.0


def test_cancel_stops_a_benchmark(medium_gguf: Path) -> None:
    with EngineClient() as client:
        timer = threading.Timer(0.5, client.cancel)
        timer.start()
        started = time.monotonic()
        with pytest.raises(EngineError) as info:
            client.bench(P.BenchOptions(model=str(medium_gguf), n_prompt=512, n_gen=128, reps=50))
        assert info.value.code == P.E_CANCELLED
        assert time.monotonic() - started < 0.5 + 1.0


def test_a_mixture_of_experts_shape_benchmarks_after_quantisation(tmp_path: Path) -> None:
    from hangar.core.bench.runs import synthetic_model
    from hangar.core.gguf.header import read_header

    path = synthetic_model("tiny-moe", "Q8_0", tmp_path)
    header = read_header(path)
    assert header.arch_get("expert_count") == 4 and header.get("hangar.synthetic") is True
    assert any(t.name.endswith("ffn_gate_exps.weight") for t in header.tensors)
    with EngineClient() as client:
        result = client.bench(P.BenchOptions(model=str(path), n_prompt=16, n_gen=4, reps=2))
    assert [t.test for t in result.results] == ["pp16", "tg4"]
    assert synthetic_model("tiny-moe", "Q8_0", tmp_path) == path, "quantised once, then cached"


def test_localscore_suite_reports_phases_and_a_score(tiny_gguf: Path) -> None:
    from hangar.engine.bench import localscore

    with EngineClient() as client:
        result = client.bench(P.BenchOptions(model=str(tiny_gguf), suite="localscore", shapes=[(32, 8), (64, 16)], reps=2))
    assert [t.test for t in result.results] == ["pp32+tg8", "pp64+tg16"]
    for test in result.results:
        assert test.prompt_ts > 0 and test.gen_ts > 0 and test.ttft_ms > 0
    expected = 10 * (
        sum(t.prompt_ts for t in result.results) / 2 * (sum(t.gen_ts for t in result.results) / 2) * 1000
        / (sum(t.ttft_ms for t in result.results) / 2)
    ) ** (1 / 3)  # fmt: skip
    assert result.localscore == pytest.approx(expected)
    assert localscore([P.BenchTest(test="pp1", n_prompt=1, n_gen=0, avg_ns=1, stddev_ns=0, avg_ts=1.0, stddev_ts=0.0)]) is None
