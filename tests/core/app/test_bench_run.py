"""A benchmark started by the layer reports through its outbox, like the chat controller."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.bench import BenchFailed, BenchFinished, BenchProgress
from hangar.core.runner import protocol as P


def _collect(run, timeout: float = 120.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while run.busy and time.monotonic() < deadline:
        seen += run.take_updates()
        time.sleep(0.02)
    return seen


def test_a_started_benchmark_posts_progress_then_its_stored_record(tiny_gguf: Path) -> None:
    app = Hangar.open()
    model = app.library.add_file(tiny_gguf)
    run = app.bench.start(P.BenchOptions(model=str(model.id), n_prompt=8, n_gen=4, reps=1))
    updates = _collect(run)
    assert not run.busy
    assert any(isinstance(u, BenchProgress) for u in updates)
    finished = [u for u in updates if isinstance(u, BenchFinished)]
    assert finished and finished[0].record["model"]["sha256"] == model.sha256, "the library's hash is used, not recomputed"
    assert [r["run_id"] for r in app.bench.history()] == [finished[0].record["run_id"]]
    assert app.library.by_id(model.id).last_used_at is not None
    app.close()


def test_a_benchmark_of_a_vanished_file_fails_with_a_plain_message(tiny_gguf: Path, tmp_path: Path) -> None:
    import shutil

    app = Hangar.open()
    model = app.library.add_file(Path(shutil.copy(tiny_gguf, tmp_path / "gone.gguf")))
    (tmp_path / "gone.gguf").unlink()
    updates = _collect(app.bench.start(P.BenchOptions(model=str(model.id), n_prompt=8, n_gen=4, reps=1)))
    failed = [u for u in updates if isinstance(u, BenchFailed)]
    assert failed and "no longer at" in failed[0].error.message and app.bench.history() == []
    app.close()


def test_a_synthetic_run_names_each_stage_and_posts_each_result_before_the_record() -> None:
    from hangar.core.app.bench import BenchStatus, BenchTestDone

    app = Hangar.open()
    run = app.bench.start(P.BenchOptions(synthetic="tiny", quant="Q8_0", n_prompt=16, n_gen=4, reps=2))
    updates = _collect(run)
    stages = [str(u.stage) for u in updates if isinstance(u, BenchProgress)]
    first = {name: next(i for i, s in enumerate(stages) if s.startswith(name)) for name in
             ("writing the synthetic tiny weights", "quantising to Q8_0", "pp16 warm-up", "pp16: repetition 2 of 2", "tg4 warm-up", "tg4: repetition 1 of 2")}  # fmt: skip
    assert list(first.values()) == sorted(first.values()), f"the stages in order: {first}"
    order = [type(u).__name__ + ":" + (u.result["test"] if isinstance(u, BenchTestDone) else str(getattr(u, "stage", ""))) for u in updates]
    pp_done = order.index("BenchTestDone:pp16")
    assert pp_done < order.index("BenchProgress:tg4 warm-up"), "pp16's numbers exist while tg4 still runs"
    assert order.index("BenchTestDone:tg4") < order.index("BenchFinished:")
    done = [u.result for u in updates if isinstance(u, BenchTestDone)]
    record = next(u.record for u in updates if isinstance(u, BenchFinished))
    assert [r["avg_ts"] for r in done] == [r["avg_ts"] for r in record["results"]], "what was shown early is what was stored"
    kept = [str(u.text) for u in updates if isinstance(u, BenchStatus) and "is kept in" in str(u.text)]
    assert kept and "tiny-Q8_0.gguf" in kept[0]
    assert [p.name for p in (app.ctx.paths.cache / "synthetic").iterdir()] == ["tiny-Q8_0.gguf"], "the F16 intermediate is gone"
    assert app.bench.cache().size_bytes == record["model"]["size_bytes"]
    app.close()


def test_the_cache_cannot_be_cleared_while_a_benchmark_runs_and_can_after(medium_gguf: Path) -> None:
    from hangar.core.bench.cache import CacheInUse

    app = Hangar.open()
    (app.ctx.paths.cache / "synthetic").mkdir(parents=True, exist_ok=True)
    (app.ctx.paths.cache / "synthetic" / "old.gguf").write_bytes(b"x" * 1000)
    run = app.bench.start(P.BenchOptions(model=str(medium_gguf), n_prompt=256, n_gen=64, reps=50))
    deadline = time.monotonic() + 60
    seen = []
    while not any(isinstance(u, BenchProgress) for u in seen) and time.monotonic() < deadline:
        seen += run.take_updates()
        time.sleep(0.02)
    try:
        with pytest.raises(CacheInUse):
            app.bench.clear_cache()
        assert app.bench.cache().size_bytes == 1000
    finally:
        run.cancel()
        _collect(run)
    assert app.bench.clear_cache().size_bytes == 1000 and app.bench.cache().files == 0
    app.close()
