"""Measured quant quality in the window: the Library's Quality column and table, and Discover's
quant list, each matching a run to a model file by its SHA-256."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt

from hangar.core.app import Hangar
from hangar.core.hub.quants import GGUFChoice
from hangar.core.quality.store import save_run
from hangar.ui.panes.discover.repo_view import RepoView
from hangar.ui.panes.library.pane import LibraryPane
from hangar.ui.services import UiServices


def _record(model, *, kld: bool) -> dict:
    return {
        "model": {"id": model.id, "path": model.path, "name": model.name, "sha256": model.sha256, "quant": "Q4_0", "synthetic": True},
        "reference": {"path": "/models/ref-Q8_0.gguf", "name": "ref-Q8_0.gguf", "sha256": "b" * 64, "quant": "Q8_0"} if kld else None,
        "text": {"name": "sample-en.txt", "sha256": "c" * 64}, "n_ctx": 512, "n_chunks": 8, "n_scored": 2040, "n_tokens": 19283,
        "ppl": 8.41234, "ppl_err": 0.0612,
        "kld": {"kld_mean": 0.012345, "kld_err": 0.0004, "kld_percentiles": {"99.0": 0.0981}, "same_top": 0.9512, "dp_rms": 0.0321,
                "dp_percentiles": {"median": 0.0}} if kld else None,
    }  # fmt: skip


def test_the_library_shows_a_measured_model_s_quality_and_every_run(qtbot, tiny_gguf: Path) -> None:
    app = Hangar.open()
    model = app.library.add_file(tiny_gguf)
    pane = LibraryPane(UiServices(app))
    qtbot.addWidget(pane)
    pane.show()
    titles = [c.title for c in pane.model.columns]
    quality = titles.index("Quality")
    assert pane.model.index(0, quality).data() == "" and not pane.quality_table.isVisible(), "nothing measured: an empty cell, no table"
    save_run(app.ctx.database, _record(model, kld=False))
    save_run(app.ctx.database, _record(model, kld=True))
    app.library.touch(model)  # what the quality service says after it stores a run
    qtbot.waitUntil(lambda: pane.model.index(0, quality).data() != "", timeout=5000)
    assert pane.model.index(0, quality).data() == "KLD 0.0123 · PPL 8.412", "the run against a reference is the one shown"
    tip = pane.model.index(0, quality).data(Qt.ItemDataRole.ToolTipRole)
    assert "sample-en.txt" in tip and "ref-Q8_0.gguf (Q8_0)" in tip and "95.12%" in tip and "8 chunks of 512 tokens" in tip
    assert pane.quality_table.isVisible() and pane.quality_table.model.rowCount() == 2
    row = {pane.quality_table.model.headerData(c, Qt.Orientation.Horizontal): pane.quality_table.model.index(0, c).data()
           for c in range(pane.quality_table.model.columnCount())}  # fmt: skip
    assert row["Mean KLD"] == "0.012345" and row["Same top"] == "95.12%" and row["Chunks"] == "8 × 512" and row["Reference"] == "ref-Q8_0.gguf (Q8_0)"
    app.close()


def test_discover_shows_quality_for_a_quant_whose_file_was_measured(qtbot, tiny_gguf: Path) -> None:
    app = Hangar.open()
    model = app.library.add_file(tiny_gguf)
    view = RepoView()
    qtbot.addWidget(view)
    view.quality_lookup = app.quality.by_sha256
    details = SimpleNamespace(id="hangar-test/tiny-llama-GGUF", license_name=None, license="apache-2.0", base_model=[], sha="0" * 40, gated=False,
                              refused=[], card_text="", files=[GGUFChoice("Q4_0", ["tiny-Q4_0.gguf"], [1000], [model.sha256]),
                                                               GGUFChoice("Q8_0", ["tiny-Q8_0.gguf"], [2000], ["d" * 64])])  # fmt: skip
    view.show_details(details, None, "", "")
    headers = [view.files_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.files_model.columnCount())]
    assert "Quality" not in headers, "no quant measured: the list is as it was"
    save_run(app.ctx.database, _record(model, kld=True))
    view.show_details(details, None, "", "")
    headers = [view.files_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.files_model.columnCount())]
    quality = headers.index("Quality")
    assert view.files_model.index(0, quality).data() == "KLD 0.0123 · PPL 8.412" and view.files_model.index(1, quality).data() == ""
    app.close()
