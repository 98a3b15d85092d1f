"""Download throughput: ``hangar-cli download`` versus huggingface_hub's ``hf_hub_download``.

Both fetch the same file from the same local Hub server (127.0.0.1), each in a fresh
process, alternating, several times; Hangar also hashes every byte (SHA-256) while
writing and verifies it, hf_hub_download does not. Prints each run, the medians and the
ratio (target: Hangar >= 1.0 x huggingface_hub), and each tool's processor time (user +
system of the child), which the other work on a shared machine disturbs less than the
wall clock.

``--baseline DIR`` also times ``hangar-cli download`` from another checkout (for example
``git archive HEAD | tar -x -C DIR``) in the same runs, so a change is compared with the
code before it under the same load rather than in a separate session.

    .venv/bin/python benchmarks/download_vs_hf.py [--mib 512] [--runs 3] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(cmd: list[str], env: dict[str, str], scratch: Path, size: int) -> tuple[float, float]:
    """Wall seconds and the child's processor seconds (user + system)."""
    os.sync()  # earlier runs' dirty pages must not be written back on this run's clock
    recycle_memory(scratch, size)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=512)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--link-mib-s", type=float, help="cap the server's rate per connection, like a real link (default: as fast as this machine goes)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose hangar-cli download is timed in the same runs")
    args = parser.parse_args()
    size = args.mib * 2**20
    from hangar.core.gguf.synth import write_synthetic

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
        names = ["hangar", "hf"] + (["baseline"] if args.baseline else [])
        rates: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        link = f", link capped at {args.link_mib_s:g} MiB/s" if args.link_mib_s else ", no link cap (CPU-bound on small machines)"
        print(f"file: {args.mib} MiB from {hub.endpoint}{link}, {args.runs} runs each")
        for run in range(args.runs):
            home, cache, old_home = Path(tmp) / f"hangar-{run}", Path(tmp) / f"hf-{run}", Path(tmp) / f"baseline-{run}"
            code = f"from huggingface_hub import hf_hub_download; hf_hub_download({REPO!r}, {FILE!r}, cache_dir={str(cache)!r})"
            cli = [sys.executable, "-m", "hangar.cli", "download", REPO, FILE]
            jobs = [("hangar", cli, {**base_env, "HANGAR_HOME": str(home)}), ("hf", [sys.executable, "-c", code], base_env)]
            if args.baseline:
                old_env = {**base_env, "HANGAR_HOME": str(old_home), "PYTHONPATH": str(args.baseline.resolve() / "desktop")}
                jobs.append(("baseline", cli, old_env))
            jobs = jobs[run % len(jobs) :] + jobs[: run % len(jobs)]  # rotate who goes first
            for name, cmd, env in jobs:
                wall, seconds = timed(cmd, env, Path(tmp), size)
                rates[name].append(size / wall / 2**20)
                cpu[name].append(seconds)
            line = "   ".join(f"{LABELS[name]} {rates[name][-1]:7.1f} MiB/s ({cpu[name][-1]:.2f} s CPU)" for name in names)
            print(f"run {run + 1}: {line}")
            assert (home / "models" / REPO / FILE).stat().st_size == size
            for folder in (home, cache, old_home):
                shutil.rmtree(folder, ignore_errors=True)
    median = {name: statistics.median(rates[name]) for name in names}
    ratio = median["hangar"] / median["hf"]
    for name in names:
        print(f"{LABELS[name]}: median {median[name]:.1f} MiB/s (range {min(rates[name]):.1f}-{max(rates[name]):.1f}), CPU {statistics.median(cpu[name]):.2f} s")
    if args.baseline:
        print(f"baseline ratio {median['baseline'] / median['hf']:.3f}")
    print(f"median: hangar {median['hangar']:.1f} MiB/s, huggingface_hub {median['hf']:.1f} MiB/s, ratio {ratio:.3f} (target >= 1.0): {'PASS' if ratio >= 1.0 else 'FAIL'}")
    return 0 if ratio >= 1.0 else 1


LABELS = {"hangar": "hangar-cli download", "hf": "hf_hub_download", "baseline": "baseline hangar-cli"}


if __name__ == "__main__":
    sys.exit(main())
