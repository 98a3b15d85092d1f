"""The destination lock: one holder across processes and threads, released by the OS on a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hangar.core.downloads.lock import DestinationLock, lock_path
from hangar.core.downloads.transport import Paused

HOLD = """
import sys, time
from pathlib import Path
from hangar.core.downloads.lock import DestinationLock
lock = DestinationLock(Path(sys.argv[1]))
assert lock.try_acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
lock.release()
"""


def _holder(dest: Path, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(dest), str(seconds)], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert child.stdout.readline().strip() == "held"
    return child


def test_another_process_holding_it_is_named_by_pid(tmp_path: Path) -> None:
    dest = tmp_path / "repo" / "m.gguf"
    child = _holder(dest, 30)
    try:
        lock = DestinationLock(dest)
        assert not lock.try_acquire()
        assert lock.holder() == child.pid
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    """The OS releases it: nobody has to clear a stale lock after a crash."""
    dest = tmp_path / "m.gguf"
    child = _holder(dest, 30)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    lock = DestinationLock(dest)
    assert lock.try_acquire()
    assert lock.holder() == os.getpid()
    lock.release()
    assert not lock_path(dest).exists(), "the holder deletes the lock file when it lets go"


def test_a_waiter_gets_it_when_the_holder_lets_go_and_hears_who_it_waited_for(tmp_path: Path) -> None:
    dest = tmp_path / "m.gguf"
    child = _holder(dest, 1.0)
    heard = []
    lock = DestinationLock(dest)
    started = time.monotonic()
    try:
        assert lock.acquire(should_stop=lambda: False, on_wait=heard.append, poll_s=0.05) is True
        assert time.monotonic() - started >= 0.5
        assert heard == [child.pid]
        assert lock_path(dest).exists() and lock.holder() == os.getpid(), "the waiter holds a lock file that exists (not the deleted one)"
        other = DestinationLock(dest)
        assert not other.try_acquire(), "and it excludes the next one"
    finally:
        lock.release()
        child.wait()


def test_two_threads_of_one_process_exclude_each_other_and_a_stop_ends_the_wait(tmp_path: Path) -> None:
    dest = tmp_path / "m.gguf"
    first = DestinationLock(dest)
    assert first.try_acquire()
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    with pytest.raises(Paused):
        DestinationLock(dest).acquire(should_stop=stop.is_set, on_wait=lambda pid: None, poll_s=0.05)
    first.release()
    with DestinationLock(dest) as second:
        assert second.try_acquire() and second.acquire(should_stop=lambda: False, on_wait=lambda pid: None) is False
