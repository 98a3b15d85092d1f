"""The real CPU path, and the whole report on this machine."""

from __future__ import annotations

from pathlib import Path

import psutil

from hangar.core.hardware import detect_hardware
from hangar.core.hardware.cpu import read_cpuinfo


def test_real_cpu_and_memory(tmp_path: Path) -> None:
    report = detect_hardware(tmp_path / "models-not-created-yet")
    assert report.cpu["cores_logical"] == psutil.cpu_count()
    assert 1 <= report.cpu["cores_physical"] <= report.cpu["cores_logical"]
    assert report.cpu["model"]
    assert report.memory["total_bytes"] >= report.memory["available_bytes"] > 0
    assert report.disk["free_bytes"] > 0
    if not report.gpus:
        assert report.gpu_reason
    if not report.npus:
        assert report.npu_reason


def test_arm_features_are_named(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor : 0\nFeatures : fp asimd evtstrm aes sve i8mm bf16\nCPU part : 0xd40\n")
    model, features = read_cpuinfo(info)
    assert {"neon", "asimd", "sve", "i8mm", "bf16"} <= set(features)
