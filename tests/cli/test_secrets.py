"""A Hub that echoes the request's Authorization header back never gets the token out:
not on stdout or stderr (text or --json), not in hangar.db or its WAL, not in the log.

The local Hub repeats the header in each way a Hub error can carry text (ECHO_WAYS: the
JSON error message, the X-Error-Message header, the request-id header, a plain-text
body), for the API (search, files, the download's listing) and for the file itself
(a failed download's error is stored in the downloads table)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ..conftest import run_cli
from ..fixtures.hub_server import ECHO_WAYS, VALID_TOKEN

REPO, FILE = "hangar-test/tiny-llama-GGUF", "tiny-llama-Q8_0.gguf"
COMMANDS = (("search", "tiny"), ("files", REPO), ("download", REPO, FILE))
pytestmark = pytest.mark.slow


def _files_holding(secret: str, *folders: Path) -> list[str]:
    """Every file under the folders (the database, its -wal and -shm, the log) whose raw bytes hold it."""
    found = []
    for folder in folders:
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file() and secret.encode() in path.read_bytes():
                found.append(str(path))
    return found


def _stored_errors(home: Path) -> list[str]:
    with sqlite3.connect(home / "hangar.db") as db:
        return [row[0] or "" for row in db.execute("SELECT error FROM downloads")]


@pytest.mark.parametrize("way", ECHO_WAYS)
def test_an_api_error_that_echoes_the_token(hub, hangar_home: Path, way: str) -> None:
    hub.set_api_faults(echo_authorization=way)
    env = {"HF_ENDPOINT": hub.endpoint, "HF_TOKEN": VALID_TOKEN}
    for command in COMMANDS:
        for json_flag in ((), ("--json",)):
            result = run_cli(*command, *json_flag, env=env)
            assert result.returncode == 1, (command, result.stdout, result.stderr)
            assert "unexpected error" not in result.stderr
            assert VALID_TOKEN not in result.stdout + result.stderr, (command, way)
            if json_flag:
                assert json.loads(result.stderr)["error"]["code"] == "hub"
            if way == "x-error-message" or command[0] != "download":  # the download's listing reads only that header
                assert "***" in result.stderr, "the echo reached the message, masked"
    assert any(r.authorized for r in hub.state.requests), "the token was sent, so there was something to leak"
    assert _files_holding(VALID_TOKEN, hangar_home) == []


@pytest.mark.parametrize("way", ECHO_WAYS)
def test_a_download_error_that_echoes_the_token_is_stored_masked(hub, hangar_home: Path, way: str) -> None:
    hub.set_faults("*", echo_authorization=way)
    for json_flag in ((), ("--json",)):
        result = run_cli("download", REPO, FILE, *json_flag, env={"HF_ENDPOINT": hub.endpoint, "HF_TOKEN": VALID_TOKEN})
        assert result.returncode == 1, result.stderr
        assert "The Hub answered 400" in result.stderr and VALID_TOKEN not in result.stdout + result.stderr
    errors = _stored_errors(hangar_home)
    assert errors and all("400" in e for e in errors), "the failure is in the downloads table"
    assert not any(VALID_TOKEN in e for e in errors)
    if way == "x-error-message":
        assert all("Bearer ***" in e for e in errors)
    log = hangar_home / "logs" / "hangar.log"
    assert "The Hub answered 400" in log.read_text(), "the failure is in the log too"
    assert _files_holding(VALID_TOKEN, hangar_home) == []


def test_the_keyring_token_echoed_back_is_found_nowhere(hub, hangar_home: Path, monkeypatch, capsys) -> None:
    """The token from the keyring (not HF_TOKEN), the CLI run in this process."""
    from hangar.cli import main
    from hangar.core.hub import tokens

    tokens.set_token(VALID_TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
    hub.set_faults("*", echo_authorization="x-error-message")
    assert main(["download", REPO, FILE, "--json"]) == 1
    hub.clear_faults()
    hub.set_api_faults(echo_authorization="json")
    assert main(["files", REPO]) == 1
    assert main(["search", "tiny", "--json"]) == 1
    out = capsys.readouterr()
    assert VALID_TOKEN not in out.out + out.err and out.err.count("***") >= 3
    assert any(r.authorized for r in hub.state.requests)
    assert _stored_errors(hangar_home) and "Bearer ***" in _stored_errors(hangar_home)[0]
    assert _files_holding(VALID_TOKEN, hangar_home) == []
