"""Huawei Ascend NPUs: npu-smi's table, the /dev/davinci nodes and the CANN toolkit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Callable

from ..common.i18n import QT_TR_NOOP

Runner = Callable[[list[str]], str]
_PAIR = re.compile(r"(\d+)\s*/\s*(\d+)")
_FIRST_ROW = re.compile(r"^\|\s*(\d+)\s+(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)")


def _run(cmd: list[str]) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=20, check=True).stdout


def parse_npu_smi(text: str) -> list[dict]:
    """Parse ``npu-smi info``: two table rows per chip (910B and 310P layouts)."""
    npus: list[dict] = []
    lines = [line for line in text.splitlines() if line.startswith("|")]
    index = 0
    while index < len(lines) - 1:
        first = _FIRST_ROW.match(lines[index])
        if not first or "Name" in lines[index] or "Process" in lines[index]:
            index += 1
            continue
        second = lines[index + 1]
        pairs = _PAIR.findall(second)
        used_mb, total_mb = (int(pairs[-1][0]), int(pairs[-1][1])) if pairs else (0, 0)
        power = first.group(4)
        cells = second.split("|")
        npus.append(
            {
                "index": int(first.group(1)),
                "name": f"Ascend {first.group(2)}",
                "health": first.group(3),
                "memory_total_bytes": total_mb * 1024 * 1024,
                "memory_free_bytes": max(0, total_mb - used_mb) * 1024 * 1024,
                "power_w": float(power) if re.fullmatch(r"[\d.]+", power) else None,
                "bus_id": cells[2].strip() if len(cells) > 2 else None,
            }
        )
        index += 2
    return npus


def cann_version(environ: dict[str, str], root: Path = Path("/")) -> str | None:
    homes = [environ.get("ASCEND_TOOLKIT_HOME", ""), str(root / "usr/local/Ascend/ascend-toolkit/latest")]
    for home in filter(None, homes):
        for name in ("version.cfg", "ascend_toolkit_install.info", "compiler/version.info"):
            path = Path(home) / name
            try:
                text = path.read_text(errors="replace")
            except OSError:
                continue
            match = re.search(r"(?:toolkit_installed_version=\[[^:]*:|version=|Version=)\s*([\w.\-]+)", text)
            if match:
                return match.group(1)
    return None


def driver_version(root: Path = Path("/")) -> str | None:
    try:
        text = (root / "usr/local/Ascend/driver/version.info").read_text(errors="replace")
    except OSError:
        return None
    match = re.search(r"Version=([\w.\-]+)", text)
    return match.group(1) if match else None


def detect_ascend(
    run: Runner = _run,
    which: Callable[[str], str | None] = shutil.which,
    environ: dict[str, str] | None = None,
    root: Path = Path("/"),
) -> tuple[list[dict], dict, str]:
    """(NPUs, toolkit facts, reason when there are none)."""
    env = dict(os.environ) if environ is None else environ
    nodes = sorted(str(p) for p in (root / "dev").glob("davinci[0-9]*")) if (root / "dev").is_dir() else []
    toolkit = {
        "cann_version": cann_version(env, root),
        "driver_version": driver_version(root),
        "toolkit_home": env.get("ASCEND_TOOLKIT_HOME") or None,
        "device_nodes": nodes,
    }
    if which("npu-smi") is None:
        if nodes:
            return [], toolkit, QT_TR_NOOP("npu-smi not on PATH")
        return [], toolkit, QT_TR_NOOP("npu-smi not on PATH and no /dev/davinci devices: no Ascend driver installed")
    try:
        npus = parse_npu_smi(run(["npu-smi", "info"]))
    except (subprocess.SubprocessError, OSError) as exc:
        return [], toolkit, QT_TR_NOOP("npu-smi failed: {problem}", problem=str(exc))
    for npu in npus:
        npu["cann_version"] = toolkit["cann_version"]
        npu["driver"] = toolkit["driver_version"]
    return npus, toolkit, "" if npus else QT_TR_NOOP("npu-smi lists no NPU")
