"""What this machine has: CPU, memory, NVIDIA GPUs, Huawei Ascend NPUs and free disk.

Every probe fails soft: a missing driver or tool becomes a ``reason`` string in the
report, never an exception, because "no GPU found, and here is why" is an answer the
Hardware pane must show.
"""

from .report import HardwareReport, detect_hardware

__all__ = ["HardwareReport", "detect_hardware"]
