"""hangar-cli's contract: --version, --help, one JSON document, errors on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from hangar import __version__
from hangar.cli import main
from hangar.core.db.migrations import latest_version

from ..conftest import run_cli


def test_version_and_help() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("info", "settings", "synth"):
        assert command in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run_cli().returncode == 2
    result = run_cli("no-such-command")
    assert result.returncode == 2 and "invalid choice" in result.stderr
    assert run_cli("synth").returncode == 2  # missing OUT.gguf


def test_every_command_prints_one_json_document(tmp_path: Path, hangar_home: Path) -> None:
    for args in (["info"], ["settings"], ["settings", "get", "threads"], ["synth", str(tmp_path / "a.gguf")]):
        result = run_cli(*args, "--json")
        assert result.returncode == 0, result.stderr
        json.loads(result.stdout)  # exactly one document, nothing else on stdout
    info = json.loads(run_cli("info", "--json").stdout)
    assert info["version"] == __version__
    assert info["paths"]["data"] == str(hangar_home.resolve())
    assert info["database"] == {"path": str(hangar_home.resolve() / "hangar.db"), "ok": True, "schema_version": latest_version()}
    assert info["components"]["llama-cpp-python"]


def test_settings_set_validates_and_persists(hangar_home: Path) -> None:
    result = run_cli("settings", "set", "threads", "6", "--json")
    assert json.loads(result.stdout) == {"threads": 6}
    assert json.loads(run_cli("settings", "get", "threads", "--json").stdout) == {"threads": 6}
    bad = run_cli("settings", "set", "threads", "lots", "--json")
    assert bad.returncode == 1 and bad.stdout == ""
    error = json.loads(bad.stderr)["error"]
    assert error["code"] == "invalid_input" and "whole number" in error["message"]
    assert json.loads(run_cli("settings", "get", "threads", "--json").stdout) == {"threads": 6}


def test_errors_go_to_stderr_with_exit_1(tmp_path: Path) -> None:
    result = run_cli("settings", "get", "colour")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: unknown setting 'colour'")


def test_info_reports_a_damaged_database_without_touching_it(hangar_home: Path) -> None:
    hangar_home.mkdir(parents=True)
    db = hangar_home / "hangar.db"
    db.write_bytes(b"not sqlite" * 50)
    result = run_cli("info", "--json")
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)["database"]
    assert database["ok"] is False and "not a SQLite database" in database["error"]
    assert db.read_bytes() == b"not sqlite" * 50


def test_unexpected_errors_are_one_clean_line_and_logged(capsys, hangar_home: Path) -> None:
    def broken_context():
        raise RuntimeError("boom")

    assert main(["info"], context_factory=broken_context) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: unexpected error: RuntimeError: boom")
    assert "Traceback" not in captured.err
