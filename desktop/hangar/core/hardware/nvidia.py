"""NVIDIA GPUs, through NVML (nvidia-ml-py), or nvidia-smi when NVML cannot be loaded."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any, Callable

from ..common.i18n import QT_TR_NOOP

Runner = Callable[[list[str]], str]


def _run(cmd: list[str]) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=15, check=True).stdout


def _text(value: Any) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def from_nvml(nvml: Any) -> list[dict]:
    nvml.nvmlInit()
    try:
        driver = _text(nvml.nvmlSystemGetDriverVersion())
        gpus = []
        for index in range(nvml.nvmlDeviceGetCount()):
            handle = nvml.nvmlDeviceGetHandleByIndex(index)
            memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            try:
                major, minor = nvml.nvmlDeviceGetCudaComputeCapability(handle)
                capability = f"{major}.{minor}"
            except nvml.NVMLError:
                capability = None
            try:
                power_limit_w = nvml.nvmlDeviceGetPowerManagementLimit(handle) / 1000
            except nvml.NVMLError:
                power_limit_w = None
            gpus.append(
                {
                    "index": index,
                    "name": _text(nvml.nvmlDeviceGetName(handle)),
                    "memory_total_bytes": int(memory.total),
                    "memory_free_bytes": int(memory.free),
                    "driver": driver,
                    "compute_capability": capability,
                    "power_limit_w": power_limit_w,
                    "source": "nvml",
                }
            )
        return gpus
    finally:
        nvml.nvmlShutdown()


def from_smi(run: Runner) -> list[dict]:
    fields = "index,name,memory.total,memory.free,driver_version,compute_cap"
    out = run(["nvidia-smi", f"--query-gpu={fields}", "--format=csv,noheader,nounits"])
    gpus = []
    for line in out.strip().splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) < 6:
            continue
        gpus.append(
            {
                "index": int(parts[0]),
                "name": parts[1],
                "memory_total_bytes": int(float(parts[2]) * 1024 * 1024),
                "memory_free_bytes": int(float(parts[3]) * 1024 * 1024),
                "driver": parts[4],
                "compute_capability": parts[5] if parts[5] not in ("[N/A]", "N/A") else None,
                "power_limit_w": None,
                "source": "nvidia-smi",
            }
        )
    return gpus


def detect_nvidia(nvml: Any = None, run: Runner = _run, which: Callable[[str], str | None] = shutil.which) -> tuple[list[dict], str]:
    """The GPUs and, when there are none, why."""
    nvml_problem = ""
    if nvml is None:
        try:
            import pynvml as nvml  # provided by nvidia-ml-py
        except ImportError:
            nvml_problem = QT_TR_NOOP("nvidia-ml-py is not installed")
    if nvml is not None:
        try:
            gpus = from_nvml(nvml)
            return gpus, "" if gpus else QT_TR_NOOP("NVML found no NVIDIA GPU")
        except Exception as exc:  # NVMLError_LibraryNotFound, DriverNotLoaded, ...
            nvml_problem = QT_TR_NOOP("NVML not available ({problem})", problem=_text(exc) or type(exc).__name__)
    if which("nvidia-smi") is None:
        return [], QT_TR_NOOP("{nvml}; nvidia-smi not on PATH: no NVIDIA driver installed", nvml=nvml_problem)
    try:
        gpus = from_smi(run)
    except (subprocess.SubprocessError, OSError, ValueError) as exc:
        return [], QT_TR_NOOP("{nvml}; nvidia-smi failed: {problem}", nvml=nvml_problem, problem=str(exc))
    return gpus, "" if gpus else QT_TR_NOOP("nvidia-smi lists no GPU")
