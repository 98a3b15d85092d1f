"""The llama.cpp builds Hangar can run a model with: CPU, CUDA and CANN.

The CPU build is the llama-cpp-python installed with Hangar. CUDA and CANN builds are
compiled by the recipes in ``installers/backends/`` into ``<data>/runtimes/<name>/``,
with a ``manifest.json``; a worker process is pointed at one with
``LLAMA_CPP_LIB_PATH`` (llama-cpp-python loads one libllama per process). Whether a
build works is asked of the build itself, in a child process, so that a CUDA library
without a driver shows up as "unavailable, because…" and not as a crash.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from ..common.i18n import QT_TR_NOOP
from .client import engine_command

log = logging.getLogger(__name__)

KINDS = ("cpu", "cuda", "cann")
LABELS = {"cpu": "CPU", "cuda": "NVIDIA CUDA", "cann": "Huawei Ascend CANN"}
BACKEND_LIBRARY = {"cuda": "libggml-cuda.so", "cann": "libggml-cann.so"}
if sys.platform == "win32":  # llama.cpp's Windows build names its libraries without "lib" and with .dll
    BACKEND_LIBRARY = {"cuda": "ggml-cuda.dll", "cann": "ggml-cann.dll"}
DEVICE_TYPES = {"cuda": ("gpu",), "cann": ("gpu", "accel")}
# The quantisations llama.cpp's CANN backend runs (LLAMA-NOTES.md); others fall back or fail.
CANN_WEIGHT_TYPES = ("F16", "Q8_0", "Q4_0", "F32")


@dataclass
class Runtime:
    name: str
    available: bool
    reason: str = ""  # why it is unavailable: a QT_TR_NOOP message, localised by the window
    version: str | None = None
    library_path: str | None = None
    devices: list[dict] = field(default_factory=list)
    gpu_offload: bool = False
    system_info: str = ""
    install_command: str = ""

    @property
    def label(self) -> str:
        return LABELS.get(self.name, self.name)

    def env(self) -> dict[str, str]:
        """Environment for a worker process that must use this build."""
        return {"LLAMA_CPP_LIB_PATH": self.library_path} if self.name != "cpu" and self.library_path else {}

    def to_dict(self) -> dict:
        return {**asdict(self), "label": self.label}


def installed_version() -> str | None:
    try:
        return metadata.version("llama-cpp-python")
    except metadata.PackageNotFoundError:
        return None


def cpu_library_dir() -> Path | None:
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "lib"


def install_command(name: str, runtimes_dir: Path) -> str:
    if name == "cpu":
        return "pip install --force-reinstall --no-cache-dir llama-cpp-python"
    from ..config.resources import installers_dir

    script = installers_dir() / "backends" / ("build-cuda.sh" if name == "cuda" else "build-cann.sh")
    return f"bash {script} {runtimes_dir / name}"


def probe_library(library_path: Path | None, timeout_s: float = 60) -> tuple[dict | None, str]:
    """Ask a llama.cpp build about itself in a child process: (facts, error)."""
    env = None
    if library_path is not None:
        import os

        env = {**os.environ, "LLAMA_CPP_LIB_PATH": str(library_path)}
    try:
        done = subprocess.run(
            engine_command("--probe"), capture_output=True, text=True, timeout=timeout_s, env=env
        )
    except subprocess.TimeoutExpired:
        return None, QT_TR_NOOP("the build did not answer within {seconds:.0f} s", seconds=timeout_s)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return None, lines[-1] if lines else QT_TR_NOOP("probe exited with code {code}", code=done.returncode)
    try:
        return json.loads(done.stdout.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        return None, QT_TR_NOOP("the build's probe printed no answer")


def _from_probe(name: str, facts: dict, version: str | None, library_path: Path, command: str) -> Runtime:
    runtime = Runtime(
        name=name,
        available=True,
        version=version,
        library_path=str(library_path),
        devices=facts.get("devices", []),
        gpu_offload=bool(facts.get("gpu_offload")),
        system_info=facts.get("system_info", ""),
        install_command=command,
    )
    if name != "cpu":
        accelerators = [d for d in runtime.devices if d.get("type") in DEVICE_TYPES[name]]
        if not accelerators:
            runtime.available = False
            runtime.reason = QT_TR_NOOP("the {runtime} build loads but sees no device (is the driver installed and the device visible?)", runtime=LABELS[name])
    return runtime


def detect_runtime(name: str, runtimes_dir: Path) -> Runtime:
    command = install_command(name, runtimes_dir)
    version = installed_version()
    if name == "cpu":
        lib = cpu_library_dir()
        if lib is None or version is None:
            return Runtime("cpu", False, QT_TR_NOOP("llama-cpp-python is not installed"), install_command=command)
        facts, error = probe_library(None)
        if facts is None:
            return Runtime("cpu", False, QT_TR_NOOP("llama-cpp-python does not load: {problem}", problem=error), version, str(lib), install_command=command)
        return _from_probe("cpu", facts, version, Path(facts.get("library_path") or lib), command)

    folder = runtimes_dir / name
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        return Runtime(name, False, QT_TR_NOOP("not installed (no build in {folder})", folder=folder), install_command=command)
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as exc:
        return Runtime(name, False, QT_TR_NOOP("{file} is unreadable: {problem}", file=manifest_path, problem=str(exc)), install_command=command)
    library_path = folder / manifest.get("lib_dir", "lib")
    built_for = manifest.get("llama_cpp_python")
    if built_for != version:
        return Runtime(
            name, False, QT_TR_NOOP("built for llama-cpp-python {built_for}, but Hangar uses {version}: rebuild it", built_for=built_for, version=version),
            built_for, str(library_path), install_command=command,
        )  # fmt: skip
    backend = library_path / BACKEND_LIBRARY[name]
    if not backend.exists():
        missing = QT_TR_NOOP("{library} is missing from {folder}: the build is incomplete", library=backend.name, folder=library_path)
        return Runtime(name, False, missing, built_for, str(library_path), install_command=command)
    facts, error = probe_library(library_path)
    if facts is None:
        return Runtime(name, False, QT_TR_NOOP("the build does not load: {problem}", problem=error), built_for, str(library_path), install_command=command)
    return _from_probe(name, facts, built_for, library_path, command)


def detect_runtimes(runtimes_dir: Path) -> list[Runtime]:
    return [detect_runtime(name, runtimes_dir) for name in KINDS]


def best_runtime(runtimes: list[Runtime]) -> Runtime:
    """The first available of CUDA, CANN, CPU: a GPU build that works beats the CPU."""
    by_name = {r.name: r for r in runtimes}
    for name in ("cuda", "cann", "cpu"):
        if name in by_name and by_name[name].available:
            return by_name[name]
    return by_name.get("cpu", Runtime("cpu", False, QT_TR_NOOP("no runtime available")))
