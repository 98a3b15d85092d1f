"""NVIDIA detection through a fake NVML and a fake nvidia-smi, and the honest 'none'."""

from __future__ import annotations

from types import SimpleNamespace

from hangar.core.common.i18n import Text
from hangar.core.common.units import GIB
from hangar.core.hardware.nvidia import detect_nvidia


class FakeNVML:
    """The slice of pynvml Hangar calls, answering like one H200 and one RTX 4090."""

    class NVMLError(Exception):
        pass

    def __init__(self, fail_init: str | None = None) -> None:
        self.fail_init = fail_init
        self.shut = False
        self.gpus = [("NVIDIA H200", 141 * GIB, 139 * GIB, (9, 0)), ("NVIDIA GeForce RTX 4090", 24 * GIB, 20 * GIB, (8, 9))]

    def nvmlInit(self):
        if self.fail_init:
            raise self.NVMLError(self.fail_init)

    def nvmlShutdown(self):
        self.shut = True

    def nvmlSystemGetDriverVersion(self):
        return b"580.159.03"

    def nvmlDeviceGetCount(self):
        return len(self.gpus)

    def nvmlDeviceGetHandleByIndex(self, index):
        return index

    def nvmlDeviceGetName(self, handle):
        return self.gpus[handle][0]

    def nvmlDeviceGetMemoryInfo(self, handle):
        return SimpleNamespace(total=self.gpus[handle][1], free=self.gpus[handle][2], used=0)

    def nvmlDeviceGetCudaComputeCapability(self, handle):
        return self.gpus[handle][3]

    def nvmlDeviceGetPowerManagementLimit(self, handle):
        return 700_000


def test_nvml_lists_every_gpu_with_memory_driver_and_capability() -> None:
    nvml = FakeNVML()
    gpus, reason = detect_nvidia(nvml)
    assert reason == ""
    assert [g["name"] for g in gpus] == ["NVIDIA H200", "NVIDIA GeForce RTX 4090"]
    assert gpus[0]["memory_total_bytes"] == 141 * GIB and gpus[0]["memory_free_bytes"] == 139 * GIB
    assert gpus[0]["driver"] == "580.159.03" and gpus[0]["compute_capability"] == "9.0"
    assert gpus[0]["power_limit_w"] == 700.0
    assert nvml.shut


SMI_OUTPUT = "0, NVIDIA A100-SXM4-80GB, 81920, 80000, 550.54.15, 8.0\n1, NVIDIA A100-SXM4-80GB, 81920, 1024, 550.54.15, 8.0\n"


def test_nvidia_smi_is_used_when_nvml_cannot_load() -> None:
    calls = []

    def run(cmd):
        calls.append(cmd)
        return SMI_OUTPUT

    gpus, reason = detect_nvidia(FakeNVML(fail_init="NVML Shared Library Not Found"), run=run, which=lambda name: "/usr/bin/nvidia-smi")
    assert calls and calls[0][0] == "nvidia-smi"
    assert len(gpus) == 2 and gpus[1]["memory_free_bytes"] == 1024 * 1024 * 1024
    assert gpus[0]["source"] == "nvidia-smi" and gpus[0]["compute_capability"] == "8.0"


def test_no_driver_gives_a_reason_not_an_exception() -> None:
    gpus, reason = detect_nvidia(FakeNVML(fail_init="NVML Shared Library Not Found"), which=lambda name: None)
    assert gpus == []
    assert "NVML not available" in reason and "nvidia-smi not on PATH" in reason
    # a message the window translates: its template and the NVML part as a field of its own
    assert isinstance(reason, Text) and reason.template == "{nvml}; nvidia-smi not on PATH: no NVIDIA driver installed"
    assert reason.fields["nvml"].fields == {"problem": "NVML Shared Library Not Found"}
