"""One snapshot of the machine, as the Hardware pane and ``hangar-cli hardware`` show it."""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from .ascend import detect_ascend
from .cpu import detect_cpu
from .nvidia import detect_nvidia


@dataclass
class HardwareReport:
    cpu: dict
    memory: dict
    gpus: list[dict] = field(default_factory=list)
    gpu_reason: str = ""  # why there is none: a QT_TR_NOOP message, localised by the window
    npus: list[dict] = field(default_factory=list)
    npu_reason: str = ""  # likewise
    ascend: dict = field(default_factory=dict)
    disk: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def disk_free(folder: Path) -> dict:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent  # the models folder may not exist yet: ask its nearest parent
    usage = shutil.disk_usage(probe)
    return {"path": str(folder), "free_bytes": usage.free, "total_bytes": usage.total}


def detect_hardware(models_dir: Path, *, nvml=None, nvidia_kwargs: dict | None = None, ascend_kwargs: dict | None = None) -> HardwareReport:
    memory = psutil.virtual_memory()
    gpus, gpu_reason = detect_nvidia(nvml, **(nvidia_kwargs or {}))
    npus, ascend, npu_reason = detect_ascend(**(ascend_kwargs or {}))
    return HardwareReport(
        cpu=detect_cpu(),
        memory={"total_bytes": memory.total, "available_bytes": memory.available},
        gpus=gpus,
        gpu_reason=gpu_reason,
        npus=npus,
        npu_reason=npu_reason,
        ascend=ascend,
        disk=disk_free(models_dir),
    )
