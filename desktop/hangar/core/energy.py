"""Energy counters, where the platform exposes one: NVML (NVIDIA), RAPL (Intel/AMD CPUs).

A meter returns joules since an arbitrary origin; a benchmark reads it before and after
the timed runs. Where none is readable, ``open_meter`` says why, and results say "not
measurable here" with that reason instead of a made-up number. Ascend power (npu-smi,
sampled over time) is read by the same interface once sampling lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

RAPL_ROOT = Path("/sys/class/powercap")


@dataclass
class EnergyMeter:
    source: str  # "nvml:0", "rapl:package-0,package-1"
    read_joules: Callable[[], float]


def _rapl(root: Path) -> tuple[EnergyMeter | None, str]:
    zones = sorted(p for p in root.glob("intel-rapl:[0-9]*") if ":" in p.name and p.name.count(":") == 1)
    if not zones:
        return None, f"no RAPL energy counters ({root} has no intel-rapl zones: a VM or a CPU without RAPL)"
    readable = []
    for zone in zones:
        try:
            (zone / "energy_uj").read_text()
            readable.append(zone)
        except OSError as exc:
            return None, f"RAPL counters are not readable ({zone / 'energy_uj'}: {exc.strerror}; they are often root-only)"
    ranges = {z: int((z / "max_energy_range_uj").read_text()) for z in readable}
    last: dict[Path, int] = {}
    total = [0.0]

    def read() -> float:
        # Counters wrap at max_energy_range_uj: add the distance travelled since the last read.
        for zone in readable:
            now = int((zone / "energy_uj").read_text())
            if zone in last:
                total[0] += ((now - last[zone]) % ranges[zone]) / 1e6
            last[zone] = now
        return total[0]

    read()
    names = ",".join((z / "name").read_text().strip() if (z / "name").exists() else z.name for z in readable)
    return EnergyMeter(f"rapl:{names}", read), ""


def _nvml(index: int) -> tuple[EnergyMeter | None, str]:
    try:
        import pynvml

        pynvml.nvmlInit()
        handle = pynvml.nvmlDeviceGetHandleByIndex(index)
        pynvml.nvmlDeviceGetTotalEnergyConsumption(handle)  # millijoules since the driver loaded
    except Exception as exc:  # library missing, no GPU, or a GPU without the counter (pre-Volta)
        return None, f"NVML energy counter unavailable ({exc})"
    return EnergyMeter(f"nvml:{index}", lambda: pynvml.nvmlDeviceGetTotalEnergyConsumption(handle) / 1000.0), ""


def open_meter(device_kind: str, index: int = 0, rapl_root: Path = RAPL_ROOT) -> tuple[EnergyMeter | None, str]:
    if device_kind == "gpu":
        return _nvml(index)
    if device_kind == "npu":
        return None, "Ascend power sampling (npu-smi) is not wired into benchmarks yet"
    return _rapl(rapl_root)
