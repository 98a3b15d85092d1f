"""A first model and a runtime for a new user, chosen from what this machine has.

The welcome dialog suggests one small, well-known GGUF model to start with: Qwen3, at
the largest size whose file fits in the chosen device's free memory with a 4096-token
context (the Chat pane's), judged by core.runner.fit's rules (weights + KV cache + compute
buffer + runtime overhead, "fits" meaning below 85% of free memory), and, on a CPU, no
larger than its cores answer at a comfortable reading speed. Q4_K_M is the
usual first choice; on Ascend it is Q8_0, because the CANN backend runs Q8_0 and Q4_0
weights but not K-quants.

The sizes are as published on the Hub (rounded to 10 MB) and the shapes are the Qwen3
configurations; Discover reads the exact size and header before anything is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.i18n import QT_TR_NOOP
from ..common.units import GB
from ..hardware import HardwareReport
from ..runner.fit import FitEstimate, FitVerdict, fit_of, target_device
from ..runner.runtimes import LABELS, Runtime, best_runtime

CHAT_CONTEXT = 4096  # the context the Chat pane loads a model with

# size: (layers, attention heads, KV heads, head dimension, embedding width)
_QWEN3_SHAPES = {
    "0.6B": (28, 16, 8, 128, 1024),
    "1.7B": (28, 16, 8, 128, 2048),
    "4B": (36, 32, 8, 128, 2560),
    "8B": (36, 32, 8, 128, 4096),
    "14B": (40, 40, 8, 128, 5120),
}
# (size, quant): file size in GB, as bartowski/Qwen_Qwen3-*-GGUF publishes it.
_FILE_GB = {
    ("0.6B", "Q4_K_M"): 0.48, ("0.6B", "Q8_0"): 0.81,
    ("1.7B", "Q4_K_M"): 1.28, ("1.7B", "Q8_0"): 2.17,
    ("4B", "Q4_K_M"): 2.50, ("4B", "Q8_0"): 4.28,
    ("8B", "Q4_K_M"): 5.03, ("8B", "Q8_0"): 8.71,
    ("14B", "Q4_K_M"): 9.00, ("14B", "Q8_0"): 15.70,
}  # fmt: skip
QWEN3_VOCAB = 151_936


@dataclass(frozen=True)
class StarterModel:
    size: str  # "4B"
    quant: str  # "Q4_K_M"
    size_bytes: int
    n_layer: int
    n_head: int
    n_head_kv: int
    head_dim: int
    n_embd: int
    n_vocab: int = QWEN3_VOCAB

    @property
    def name(self) -> str:
        return f"Qwen3 {self.size}"

    @property
    def repo(self) -> str:
        return f"bartowski/Qwen_Qwen3-{self.size}-GGUF"

    @property
    def filename(self) -> str:
        return f"Qwen_Qwen3-{self.size}-{self.quant}.gguf"

    @property
    def search_query(self) -> str:
        return f"Qwen3-{self.size}"

    @property
    def license(self) -> str:
        return "apache-2.0"

    def dims(self) -> dict:
        return {
            "n_layer": self.n_layer, "n_embd": self.n_embd, "n_head": self.n_head, "n_head_kv": self.n_head_kv,
            "key_length": self.head_dim, "value_length": self.head_dim, "n_vocab": self.n_vocab,
        }  # fmt: skip


def starter_models(quant: str = "Q4_K_M") -> list[StarterModel]:
    """The candidates at one quant, smallest first."""
    found = []
    for size, (layers, heads, kv_heads, head_dim, embd) in _QWEN3_SHAPES.items():
        gigabytes = _FILE_GB.get((size, quant))
        if gigabytes is not None:
            found.append(StarterModel(size, quant, int(gigabytes * GB), layers, heads, kv_heads, head_dim, embd))
    return sorted(found, key=lambda m: m.size_bytes)


def estimate(model: StarterModel, available_bytes: int, device: str, device_kind: str = "cpu", n_ctx: int = CHAT_CONTEXT) -> FitEstimate:
    """core.runner.fit's estimate for a model known by its shape instead of a GGUF header."""
    return fit_of(model.dims(), model.size_bytes, n_ctx=n_ctx, available_bytes=available_bytes, device=device, device_kind=device_kind)


@dataclass
class ModelChoice:
    model: StarterModel
    fit: FitEstimate
    slower_would_fit: bool = False  # a larger model fits in memory but would answer slowly on these CPU cores


def cpu_size_limit(physical_cores: int) -> str:
    """The largest size a CPU answers at reading speed with: generation is bound by memory
    bandwidth, which grows with the cores a desktop or server has (a rough, honest cap)."""
    return "8B" if physical_cores >= 8 else "4B" if physical_cores >= 4 else "1.7B"


def recommend_model(
    available_bytes: int, device: str = QT_TR_NOOP("CPU memory"), device_kind: str = "cpu", runtime: str = "cpu", cpu_cores: int | None = None
) -> ModelChoice:
    """The largest starter model that fits comfortably (and, on a CPU with ``cpu_cores``,
    is not too slow); the smallest, with its honest verdict, when even that does not fit."""
    models = starter_models("Q8_0" if runtime == "cann" else "Q4_K_M")
    choices = [ModelChoice(m, estimate(m, available_bytes, device, device_kind)) for m in models]
    fitting = [c for c in choices if c.fit.verdict == FitVerdict.FITS]
    if not fitting:
        return choices[0]
    if device_kind == "cpu" and cpu_cores:
        sizes = list(_QWEN3_SHAPES)
        limit = sizes.index(cpu_size_limit(cpu_cores))
        fast_enough = [c for c in fitting if sizes.index(c.model.size) <= limit]
        if fast_enough and fast_enough[-1] is not fitting[-1]:
            fast_enough[-1].slower_would_fit = True
        fitting = fast_enough or fitting[:1]
    return fitting[-1]


@dataclass
class RuntimeAdvice:
    runtime: Runtime  # what Hangar will run models on
    missing: Runtime | None = None  # a faster runtime this machine's hardware could use, not working yet
    device: str = QT_TR_NOOP("CPU memory")
    available_bytes: int = 0
    device_kind: str = "cpu"

    @property
    def label(self) -> str:
        return LABELS.get(self.runtime.name, self.runtime.name)


def recommend_runtime(hardware: HardwareReport, runtimes: list[Runtime]) -> RuntimeAdvice:
    """The best working runtime, where it puts a model, and the accelerator runtime to add
    when the machine has a GPU or NPU that no working runtime uses."""
    chosen = best_runtime(runtimes)
    by_name = {r.name: r for r in runtimes}
    missing = None
    if chosen.name == "cpu":
        if hardware.gpus and "cuda" in by_name and not by_name["cuda"].available:
            missing = by_name["cuda"]
        elif hardware.npus and "cann" in by_name and not by_name["cann"].available:
            missing = by_name["cann"]
    device, free, kind = target_device(chosen, -1, int(hardware.memory.get("available_bytes", 0)))
    return RuntimeAdvice(chosen, missing, device, free, kind)


def first_run_plan(hardware: HardwareReport, runtimes: list[Runtime]) -> tuple[RuntimeAdvice, ModelChoice]:
    advice = recommend_runtime(hardware, runtimes)
    cores = int(hardware.cpu.get("cores_physical") or 0) or None
    return advice, recommend_model(advice.available_bytes, advice.device, advice.device_kind, advice.runtime.name, cores)
