"""hangar-cli audit verify / export, as an auditor types them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hangar.core.app import Hangar
from hangar.core.audit.trail import AuditEvent

from ..conftest import run_cli


def test_verify_names_the_changed_line_and_export_filters(tmp_path: Path) -> None:
    app = Hangar.open()
    try:
        for name in ("a.gguf", "b.gguf", "c.gguf"):
            app.audit.record(AuditEvent.IMPORT, file=name, sha256="cd" * 32)
        path = app.audit.path
    finally:
        app.close()
    result = run_cli("audit", "verify")
    assert result.returncode == 0 and "whole: 3 events" in result.stdout, result.stderr

    out = tmp_path / "audit.csv"
    result = run_cli("audit", "export", "--since", "2000-01-01", "--format", "csv", "--out", str(out))
    assert result.returncode == 0 and "wrote 3 events" in result.stdout
    assert out.read_text().count("b.gguf") == 1
    assert json.loads(run_cli("audit", "export", "--event", "delete", "--json").stdout) == []
    bad = run_cli("audit", "export", "--since", "last week")
    assert bad.returncode != 0 and "not a date" in bad.stderr

    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"b.gguf", b"x.gguf")
    path.write_bytes(b"\n".join(lines))
    result = run_cli("audit", "verify", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["problems"][0]["line"] == 2 and report["problems"][0]["kind"] == "changed"
    assert os.environ["HANGAR_HOME"] in report["path"]
