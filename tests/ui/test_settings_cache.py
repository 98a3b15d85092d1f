"""Settings › Storage › Cache: the cache folder's size and place, and Clear cache, which asks,
deletes only inside the folder and is refused while a benchmark holds it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from hangar.core.app import Hangar
from hangar.core.bench.cache import in_use
from hangar.core.config.context import AppContext
from hangar.ui.panes.settings.cache_row import CacheRow
from hangar.ui.panes.settings.pane import SettingsPane
from hangar.ui.services import UiServices


def _settings(qtbot) -> tuple[SettingsPane, CacheRow]:
    ctx = AppContext.open()
    (ctx.paths.cache / "synthetic").mkdir(parents=True, exist_ok=True)
    (ctx.paths.cache / "synthetic" / "1b-Q4_K_M.gguf").write_bytes(b"x" * 3 * 1024 * 1024)
    pane = SettingsPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    pane.show()
    return pane, pane.findChild(CacheRow)


def test_the_row_says_how_much_and_where_and_clear_frees_it(qtbot, monkeypatch) -> None:
    pane, row = _settings(qtbot)
    cache = pane.ctx.paths.cache
    assert row is not None and row.isVisible(), "one row in Storage"
    assert row.usage.text() == f"3.0 MiB in {cache}"
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    row.clear_button.click()
    assert asked and "3.0 MiB" in asked[0] and str(cache) in asked[0], "it asks first, saying what goes"
    assert (cache / "synthetic" / "1b-Q4_K_M.gguf").exists(), "No keeps everything"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    row.clear_button.click()
    assert not (cache / "synthetic").exists() and cache.is_dir()
    assert row.usage.text() == f"0 KiB in {cache}" and not row.clear_button.isEnabled()
    assert row.note.isVisible() and row.note.text() == "Freed 3.0 MiB."


def test_a_clear_while_a_benchmark_runs_is_refused_with_the_reason(qtbot) -> None:
    pane, row = _settings(qtbot)
    cache = pane.ctx.paths.cache
    with in_use(cache):
        assert row.clear(ask=False) is False
        assert "in use by a benchmark" in row.note.text() and row.note.isVisible()
    assert (cache / "synthetic" / "1b-Q4_K_M.gguf").exists()
    (cache / "new.bin").write_bytes(b"y" * 2048)
    row.hide()
    row.show()  # shown again: counted again
    assert row.usage.text().startswith("3.0 MiB")
    assert row.clear(ask=False) and row.usage.text() == f"0 KiB in {cache}"
