"""The audit trail: a hash chain a person can check. Each way of tampering is found and named
with its line; a crash's cut line is told apart from an edit; writers in several processes
keep one chain."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from hangar.core.audit.export import parse_since, select, to_csv
from hangar.core.audit.trail import GENESIS, AuditEvent, AuditLog, line_hash
from hangar.core.common.errors import InvalidInput


def _log(tmp_path: Path, n: int = 5) -> AuditLog:
    log = AuditLog(tmp_path / "audit.jsonl")
    for i in range(n):
        log.record(AuditEvent.DOWNLOAD, repo="org/model", file=f"m{i}.gguf", sha256="ab" * 32)
    return log


def _lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().split(b"\n")[:-1]


def _write(log: AuditLog, lines: list[bytes], end: bytes = b"\n") -> None:
    log.path.write_bytes(b"\n".join(lines) + end)


def test_a_whole_log_verifies_and_each_line_chains_to_the_one_before(tmp_path) -> None:
    log = _log(tmp_path)
    assert log.verify() == []
    entries = list(log.entries())
    assert [e["seq"] for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0]["prev"] == GENESIS
    raw = _lines(log)
    assert all(json.loads(raw[i])["prev"] == line_hash(raw[i - 1]) for i in range(1, 5))
    assert entries[0]["event"] == "download" and entries[0]["data"]["file"] == "m0.gguf" and entries[0]["user"]


def test_a_changed_line_is_named(tmp_path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    lines[1] = lines[1].replace(b"m1.gguf", b"evil.gguf")
    _write(log, lines)
    problems = log.verify()
    assert [(p.line, p.kind) for p in problems] == [(2, "changed")] and problems[0].tampering
    assert "Line 2 was changed" in str(problems[0].message)


def test_a_removed_line_is_named(tmp_path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    del lines[2]
    _write(log, lines)
    problems = log.verify()
    assert [(p.line, p.kind) for p in problems] == [(3, "removed")]
    assert "numbers 3 to 3 are missing" in str(problems[0].message)


def test_reordered_lines_are_named(tmp_path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    _write(log, lines)
    problems = log.verify()
    assert problems and problems[0].line == 2 and problems[0].kind == "reordered"
    assert "followed line 3" in str(problems[0].message)


def test_a_changed_or_removed_last_line_shows_through_the_head(tmp_path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    _write(log, lines[:-1])
    problems = log.verify()
    assert [(p.kind) for p in problems] == ["removed"] and "last 1 line(s) were removed" in str(problems[0].message)
    _write(log, lines[:-1] + [lines[-1].replace(b"m4", b"m9")])
    assert [p.kind for p in log.verify()] == ["changed"]


def test_a_line_cut_by_a_crash_is_marked_and_the_chain_goes_on(tmp_path) -> None:
    log = _log(tmp_path, 3)
    data = log.path.read_bytes()
    log.path.write_bytes(data + b'{"seq":4,"at":"2026-12-0')  # the process died mid-write
    problems = log.verify()
    assert [(p.line, p.kind, p.tampering) for p in problems] == [(4, "cut", False)]

    log.record(AuditEvent.DELETE, file="m0.gguf")
    entries = list(log.entries())
    assert [e["event"] for e in entries][-2:] == ["chain_break", "delete"]
    assert entries[-2]["data"]["cut_bytes"] == len(b'{"seq":4,"at":"2026-12-0')
    problems = log.verify()
    assert [(p.line, p.kind, p.tampering) for p in problems] == [(4, "cut", False)], "a marked crash is reported, not called tampering"
    assert "line 5 marks the break" in str(problems[0].message)


def _append_many(path: str, n: int) -> None:
    log = AuditLog(Path(path))
    for i in range(n):
        log.record(AuditEvent.MODEL_LOAD, model=f"m{i}")


def test_writers_in_several_processes_keep_one_chain(tmp_path) -> None:
    path = str(tmp_path / "audit.jsonl")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(path, 40)) for _ in range(3)]
    for w in workers:
        w.start()
    _append_many(path, 40)
    for w in workers:
        w.join(60)
    log = AuditLog(Path(path))
    assert len(list(log.entries())) == 160
    assert log.verify() == []


def test_export_since_a_date_and_bad_dates(tmp_path) -> None:
    log = _log(tmp_path, 2)
    entries = list(log.entries())
    assert len(select(entries, since=parse_since("2000-01-01"))) == 2
    assert select(entries, since=parse_since("2999-01-01")) == []
    assert len(select(entries, events={"download"}, text="m1.gguf")) == 1
    csv_text = to_csv(entries)
    assert csv_text.splitlines()[0] == "seq,at,user,host,event,data,prev" and "m1.gguf" in csv_text
    with pytest.raises(InvalidInput, match="not a date"):
        parse_since("yesterday")


def test_imports_deletions_downloads_and_policy_changes_are_recorded(tmp_path, tiny_gguf) -> None:
    import shutil

    from hangar.core.app import Hangar
    from hangar.core.licenses.policy import Policy

    app = Hangar.open()
    try:
        copy = Path(shutil.copy(tiny_gguf, tmp_path / "Tiny-Q8_0.gguf"))
        model = app.library.import_path(copy).added[0]
        app.library.remove(model.id, delete_file=False)
        app.policy.replace(Policy(name="Strict", commercial_use_required=True))
        entries = list(app.audit.trail.entries())
        assert [e["event"] for e in entries] == ["import", "delete", "policy_change"]
        assert entries[0]["data"]["sha256"] == model.sha256 and entries[0]["data"]["path"] == str(copy)
        assert entries[1]["data"]["file_deleted"] is False and copy.exists()
        assert entries[2]["data"]["policy"]["fields"]["name"] == "Strict" and len(entries[2]["data"]["policy"]["sha256"]) == 64
        assert app.audit.verify() == []
    finally:
        app.close()
