"""Will this model fit? Weights + KV cache + compute buffer against a device's free memory.

The KV cache follows llama.cpp: n_layer x n_ctx x n_head_kv x (key_length + value_length)
x bytes per element (2 for the default f16 cache). The compute buffer is an estimate of
llama.cpp's scratch memory for one micro-batch: the logits, plus the attention scores
when flash attention is off. Peers get this wrong by 2x in both directions (ANCHORS.md);
tests check the KV part against what llama.cpp itself allocates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

from ..common.i18n import QT_TR_NOOP
from ..common.units import GIB, MIB
from ..gguf.header import GGUFHeader, file_type_name

KV_BYTES = {"f32": 4, "f16": 2, "bf16": 2, "q8_0": 34 / 32, "q4_0": 18 / 32}
OVERHEAD_BYTES = {"cpu": 150 * MIB, "gpu": 400 * MIB}  # runtime context, CUDA/CANN handles
TIGHT_MARGIN = 0.85  # above 85% of free memory the system starts swapping or the driver fails


class FitVerdict(StrEnum):
    """Whether a model fits a device's free memory (the values JSON and --json have always had)."""

    FITS = "fits"
    TIGHT = "tight"  # above TIGHT_MARGIN of free memory: it may swap or fail
    DOES_NOT_FIT = "does_not_fit"


def verdict_for(needed_bytes: int, available_bytes: int) -> FitVerdict:
    if needed_bytes <= available_bytes * TIGHT_MARGIN:
        return FitVerdict.FITS
    return FitVerdict.TIGHT if needed_bytes <= available_bytes else FitVerdict.DOES_NOT_FIT


@dataclass
class FitEstimate:
    verdict: FitVerdict
    needed_bytes: int
    available_bytes: int
    weights_bytes: int
    kv_cache_bytes: int
    compute_bytes: int
    overhead_bytes: int
    n_ctx: int
    device: str

    def to_dict(self) -> dict:
        return asdict(self)

    def explain(self) -> str:
        gib = GIB
        return QT_TR_NOOP(
            "{verdict} on {device}: needs {needed:.2f} GiB (weights {weights:.2f}, KV cache for {n_ctx:,} tokens {kv:.2f}, "
            "compute {compute:.2f}, runtime {runtime:.2f}) of {free:.2f} GiB free",
            verdict=verdict_words(self.verdict), device=self.device, needed=self.needed_bytes / gib, weights=self.weights_bytes / gib, n_ctx=self.n_ctx,
            kv=self.kv_cache_bytes / gib, compute=self.compute_bytes / gib, runtime=self.overhead_bytes / gib, free=self.available_bytes / gib,
        )  # fmt: skip


def verdict_words(verdict: str) -> str:
    """A FitVerdict (or its value) as words for a sentence."""
    words = {FitVerdict.FITS: QT_TR_NOOP("fits"), FitVerdict.TIGHT: QT_TR_NOOP("fits, but tightly"), FitVerdict.DOES_NOT_FIT: QT_TR_NOOP("does not fit")}
    return words[FitVerdict(verdict)]


def model_dims(header: GGUFHeader) -> dict:
    n_embd = int(header.arch_get("embedding_length", 0) or 0)
    n_head = header.arch_get("attention.head_count", 1) or 1
    n_head = max(n_head) if isinstance(n_head, list) else int(n_head)
    n_head_kv = header.arch_get("attention.head_count_kv", n_head) or n_head
    n_head_kv = max(n_head_kv) if isinstance(n_head_kv, list) else int(n_head_kv)
    head_dim = n_embd // n_head if n_head else 0
    vocab = header.array_lengths.get("tokenizer.ggml.tokens") or int(header.arch_get("vocab_size", 32000) or 32000)
    return {
        "n_layer": int(header.arch_get("block_count", 0) or 0),
        "n_embd": n_embd,
        "n_head": n_head,
        "n_head_kv": n_head_kv,
        "key_length": int(header.arch_get("attention.key_length", head_dim) or head_dim),
        "value_length": int(header.arch_get("attention.value_length", head_dim) or head_dim),
        "n_vocab": vocab,
        "n_ctx_train": int(header.arch_get("context_length", 0) or 0),
        "quant": file_type_name(header),
    }


def kv_cache_bytes(dims: dict, n_ctx: int, cache_type: str = "f16") -> int:
    per_token = dims["n_layer"] * dims["n_head_kv"] * (dims["key_length"] + dims["value_length"])
    return int(per_token * n_ctx * KV_BYTES[cache_type])


def compute_bytes(dims: dict, n_ctx: int, n_ubatch: int = 512, flash_attn: bool = True) -> int:
    logits = 4 * n_ubatch * (dims["n_vocab"] + 4 * dims["n_embd"])
    scores = 0 if flash_attn else 4 * n_ubatch * n_ctx * dims["n_head"]
    return logits + scores


def estimate_fit(
    header: GGUFHeader,
    *,
    n_ctx: int,
    available_bytes: int,
    device: str,
    device_kind: str = "cpu",
    cache_type: str = "f16",
    flash_attn: bool = True,
    weights_bytes: int | None = None,
) -> FitEstimate:
    """``weights_bytes`` overrides the header's tensor sizes: another quant of the same
    model (same dimensions, different file size), or all shards of a split model."""
    dims = model_dims(header)
    weights = header.weights_bytes if weights_bytes is None else weights_bytes
    return fit_of(dims, weights, n_ctx=n_ctx, available_bytes=available_bytes, device=device, device_kind=device_kind,
                  cache_type=cache_type, flash_attn=flash_attn)  # fmt: skip


def fit_of(dims, weights: int, *, n_ctx: int, available_bytes: int, device: str, device_kind: str = "cpu",
           cache_type: str = "f16", flash_attn: bool = True) -> FitEstimate:  # fmt: skip
    """The estimate from a model's dimensions and weight size (a header, or a known shape)."""
    kv = kv_cache_bytes(dims, n_ctx, cache_type)
    compute = compute_bytes(dims, n_ctx, flash_attn=flash_attn)
    overhead = OVERHEAD_BYTES["cpu" if device_kind == "cpu" else "gpu"]
    needed = weights + kv + compute + overhead
    return FitEstimate(verdict_for(needed, available_bytes), needed, available_bytes, weights, kv, compute, overhead, n_ctx, device)


def cann_warning(header: GGUFHeader, device_name: str = "") -> str | None:
    """CANN runs F16, BF16, Q8_0 and Q4_0 weights on a 910B, F16 only on a 310P (plan.npu_weight_types);
    say so before a K-quant or IQ quant is loaded."""
    from .plan import npu_weight_types

    runs = npu_weight_types(device_name)
    odd = sorted({t.type_name for t in header.tensors if t.type_name not in runs})
    if not odd:
        return None
    quant = file_type_name(header) or "this file"
    if runs == npu_weight_types("310P"):
        return QT_TR_NOOP(
            "The Ascend 310P runs F16 weights on the NPU; {quant} also uses {types}. Those layers run on the CPU. Prefer an F16 file for a 310P.",
            quant=quant, types=", ".join(odd),
        )  # fmt: skip
    return QT_TR_NOOP(
        "The Ascend CANN backend supports F16, Q8_0 and Q4_0 weights; {quant} also uses {types}. "
        "Those layers may run on the CPU or fail to load. Prefer a Q8_0, Q4_0 or F16 file for Ascend.",
        quant=quant, types=", ".join(odd),
    )


def target_device(runtime, n_gpu_layers: int, ram_available_bytes: int) -> tuple[str, int, str]:
    """(label, free bytes, kind) of where a load on ``runtime`` puts the model: its first
    GPU/accelerator when layers are offloaded, otherwise system memory."""
    accel = [d for d in runtime.devices if d.get("type") in ("gpu", "accel")] if runtime.name != "cpu" and n_gpu_layers != 0 else []
    if accel:
        return f"{accel[0]['description']} ({accel[0]['name']})", accel[0]["memory_free_bytes"], "gpu"
    return QT_TR_NOOP("CPU memory"), ram_available_bytes, "cpu"


def ram_available_bytes() -> int:
    import psutil

    return psutil.virtual_memory().available


def plan_load(path, runtime, *, n_ctx: int, overrides=None, force: bool = False, vram_limit_bytes: int | None = None):  # noqa: ANN001
    """Before loading ``path`` on ``runtime``: the placement plan (core/runner/plan.py) and a
    warning worth showing (CANN and K/IQ quants). Raises ModelTooLarge when the plan says it
    does not fit (unless ``force``), InvalidInput for an override this model or machine cannot take."""
    from ..common.errors import InvalidInput, ModelTooLarge
    from ..gguf.header import read_header
    from .plan import PlanProblem, plan_for_header, runtime_devices

    path = Path(path)
    try:
        header = read_header(path)
    except InvalidInput as exc:
        raise InvalidInput(QT_TR_NOOP("{file}: {reason}", file=path.name, reason=exc.message), hint=QT_TR_NOOP("Hangar only loads GGUF model files.")) from None
    devices = runtime_devices(runtime, ram_available_bytes(), vram_limit_bytes)
    try:
        plan = plan_for_header(header, devices, n_ctx=n_ctx, overrides=overrides)
    except PlanProblem as exc:
        raise InvalidInput(QT_TR_NOOP("{file}: {reason}", file=path.name, reason=exc.message), hint=QT_TR_NOOP("Nothing was loaded; change that setting.")) from None
    if plan.verdict == FitVerdict.DOES_NOT_FIT and not force:
        raise ModelTooLarge(QT_TR_NOOP("{file} {fit}.", file=path.name, fit=plan.words()), hint=QT_TR_NOOP("Use a smaller quantisation or a smaller context."))
    warning = cann_warning(header, devices[0].name) if runtime.name == "cann" else None
    return plan, warning


def check_load(path, runtime, *, n_ctx: int, n_gpu_layers: int, force: bool = False) -> str | None:  # noqa: ANN001
    """``plan_load`` for a caller that sets only the GPU layers (-1: as many as fit); the warning."""
    from .plan import Overrides

    return plan_load(path, runtime, n_ctx=n_ctx, overrides=Overrides(n_gpu_layers=None if n_gpu_layers < 0 else n_gpu_layers), force=force)[1]
