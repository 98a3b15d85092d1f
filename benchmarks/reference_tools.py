"""llama.cpp's own measuring tools (llama-bench, llama-batched-bench, llama-perplexity) for the benchmark scripts.

They are built once, from the llama.cpp source of the installed llama-cpp-python, into the user's
cache by installers/backends/build-runtime.sh (the same folder every script here reads).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def reference_tool(name: str, explicit: str | None = None) -> Path:
    """The path of ``name`` (``explicit`` when given), built into the cache first if it is not there yet."""
    if explicit:
        return Path(explicit)
    sys.path.insert(0, str(ROOT / "desktop"))
    from hangar.core.config.paths import app_paths

    target = app_paths().cache / "llama-bench-reference"
    binary = target / "lib" / name
    if not binary.exists():
        print(f"building {name} from the llama-cpp-python source into {target} (once; minutes)...", flush=True)
        subprocess.run(["bash", str(ROOT / "installers" / "backends" / "build-runtime.sh"), "cpu-reference", str(target)], check=True,
                       env={**os.environ, "HANGAR_PYTHON": sys.executable})  # fmt: skip
    if not binary.exists():
        raise SystemExit(f"{binary} was not built: build-runtime.sh must build {name} (or give its path)")
    return binary
