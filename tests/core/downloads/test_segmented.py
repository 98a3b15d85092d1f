"""Parallel segments: faster behind per-connection caps, hashed in order, resumable per segment.

A download starts on one connection and splits only when that connection leaves the
processor mostly idle (the link is the limit); ``probe_s=0`` splits at once.
"""

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
    return Fetcher(**{"connections": 4, "segment_min_bytes": 2 * MIB, "backoff_s": 0.01, "probe_s": 0, **kwargs})


def _file_requests(hub: HubServer) -> list:
    return [r for r in hub.state.requests if r.method == "GET" and r.path.endswith("big-Q8_0.gguf")]


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
    from hangar.core.common.errors import IntegrityError

    hub, data, url = served
    hub.set_faults(corrupt=True)
    with pytest.raises(IntegrityError):
        _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert not (tmp_path / "m.gguf").exists()


def test_a_slow_connection_is_split_after_the_probe_without_fetching_twice(served, tmp_path: Path) -> None:
    hub, data, url = served
    hub.set_faults(bytes_per_second=3 * MIB)  # per connection, as a CDN caps it
    result = _fetcher(probe_s=0.4).fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data
    first, *rest = _file_requests(hub)
    assert first.range is None and 0 < first.body_bytes < 3 * MIB  # the probe stream, stopped early
    spans = sorted(tuple(int(x) for x in r.range.removeprefix("bytes=").split("-")) for r in rest)
    assert len(spans) == 4 and 0 < spans[0][0] <= first.body_bytes and spans[-1][1] == SIZE - 1  # the rest, from where the probe stopped
    assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:]))
    assert result.transferred_bytes == SIZE  # nothing fetched twice, on our side
    assert sum(r.body_bytes for r in [first, *rest]) <= SIZE + 512 * 1024  # and little more than in flight on the server's
    assert not state_path(part_path(tmp_path / "m.gguf")).exists()


def test_a_connection_that_keeps_the_processor_busy_is_not_split(served, tmp_path: Path) -> None:
    import time

    hub, data, url = served
    hub.set_faults(bytes_per_second=16 * MIB)  # lasts several probe windows
    busy = _fetcher(probe_s=0.1, cpu_time=time.monotonic)  # as if the download used a whole processor
    result = busy.fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data
    assert [r.range for r in _file_requests(hub)] == [None]


@pytest.mark.parametrize("probe_s", [0, 0.3])
def test_a_server_that_ignores_ranges_still_gives_the_right_file(served, tmp_path: Path, probe_s: float) -> None:
    hub, data, url = served
    hub.set_faults(ignore_range=True, bytes_per_second=8 * MIB)
    result = _fetcher(probe_s=probe_s).fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data
    assert not state_path(part_path(tmp_path / "m.gguf")).exists()


def test_a_full_disk_during_segments_is_reported_and_what_was_written_is_kept(served, tmp_path: Path, monkeypatch) -> None:
    import builtins
    import errno

    from hangar.core.common.errors import DiskFull
    from hangar.core.downloads import segmented

    hub, data, url = served
    room = [3 * MIB]

    class FullDisk:  # as the kernel does: what fits is written, then ENOSPC
        def __init__(self, handle):
            self.handle = handle

        def write(self, chunk):
            if room[0] <= 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            count = self.handle.write(chunk[: room[0]])
            room[0] -= count
            return count

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(segmented, "open", lambda *a, **k: FullDisk(builtins.open(*a, **k)), raising=False)
    monkeypatch.setattr(segmented.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(DiskFull, match="is full"):
        _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert state_path(part_path(tmp_path / "m.gguf")).exists(), "the segments' progress is kept for a resume"
    monkeypatch.undo()
    result = _fetcher().fetch(url, tmp_path / "m.gguf", SIZE, hashlib.sha256(data).hexdigest(), {})
    assert result.verified and (tmp_path / "m.gguf").read_bytes() == data


def test_a_segment_record_with_a_gap_is_not_trusted(tmp_path: Path) -> None:
    import json

    from hangar.core.downloads.segmented import resume_state

    part = tmp_path / "m.gguf.part"
    part.write_bytes(b"x" * 100)
    record = state_path(part)
    record.write_text(json.dumps({"size": 300, "segments": [[0, 100, 100], [200, 300, 0]]}))
    assert resume_state(part, 300) is None, "bytes 100-200 belong to no segment: the hash could never finish"
    record.write_text(json.dumps({"size": 300, "segments": [[0, 150, 100], [150, 300, 0]]}))
    assert resume_state(part, 300) == [[0, 150, 100], [150, 300, 0]]


def test_the_live_record_counts_only_on_the_boot_that_wrote_it(tmp_path: Path, monkeypatch) -> None:
    """After a reboot the page cache is gone: only the counts synced to disk may be trusted."""
    import json

    from hangar.core.downloads import record
    from hangar.core.downloads.record import SegmentRecord, live_path, resume_state

    monkeypatch.setattr(record, "boot_id", lambda: "boot-1")
    part = tmp_path / "m.gguf.part"
    part.write_bytes(b"x" * 300)
    saved = SegmentRecord(part, 300, [[0, 150, 10], [150, 300, 20]])  # synced and live
    saved.save_live([[0, 150, 100], [150, 300, 5]])  # later writes; a stale count never lowers the synced one
    saved.close()
    assert resume_state(part, 300) == [[0, 150, 100], [150, 300, 20]]
    monkeypatch.setattr(record, "boot_id", lambda: "boot-2")
    assert resume_state(part, 300) == [[0, 150, 10], [150, 300, 20]]
    monkeypatch.setattr(record, "boot_id", lambda: "boot-1")
    live_path(part).write_text(json.dumps({"boot": "boot-1", "size": 300, "segments": [[0, 100, 100], [100, 300, 5]]}))
    assert resume_state(part, 300) == [[0, 150, 10], [150, 300, 20]], "a live record of another plan is ignored"
