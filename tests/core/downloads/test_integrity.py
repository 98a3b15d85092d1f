"""Data integrity: one download per destination across processes, a row planned once however
many plan it, "done" and "verified" only for what the library took and the hash proved.

The two-process test is the case the adversarial trial broke: two ``hangar-cli download``
of one file at once appended to one partial file (a verified model with another SHA-256,
a 130 MB file registered for a 128 MB model) or died with "The database ... is damaged:
UNIQUE constraint failed".
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hangar.core.common.errors import HangarError, NetworkError
from hangar.core.config.context import AppContext
from hangar.core.downloads.lock import lock_path
from hangar.core.downloads.manager import DownloadManager
from hangar.core.library.models import Library

from ...conftest import run_cli
from ...fixtures.hub_repos import HubRepo
from ...fixtures.hub_server import HubServer

REPO = "acme/race-GGUF"
NAME = "race-Q8_0.gguf"


@pytest.fixture
def race_hub(tiny_gguf: Path, monkeypatch: pytest.MonkeyPatch):
    with HubServer() as hub:
        repo = HubRepo(REPO, card_data={"license": "apache-2.0"})
        repo.add_file(NAME, tiny_gguf.read_bytes())
        data = tiny_gguf.read_bytes()
        repo.add_file("truncated-Q8_0.gguf", data[: len(data) // 2])  # the header is whole, the tensors are not
        repo.add_file("empty-Q8_0.gguf", b"")  # listed with the SHA-256 of nothing, which matches
        hub.add_repo(repo)
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        yield hub


def _manager(ctx: AppContext, **kwargs) -> DownloadManager:
    return DownloadManager(ctx.database, Library(ctx.database), ctx.models_dir, fetcher_options={"backoff_s": 0.01}, **kwargs)


def _db(home: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(home / "hangar.db")
    conn.row_factory = sqlite3.Row
    return conn


@pytest.mark.slow
def test_two_cli_downloads_of_one_file_at_once_give_one_verified_model(race_hub: HubServer, hangar_home: Path) -> None:
    data = race_hub.state.repos[REPO].files[NAME].data
    sha = hashlib.sha256(data).hexdigest()
    race_hub.set_faults(NAME, bytes_per_second=len(data) / 4)  # about four seconds each: they overlap
    cmd = [sys.executable, "-m", "hangar.cli", "download", REPO, NAME, "--json"]
    env = {**os.environ, "HANGAR_HOME": str(hangar_home)}
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "damaged" not in err
    results = [json.loads(out) for out, _ in outputs]

    dest = hangar_home / "models" / REPO / NAME
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == sha, "the file in place is the Hub's"
    with _db(hangar_home) as conn:
        rows = conn.execute("SELECT state, size_bytes, sha256 FROM downloads").fetchall()
        models = conn.execute("SELECT path, size_bytes, sha256 FROM models").fetchall()
    assert [(r["state"], r["size_bytes"], r["sha256"]) for r in rows] == [("done", len(data), sha)]
    assert [(m["path"], m["size_bytes"], m["sha256"]) for m in models] == [(str(dest), len(data), sha)]
    assert all(r["sha256"] == sha and r["verified"] and r["path"] == str(dest) for r in results)
    waited = [(proc, err) for proc, (_, err) in zip(procs, outputs) if "another Hangar process" in err]
    assert len(waited) == 1, [err for _, err in outputs]
    other = next(p for p in procs if p is not waited[0][0])
    assert f"(pid {other.pid}) is downloading {NAME}; waiting for it to finish" in waited[0][1]
    assert race_hub.bytes_served(NAME) == len(data), "fetched once: the one that waited found it done"
    assert not lock_path(dest).exists() and not list(dest.parent.glob("*.part*"))


def test_the_window_queue_waits_for_a_download_running_elsewhere(race_hub: HubServer) -> None:
    """Two managers over two connections (as the window and the CLI are): the second waits
    on the destination, says so in its row's note, and finds the file done."""
    data = race_hub.state.repos[REPO].files[NAME].data
    race_hub.set_faults(NAME, bytes_per_second=len(data) / 2)
    first, notes = _manager(AppContext.open()), []
    second = _manager(AppContext.open(), on_change=lambda d: notes.append(d.note))
    (one,) = first.plan(REPO, NAME)
    (two,) = second.plan(REPO, NAME)
    assert one == two
    running = threading.Thread(target=first.run_one, args=(one,))
    running.start()
    try:
        dest = Path(first.get(one).dest_path)
        for _ in range(200):
            if lock_path(dest).exists():
                break
            threading.Event().wait(0.01)
        result = second.run_one(two)
    finally:
        running.join(30)
    assert result.fetched is None and result.model is not None and result.download.state == "done"
    assert any(note and f"(pid {os.getpid()}) is downloading {NAME}" in note for note in notes), notes
    assert race_hub.bytes_served(NAME) == len(data)
    assert len(Library(AppContext.open().database).list()) == 1


def test_planning_one_file_from_many_connections_at_once_gives_one_row(race_hub: HubServer) -> None:
    """plan() is one upsert: the select-then-insert it replaced lost this race with
    "UNIQUE constraint failed", reported as a damaged database."""
    managers = [_manager(AppContext.open()) for _ in range(6)]
    barrier = threading.Barrier(len(managers))
    ids, errors = [], []

    def plan(manager: DownloadManager) -> None:
        barrier.wait()
        try:
            ids.extend(manager.plan(REPO, NAME))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=plan, args=(m,)) for m in managers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == [] and len(ids) == len(managers) and len(set(ids)) == 1
    assert managers[0].db.query_one("SELECT COUNT(*) FROM downloads")[0] == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "reason"),
    [("truncated-Q8_0.gguf", "it is truncated"), ("empty-Q8_0.gguf", "the GGUF header ends early")],
)
def test_a_file_the_library_refuses_is_never_done_nor_verified(race_hub: HubServer, hangar_home: Path, name: str, reason: str) -> None:
    """It once ended "done", and the next download said "already downloaded" with
    "verified": true and exit 0, with nothing in the library."""
    for attempt in (1, 2):
        result = run_cli("download", REPO, name, "--json")
        assert result.returncode == 1, result.stdout
        error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
        assert reason in error["message"] and "already downloaded" not in result.stderr
        assert "same file" in error["hint"], "not 'download it again': the Hub's file is the same"
        with _db(hangar_home) as conn:
            row = conn.execute("SELECT state, error FROM downloads WHERE filename = ?", (name,)).fetchone()
            assert conn.execute("SELECT COUNT(*) FROM models").fetchone()[0] == 0
        assert row["state"] == "failed" and reason in row["error"]
        if attempt == 1:
            served = race_hub.bytes_served(name)
    assert race_hub.bytes_served(name) == served, "the second try checked the file in place instead of fetching it"


def test_a_redirect_loop_leaves_the_row_failed_with_its_reason(race_hub: HubServer) -> None:
    """It once left the row "downloading", and the CLI said "unexpected error: TooManyRedirects"."""
    manager = _manager(AppContext.open())
    (download_id,) = manager.plan(REPO, NAME)
    race_hub.set_faults(NAME, redirect_loop=True)
    with pytest.raises(NetworkError, match="redirected in a loop"):
        manager.run_one(download_id)
    row = manager.get(download_id)
    assert row.state == "failed" and "redirected in a loop" in row.error


def test_an_unexpected_error_never_leaves_a_row_downloading(race_hub: HubServer, monkeypatch) -> None:
    from hangar.core.downloads import fetcher

    manager = _manager(AppContext.open())
    (download_id,) = manager.plan(REPO, NAME)
    monkeypatch.setattr(fetcher.Fetcher, "fetch", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        manager.run_one(download_id)
    row = manager.get(download_id)
    assert row.state == "failed" and row.error == "internal error; see the log"
    assert not isinstance(row.error, HangarError)


def test_cancel_in_one_process_never_deletes_a_partial_file_another_is_writing(race_hub: HubServer) -> None:
    from hangar.core.downloads.fetcher import part_path
    from hangar.core.downloads.lock import DestinationLock

    manager = _manager(AppContext.open())
    (download_id,) = manager.plan(REPO, NAME)
    dest = Path(manager.get(download_id).dest_path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part_path(dest).write_bytes(b"x" * 1000)
    elsewhere = DestinationLock(dest)  # as the CLI would hold it
    assert elsewhere.try_acquire()
    try:
        manager.cancel(download_id)
        assert part_path(dest).read_bytes() == b"x" * 1000, "the other download's partial file is left alone"
    finally:
        elsewhere.release()
    manager.cancel(download_id)
    assert not part_path(dest).exists()


def test_a_done_row_keeps_what_was_verified_until_its_file_is_gone(race_hub: HubServer, tiny_gguf: Path) -> None:
    """Planning again once said the Hub's new size and SHA-256 for the old file on disk."""
    manager = _manager(AppContext.open())
    (download_id,) = manager.plan(REPO, NAME)
    manager.run_one(download_id)
    verified = manager.get(download_id).sha256
    race_hub.state.repos[REPO].add_file(NAME, tiny_gguf.read_bytes() + b"\0" * 32)  # the Hub's file changed
    assert manager.plan(REPO, NAME) == [download_id]
    row = manager.get(download_id)
    assert (row.state, row.sha256, row.size_bytes) == ("done", verified, tiny_gguf.stat().st_size)
    Path(row.dest_path).unlink()
    manager.plan(REPO, NAME)
    row = manager.get(download_id)
    assert row.state == "queued" and row.sha256 == race_hub.state.repos[REPO].files[NAME].sha256 != verified
