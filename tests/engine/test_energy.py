"""Energy counters: RAPL read with wrap-around, and a reason when there is none."""

from __future__ import annotations

from pathlib import Path

from hangar.engine.energy import open_meter


def test_no_counters_means_a_reason(tmp_path: Path) -> None:
    meter, reason = open_meter("cpu", rapl_root=tmp_path)
    assert meter is None and "no RAPL energy counters" in reason
    meter, reason = open_meter("npu")
    assert meter is None and "npu-smi" in reason


def test_rapl_counter_wraps_around(tmp_path: Path) -> None:
    zone = tmp_path / "intel-rapl:0"
    zone.mkdir()
    (zone / "name").write_text("package-0\n")
    (zone / "max_energy_range_uj").write_text("1000000\n")  # wraps every joule
    (zone / "energy_uj").write_text("900000\n")
    meter, reason = open_meter("cpu", rapl_root=tmp_path)
    assert reason == "" and meter.source == "rapl:package-0"
    start = meter.read_joules()
    (zone / "energy_uj").write_text("200000\n")  # passed the wrap: 0.1 J + 0.2 J
    assert meter.read_joules() - start == 0.3


def test_ascend_power_is_sampled_and_integrated() -> None:
    import time

    meter, reason = open_meter("npu", 0, npu_run=lambda cmd: "Power Dissipation(W)           : 100.0\n")
    assert reason == "" and meter.source.startswith("npu-smi:0")
    try:
        start = meter.read_joules()
        time.sleep(0.6)
        assert 100 * 0.5 <= meter.read_joules() - start <= 100 * 0.9
    finally:
        meter.read_joules.__self__.close()  # the PowerSampler's thread, which would go on polling the fake after the test


def test_npu_without_npu_smi_says_why(monkeypatch) -> None:
    monkeypatch.setattr("hangar.engine.energy.shutil.which", lambda name: None)
    meter, reason = open_meter("npu")
    assert meter is None and "npu-smi is not on PATH" in reason


def test_vram_peak_from_a_fake_nvml() -> None:
    import os
    from types import SimpleNamespace

    from hangar.engine.gpu_memory import start_vram_peak

    usage = [1 << 30]

    class FakeNVML:
        def nvmlInit(self):
            pass

        def nvmlDeviceGetHandleByIndex(self, index):
            return index

        def nvmlDeviceGetComputeRunningProcesses(self, handle):
            return [SimpleNamespace(pid=os.getpid(), usedGpuMemory=usage[0]), SimpleNamespace(pid=1, usedGpuMemory=99 << 30)]

    peak = start_vram_peak(0, FakeNVML())
    usage[0] = 3 << 30
    import time

    time.sleep(0.3)
    usage[0] = 2 << 30
    assert peak.stop() == 3 << 30
