"""A download process killed with SIGKILL keeps what it fetched, and the resume verifies.

The child is a real process running a Fetcher against the local Hub, throttled so it can
be killed about halfway; it prints each progress report, and the parent compares the
last one it printed with what the partial file (or the segment record) holds afterwards.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hangar.core.downloads.fetcher import Fetcher, part_path
from hangar.core.downloads.record import boot_id, resume_state
from hangar.core.hub.remote import resolve_url

from ...fixtures.hub_repos import HubRepo
from ...fixtures.hub_server import HubServer

MIB = 1024 * 1024
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

CHILD = """
import sys
from pathlib import Path
from hangar.core.downloads.fetcher import Fetcher

url, dest, size, sha, connections = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])

def report(progress):
    if progress.state == "downloading" and progress.done_bytes:
        print(progress.done_bytes, flush=True)

Fetcher(on_progress=report, connections=connections, segment_min_bytes=2 * 1024 * 1024, probe_s=0).fetch(url, dest, size, sha, {})
"""


def _kill_halfway(url: str, dest: Path, data: bytes, connections: int) -> int:
    """Run the child until it reports half the file, SIGKILL it; returns the most it reported."""
    sha = hashlib.sha256(data).hexdigest()
    cmd = [sys.executable, "-c", CHILD, url, str(dest), str(len(data)), sha, str(connections)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    reported = 0
    try:
        for line in child.stdout:
            reported = max(reported, int(line))
            if reported >= len(data) // 2:
                break
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert reported >= len(data) // 2, f"the child stopped early: {errors}"
    assert child.returncode == -signal.SIGKILL, "the child finished before it was killed: throttle the server more"
    return max([reported] + [int(x) for x in rest.split()])  # reports it printed just before dying count too


def _serve(size: int, bytes_per_second: float):
    data = os.urandom(size)
    hub = HubServer().start()
    repo = HubRepo("acme/kill-GGUF")
    repo.add_file("kill-Q4_0.gguf", data)
    hub.add_repo(repo)
    hub.set_faults(bytes_per_second=bytes_per_second)  # per connection
    return hub, data, resolve_url("acme/kill-GGUF", "main", "kill-Q4_0.gguf", hub.endpoint)


def _served_since(hub: HubServer, first_request: int) -> int:
    """File bytes sent to requests made from then on (the dead child's may still tick)."""
    with hub.state.lock:
        return sum(r.body_bytes for r in hub.state.requests[first_request:] if r.method == "GET")


def test_a_killed_single_stream_keeps_what_it_reported_and_the_resume_verifies(tmp_path: Path) -> None:
    """14 MB, killed at 50 %: the old 8 MiB block in memory lost all of it."""
    hub, data, url = _serve(14_000_000, 3_000_000)
    try:
        dest = tmp_path / "m.gguf"
        reported = _kill_halfway(url, dest, data, connections=1)
        kept = part_path(dest).stat().st_size
        print(f"single stream killed: reported {reported:,} of {len(data):,} bytes, the partial file holds {kept:,}")
        assert kept >= reported - MIB, f"reported {reported:,} bytes fetched, the partial file holds {kept:,}"
        assert part_path(dest).read_bytes() == data[:kept]

        hub.clear_faults()
        before = len(hub.state.requests)
        result = Fetcher(backoff_s=0.01).fetch(url, dest, len(data), hashlib.sha256(data).hexdigest(), {})
        assert result.verified and dest.read_bytes() == data
        assert result.transferred_bytes == len(data) - kept, "the resume starts where the file ends"
        assert _served_since(hub, before) == len(data) - kept
    finally:
        hub.stop()


@pytest.mark.skipif(boot_id() is None, reason="the live segment record needs a boot id (Linux); elsewhere a kill loses up to a second")
def test_killed_parallel_segments_keep_what_they_reported_and_the_resume_verifies(tmp_path: Path) -> None:
    """Segments land at their offsets, so what survives is what the live record counts."""
    hub, data, url = _serve(12 * MIB + 4321, 1_000_000)
    try:
        dest = tmp_path / "m.gguf"
        reported = _kill_halfway(url, dest, data, connections=4)
        segments = resume_state(part_path(dest), len(data))
        assert segments is not None and len(segments) == 4, "the segment record survives the kill"
        counted = sum(done for _, _, done in segments)
        print(f"segments killed: reported {reported:,} of {len(data):,} bytes, the record counts {counted:,}")
        assert counted >= reported - MIB, f"reported {reported:,} bytes fetched, the record keeps {counted:,}"
        part = part_path(dest).read_bytes()
        assert all(part[start : start + done] == data[start : start + done] for start, _, done in segments)

        hub.clear_faults()
        before = len(hub.state.requests)
        result = Fetcher(backoff_s=0.01, connections=4, segment_min_bytes=2 * MIB, probe_s=0).fetch(
            url, dest, len(data), hashlib.sha256(data).hexdigest(), {}
        )
        assert result.verified and dest.read_bytes() == data
        assert _served_since(hub, before) == len(data) - counted, "each segment resumes where its count ends"
    finally:
        hub.stop()
