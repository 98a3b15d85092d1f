"""What a new user tripped over in the Library (#20): a small model's parameters, and Name keeping its room."""

from __future__ import annotations

import shutil
from pathlib import Path

from hangar.core.app import Hangar
from hangar.ui.panes.library.pane import LibraryPane, _params
from hangar.ui.services import UiServices


def test_parameters_are_never_0_m() -> None:
    assert [_params(v) for v in (8_190_000_000, 596_000_000, 4_700_000, 310_000, 512, None)] == ["8.2 B", "596 M", "4.7 M", "310 K", "512", "?"]


def test_name_keeps_its_room_beside_a_long_source(qtbot, tiny_gguf: Path, tmp_path: Path) -> None:
    app = Hangar.open()
    pane = LibraryPane(UiServices(app))
    qtbot.addWidget(pane)
    pane.resize(1024, 700)
    pane.show()
    copy = Path(shutil.copy(tiny_gguf, tmp_path / "Imported-Synthetic.gguf"))
    app.library.add_file(copy, repo="an-organisation-with-a-long-name/a-repository-with-an-even-longer-name-GGUF", revision="0" * 40)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=5000)
    columns = [c.title for c in pane.model.columns]
    name, source = columns.index("Name"), columns.index("Source")
    assert pane.table.columnWidth(name) > pane.table.columnWidth(source), "Name stretches; a long Source is cut with … (tooltip holds it)"
    assert "0 M" not in pane.model.index(0, columns.index("Parameters")).data()
    app.close()
