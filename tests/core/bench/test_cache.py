"""The cache folder: its size, a clear that deletes only what is inside it, and a clear refused
while a benchmark holds it, in this process or another."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hangar.core.bench.cache import CacheInUse, cache_usage, cache_users, clear_cache, in_use


def _fill(cache: Path) -> None:
    (cache / "synthetic").mkdir(parents=True)
    (cache / "synthetic" / "1b-Q4_K_M.gguf").write_bytes(b"x" * 3000)
    (cache / "synthetic" / "1b-F16.intermediate.gguf").write_bytes(b"y" * 5000)
    (cache / "loose.bin").write_bytes(b"z" * 100)


def test_size_counts_every_file_and_a_clear_frees_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert cache_usage(cache).size_bytes == 0, "an absent folder holds nothing"
    _fill(cache)
    usage = cache_usage(cache)
    assert (usage.size_bytes, usage.files, usage.path) == (8100, 3, cache)
    freed = clear_cache(cache)
    assert (freed.size_bytes, freed.files) == (8100, 3)
    assert cache.is_dir() and cache_usage(cache).size_bytes == 0, "the folder stays, empty"


def test_a_clear_never_deletes_outside_the_folder(tmp_path: Path) -> None:
    cache, outside = tmp_path / "cache", tmp_path / "precious"
    _fill(cache)
    outside.mkdir()
    (outside / "model.gguf").write_bytes(b"keep me")
    (cache / "linked-folder").symlink_to(outside, target_is_directory=True)
    (cache / "synthetic" / "linked-file.gguf").symlink_to(outside / "model.gguf")
    assert cache_usage(cache).size_bytes < 8100 + len(b"keep me") + 200, "a link counts as a link, not what it points to"
    clear_cache(cache)
    assert (outside / "model.gguf").read_bytes() == b"keep me"
    assert list(cache.iterdir()) == [], "the links themselves are gone"


def test_a_clear_is_refused_while_a_benchmark_holds_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _fill(cache)
    with in_use(cache):
        assert cache_users(cache) == [os.getpid()]
        with pytest.raises(CacheInUse) as info:
            clear_cache(cache)
        assert "in use by a benchmark" in info.value.message and str(os.getpid()) in info.value.message
        assert cache_usage(cache).size_bytes == 8100, "nothing was deleted"
    assert cache_users(cache) == []
    assert clear_cache(cache).size_bytes == 8100


def test_another_process_holding_it_is_seen_and_a_dead_one_is_not(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _fill(cache)
    code = "import sys, time; from pathlib import Path; from hangar.core.bench.cache import in_use\n" \
           "with in_use(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)\n"  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", code, str(cache)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        assert cache_users(cache) == [child.pid]
        with pytest.raises(CacheInUse):
            clear_cache(cache)
    finally:
        child.kill()
        child.wait()
    deadline = time.monotonic() + 5
    while cache_users(cache) and time.monotonic() < deadline:  # the OS lets go of a killed process's lock
        time.sleep(0.05)
    assert cache_users(cache) == [], "a killed holder's lock is a leftover, not a user"
    assert clear_cache(cache).size_bytes == 8100
