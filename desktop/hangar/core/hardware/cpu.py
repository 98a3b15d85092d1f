"""The CPU: model name, physical and logical cores, and the ISA features llama.cpp uses."""

from __future__ import annotations

import platform
from pathlib import Path

import psutil

# The flags that decide which llama.cpp kernels run (x86 /proc/cpuinfo "flags", Arm "Features").
_INTERESTING = (
    "sse3", "ssse3", "avx", "avx2", "fma", "f16c", "bmi2", "avx512f", "avx512bw", "avx512vl",
    "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16",
    "neon", "asimd", "asimdhp", "asimddp", "sve", "sve2", "i8mm", "bf16",
)  # fmt: skip


def read_cpuinfo(path: Path = Path("/proc/cpuinfo")) -> tuple[str | None, list[str]]:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return None, []
    model, flags = None, set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key in ("model name", "hardware", "cpu model") and model is None:
            model = value.strip()
        elif key in ("flags", "features"):
            flags.update(value.split())
    if "pni" in flags:
        flags.add("sse3")  # Linux calls SSE3 "pni" (Prescott New Instructions)
    features = [f for f in _INTERESTING if f in flags]
    if "asimd" in flags and "neon" not in features:
        features.insert(0, "neon")  # Arm64 calls NEON "asimd"
    return model, features


def detect_cpu(cpuinfo: Path = Path("/proc/cpuinfo")) -> dict:
    model, features = read_cpuinfo(cpuinfo)
    logical = psutil.cpu_count(logical=True) or 1
    physical = psutil.cpu_count(logical=False) or logical
    return {
        "model": model or platform.processor() or platform.machine(),
        "architecture": platform.machine(),
        "cores_physical": physical,
        "cores_logical": logical,
        "features": features,
    }
