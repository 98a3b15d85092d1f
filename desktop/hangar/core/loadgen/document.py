"""The run document: one versioned JSON shape for a serving benchmark, written here, read by the fleet
comparison (core/fleet) on this machine or any other. docs/run-schema.md describes every field;
a change to the shape is a new ``schema`` version, never a silent edit.
"""

from __future__ import annotations

import platform
import socket
from datetime import datetime, timezone

import psutil

from ... import __version__
from .metrics import Slo
from .sweep import LevelResult, LoadShape
from .workload import WorkloadSpec

SCHEMA = "hangar.run/1"
KIND = "bench-serve"
TARGET_KINDS = ("hangar", "endpoint")


def machine_facts(label: str | None = None) -> dict:
    """This machine, as the fleet comparison shows it: a label (the user's, else the hostname), CPU, RAM,
    GPUs and NPUs with their memory."""
    from ..hardware.ascend import detect_ascend
    from ..hardware.cpu import detect_cpu
    from ..hardware.nvidia import detect_nvidia

    hostname = socket.gethostname()
    try:
        gpus, _reason = detect_nvidia()
    except Exception:  # noqa: BLE001 - a broken driver must not stop a run that measured an endpoint
        gpus = []
    try:
        npus, _ascend, _reason = detect_ascend()
    except Exception:  # noqa: BLE001
        npus = []
    return {
        "label": (label or "").strip() or hostname,
        "hostname": hostname,
        "os": f"{platform.system()} {platform.release()}".strip(),
        "cpu": detect_cpu().get("model") or platform.machine(),
        "ram_bytes": int(psutil.virtual_memory().total),
        "gpus": [{"name": g.get("name"), "memory_bytes": g.get("memory_total_bytes")} for g in gpus],
        "npus": [{"name": n.get("name"), "memory_bytes": n.get("memory_total_bytes")} for n in npus],
    }


def workload_facts(spec: WorkloadSpec, shape: LoadShape, slo: Slo, dataset_sha256: str | None, prompt_tokens: int | None) -> dict:
    return {"prompt_tokens": prompt_tokens, "output_tokens": spec.output_tokens, "requests": spec.requests, "rate": shape.rate,
            "burstiness": shape.burstiness, "dataset": spec.dataset, "dataset_sha256": dataset_sha256, "seed": spec.seed,
            "endpoint": spec.endpoint, "slo": slo.to_dict()}  # fmt: skip


def run_document(*, machine: dict, target: dict, workload: dict, levels: list[LevelResult], slo: Slo, created_at: datetime | None = None) -> dict:
    when = (created_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {
        "schema": SCHEMA,
        "kind": KIND,
        "created_at": when.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "hangar_version": __version__,
        "machine": machine,
        "target": target,
        "workload": workload,
        "levels": [level.to_dict(slo) for level in levels],
    }
