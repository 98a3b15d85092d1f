"""The Compare pane driven as a person would: two synthetic models streaming at once into two
columns through the real worker, the stats, the vote and note saved, blind mode, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hangar.core.app import Hangar
from hangar.core.compare.session import ColumnState
from hangar.core.config.context import AppContext
from hangar.core.gguf.synth import write_synthetic
from hangar.core.library.models import Library
from hangar.ui.panes.compare.pane import ComparePane
from hangar.ui.services import UiServices

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def second_tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic(tmp_path_factory.mktemp("models") / "tiny-two.gguf", "tiny")


@pytest.fixture
def pane(qtbot, tiny_gguf: Path, second_tiny: Path):
    ctx = AppContext.open()
    for model in (tiny_gguf, second_tiny):
        Library(ctx.database).add_file(model)
    pane = ComparePane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    pane.resize(1200, 760)
    pane.show()
    yield pane
    pane.controller.close()


def _send(qtbot, pane: ComparePane, *, blind: bool = False, max_tokens: int = 200) -> list[tuple]:
    """Send, and record the columns' states at each of the view's renders until the answers end."""
    pane.blind.setChecked(blind)
    pane.max_tokens.setValue(max_tokens)
    pane.prompt.setPlainText("Tell me about hangars.")
    seen: list[tuple] = []
    render = pane._render

    def spying(updates: list) -> None:
        render(updates)
        if pane.controller.session is not None:
            seen.append(tuple(c.state for c in pane.controller.session.columns))

    pane.collector._render = spying
    pane.send_button.click()
    assert not pane.send_button.isEnabled() and pane.stop_button.isEnabled()
    qtbot.waitUntil(lambda: pane.send_button.isEnabled(), timeout=120_000)
    QApplication.processEvents()
    return seen


def test_two_models_stream_at_once_into_two_columns(qtbot, pane: ComparePane, tmp_path: Path) -> None:
    assert [c.currentText() for c in pane.pickers[:2]] == ["tiny", "tiny-two"] or all(c.currentData() for c in pane.pickers[:2])
    assert pane.pickers[2].currentData() is None, "the third and fourth columns are optional"
    seen = _send(qtbot, pane, max_tokens=600)
    assert any(states == (ColumnState.STREAMING, ColumnState.STREAMING) for states in seen), f"both streamed together: {seen}"
    assert not any(ColumnState.LOADING in states and ColumnState.STREAMING in states for states in seen), "neither streamed while the other loaded"
    assert "Together" in pane.status.text()
    session = pane.controller.session
    assert len(pane.columns) == 2
    for view, column in zip(pane.columns, session.columns):
        assert column.state == ColumnState.DONE and column.n_generated > 0
        assert view.view.toPlainText().strip() and view.title.text() == column.name
        stats = view.stats.text()
        assert f"{column.n_generated} tokens" in stats and "tokens/s" in stats and "first token" in stats and "ms" in stats
    assert pane.sessions.count() == 1

    pane.note.setText("the first one reads better")
    pane.columns[0].better_button.click()
    stored = pane.controller.open(session.id)
    assert stored.winner == "A" and stored.note == "the first one reads better"
    assert pane.columns[0].title.text().endswith("✓") and "is better" in pane.status.text()

    pane.export_to(tmp_path / "c.md")
    pane.export_to(tmp_path / "c.json", as_json=True)
    assert "## " + session.columns[0].name + " ✓" in (tmp_path / "c.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["winner"] == "A"


def test_blind_mode_hides_the_names_until_the_vote(qtbot, pane: ComparePane, tmp_path: Path) -> None:
    _send(qtbot, pane, blind=True, max_tokens=16)
    session = pane.controller.session
    assert [c.title.text() for c in pane.columns] == ["Model A", "Model B"]
    pane.export_to(tmp_path / "blind.md")
    text = (tmp_path / "blind.md").read_text(encoding="utf-8")
    assert "tiny-two" not in text and "tiny.gguf" not in text and "Model A" in text
    assert "tiny" not in pane.sessions.item(0).text(), "the list keeps the secret too"

    pane.tie_button.click()
    assert pane.controller.open(session.id).winner == "tie"
    assert [c.title.text() for c in pane.columns] == [f"Model {letter}: {c.name}" for letter, c in zip("AB", session.columns)]
    assert "tiny" in pane.sessions.item(0).text()


def test_a_saved_session_reopens_read_only(qtbot, pane: ComparePane) -> None:
    _send(qtbot, pane, max_tokens=8)
    first = pane.controller.session
    texts = [c.text for c in first.columns]
    pane.columns[1].better_button.click()
    pane.controller.session = None  # as after a restart: the stored copy is what shows
    pane._on_session_chosen(pane.sessions.item(0))
    assert pane.shown is not None and pane.shown.id == first.id and [c.text for c in pane.shown.columns] == texts
    assert not pane.columns[0].better_button.isEnabled() and not pane.tie_button.isEnabled() and pane.export_button.isEnabled()
    assert "read-only" in pane.status.text()
