"""Peak GPU memory of this process, sampled through NVML while a benchmark runs.

NVML lists each process's used memory per device; a thread samples it and keeps the
maximum. Without NVML (no NVIDIA driver) ``start_vram_peak`` returns None.
"""

from __future__ import annotations

import os
import threading


class VramPeak:
    def __init__(self, nvml, handle, interval_s: float = 0.1) -> None:
        self.nvml, self.handle, self.interval_s = nvml, handle, interval_s
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="vram-peak", daemon=True)
        self._thread.start()

    def _used(self) -> int:
        pid = os.getpid()
        for process in self.nvml.nvmlDeviceGetComputeRunningProcesses(self.handle):
            if process.pid == pid and process.usedGpuMemory:
                return int(process.usedGpuMemory)
        return 0

    def _loop(self) -> None:
        while True:
            try:
                self.peak = max(self.peak, self._used())
            except Exception:  # a driver hiccup must not stop the benchmark
                pass
            if self._stop.wait(self.interval_s):
                return

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(timeout=2)
        try:
            self.peak = max(self.peak, self._used())
        except Exception:
            pass
        return self.peak


def start_vram_peak(index: int = 0, nvml=None) -> VramPeak | None:
    try:
        if nvml is None:
            import pynvml as nvml
        nvml.nvmlInit()
        return VramPeak(nvml, nvml.nvmlDeviceGetHandleByIndex(index))
    except Exception:
        return None
