"""Parallel segments: faster behind per-connection caps, hashed in order, resumable per segment."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from hangar.core.downloads.fetcher import Fetcher, Paused, part_path
from hangar.core.downloads.segmented import plan_segments, state_path
from hangar.core.hub.remote import resolve_url

from ...fixtures.hub_repos import HubRepo
from ...fixtures.hub_server import HubServer

SIZE = 12 * 1024 * 1024 + 12345
MIB = 1024 * 1024


@pytest.fixture
def served():
    data = os.urandom(SIZE)
    with HubServer() as hub:
        repo = HubRepo("acme/big-GGUF")
        repo.add_file("big-Q8_0.gguf", data)
        hub.add_repo(repo)
        yield hub, data, resolve_url("acme/big-GGUF", "main", "big-Q8_0.gguf", hub.endpoint)


def _fetcher(**kwargs) -> Fetcher:
    return Fetcher(connections=4, segment_min_bytes=2 * MIB, backoff_s=0.01, **kwargs)


def test_plan_covers_every_byte_once() -> None:
    segments = plan_segments(100 * MIB + 7, 3 * MIB, 4, 16 * MIB)
    assert segments[0][0] == 3 * MIB and segments[-1][1] == 100 * MIB + 7
    assert all(a[1] == b[0] for a, b in zip(segments, segments[1:]))
    assert len(plan_segments(20 * MIB, 0, 16, 16 * MIB)) == 1


def test_segments_arrive_in_parallel_and_the_hash_is_right(served, tmp_path: Path) -> None:
    hub, data, url = served
    result = _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data
    ranges = [r.range for r in hub.state.requests if r.path.endswith("big-Q8_0.gguf")]
    assert len(ranges) == 4 and all(r.startswith("bytes=") for r in ranges)
    assert not state_path(part_path(tmp_path / "m.gguf")).exists()


def test_drops_in_segments_are_retried_from_where_each_stopped(served, tmp_path: Path) -> None:
    hub, data, url = served
    hub.set_faults(drop_after_bytes=1 * MIB, drop_times=3)
    result = _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert (tmp_path / "m.gguf").read_bytes() == data
    assert result.transferred_bytes == SIZE


def test_pause_then_resume_keeps_every_segment(served, tmp_path: Path) -> None:
    hub, data, url = served
    hub.set_faults(bytes_per_second=2 * MIB)
    seen = [0]
    with pytest.raises(Paused):
        _fetcher(on_progress=lambda p: seen.__setitem__(0, p.done_bytes), should_stop=lambda: seen[0] > 4 * MIB).fetch(url, tmp_path / "m.gguf", SIZE, None, {})
    state = state_path(part_path(tmp_path / "m.gguf"))
    assert state.exists()
    hub.clear_faults()
    before = hub.bytes_served("big-Q8_0.gguf")
    result = _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert (tmp_path / "m.gguf").read_bytes() == data and result.verified
    assert hub.bytes_served("big-Q8_0.gguf") - before <= SIZE - 4 * MIB + 4 * 64 * 1024


def test_wrong_bytes_still_fail_verification(served, tmp_path: Path) -> None:
    from hangar.core.errors import IntegrityError

    hub, data, url = served
    hub.set_faults(corrupt=True)
    with pytest.raises(IntegrityError):
        _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert not (tmp_path / "m.gguf").exists()
