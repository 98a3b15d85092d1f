"""The Audit pane: the trail newest first, filters, a live event, Verify naming a changed line, Export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hangar.core.app import Hangar
from hangar.core.audit.trail import AuditEvent
from hangar.ui.panes.audit.pane import AuditPane
from hangar.ui.services import UiServices


def _pane(qtbot) -> tuple[AuditPane, Hangar]:
    app = Hangar.open()
    services = UiServices(app)
    pane = AuditPane(services)
    qtbot.addWidget(pane)
    return pane, app


def test_the_trail_filters_follows_verifies_and_exports(qtbot, tiny_gguf: Path, tmp_path: Path) -> None:
    pane, app = _pane(qtbot)
    assert pane.model.rowCount() == 0
    model = app.library.import_path(Path(shutil.copy(tiny_gguf, tmp_path / "Audited.gguf"))).added[0]
    app.audit.record(AuditEvent.SERVER_SESSION, requests=3, prompt_tokens=30, completion_tokens=12)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=3000)  # followed without a click
    newest, oldest = pane.model.record(0), pane.model.record(1)
    assert newest["event"] == "server_session" and oldest["event"] == "import"
    assert pane.summary(newest) == "3 requests, 30 prompt + 12 completion tokens"
    assert "Audited" in pane.summary(oldest) and model.sha256[:12] in pane.summary(oldest)

    pane.event.setCurrentIndex(pane.event.findData("import"))
    assert pane.model.rowCount() == 1
    pane.event.setCurrentIndex(0)
    pane.search.setText("no such thing")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0, timeout=3000)
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=3000)

    pane.table.selectRow(1)
    assert json.loads(pane.details.toPlainText())["data"]["sha256"] == model.sha256

    pane.verify()
    assert pane.status.text().startswith("✓ The chain is whole: 2 events")
    out = tmp_path / "trail.json"
    pane.export_to(out, "json")
    assert [e["event"] for e in json.loads(out.read_text())] == ["import", "server_session"] and "Exported 2 events" in pane.status.text()

    path = app.audit.path
    lines = path.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b"Audited", b"Innocent")
    path.write_bytes(b"\n".join(lines))
    pane.verify()
    assert "was changed after it was written" in pane.status.text() and "Line 1:" in pane.status.text()
    app.close()
