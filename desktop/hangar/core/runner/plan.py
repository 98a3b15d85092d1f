"""Where a model's layers and experts go: a placement plan from the GGUF header and the devices.

Mixture-of-Experts models (Qwen3-30B-A3B, DeepSeek, gpt-oss ...) run well on a GPU too small
for them when the attention and shared weights stay on the GPU and the expert tensors of
some layers live in system RAM (llama.cpp's ``--n-cpu-moe N``, which keeps the experts of
the FIRST N layers on the CPU: ``blk\\.i\\.ffn_(up|down|gate|gate_up)_(ch|)exps`` for i < N).
Hangar knows every tensor's size from the header and every device's free memory, so it
chooses N itself: the fewest layers whose experts must leave the GPU for the rest to fit
with a margin. A dense model that does not fit is split by layers instead (llama.cpp's
``n_gpu_layers``), and several GPUs share the layers by free memory as llama.cpp's default
``tensor_split`` does.

The arithmetic follows llama.cpp's ``load_tensors``: the input embedding always stays on
the CPU; of the ``n_layer + 1`` layers (the output layer counts as the last), the last
``n_gpu_layers`` go to the GPUs, layer ``il`` to the GPU whose cumulative split share first
exceeds ``(il - i_gpu_start) / n_gpu_layers``; each layer's KV cache sits with its layer. A
model without ``output.weight`` (tied embeddings) gets a copy of the embedding as its output.
Every face calls one function for the words (``Plan.words``): "fits on the GPU", "fits with
the experts of 14 of 48 layers in RAM (19.8 GiB VRAM, 41.0 GiB RAM)", "does not fit: needs
180 GiB, has 150 GiB". Row split is approximated: the weights of each GPU layer are shared
by all GPUs, the KV cache stays with the layer. No Qt here: the window translates the words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..common.i18n import QT_TR_NOOP, Text, joined
from ..common.units import format_gib
from ..gguf.header import GGUFHeader
from . import protocol as P
from .fit import KV_BYTES, OVERHEAD_BYTES, TIGHT_MARGIN, FitVerdict, compute_bytes, model_dims, verdict_words

EXPERTS = re.compile(P.EXPERTS_REGEX)  # llama.cpp's LLM_FFN_EXPS_REGEX (common/common.h), as the worker's overrides use it
_LAYER = re.compile(r"^blk\.(\d+)\.")
GPU_MARGIN = 0.9  # a GPU is planned to 90% of its free memory: the driver, fragmentation and compute peaks need the rest
SPLIT_MODES = P.SPLIT_MODES
# The weight types the Ascend CANN backend runs on the NPU (its supports_op for MUL_MAT and GET_ROWS):
# the 910B runs these, the 310P only F16 (its quantised matmul falls back). F32 is there for the norms.
NPU_WEIGHT_TYPES = {"910": ("F32", "F16", "BF16", "Q8_0", "Q4_0"), "310P": ("F32", "F16")}


def expert_pattern(layer: int) -> str:
    """The override pattern llama.cpp's ``--n-cpu-moe`` builds for one layer (llm_ffn_block_regex)."""
    return f"blk\\.{layer}{EXPERTS.pattern}"


def npu_weight_types(device_name: str) -> tuple[str, ...]:
    """The weight types an Ascend NPU runs, from its name (npu-smi's "Ascend 310P3", "Ascend 910B2")."""
    return NPU_WEIGHT_TYPES["310P"] if "310P" in device_name.upper() else NPU_WEIGHT_TYPES["910"]


@dataclass(frozen=True)
class Device:
    """One place memory can go: a GPU or NPU (in the order llama.cpp numbers them), or the CPU's RAM."""

    name: str
    free_bytes: int
    kind: str = "gpu"  # gpu / npu / cpu


@dataclass(frozen=True)
class Geometry:
    """What the plan needs of a model, from its header: bytes per layer (experts apart) and per token of KV."""

    n_layer: int
    layer_bytes: tuple[int, ...]  # per repeating layer, without the expert tensors
    expert_bytes: tuple[int, ...]  # per repeating layer, the tensors --n-cpu-moe moves (0 for a dense model)
    input_bytes: int  # token embedding and the like: always on the CPU
    output_bytes: int  # output norm and projection (a copy of the embedding when they are tied)
    kv_per_token_layer: int  # elements of K and V per token in one layer: n_head_kv x (key_length + value_length)
    dims: dict
    n_expert: int = 0
    n_expert_used: int = 0
    n_ff_expert: int = 0
    type_bytes: tuple[tuple[str, int], ...] = ()  # weight bytes per ggml type name

    @property
    def weights_bytes(self) -> int:
        return sum(self.layer_bytes) + sum(self.expert_bytes) + self.input_bytes + self.output_bytes

    @property
    def is_moe(self) -> bool:
        return any(self.expert_bytes)

    def kv_layer_bytes(self, n_ctx: int, cache_type: str = "f16") -> int:
        return int(self.kv_per_token_layer * n_ctx * KV_BYTES[cache_type])

    def scaled(self, weights_bytes: int) -> "Geometry":
        """The same model in another quant, known by its file size alone: every tensor scaled alike."""
        factor = weights_bytes / self.weights_bytes if self.weights_bytes else 1.0
        scale = lambda values: tuple(int(v * factor) for v in values)  # noqa: E731
        return replace(self, layer_bytes=scale(self.layer_bytes), expert_bytes=scale(self.expert_bytes),
                       input_bytes=int(self.input_bytes * factor), output_bytes=int(self.output_bytes * factor), type_bytes=())  # fmt: skip


def geometry(header: GGUFHeader) -> Geometry:
    dims = model_dims(header)
    n_layer = dims["n_layer"]
    layers, experts = [0] * n_layer, [0] * n_layer
    input_bytes = output_bytes = 0
    types: dict[str, int] = {}
    embedding = 0
    has_output = False
    for tensor in header.tensors:
        size = tensor.n_bytes
        types[tensor.type_name] = types.get(tensor.type_name, 0) + size
        match = _LAYER.match(tensor.name)
        if match and int(match.group(1)) < n_layer:
            index = int(match.group(1))
            if EXPERTS.search(tensor.name):
                experts[index] += size
            else:
                layers[index] += size
        elif tensor.name.startswith("output"):
            output_bytes += size
            has_output = has_output or tensor.name == "output.weight"
        else:
            input_bytes += size
            if tensor.name == "token_embd.weight":
                embedding = size
    if not has_output:
        output_bytes += embedding  # tied embeddings: llama.cpp loads a copy as the output (TENSOR_DUPLICATED)
    n_ff_exp = int(header.arch_get("expert_feed_forward_length", 0) or 0) or _first(header.arch_get("feed_forward_length", 0))
    return Geometry(
        n_layer=n_layer, layer_bytes=tuple(layers), expert_bytes=tuple(experts), input_bytes=input_bytes, output_bytes=output_bytes,
        kv_per_token_layer=dims["n_head_kv"] * (dims["key_length"] + dims["value_length"]), dims=dims,
        n_expert=int(header.arch_get("expert_count", 0) or 0), n_expert_used=int(header.arch_get("expert_used_count", 0) or 0),
        n_ff_expert=n_ff_exp, type_bytes=tuple(sorted(types.items())),
    )  # fmt: skip


def _first(value) -> int:  # noqa: ANN001 - a number or a per-layer array
    return int(max(value) if isinstance(value, list) and value else value or 0)


@dataclass
class Overrides:
    """What a person set by hand; None lets the plan decide."""

    n_gpu_layers: int | None = None  # None or -1: as many as fit (all, when they do)
    n_cpu_moe: int | None = None
    split_mode: str = "layer"
    tensor_split: list[float] | None = None  # shares per GPU, llama.cpp's -ts
    main_gpu: int = 0


@dataclass
class Plan:
    verdict: FitVerdict
    n_layer: int
    n_gpu_layers: int  # for llama.cpp: layers counted with the output layer; n_layer + 1 is all of them
    n_cpu_moe: int  # layers, from the first, whose experts stay in RAM
    layers: dict[str, int]  # device name -> repeating layers placed there (the CPU's under its name too)
    device_bytes: dict[str, int]  # device name -> bytes planned there
    vram_bytes: int
    ram_bytes: int
    needed_bytes: int  # everything, wherever it goes
    available_bytes: int  # every device's free memory together
    n_ctx: int
    moe: bool
    gpus: list[str] = field(default_factory=list)
    cpu_name: str = ""
    cpu_free_bytes: int = 0
    npu: bool = False  # the accelerators are Ascend NPUs
    npu_cpu_share: float = 0.0  # of the weight bytes, in types the NPU does not run (they run on the CPU)
    npu_odd_types: list[str] = field(default_factory=list)
    split_mode: str = "layer"
    tensor_split: list[float] | None = None
    main_gpu: int = 0
    weights_bytes: int = 0
    kv_bytes: int = 0  # the KV cache of every layer, wherever it sits

    @property
    def on_gpu(self) -> int:
        return sum(n for name, n in self.layers.items() if name in self.gpus)

    @property
    def mode(self) -> str:
        """gpu: all on the GPUs; moe: every layer on the GPUs, some experts in RAM; partial: layers in RAM too; cpu."""
        if not self.gpus or self.n_gpu_layers == 0:
            return "cpu"
        if self.n_gpu_layers < self.n_layer + 1:
            return "partial"
        return "moe" if self.n_cpu_moe else "gpu"

    def load_settings(self) -> dict:
        """What LoadOptions takes from this plan (n_gpu_layers None: no GPU to count layers on, leave it)."""
        ngl = None if not self.gpus else -1 if self.n_gpu_layers >= self.n_layer + 1 else self.n_gpu_layers
        return {"n_gpu_layers": ngl, "n_cpu_moe": self.n_cpu_moe, "split_mode": self.split_mode, "tensor_split": self.tensor_split,
                "main_gpu": self.main_gpu}  # fmt: skip

    def words(self) -> Text:
        """The plan in one sentence, the same in every face."""
        if self.verdict == FitVerdict.DOES_NOT_FIT:
            fields = {"needed": format_gib(self.needed_bytes), "has": format_gib(self.available_bytes)}
            if not self.gpus:
                return QT_TR_NOOP("does not fit on {device}: needs {needed}, has {has}", device=self.cpu_name, **fields)
            return QT_TR_NOOP("does not fit: needs {needed}, has {has} ({accel} and RAM together)", accel=self._accel(), **fields)
        fits = verdict_words(self.verdict)
        mode = self.mode
        sizes = {"vram": format_gib(self.vram_bytes), "ram": format_gib(self.ram_bytes), "mem": self._memory(), "spread": self._spread()}
        if mode == "cpu":
            text = QT_TR_NOOP("{fits} in {device} ({ram} of {free} free)", fits=fits, device=self.cpu_name, ram=sizes["ram"],
                              free=format_gib(self.cpu_free_bytes))  # fmt: skip
        elif mode == "gpu":
            text = QT_TR_NOOP("{fits} on the {accel} ({vram} {mem}{spread})", fits=fits, accel=self._accel(), **sizes)
        elif mode == "moe":
            text = QT_TR_NOOP("{fits} with the experts of {k} of {n} layers in RAM ({vram} {mem}, {ram} RAM{spread})", fits=fits, k=self.n_cpu_moe,
                              n=self.n_layer, **sizes)  # fmt: skip
        elif self.moe and self.n_cpu_moe:
            text = QT_TR_NOOP("{fits} with {g} of {n} layers on the {accel} and the experts of {k} in RAM ({vram} {mem}, {ram} RAM{spread})", fits=fits,
                              g=self.on_gpu, n=self.n_layer, accel=self._accel(), k=min(self.n_cpu_moe, self.n_layer), **sizes)  # fmt: skip
        else:
            text = QT_TR_NOOP("{fits} with {g} of {n} layers on the {accel} ({vram} {mem}, {ram} RAM{spread})", fits=fits, g=self.on_gpu, n=self.n_layer,
                              accel=self._accel(), **sizes)  # fmt: skip
        if self.npu_odd_types:
            text = QT_TR_NOOP("{plan}; {share:.0%} of the weights ({types}) are in types the NPU does not run and would run on the CPU",
                              plan=text, share=self.npu_cpu_share, types=", ".join(self.npu_odd_types))  # fmt: skip
        return text

    def _accel(self) -> Text:
        return QT_TR_NOOP("NPU") if self.npu else QT_TR_NOOP("GPU")

    def _memory(self) -> Text:
        return QT_TR_NOOP("NPU memory") if self.npu else QT_TR_NOOP("VRAM")

    def breakdown(self) -> Text:
        """What the total is made of, for a tooltip beside the words."""
        rest = self.needed_bytes - self.weights_bytes - self.kv_bytes
        return QT_TR_NOOP("weights {weights}, KV cache for {n_ctx:,} tokens {kv}, compute and runtime {rest}", weights=format_gib(self.weights_bytes, 2),
                          n_ctx=self.n_ctx, kv=format_gib(self.kv_bytes, 2), rest=format_gib(rest, 2))  # fmt: skip

    def _spread(self) -> str:
        """"; 38 on CUDA0, 10 on CUDA1" when layers are shared by several GPUs."""
        if len(self.gpus) < 2:
            return ""
        each = [QT_TR_NOOP("{count} on {device}", count=self.layers.get(name, 0), device=name) for name in self.gpus]
        return QT_TR_NOOP("; {layers}", layers=joined(each, ", "))

    def to_dict(self) -> dict:
        return {
            "verdict": self.verdict, "mode": self.mode, "words": self.words(), "n_layer": self.n_layer, "n_gpu_layers": self.n_gpu_layers,
            "n_cpu_moe": self.n_cpu_moe, "layers": dict(self.layers), "device_bytes": dict(self.device_bytes), "vram_bytes": self.vram_bytes,
            "ram_bytes": self.ram_bytes, "needed_bytes": self.needed_bytes, "available_bytes": self.available_bytes, "n_ctx": self.n_ctx,
            "split_mode": self.split_mode, "tensor_split": self.tensor_split, "main_gpu": self.main_gpu, "npu_cpu_share": self.npu_cpu_share,
        }  # fmt: skip


class PlanProblem(ValueError):
    """An override the model or the machine cannot take (a message)."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


def check_overrides(geo: Geometry, gpus: list[Device], overrides: Overrides) -> Text | None:
    """What is wrong with hand-set values for this model on these devices, or None."""
    if overrides.n_cpu_moe is not None:
        if overrides.n_cpu_moe < 0:
            return QT_TR_NOOP("Experts on CPU must be 0 or more layers, not {value}.", value=overrides.n_cpu_moe)
        if overrides.n_cpu_moe > geo.n_layer:
            return QT_TR_NOOP("Experts on CPU is {value} layers, but this model has {n} layers.", value=overrides.n_cpu_moe, n=geo.n_layer)
        if overrides.n_cpu_moe and not geo.is_moe:
            return QT_TR_NOOP("Experts on CPU applies to mixture-of-experts models; this one has no expert tensors.")
    if overrides.split_mode not in SPLIT_MODES:
        return QT_TR_NOOP("The split mode must be one of {choices}, not {value}.", choices=", ".join(SPLIT_MODES), value=overrides.split_mode)
    if overrides.tensor_split is not None and gpus and len(overrides.tensor_split) != len(gpus):
        return QT_TR_NOOP("The tensor split gives {count} shares, but there are {gpus} GPUs.", count=len(overrides.tensor_split), gpus=len(gpus))
    if gpus and not 0 <= overrides.main_gpu < len(gpus):
        return QT_TR_NOOP("The main GPU must be from 0 to {last}, not {value}.", last=len(gpus) - 1, value=overrides.main_gpu)
    return None


def _budget(device: Device, margin: bool) -> float:
    if not margin:
        return device.free_bytes
    return device.free_bytes * (TIGHT_MARGIN if device.kind == "cpu" else GPU_MARGIN)


class _Placer:
    """Bytes per device for one (n_gpu_layers, n_cpu_moe, split), following llama.cpp's assignment."""

    def __init__(self, geo: Geometry, gpus: list[Device], cpu: Device, n_ctx: int, cache_type: str, flash_attn: bool, overrides: Overrides) -> None:
        self.geo, self.cpu, self.n_ctx = geo, cpu, n_ctx
        self.mode = overrides.split_mode
        if self.mode == "none" and gpus:
            gpus = [gpus[overrides.main_gpu]]
        self.gpus = gpus
        self.user_split = overrides.tensor_split if overrides.tensor_split is not None and self.mode != "none" else None
        shares = self.user_split or [g.free_bytes for g in gpus]
        self.fractions = [s / (sum(shares) or 1) for s in shares]
        self.default_splits = _cumulative(shares)
        self.kv_layer = geo.kv_layer_bytes(n_ctx, cache_type)
        moe_scratch = 4 * 512 * geo.n_expert_used * geo.n_ff_expert * 3  # gate, up and activation per routed expert, one ubatch
        self.compute = compute_bytes(geo.dims, n_ctx, flash_attn=flash_attn) + moe_scratch
        self.devices = {d.name: d for d in [*gpus, cpu]}

    def _span(self, n_gpu_layers: int) -> tuple[int, int]:
        n = self.geo.n_layer
        act = min(n_gpu_layers, n + 1) if self.gpus else 0
        return max(n + 1 - act, 0), act

    def _layer(self, il: int, n_cpu_moe: int, on_gpu: bool) -> tuple[int, int, int]:
        """(weights on the layer's device, experts kept in RAM, KV) of layer ``il`` (n_layer: the output layer)."""
        geo = self.geo
        if il == geo.n_layer:
            return geo.output_bytes, 0, 0
        experts = geo.expert_bytes[il]
        if on_gpu and il < n_cpu_moe:
            return geo.layer_bytes[il], experts, self.kv_layer
        return geo.layer_bytes[il] + experts, 0, self.kv_layer

    def place(self, n_gpu_layers: int, n_cpu_moe: int, splits: list[float]) -> tuple[dict[str, int], dict[str, int]]:
        cpu = self.cpu
        used = {cpu.name: self.geo.input_bytes + OVERHEAD_BYTES["cpu"]}
        layers = {cpu.name: 0}
        start, act = self._span(n_gpu_layers)
        cpu_works = not self.gpus
        for il in range(self.geo.n_layer + 1):
            if il < start or il - start >= act:
                device = cpu
            else:
                device = self.gpus[min(bisect.bisect_right(splits, (il - start) / act), len(self.gpus) - 1)]
            weights, in_ram, kv = self._layer(il, n_cpu_moe, device is not cpu)
            if il < self.geo.n_layer:
                layers[device.name] = layers.get(device.name, 0) + 1
            used[cpu.name] += in_ram
            cpu_works = cpu_works or in_ram > 0 or device is cpu
            if device is cpu:
                used[cpu.name] += weights + kv
            elif self.mode == "row":
                for gpu, fraction in zip(self.gpus, self.fractions):
                    used[gpu.name] = used.get(gpu.name, 0) + int(weights * fraction)
                used[device.name] += kv
            else:
                used[device.name] = used.get(device.name, 0) + weights + kv
        for gpu in self.gpus:
            if gpu.name in used:
                used[gpu.name] += self.compute + OVERHEAD_BYTES["gpu"]
        if cpu_works:
            used[cpu.name] += self.compute
        return used, layers

    def packed_splits(self, n_gpu_layers: int, n_cpu_moe: int, margin: bool) -> "_Splits | None":
        """A split that fills the GPUs in order, each to its budget (llama.cpp's default shares by free
        memory, which leaves the later GPUs full when the first layers' experts are in RAM)."""
        if len(self.gpus) < 2 or self.mode == "row" or self.user_split is not None:
            return None
        start, act = self._span(n_gpu_layers)
        counts, index = [0] * len(self.gpus), 0
        room = _budget(self.gpus[0], margin) - self.compute - OVERHEAD_BYTES["gpu"]
        for il in range(start, start + act):
            weights, _in_ram, kv = self._layer(il, n_cpu_moe, True)
            while weights + kv > room:
                index += 1
                if index == len(self.gpus):
                    return None
                room = _budget(self.gpus[index], margin) - self.compute - OVERHEAD_BYTES["gpu"]
            room -= weights + kv
            counts[index] += 1
        return _Splits(_cumulative(counts), counts)

    def fits(self, used: dict[str, int], margin: bool) -> bool:
        return all(size <= _budget(self.devices[name], margin) for name, size in used.items())


class _Splits(list):
    """Split points that came from layer counts (kept, to hand llama.cpp as its tensor_split)."""

    def __init__(self, points: list[float], counts: list[int]) -> None:
        super().__init__(points)
        self.counts = counts


def _cumulative(shares: list[float]) -> list[float]:
    """Split points as llama.cpp computes them: running sums over the total."""
    total, running, points = sum(shares) or 1, 0.0, []
    for share in shares:
        running += share
        points.append(running / total)
    return points


def make_plan(
    geo: Geometry,
    devices: list[Device],
    *,
    n_ctx: int,
    overrides: Overrides | None = None,
    cache_type: str = "f16",
    flash_attn: bool = True,
) -> Plan:
    """The placement for ``geo`` on ``devices`` (GPUs/NPUs in llama.cpp's order, and the CPU's RAM).

    Raises PlanProblem for an override the model or the machine cannot take."""
    overrides = overrides or Overrides()
    gpus = [d for d in devices if d.kind != "cpu"]
    cpu = next((d for d in devices if d.kind == "cpu"), None)
    ram_known = cpu is not None  # without the RAM's figure (a GPU judged alone) only the GPUs are checked
    cpu = cpu or Device(QT_TR_NOOP("CPU memory"), 0, "cpu")
    problem = check_overrides(geo, gpus, overrides)
    if problem:
        raise PlanProblem(problem)
    if overrides.n_gpu_layers == 0:
        gpus = []
    placer = _Placer(geo, gpus, cpu, n_ctx, cache_type, flash_attn, overrides)
    if not ram_known:
        placer.devices[cpu.name] = Device(cpu.name, 1 << 62, "cpu")
    n_all = geo.n_layer + 1
    fixed_ngl = overrides.n_gpu_layers if overrides.n_gpu_layers is not None and overrides.n_gpu_layers >= 0 else None
    k_max = geo.n_layer if geo.is_moe else 0

    def candidates():
        """(n_gpu_layers, n_cpu_moe) from the fastest placement to the slowest."""
        if not placer.gpus:  # experts "in RAM" still apply: llama.cpp moves them to the plain CPU buffer
            yield 0, overrides.n_cpu_moe or 0
            return
        ngls = [min(fixed_ngl, n_all)] if fixed_ngl is not None else list(range(n_all, -1, -1))
        ks = [overrides.n_cpu_moe] if overrides.n_cpu_moe is not None else list(range(k_max + 1))
        for k in ks:  # every layer on the GPUs, the fewest experts in RAM
            yield ngls[0], k
        for ngl in ngls[1:]:  # then fewer layers, with as many experts in RAM as allowed
            yield ngl, ks[-1]

    chosen = None
    for margin, verdict in ((True, FitVerdict.FITS), (False, FitVerdict.TIGHT)):
        for ngl, k in candidates():
            for splits in (placer.default_splits, placer.packed_splits(ngl, k, margin)):
                if splits is None:
                    continue
                used, layers = placer.place(ngl, k, splits)
                if placer.fits(used, margin):
                    chosen = (verdict, ngl, k, used, layers, splits)
                    break
            if chosen:
                break
        if chosen:
            break
    if chosen is None:  # what the request would place, judged as not fitting
        ngl = (n_all if fixed_ngl is None else min(fixed_ngl, n_all)) if placer.gpus else 0
        k = overrides.n_cpu_moe or 0
        used, layers = placer.place(ngl, k, placer.default_splits)
        chosen = (FitVerdict.DOES_NOT_FIT, ngl, k, used, layers, placer.default_splits)
    verdict, ngl, k, used, layers, splits = chosen
    gpu_names = [g.name for g in placer.gpus]
    # the packed split goes to llama.cpp as layer counts, which its running sums turn back into the same points
    tensor_split = overrides.tensor_split if splits is placer.default_splits else [float(c) for c in splits.counts]
    plan = Plan(
        verdict=verdict, n_layer=geo.n_layer, n_gpu_layers=ngl, n_cpu_moe=k, layers=layers, device_bytes=used,
        vram_bytes=sum(v for name, v in used.items() if name in gpu_names), ram_bytes=used.get(cpu.name, 0),
        needed_bytes=sum(used.values()), available_bytes=sum(g.free_bytes for g in placer.gpus) + cpu.free_bytes, n_ctx=n_ctx,
        moe=geo.is_moe, gpus=gpu_names, cpu_name=cpu.name, cpu_free_bytes=cpu.free_bytes, split_mode=overrides.split_mode,
        tensor_split=tensor_split, main_gpu=overrides.main_gpu, weights_bytes=geo.weights_bytes,
        kv_bytes=placer.kv_layer * geo.n_layer,
    )  # fmt: skip
    npus = [g for g in placer.gpus if g.kind == "npu"]
    plan.npu = bool(npus)
    if npus and geo.type_bytes:
        runs = npu_weight_types(npus[0].name)
        odd = {name: size for name, size in geo.type_bytes if name not in runs}
        total = sum(size for _name, size in geo.type_bytes)
        if odd and total:
            plan.npu_cpu_share, plan.npu_odd_types = sum(odd.values()) / total, sorted(odd)
    return plan


def plan_for_header(header: GGUFHeader, devices: list[Device], *, n_ctx: int, overrides: Overrides | None = None,
                    weights_bytes: int | None = None, **kwargs) -> Plan:  # fmt: skip
    """``weights_bytes``: another quant of the same model (its file size), every tensor scaled alike."""
    geo = geometry(header)
    if weights_bytes is not None and weights_bytes != geo.weights_bytes:
        geo = geo.scaled(weights_bytes)
    return make_plan(geo, devices, n_ctx=n_ctx, overrides=overrides, **kwargs)


def runtime_devices(runtime, ram_available_bytes: int, vram_limit_bytes: int | None = None) -> list[Device]:  # noqa: ANN001 - runtimes.Runtime
    """The devices a load on ``runtime`` can use, as its own llama.cpp build sees them, and the RAM;
    ``vram_limit_bytes`` plans each GPU as if it had at most that much free (a smaller card's plan on a big one)."""
    found = []
    if runtime.name != "cpu":
        kind = "npu" if runtime.name == "cann" else "gpu"
        cap = (lambda free: min(free, vram_limit_bytes)) if vram_limit_bytes else (lambda free: free)  # noqa: E731
        found = [Device(f"{d['description']} ({d['name']})", cap(int(d.get("memory_free_bytes") or 0)), kind)
                 for d in runtime.devices if d.get("type") in ("gpu", "accel")]  # fmt: skip
    return [*found, Device(QT_TR_NOOP("CPU memory"), ram_available_bytes, "cpu")]
