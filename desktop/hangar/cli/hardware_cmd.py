"""hangar-cli hardware: CPU, memory, GPUs, NPUs and the llama.cpp runtimes that can use them."""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.common.units import GIB
from ..core.hardware import detect_hardware
from ..core.runner.runtimes import detect_runtimes
from .framework import Result

NAME = "hardware"
HELP = "show this machine's CPU, memory, GPUs, NPUs and llama.cpp runtimes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace, app: Hangar) -> Result:
    ctx = app.ctx
    report = detect_hardware(ctx.models_dir)
    runtimes = detect_runtimes(ctx.paths.runtimes_dir)
    data = {**report.to_dict(), "runtimes": [r.to_dict() for r in runtimes]}
    cpu, mem = report.cpu, report.memory
    lines = [
        f"CPU      {cpu['model']} ({cpu['cores_physical']} physical / {cpu['cores_logical']} logical cores)",
        f"         features: {', '.join(cpu['features']) or 'none detected'}",
        f"Memory   {mem['available_bytes'] / GIB:.1f} GiB available of {mem['total_bytes'] / GIB:.1f} GiB",
    ]
    for gpu in report.gpus:
        lines.append(f"GPU {gpu['index']}    {gpu['name']}: {gpu['memory_free_bytes'] / GIB:.1f} GiB free of {gpu['memory_total_bytes'] / GIB:.1f} GiB, driver {gpu['driver']}")
    if not report.gpus:
        lines.append(f"GPU      none ({report.gpu_reason})")
    for npu in report.npus:
        lines.append(f"NPU {npu['index']}    {npu['name']}: {npu['memory_free_bytes'] / GIB:.1f} GiB free of {npu['memory_total_bytes'] / GIB:.1f} GiB, CANN {npu.get('cann_version') or '?'}")
    if not report.npus:
        lines.append(f"NPU      none ({report.npu_reason})")
    lines.append(f"Disk     {report.disk['free_bytes'] / GIB:.1f} GiB free for models in {report.disk['path']}")
    lines.append("Runtimes")
    for runtime in runtimes:
        state = f"available, llama-cpp-python {runtime.version}" if runtime.available else f"unavailable: {runtime.reason}"
        lines.append(f"  {runtime.name:<5} {state}")
        if not runtime.available:
            lines.append(f"        add it with: {runtime.install_command}")
    return Result(data, "\n".join(lines))
