"""The queue: planned from the Hub, run in the background, resumed after a restart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hangar.core.config.context import AppContext
from hangar.core.downloads.fetcher import part_path
from hangar.core.downloads.manager import DownloadManager
from hangar.core.library.models import Library

REPO = "Qwen/Qwen3-8B-GGUF"


def _manager(ctx: AppContext, **kwargs) -> DownloadManager:
    return DownloadManager(ctx.database, Library(ctx.database), ctx.models_dir, fetcher_options={"backoff_s": 0.01}, **kwargs)


def test_queue_downloads_in_the_background_and_fills_the_library(demo_hub) -> None:
    ctx = AppContext.open()
    models = []
    done = threading.Event()
    manager = _manager(ctx, on_model=lambda m: (models.append(m), done.set() if len(models) == 2 else None))
    first = manager.plan(REPO, "Qwen3-8B-Q4_K_M.gguf")
    second = manager.plan(REPO, "Qwen3-8B-IQ3_XS.gguf")
    assert manager.plan(REPO, "Qwen3-8B-Q4_K_M.gguf") == first, "planning twice reuses the row"
    manager.start()
    try:
        assert done.wait(30)
    finally:
        manager.stop()
    assert [manager.get(i).state for i in first + second] == ["done", "done"]
    assert {m.repo for m in models} == {REPO}
    assert len(Library(ctx.database).list()) == 2


def test_a_download_interrupted_by_a_restart_resumes(demo_hub) -> None:
    ctx = AppContext.open()
    name = "Qwen3-8B-Q6_K.gguf"
    data = demo_hub.state.repos[REPO].files[name].data
    manager = _manager(ctx)
    (download_id,) = manager.plan(REPO, name)
    dest = Path(manager.get(download_id).dest_path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part_path(dest).write_bytes(data[: len(data) // 2])  # what the killed app left behind
    ctx.database.execute("UPDATE downloads SET state = 'downloading' WHERE id = ?", (download_id,))

    finished = threading.Event()
    restarted = _manager(AppContext.open(), on_model=lambda m: finished.set())
    before = demo_hub.bytes_served(name)
    restarted.start()
    try:
        assert finished.wait(30)
    finally:
        restarted.stop()
    assert dest.read_bytes() == data
    assert demo_hub.bytes_served(name) - before <= len(data) // 2 + 64 * 1024


def test_pause_resume_and_cancel(demo_hub) -> None:
    ctx = AppContext.open()
    name = "Qwen3-8B-Q6_K.gguf"
    size = len(demo_hub.state.repos[REPO].files[name].data)
    demo_hub.set_faults(name, bytes_per_second=size / 3)
    states = []
    manager = _manager(ctx, on_change=lambda d: states.append(d.state))
    (download_id,) = manager.plan(REPO, name)
    manager.start()
    try:
        part = part_path(Path(manager.get(download_id).dest_path))
        threading.Event().wait(0.8)
        manager.pause(download_id)
        threading.Event().wait(0.5)
        assert manager.get(download_id).state == "paused" and part.exists()
        kept = part.stat().st_size
        assert 0 < kept < size
        manager.cancel(download_id)
        assert manager.get(download_id).state == "cancelled" and not part.exists()
    finally:
        manager.stop()
    assert "downloading" in states


@pytest.mark.parametrize("name", ["../escape.gguf", "/abs.gguf"])
def test_unsafe_names_never_reach_the_disk(demo_hub, name: str) -> None:
    from hangar.core.common.errors import InvalidInput

    with pytest.raises(InvalidInput, match="unsafe"):
        _manager(AppContext.open()).plan(REPO, name)


def test_a_retry_is_said_in_the_queue_and_a_failure_keeps_its_reason(demo_hub) -> None:
    """A wait is never silent: the queue row says what went wrong and when it tries again."""
    ctx = AppContext.open()
    name = "Qwen3-8B-IQ3_XS.gguf"
    seen = []
    manager = _manager(ctx, on_change=lambda d: seen.append((d.state, d.note, d.error)))
    (download_id,) = manager.plan(REPO, name)
    demo_hub.set_faults(name, fail_503_times=1)
    manager.run_one(download_id)
    assert any(state == "downloading" and note and "the Hub answered 503; trying again in" in note for state, note, _ in seen), seen
    assert manager.get(download_id).state == "done"

    from hangar.core.common.errors import HangarError
    from hangar.core.common.i18n import Text

    (again,) = manager.plan(REPO, "Qwen3-8B-Q6_K.gguf")
    demo_hub.set_faults("Qwen3-8B-Q6_K.gguf", corrupt=True)
    with pytest.raises(HangarError):
        manager.run_one(again)
    failed = _manager(AppContext.open()).get(again)  # read back as after a restart
    assert failed.state == "quarantined" and isinstance(failed.error, Text)
    assert failed.error.startswith("Qwen3-8B-Q6_K.gguf does not match the SHA-256")


def test_cancel_while_running_removes_the_partial_file_once_writing_stopped(demo_hub) -> None:
    ctx = AppContext.open()
    name = "Qwen3-8B-Q6_K.gguf"
    size = len(demo_hub.state.repos[REPO].files[name].data)
    demo_hub.set_faults(name, bytes_per_second=size / 3)
    manager = _manager(ctx)
    (download_id,) = manager.plan(REPO, name)
    part = part_path(Path(manager.get(download_id).dest_path))
    manager.start()
    try:
        deadline = threading.Event()
        while not part.exists() and not deadline.wait(0.05):
            pass
        deadline.wait(0.5)
        manager.cancel(download_id)
        for _ in range(100):
            if not part.exists():
                break
            deadline.wait(0.05)
        assert manager.get(download_id).state == "cancelled" and not part.exists()
        assert not list(part.parent.glob(part.name + "*")), "no partial file or segment record is left behind"
    finally:
        manager.stop()


def test_run_one_returns_what_it_registered_and_model_for_finds_it_by_one_row(tiny_gguf: Path, monkeypatch) -> None:
    """A split model: the first part's result has no model yet, the last part's has it."""
    from hangar.core.downloads import DownloadState

    from ...fixtures.hub_repos import HubRepo
    from ...fixtures.hub_server import HubServer

    with HubServer() as hub:
        repo = HubRepo("acme/split-GGUF")
        for index in (1, 2):
            repo.add_file(f"m-Q8_0-0000{index}-of-00002.gguf", tiny_gguf.read_bytes())
        hub.add_repo(repo)
        ctx = AppContext.open()
        seen = []
        manager = DownloadManager(ctx.database, Library(ctx.database), ctx.models_dir, base=hub.endpoint, on_change=seen.append)
        first, second = manager.plan("acme/split-GGUF", "m-Q8_0-00001-of-00002.gguf")
        monkeypatch.setattr(Library, "list", lambda self: pytest.fail("the whole library was read"))
        reads = []
        real_query = ctx.database.query
        monkeypatch.setattr(ctx.database, "query", lambda sql, params=(): (reads.append(sql), real_query(sql, params))[1])

        one = manager.run_one(first)
        assert one.model is None and one.fetched.verified and one.download.state is DownloadState.DONE
        assert [sql for sql in reads if sql.startswith("SELECT * FROM downloads")] == ["SELECT * FROM downloads WHERE id = ?"], "one read; every change is built from it"
        assert manager.model_for(first) is None
        two = manager.run_one(second)
        assert two.model is not None and Path(two.model.path) == one.fetched.path
        assert manager.model_for(first) == two.model == manager.model_for(second)
    states = [d.state for d in seen]
    assert states[0] is DownloadState.DOWNLOADING and states[-1] is DownloadState.DONE
    assert all(isinstance(state, DownloadState) for state in states)


def test_download_states_are_strings_to_the_database_and_json() -> None:
    import json

    from hangar.core.downloads import DownloadState

    assert DownloadState("done") is DownloadState.DONE and DownloadState.DONE == "done"
    assert f"{DownloadState.PAUSED}" == str(DownloadState.PAUSED) == "paused"
    assert json.dumps({"state": DownloadState.QUARANTINED}) == '{"state": "quarantined"}'
