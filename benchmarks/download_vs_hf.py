"""Download throughput: ``hangar-cli download`` versus huggingface_hub's ``hf_hub_download``.

Both fetch the same file from the same local Hub server (127.0.0.1), each in a fresh
process, alternating, several times; Hangar also hashes every byte (SHA-256) while
writing and verifies it, hf_hub_download does not. Prints each run, the medians and the
ratio (target: Hangar >= 1.0 x huggingface_hub).

    .venv/bin/python benchmarks/download_vs_hf.py [--mib 512] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.hub_repos import HubRepo  # noqa: E402
from tests.fixtures.hub_server import HubServer  # noqa: E402

REPO, FILE = "bench/big-GGUF", "big-Q8_0.gguf"


def recycle_memory(folder: Path, size: int) -> None:
    """Give the next run memory the kernel has just used, as every run had.

    On a virtual machine, page-cache pages the guest has not touched lately cost a host
    fault each: writing 512 MiB took 1.3 s of system time on fresh pages and 0.16 s on
    pages freed a moment before (measured here). Without this, whichever tool happened to
    get fresh pages lost by up to 2x, whatever its code did.
    """
    block = b"\0" * (16 * 2**20)
    path = folder / "recycle.bin"
    with open(path, "wb") as handle:
        for _ in range(-(-size // len(block)) + 4):
            handle.write(block)
    path.unlink()


def timed(cmd: list[str], env: dict[str, str], scratch: Path, size: int) -> float:
    os.sync()  # earlier runs' dirty pages must not be written back on this run's clock
    recycle_memory(scratch, size)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=512)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--link-mib-s", type=float, help="cap the server's rate per connection, like a real link (default: as fast as this machine goes)")
    args = parser.parse_args()
    size = args.mib * 2**20
    from hangar.core.synth import write_synthetic

    model = write_synthetic(Path(tempfile.mkdtemp()) / "tiny.gguf", "tiny").read_bytes()
    data = model + os.urandom(size - len(model))  # a loadable header, then bulk to move
    with HubServer() as hub, tempfile.TemporaryDirectory() as tmp:
        repo = HubRepo(REPO)
        repo.add_file(FILE, data)
        repo.files[FILE].sha256  # the test server hashes once, before the clock starts
        hub.add_repo(repo)
        if args.link_mib_s:
            hub.set_faults(bytes_per_second=args.link_mib_s * 2**20)
        base_env = {**os.environ, "HF_ENDPOINT": hub.endpoint, "HF_HUB_DISABLE_TELEMETRY": "1", "HF_HUB_DISABLE_XET": "1"}
        hangar, hf = [], []
        link = f", link capped at {args.link_mib_s:g} MiB/s" if args.link_mib_s else ", no link cap (CPU-bound on small machines)"
        print(f"file: {args.mib} MiB from {hub.endpoint}{link}, {args.runs} runs each")
        for run in range(args.runs):
            home, cache = Path(tmp) / f"hangar-{run}", Path(tmp) / f"hf-{run}"
            code = f"from huggingface_hub import hf_hub_download; hf_hub_download({REPO!r}, {FILE!r}, cache_dir={str(cache)!r})"
            jobs = [
                ("hangar", [sys.executable, "-m", "hangar.cli", "download", REPO, FILE], {**base_env, "HANGAR_HOME": str(home)}),
                ("hf", [sys.executable, "-c", code], base_env),
            ]
            if run % 2:
                jobs.reverse()  # alternate who goes first
            for name, cmd, env in jobs:
                rate = size / timed(cmd, env, Path(tmp), size) / 2**20
                (hangar if name == "hangar" else hf).append(rate)
            print(f"run {run + 1}: hangar-cli download {hangar[-1]:7.1f} MiB/s   hf_hub_download {hf[-1]:7.1f} MiB/s")
            assert (home / "models" / REPO / FILE).stat().st_size == size
            shutil.rmtree(home)
            shutil.rmtree(cache)
    h, f = statistics.median(hangar), statistics.median(hf)
    ratio = h / f
    print(f"median: hangar {h:.1f} MiB/s, huggingface_hub {f:.1f} MiB/s, ratio {ratio:.3f} (target >= 1.0): {'PASS' if ratio >= 1.0 else 'FAIL'}")
    return 0 if ratio >= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
