"""Fit verdicts for a repository's quants on this machine's devices, and a recommendation.

All quants of one model share its dimensions, so one GGUF header (read by Range from
the smallest file) gives the KV cache and compute sizes; each quant's file size gives
its weights. When the header cannot be read, the verdict falls back to the file size
alone and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from ..common.units import GIB
from ..gguf.header import GGUFHeader
from ..hardware import HardwareReport
from ..runner.fit import OVERHEAD_BYTES, FitVerdict, estimate_fit, verdict_for, verdict_words
from ..runner.runtimes import CANN_WEIGHT_TYPES
from .quants import GGUFChoice, quality_rank

DEFAULT_CTX = 4096


@dataclass(frozen=True)
class Device:
    label: str
    kind: str  # cpu / gpu / npu
    free_bytes: int


def devices_from(report: HardwareReport) -> list[Device]:
    """Accelerators first (that is where a model should go), then system memory."""
    devices = [Device(f"{g['name']} (GPU {g['index']})", "gpu", g["memory_free_bytes"]) for g in report.gpus]
    devices += [Device(f"{n['name']} (NPU {n['index']})", "npu", n["memory_free_bytes"]) for n in report.npus]
    devices.append(Device(QT_TR_NOOP("CPU memory"), "cpu", report.memory["available_bytes"]))
    return devices


def _size_only(choice: GGUFChoice, device: Device) -> dict:
    needed = choice.size_bytes + OVERHEAD_BYTES["cpu" if device.kind == "cpu" else "gpu"]
    verdict = verdict_for(needed, device.free_bytes)
    return {
        "verdict": verdict,
        "needed_bytes": needed,
        "available_bytes": device.free_bytes,
        "explain": QT_TR_NOOP(
            "{verdict} on {device} by file size alone ({needed:.2f} GiB of {free:.2f} GiB free); the context's memory is not counted because the header could not be read",
            verdict=verdict_words(verdict),
            device=device.label, needed=needed / GIB, free=device.free_bytes / GIB,
        ),
    }


def assess(choices: list[GGUFChoice], header: GGUFHeader | None, devices: list[Device], n_ctx: int = DEFAULT_CTX) -> None:
    for choice in choices:
        choice.fit = {}
        for device in devices:
            if header is None:
                entry = _size_only(choice, device)
            else:
                estimate = estimate_fit(
                    header, n_ctx=n_ctx, available_bytes=device.free_bytes, device=device.label,
                    device_kind="cpu" if device.kind == "cpu" else "gpu", weights_bytes=choice.size_bytes,
                )  # fmt: skip
                entry = {"verdict": estimate.verdict, "needed_bytes": estimate.needed_bytes, "available_bytes": device.free_bytes, "explain": estimate.explain()}
            if device.kind == "npu" and choice.quant not in CANN_WEIGHT_TYPES:
                entry["warning"] = QT_TR_NOOP("{quant} is not one of the types Ascend CANN runs (F16, Q8_0, Q4_0)", quant=choice.quant or choice.name)
            choice.fit[device.label] = entry


def recommend(choices: list[GGUFChoice], devices: list[Device], n_ctx: int = DEFAULT_CTX) -> tuple[GGUFChoice | None, str]:
    """The best-quality quant that fits comfortably, on the best device it fits on, at the
    context ``assess`` judged the fit with (the sentence names it)."""
    for device in devices:
        candidates = [c for c in choices if c.fit.get(device.label, {}).get("verdict") == FitVerdict.FITS and "warning" not in c.fit[device.label]]
        if candidates:
            best = min(candidates, key=lambda c: (quality_rank(c.quant), -c.size_bytes))
            better = [c for c in choices if quality_rank(c.quant) < quality_rank(best.quant)]
            fields = {"quant": best.quant or best.name, "device": device.label, "n_ctx": n_ctx,
                      "needed": best.fit[device.label]["needed_bytes"] / GIB, "free": device.free_bytes / GIB}  # fmt: skip
            if not better:
                return best, QT_TR_NOOP("{quant} is the best quality that fits on {device} with a {n_ctx:,}-token context ({needed:.1f} GiB of {free:.1f} GiB free).", **fields)
            next_up = min(better, key=lambda c: abs(c.size_bytes - best.size_bytes))
            return best, QT_TR_NOOP(
                "{quant} is the best quality that fits on {device} with a {n_ctx:,}-token context ({needed:.1f} GiB of {free:.1f} GiB free); "
                "{next_quant} would need {next_needed:.1f} GiB.",
                next_quant=next_up.quant or next_up.name, next_needed=next_up.fit[device.label]["needed_bytes"] / GIB, **fields,
            )  # fmt: skip
    if not choices:
        return None, QT_TR_NOOP("This repository has no GGUF files.")
    smallest = min(choices, key=lambda c: c.size_bytes)
    return None, QT_TR_NOOP(
        "No quant fits comfortably on this machine; the smallest, {quant}, needs {needed:.1f} GiB.",
        quant=smallest.quant or smallest.name, needed=next(iter(smallest.fit.values()))["needed_bytes"] / GIB,
    )


def header_for(details, token: str | None, base: str | None) -> tuple[GGUFHeader | None, str]:
    """The header of the repo's smallest GGUF file, or None and why."""
    from .remote import read_remote_header

    if not details.files:
        return None, QT_TR_NOOP("no GGUF files")
    smallest = min(details.files, key=lambda c: c.size_bytes)
    try:
        return read_remote_header(details.id, details.sha, smallest.files[0], token, base), ""
    except HangarError as exc:
        return None, exc.message
