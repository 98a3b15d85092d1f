"""bench-serve against Hangar's own server: the real worker decoding a synthetic model, two levels. The
endpoint's usage must say each request had the prompt calibration built and the output it asked for
(the synthetic model's random weights never pick the end-of-text token early at these lengths, so
every request runs to max_tokens); the run is stored in the fleet and reads back as a valid document."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app.serve_bench import BenchServeService, ServeBenchFinished, ServeBenchProgress, ServeBenchStatus
from hangar.core.fleet.schema import validate
from hangar.core.fleet.store import runs

from ..server.conftest import ALIAS, serving
from .conftest import MACHINE, bench, spec_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hangar_server(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path):
    from hangar.core.app.pool_terms import ServeOptions

    with serving(tmp_path_factory.mktemp("bench-serve-home"), tiny_gguf, serve=ServeOptions(n_parallel=2, n_ctx=2048, runtime="cpu")) as (app, runner):
        app.serving.preload(ALIAS)
        yield app, runner


@pytest.mark.parametrize("endpoint", ["completions", "chat"])
def test_usage_counts_equal_what_was_asked_at_each_level(hangar_server, endpoint: str) -> None:
    app, runner = hangar_server
    document = bench(runner.url, model=ALIAS, concurrency=(1, 2), requests=3, prompt_tokens=48, output_tokens=24, endpoint=endpoint)
    assert document["target"] == {"kind": "endpoint", "base_url": runner.url + "/v1", "model": ALIAS, "engine": "hangar"}
    for level in document["levels"]:
        assert level["status"] == "ok" and level["completed"] == 3 and level["failed"] == 0 and level["tokens_estimated"] is False
        assert [s["output_tokens"] for s in level["samples"]] == [24, 24, 24]
        assert {s["prompt_tokens"] for s in level["samples"]} <= {47, 48, 49}
        assert level["total_output_tokens"] == 72 and level["output_throughput"] > 0 and level["median_ttft_ms"] > 0
    validate(document)  # the fleet comparison reads it as it is
    logged = [r for r in app.serving.log if r.endpoint == endpoint and r.completion_tokens == 24]
    assert len(logged) >= 6  # the server saw them: three a level


def test_the_service_runs_on_a_thread_reports_progress_and_stores_the_run(hangar_server) -> None:
    app, runner = hangar_server
    service = BenchServeService(app.ctx, machine=lambda label: {**MACHINE, "label": label or "test"})
    spec = spec_for(runner.url, model=ALIAS, concurrency=(1, 2), requests=2, prompt_tokens=24, output_tokens=8)
    spec.label = "bench-box"
    run = service.start(spec)
    updates: list = []
    deadline = time.monotonic() + 120
    while run.busy and time.monotonic() < deadline:
        updates += run.take_updates()
        time.sleep(0.05)
    finished = [u for u in updates if isinstance(u, ServeBenchFinished)]
    assert len(finished) == 1 and finished[0].run_id is not None and not finished[0].cancelled
    assert any(isinstance(u, ServeBenchStatus) and u.text.startswith("level 2/2") for u in updates)
    assert [u.progress.finished for u in updates if isinstance(u, ServeBenchProgress)] == [1, 2, 1, 2]
    stored = [r for r in runs(app.ctx.database, "bench-serve") if r.id == finished[0].run_id]
    assert stored and stored[0].machine_label == "bench-box" and stored[0].document == finished[0].document


def test_cancel_stops_the_servers_generations_too(hangar_server) -> None:
    app, runner = hangar_server
    service = BenchServeService()
    run = service.start(spec_for(runner.url, model=ALIAS, concurrency=(2,), requests=20, prompt_tokens=24, output_tokens=400))
    deadline = time.monotonic() + 60
    while not any(isinstance(u, ServeBenchStatus) and u.text.startswith("level 1/") for u in run.take_updates()) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    asked = time.monotonic()
    run.cancel()
    assert run.join(5) and time.monotonic() - asked < 0.5
    assert run.outcome is not None and run.outcome.cancelled and run.outcome.document["levels"][0]["status"] == "cancelled"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and app.serving.find(ALIAS).active:
        time.sleep(0.05)
    assert app.serving.find(ALIAS).active == 0  # the server let go of the abandoned requests
