"""A benchmark started by the layer reports through its outbox, like the chat controller."""

from __future__ import annotations

import time
from pathlib import Path

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
