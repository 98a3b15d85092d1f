"""The Compare controller with two synthetic models through the real worker: together, one
after another, a column that fails alone, Stop, the vote saved."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.compare import ColumnChanged, ColumnText, Finished, Scheduled
from hangar.core.compare.schedule import Schedule
from hangar.core.compare.session import ColumnState

PARAMS = {"max_tokens": 12, "temperature": 0.0, "n_ctx": 512}


def _until_finished(controller, timeout: float = 120.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += controller.take_updates()
        if any(isinstance(u, Finished) for u in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"not finished within {timeout} s; saw {seen[-5:]}")


@pytest.fixture
def app():
    app = Hangar.open()
    yield app
    app.close()


def test_two_models_stream_together_and_the_vote_is_saved(app, tiny_gguf: Path, second_tiny: Path) -> None:
    controller = app.compare_controller()
    session = controller.start([str(tiny_gguf), str(second_tiny)], "Say something.", PARAMS)
    assert controller.busy
    updates = _until_finished(controller)
    schedule = next(u.schedule for u in updates if isinstance(u, Scheduled))
    assert schedule.together and session.together and session.schedule_words == schedule.words()
    for i, column in enumerate(session.columns):
        assert column.state == ColumnState.DONE, column.error
        assert column.text == "".join(u.text for u in updates if isinstance(u, ColumnText) and u.index == i) and column.text
        assert column.n_generated > 0 and column.ttft_ms is not None and column.gen_tps is not None
    assert session.columns[0].name == "tiny.gguf" and session.columns[1].name == "tiny-two.gguf"
    assert session.columns[0].text == session.columns[1].text, "the same weights with the same fixed sampling answer alike"
    assert not controller.busy and controller._cancels == {}, "no worker kept"
    stored = controller.sessions()
    assert [s.id for s in stored] == [session.id] and stored[0].columns[0].text == session.columns[0].text
    controller.vote(None, "the same answer")
    assert controller.open(session.id).winner == "tie" and controller.open(session.id).note == "the same answer"


def test_one_after_another_when_the_machine_cannot_hold_both(app, tiny_gguf: Path, second_tiny: Path, monkeypatch) -> None:
    controller = app.compare_controller()
    monkeypatch.setattr(controller, "plan_schedule", lambda refs, n_ctx: Schedule(False, len(refs), 18 << 30, 16 << 30))
    states: list[tuple[ColumnState, ColumnState]] = []
    session = controller.start([str(tiny_gguf), str(second_tiny)], "Say something.", PARAMS, blind=True)
    deadline, updates = time.monotonic() + 120, []
    while not any(isinstance(u, Finished) for u in updates) and time.monotonic() < deadline:
        new = controller.take_updates()
        updates += new
        if any(isinstance(u, ColumnChanged) for u in new):
            states.append((session.columns[0].state, session.columns[1].state))
        time.sleep(0.01)
    assert not session.together and "One after another" in session.schedule_words and "needs 18.0 GiB, has 16.0 GiB" in session.schedule_words
    assert not any(a in (ColumnState.LOADING, ColumnState.STREAMING) and b in (ColumnState.LOADING, ColumnState.STREAMING) for a, b in states)
    assert all(c.state == ColumnState.DONE for c in session.columns)
    assert session.blind and not session.revealed and session.title(0) == "Model A"
    controller.vote(1, "B")
    assert session.revealed and controller.open(session.id).winner == "B"


def test_a_model_that_fails_to_load_fails_only_its_column(app, tiny_gguf: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 64)
    controller = app.compare_controller()
    session = controller.start([str(tiny_gguf), str(broken)], "Say something.", PARAMS)
    _until_finished(controller)
    good, bad = session.columns
    assert good.state == ColumnState.DONE and good.text
    assert bad.state == ColumnState.FAILED and bad.error and bad.text == ""


def test_stop_ends_every_column_and_keeps_what_was_written(app, medium_gguf: Path, tiny_gguf: Path) -> None:
    controller = app.compare_controller()
    session = controller.start([str(medium_gguf), str(tiny_gguf)], "Write a long story.", {**PARAMS, "max_tokens": 2000})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(c.n_generated for c in session.columns):
        controller.take_updates()
        time.sleep(0.02)
    started = time.monotonic()
    controller.stop()
    _until_finished(controller, timeout=30)
    assert time.monotonic() - started < 10
    assert all(c.state in (ColumnState.STOPPED, ColumnState.DONE) for c in session.columns), [(c.state, c.error) for c in session.columns]
    assert any(c.state == ColumnState.STOPPED for c in session.columns) and not controller.busy
