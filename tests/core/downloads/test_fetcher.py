"""The fetcher against a misbehaving local Hub: drops, 503s, wrong bytes, stalls, full disks."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections import namedtuple
from pathlib import Path

import pytest

from hangar.core.common.errors import DiskFull, GatedRepo, IntegrityError, NetworkError, NotFoundOnHub
from hangar.core.downloads import fetcher as fetcher_module
from hangar.core.downloads.fetcher import Fetcher, Paused, part_path
from hangar.core.hub.remote import auth_headers, resolve_url

from ...fixtures.hub_repos import HubRepo
from ...fixtures.hub_server import VALID_TOKEN, HubServer

SIZE = 6_000_000


@pytest.fixture
def served():
    data = os.urandom(SIZE)
    with HubServer() as hub:
        repo = HubRepo("acme/model-GGUF")
        repo.add_file("model-Q4_0.gguf", data)
        hub.add_repo(repo)
        gated = HubRepo("acme/gated-GGUF", gated="auto")
        gated.add_file("g-Q4_0.gguf", data)
        hub.add_repo(gated)
        yield hub, data


def _get(hub, dest: Path, filename="model-Q4_0.gguf", repo="acme/model-GGUF", token=None, **options):
    data_sha = hub.state.repos[repo].files[filename].sha256
    url = resolve_url(repo, "main", filename, hub.endpoint)
    return Fetcher(backoff_s=0.01, **options).fetch(url, dest, SIZE, data_sha, auth_headers(token))


def test_plain_download_is_verified_and_atomic(served, tmp_path: Path) -> None:
    hub, data = served
    result = _get(hub, tmp_path / "m.gguf")
    assert result.verified and result.sha256 == hashlib.sha256(data).hexdigest()
    assert (tmp_path / "m.gguf").read_bytes() == data
    assert not part_path(tmp_path / "m.gguf").exists()


def test_dropped_connections_resume_instead_of_starting_over(served, tmp_path: Path) -> None:
    hub, data = served
    hub.set_faults(drop_after_bytes=2_000_000, drop_times=2)
    result = _get(hub, tmp_path / "m.gguf")
    assert (tmp_path / "m.gguf").read_bytes() == data
    assert result.transferred_bytes == SIZE, "no byte was fetched twice"
    ranges = [r.range for r in hub.state.requests if r.path.endswith("model-Q4_0.gguf")]
    assert ranges[0] is None and all(r and r.startswith("bytes=") for r in ranges[1:])


def test_503_is_retried(served, tmp_path: Path) -> None:
    hub, data = served
    hub.set_faults(fail_503_times=2)
    _get(hub, tmp_path / "m.gguf")
    assert (tmp_path / "m.gguf").read_bytes() == data


def test_wrong_bytes_are_quarantined_never_placed(served, tmp_path: Path) -> None:
    hub, _ = served
    hub.set_faults(corrupt=True)
    with pytest.raises(IntegrityError, match="does not match the SHA-256") as info:
        _get(hub, tmp_path / "m.gguf")
    assert not (tmp_path / "m.gguf").exists() and not part_path(tmp_path / "m.gguf").exists()
    quarantined = list((tmp_path / ".quarantine").iterdir())
    assert len(quarantined) == 1 and str(quarantined[0]) in info.value.hint


def test_a_stalled_connection_is_dropped_and_resumed(served, tmp_path: Path) -> None:
    hub, data = served
    hub.set_faults(stall_after_bytes=2_000_000, stall_seconds=5.0)  # silent, connection left open
    seen = []
    result = _get(hub, tmp_path / "m.gguf", stall_timeout_s=0.5, on_progress=lambda p: seen.append(p.state))
    assert "retrying" in seen and result.verified
    assert (tmp_path / "m.gguf").read_bytes() == data
    ranges = [r.range for r in hub.state.requests if r.path.endswith("model-Q4_0.gguf")]
    assert len(ranges) == 2 and ranges[1].startswith("bytes=")


def test_giving_up_keeps_the_partial_file(served, tmp_path: Path) -> None:
    hub, _ = served
    hub.set_faults(drop_after_bytes=0, drop_times=100)
    hub.state.faults["*"].drop_after_bytes = 1_000_000
    hub.state.faults["*"].drop_times = 1
    hub.set_faults(fail_503_times=100)
    with pytest.raises(NetworkError, match="kept failing") as info:
        _get(hub, tmp_path / "m.gguf", max_failures=2)
    assert "partial file is kept" in info.value.hint


def test_pause_keeps_the_partial_and_resume_continues(served, tmp_path: Path) -> None:
    hub, data = served
    hub.set_faults(bytes_per_second=3_000_000)
    received = [0]
    with pytest.raises(Paused):
        _get(hub, tmp_path / "m.gguf", on_progress=lambda p: received.__setitem__(0, p.done_bytes), should_stop=lambda: received[0] > 1_000_000)
    kept = part_path(tmp_path / "m.gguf").stat().st_size
    assert 1_000_000 <= kept < SIZE
    hub.clear_faults()
    result = _get(hub, tmp_path / "m.gguf")
    assert result.transferred_bytes <= SIZE - kept + 1024 * 1024
    assert (tmp_path / "m.gguf").read_bytes() == data


def test_too_little_disk_space_is_refused_before_starting(served, tmp_path: Path, monkeypatch) -> None:
    hub, _ = served
    part_path(tmp_path / "m.gguf").write_bytes(b"x" * 1000)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(fetcher_module.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 1000, 1000))
    with pytest.raises(DiskFull, match="Not enough disk space") as info:
        _get(hub, tmp_path / "m.gguf")
    assert "partial file is kept" in info.value.hint
    assert part_path(tmp_path / "m.gguf").stat().st_size == 1000


def test_disk_full_while_writing_is_reported_and_partial_kept(served, tmp_path: Path, monkeypatch) -> None:
    hub, _ = served
    from hangar.core.downloads import sink as sink_module

    real_open = open
    written = [0]

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, chunk):  # as the kernel does: what fits is written, then ENOSPC
            room = 2_500_000 - written[0]
            if room <= 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            count = self.handle.write(chunk[:room])
            written[0] += count
            return count

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(sink_module, "open", lambda *a, **k: FullDisk(real_open(*a, **k)), raising=False)
    with pytest.raises(DiskFull, match="is full"):
        _get(hub, tmp_path / "m.gguf")
    assert part_path(tmp_path / "m.gguf").stat().st_size == 2_500_000  # every byte that fitted is kept


def test_gated_repo_needs_a_token(served, tmp_path: Path) -> None:
    hub, data = served
    with pytest.raises(GatedRepo, match="gated") as info:
        _get(hub, tmp_path / "g.gguf", filename="g-Q4_0.gguf", repo="acme/gated-GGUF")
    assert "token" in info.value.hint
    _get(hub, tmp_path / "g.gguf", filename="g-Q4_0.gguf", repo="acme/gated-GGUF", token=VALID_TOKEN)
    assert (tmp_path / "g.gguf").read_bytes() == data


def test_unknown_file_is_not_found(served, tmp_path: Path) -> None:
    hub, _ = served
    with pytest.raises(NotFoundOnHub):
        Fetcher().fetch(resolve_url("acme/model-GGUF", "main", "nope.gguf", hub.endpoint), tmp_path / "n.gguf", 10, None, {})
    assert shutil.disk_usage(tmp_path).free > 0


def test_pause_while_checking_a_partial_file_stops_at_once_and_keeps_it(served, tmp_path: Path) -> None:
    from hangar.core.downloads.fetcher import Fetcher, Paused

    hub, data = served
    dest = tmp_path / "m.gguf"
    part_path(dest).write_bytes(data[: len(data) // 2])
    url = resolve_url("acme/model-GGUF", "main", "model-Q4_0.gguf", hub.endpoint)
    with pytest.raises(Paused):
        Fetcher(should_stop=lambda: True).fetch(url, dest, len(data), None, {})
    assert part_path(dest).read_bytes() == data[: len(data) // 2]
    assert hub.bytes_served("model-Q4_0.gguf") == 0, "nothing was asked of the Hub"


def test_a_file_without_a_published_sha256_is_hashed_but_not_called_verified(served, tmp_path: Path) -> None:
    """Verified means checked against the Hub's value; with none to check, it must say so."""
    hub, data = served
    url = resolve_url("acme/model-GGUF", "main", "model-Q4_0.gguf", hub.endpoint)
    result = Fetcher().fetch(url, tmp_path / "m.gguf", SIZE, None, {})
    assert not result.verified and result.expected_sha256 is None
    assert result.sha256 == hashlib.sha256(data).hexdigest() and (tmp_path / "m.gguf").read_bytes() == data
    checked = Fetcher().fetch(url, tmp_path / "n.gguf", SIZE, hashlib.sha256(data).hexdigest().upper(), {})
    assert checked.verified and checked.expected_sha256 == checked.sha256


def test_the_download_modules_import_in_layers() -> None:
    """transport under sink/record under segmented under fetcher: no module imports one above it."""
    import ast

    from hangar.core import downloads

    folder = Path(downloads.__file__).parent
    layers = ["transport", "sink", "record", "segmented", "fetcher", "rows", "manager"]
    for name in layers:
        tree = ast.parse((folder / f"{name}.py").read_text())
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
        above = imported & set(layers[layers.index(name) + 1 :])
        assert not above, f"{name} imports {above}"
        assert not any(alias.name.startswith("_") for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 for alias in node.names), name


def _file_gets(hub) -> int:
    return sum(1 for r in hub.state.requests if r.method == "GET" and r.path.endswith("model-Q4_0.gguf"))


def test_a_server_that_ignores_range_and_cuts_every_body_short_is_given_up_with_its_reason(served, tmp_path: Path) -> None:
    """Once retried for ever (1,168 requests in 300 s): every attempt started again at byte 0."""
    hub, _ = served
    hub.set_faults(drop_after_bytes=1_000_000, drop_times=10**9, ignore_range=True)
    with pytest.raises(NetworkError, match="ignores requests to continue") as info:
        _get(hub, tmp_path / "m.gguf")
    assert "cannot get past 977 KiB" in info.value.message, info.value.message
    assert "proxy" in info.value.hint
    assert _file_gets(hub) <= 2 * (8 + 1) + 1
    assert not (tmp_path / "m.gguf").exists()


def test_bodies_cut_short_without_progress_are_bounded_even_when_bytes_arrive(served, tmp_path: Path) -> None:
    """Ranges honoured, but every answer brings a few bytes: the count no longer starts
    again whenever any byte arrives."""
    hub, _ = served
    hub.set_faults(drop_after_bytes=100, drop_times=10**9)
    with pytest.raises(NetworkError, match="kept failing") as info:
        _get(hub, tmp_path / "m.gguf", max_failures=3)
    assert "partial file is kept" in info.value.hint
    assert _file_gets(hub) == 3 + 1
    assert part_path(tmp_path / "m.gguf").stat().st_size == 400, "what arrived is kept"


def test_bodies_cut_short_that_still_move_the_file_on_finish_it(served, tmp_path: Path) -> None:
    hub, data = served
    hub.set_faults(drop_after_bytes=1_000_000, drop_times=10**9)  # every answer, and each brings 1 MB
    result = _get(hub, tmp_path / "m.gguf", max_failures=2)
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data
    assert _file_gets(hub) == 6


def test_every_failure_of_one_fetch_is_capped_however_much_each_brought(served, tmp_path: Path) -> None:
    hub, _ = served
    hub.set_faults(drop_after_bytes=500_000, drop_times=10**9)
    with pytest.raises(NetworkError, match="kept failing"):
        _get(hub, tmp_path / "m.gguf", max_total_failures=4)
    assert _file_gets(hub) == 5
    assert part_path(tmp_path / "m.gguf").stat().st_size == 2_500_000


def test_a_redirect_loop_is_a_network_error_that_says_so(served, tmp_path: Path) -> None:
    """Once "unexpected error: TooManyRedirects"."""
    hub, _ = served
    hub.set_faults(redirect_loop=True)
    with pytest.raises(NetworkError, match="redirected in a loop") as info:
        _get(hub, tmp_path / "m.gguf")
    assert "HF_ENDPOINT" in info.value.hint
    assert _file_gets(hub) <= 25, "one request's redirects, not retried"


def test_the_disk_space_message_gives_sizes_that_read_right(served, tmp_path: Path, monkeypatch) -> None:
    """Once "needs 0.00 GiB more, 0.01 GiB are free"."""
    hub, _ = served
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(fetcher_module.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 12_000_000, 12_000_000))
    with pytest.raises(DiskFull) as info:
        _get(hub, tmp_path / "m.gguf")
    needed = SIZE + fetcher_module.DISK_MARGIN
    assert f"needs {needed / 2**20:.1f} MiB" in info.value.message and "11.4 MiB are free" in info.value.message, info.value.message
    assert "64.0 MiB to spare" in info.value.message and "0.00 GiB" not in info.value.message


def test_a_file_already_in_place_with_the_hubs_hash_is_checked_not_fetched(served, tmp_path: Path) -> None:
    hub, data = served
    dest = tmp_path / "m.gguf"
    dest.write_bytes(data)
    result = _get(hub, dest)
    assert result.verified and result.transferred_bytes == 0 and _file_gets(hub) == 0
    dest.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # same size, other bytes: fetched again
    result = _get(hub, dest)
    assert result.verified and result.transferred_bytes == SIZE and dest.read_bytes() == data
