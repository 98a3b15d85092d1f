"""Fit verdicts for a repository's quants on this machine's devices, and a recommendation.

All quants of one model share its dimensions, so one GGUF header (read by Range from
the smallest file) gives the placement plan's layers, experts, KV cache and compute sizes
(core/runner/plan.py); each quant's file size scales its weights. When the header cannot be
read, the verdict falls back to the file size alone and says so. On an Ascend NPU a quant
counts only when the NPU runs its type (F16, BF16, Q8_0, Q4_0 on a 910B; F16 on a 310P).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP, joined
from ..common.units import GIB
from ..gguf.header import GGUFHeader, file_type_name
from ..hardware import HardwareReport
from ..runner.fit import OVERHEAD_BYTES, FitVerdict, verdict_for, verdict_words
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


def _planned(choice: GGUFChoice, header: GGUFHeader, device: Device, cpu: Device | None, n_ctx: int) -> dict:
    """The placement plan for one quant on one column: a GPU or NPU column plans with the RAM beside it
    (experts or layers may go there), the CPU column with the RAM alone."""
    from ..runner.plan import Device as PlanDevice
    from ..runner.plan import plan_for_header

    devices = [PlanDevice(device.label, device.free_bytes, device.kind)]
    if device.kind != "cpu" and cpu is not None:
        devices.append(PlanDevice(cpu.label, cpu.free_bytes, "cpu"))
    plan = plan_for_header(header, devices, n_ctx=n_ctx, weights_bytes=choice.size_bytes)
    here = plan.ram_bytes if device.kind == "cpu" else plan.vram_bytes
    needed = plan.needed_bytes if plan.verdict == FitVerdict.DOES_NOT_FIT else here
    return {"verdict": plan.verdict, "needed_bytes": needed, "available_bytes": device.free_bytes, "explain": joined([plan.words(), plan.breakdown()], "; "),
            "words": plan.words(), "mode": plan.mode, "plan": plan.to_dict()}  # fmt: skip


def _npu_share(choice: GGUFChoice, header: GGUFHeader | None, runs: tuple[str, ...]) -> float:
    """Of the weight bytes, the share in types the NPU does not run: from the header's tensor types when it
    is this quant's, otherwise every quantised tensor taken to be of the quant's type."""
    if header is not None and file_type_name(header) == choice.quant:
        total = header.weights_bytes or 1
        return sum(t.n_bytes for t in header.tensors if t.type_name not in runs) / total
    if choice.quant in runs:
        return 0.0
    if header is None or not header.weights_bytes:
        return 1.0
    return sum(t.n_bytes for t in header.tensors if t.type_name != "F32") / header.weights_bytes


def assess(choices: list[GGUFChoice], header: GGUFHeader | None, devices: list[Device], n_ctx: int = DEFAULT_CTX) -> None:
    """Each quant's fit on each device: the placement plan in words (core/runner/plan.py), or the file size alone."""
    from ..runner.plan import npu_weight_types

    cpu = next((d for d in devices if d.kind == "cpu"), None)
    for choice in choices:
        choice.fit = {}
        for device in devices:
            entry = _size_only(choice, device) if header is None else _planned(choice, header, device, cpu, n_ctx)
            runs = npu_weight_types(device.label) if device.kind == "npu" else ()
            if device.kind == "npu" and choice.quant not in runs:
                entry["warning"] = QT_TR_NOOP(
                    "{quant} is not one of the types this Ascend NPU runs ({types}): about {share:.0%} of the weights would run on the CPU",
                    quant=choice.quant or choice.name, types=", ".join(t for t in runs if t != "F32"), share=_npu_share(choice, header, runs),
                )  # fmt: skip
            choice.fit[device.label] = entry


def recommend(choices: list[GGUFChoice], devices: list[Device], n_ctx: int = DEFAULT_CTX) -> tuple[GGUFChoice | None, str]:
    """The best-quality quant that fits comfortably, on the best device it fits on, at the
    context ``assess`` judged the fit with (the sentence names it). On a GPU or NPU a quant that is
    there whole comes first; failing that, the one that keeps the fewest layers' experts in RAM
    (a mixture of experts); never one with whole layers in RAM, which run at the CPU's pace."""
    for device in devices:
        fitting = [c for c in choices if c.fit.get(device.label, {}).get("verdict") == FitVerdict.FITS and "warning" not in c.fit[device.label]]
        mode = lambda c: c.fit[device.label].get("mode", "gpu")  # noqa: E731 - the plan's, or "gpu" for a size-only verdict
        whole = [c for c in fitting if device.kind == "cpu" or mode(c) == "gpu"]
        offloaded = [c for c in fitting if device.kind != "cpu" and mode(c) == "moe"]
        if whole or offloaded:
            if whole:
                best = min(whole, key=lambda c: (quality_rank(c.quant), -c.size_bytes))
            else:
                best = min(offloaded, key=lambda c: (c.fit[device.label]["plan"]["n_cpu_moe"], quality_rank(c.quant)))
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
