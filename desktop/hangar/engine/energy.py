"""Energy counters, where the platform exposes one: NVML (NVIDIA), RAPL (CPUs), npu-smi (Ascend).

A meter returns joules since an arbitrary origin; a benchmark reads it before and after
the timed runs. Where none is readable, ``open_meter`` says why, and results say "not
measurable here" with that reason instead of a made-up number. Ascend NPUs report power,
not energy: npu-smi is sampled on a thread and integrated. Reasons are messages
(``QT_TR_NOOP``) so that the window shows them in its language.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..core.runner.protocol import QT_TR_NOOP

RAPL_ROOT = Path("/sys/class/powercap")


@dataclass
class EnergyMeter:
    source: str  # "nvml:0", "rapl:package-0,package-1"
    read_joules: Callable[[], float]


def _rapl(root: Path) -> tuple[EnergyMeter | None, str]:
    zones = sorted(p for p in root.glob("intel-rapl:[0-9]*") if ":" in p.name and p.name.count(":") == 1)
    if not zones:
        return None, QT_TR_NOOP("no RAPL energy counters ({folder} has no intel-rapl zones: a VM or a CPU without RAPL)", folder=root)
    readable = []
    for zone in zones:
        try:
            (zone / "energy_uj").read_text()
            readable.append(zone)
        except OSError as exc:
            return None, QT_TR_NOOP("RAPL counters are not readable ({file}: {error}; they are often root-only)", file=zone / "energy_uj", error=exc.strerror)
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
        return None, QT_TR_NOOP("NVML energy counter unavailable ({error})", error=exc)
    return EnergyMeter(f"nvml:{index}", lambda: pynvml.nvmlDeviceGetTotalEnergyConsumption(handle) / 1000.0), ""


class PowerSampler:
    """Energy from a power reading sampled on a thread (Ascend: npu-smi reports watts only).

    Joules are the trapezoid integral of the samples; ``read_joules`` includes the interval
    up to now, so before/after differences work as with a counter.
    """

    def __init__(self, read_watts: Callable[[], float], interval_s: float = 0.25) -> None:
        self.read_watts, self.interval_s = read_watts, interval_s
        self._joules = 0.0
        self._last = (time.monotonic(), read_watts())
        self._lock = threading.Lock()
        self._stop = threading.Event()
        threading.Thread(target=self._loop, name="power-sampler", daemon=True).start()

    def _sample(self) -> float:
        now, watts = time.monotonic(), self.read_watts()
        with self._lock:
            then, before = self._last
            self._joules += (now - then) * (watts + before) / 2
            self._last = (now, watts)
            return self._joules

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self._sample()
            except (OSError, ValueError, subprocess.SubprocessError):
                continue

    def read_joules(self) -> float:
        return self._sample()

    def close(self) -> None:
        self._stop.set()


def npu_power_reader(index: int, run: Callable[[list[str]], str] | None = None) -> Callable[[], float]:
    """Watts from ``npu-smi info -t power -i N`` ("Power Dissipation(W) : 93.6")."""
    runner = run or (lambda cmd: subprocess.run(cmd, capture_output=True, text=True, timeout=5, check=True).stdout)

    def read() -> float:
        match = re.search(r"Power[^:]*:\s*([\d.]+)", runner(["npu-smi", "info", "-t", "power", "-i", str(index)]))
        if not match:
            raise ValueError("npu-smi printed no power reading")
        return float(match.group(1))

    return read


def _npu(index: int, run=None) -> tuple[EnergyMeter | None, str]:
    if run is None and shutil.which("npu-smi") is None:
        return None, QT_TR_NOOP("npu-smi is not on PATH, so Ascend power cannot be sampled")
    reader = npu_power_reader(index, run)
    try:
        reader()
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        return None, QT_TR_NOOP("npu-smi gave no power reading ({error})", error=exc)
    sampler = PowerSampler(reader)
    return EnergyMeter(f"npu-smi:{index} (sampled every {sampler.interval_s} s)", sampler.read_joules), ""


def open_meter(device_kind: str, index: int = 0, rapl_root: Path = RAPL_ROOT, npu_run=None) -> tuple[EnergyMeter | None, str]:
    if device_kind == "gpu":
        return _nvml(index)
    if device_kind == "npu":
        return _npu(index, npu_run)
    return _rapl(rapl_root)
