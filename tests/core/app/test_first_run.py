"""The first model and runtime the welcome dialog suggests, for machines of every size."""

from __future__ import annotations

import pytest

from hangar.core.app.first_run import GB, estimate, first_run_plan, recommend_model, recommend_runtime, starter_models
from hangar.core.hardware import HardwareReport
from hangar.core.runner.fit import kv_cache_bytes
from hangar.core.runner.runtimes import Runtime

GIB = 1024**3


def _hardware(ram_free: int, gpus: list[dict] | None = None, npus: list[dict] | None = None, cores: int = 8) -> HardwareReport:
    return HardwareReport(cpu={"model": "Test CPU", "cores_physical": cores}, memory={"total_bytes": 2 * ram_free, "available_bytes": ram_free}, gpus=gpus or [], npus=npus or [])


def _runtimes(cuda: bool = False, cann: bool = False, vram_free: int = 0) -> list[Runtime]:
    gpu = [{"name": "CUDA0", "description": "NVIDIA RTX 4090", "type": "gpu", "memory_free_bytes": vram_free}]
    npu = [{"name": "CANN0", "description": "Ascend910B", "type": "gpu", "memory_free_bytes": vram_free}]
    return [
        Runtime("cpu", True, devices=[{"name": "CPU", "description": "cpu", "type": "cpu", "memory_free_bytes": 0}]),
        Runtime("cuda", cuda, "" if cuda else "not installed", devices=gpu if cuda else [], install_command="bash build-cuda.sh"),
        Runtime("cann", cann, "" if cann else "not installed", devices=npu if cann else [], install_command="bash build-cann.sh"),
    ]


def test_the_table_is_qwen3_at_growing_sizes_with_consistent_names() -> None:
    models = starter_models()
    assert [m.size for m in models] == ["0.6B", "1.7B", "4B", "8B", "14B"]
    assert all(a.size_bytes < b.size_bytes for a, b in zip(models, models[1:]))
    for model in models:
        assert model.repo == f"bartowski/Qwen_Qwen3-{model.size}-GGUF"
        assert model.filename.endswith(f"-{model.quant}.gguf") and model.size in model.filename
        assert model.search_query in model.repo
    assert {m.quant for m in starter_models("Q8_0")} == {"Q8_0"}


def test_the_kv_cache_follows_core_fit() -> None:
    qwen3_8b = starter_models()[3]
    # 36 layers x 8 KV heads x (128 + 128) x 2 bytes (f16) per token
    assert kv_cache_bytes(qwen3_8b.dims(), 4096) == 36 * 8 * 256 * 2 * 4096
    fit = estimate(qwen3_8b, 64 * GIB, "CPU memory")
    assert fit.needed_bytes == fit.weights_bytes + fit.kv_cache_bytes + fit.compute_bytes + fit.overhead_bytes
    assert fit.verdict == "fits" and fit.weights_bytes == int(5.03 * GB)


@pytest.mark.parametrize(
    ("free_gib", "size"),
    [(2, "0.6B"), (3, "1.7B"), (6, "4B"), (10, "8B"), (16, "14B"), (128, "14B")],
)
def test_the_largest_model_that_fits_is_chosen(free_gib: float, size: str) -> None:
    choice = recommend_model(int(free_gib * GIB))
    assert choice.model.size == size and choice.model.quant == "Q4_K_M"
    assert choice.fit.verdict == "fits"
    bigger = [m for m in starter_models() if m.size_bytes > choice.model.size_bytes]
    if bigger:
        assert estimate(bigger[0], int(free_gib * GIB), "CPU memory").verdict != "fits"


@pytest.mark.parametrize(("cores", "size"), [(2, "1.7B"), (4, "4B"), (16, "8B")])
def test_on_a_cpu_the_cores_cap_the_size_so_the_first_model_answers_quickly(cores: int, size: str) -> None:
    choice = recommend_model(64 * GIB, cpu_cores=cores)
    assert choice.model.size == size and choice.slower_would_fit
    assert not recommend_model(64 * GIB, "RTX", "gpu", cpu_cores=2).slower_would_fit  # a GPU is sized by memory alone
    assert recommend_model(3 * GIB, cpu_cores=64).model.size == "1.7B"  # memory still decides first


def test_a_machine_too_small_for_any_gets_the_smallest_with_an_honest_verdict() -> None:
    choice = recommend_model(512 * 1024**2)
    assert choice.model.size == "0.6B"
    assert choice.fit.verdict in ("tight", "does_not_fit")


def test_ascend_gets_q8_0_because_cann_does_not_run_k_quants() -> None:
    choice = recommend_model(30 * GIB, "Ascend910B (CANN0)", "gpu", runtime="cann")
    assert choice.model.quant == "Q8_0" and choice.model.size == "14B"


def test_cpu_only_machine_uses_the_cpu_runtime_and_system_memory() -> None:
    advice = recommend_runtime(_hardware(8 * GIB), _runtimes())
    assert advice.runtime.name == "cpu" and advice.missing is None
    assert (advice.device, advice.available_bytes, advice.device_kind) == ("CPU memory", 8 * GIB, "cpu")


def test_a_gpu_without_the_cuda_runtime_is_pointed_out() -> None:
    gpu = {"index": 0, "name": "NVIDIA RTX 4090", "memory_total_bytes": 24 * GIB, "memory_free_bytes": 23 * GIB}
    advice = recommend_runtime(_hardware(8 * GIB, gpus=[gpu]), _runtimes())
    assert advice.runtime.name == "cpu"
    assert advice.missing is not None and advice.missing.name == "cuda" and "build-cuda.sh" in advice.missing.install_command


def test_an_npu_without_the_cann_runtime_is_pointed_out() -> None:
    npu = {"index": 0, "name": "Ascend 910B", "memory_total_bytes": 64 * GIB, "memory_free_bytes": 60 * GIB}
    advice = recommend_runtime(_hardware(8 * GIB, npus=[npu]), _runtimes())
    assert advice.missing is not None and advice.missing.name == "cann"


def test_a_working_cuda_runtime_sizes_the_model_by_free_vram() -> None:
    advice, choice = first_run_plan(_hardware(64 * GIB), _runtimes(cuda=True, vram_free=7 * GIB))
    assert advice.runtime.name == "cuda" and advice.missing is None
    assert advice.device_kind == "gpu" and advice.available_bytes == 7 * GIB and "RTX 4090" in advice.device
    assert choice.model.size == "4B"  # 8B's 6.2 GB needs more than 85% of 7 GiB


def test_a_cpu_only_plan_is_capped_by_the_cores() -> None:
    advice, choice = first_run_plan(_hardware(64 * GIB, cores=2), _runtimes())
    assert advice.device_kind == "cpu" and choice.model.size == "1.7B" and choice.slower_would_fit


def test_a_working_cann_runtime_recommends_q8_0() -> None:
    advice, choice = first_run_plan(_hardware(16 * GIB), _runtimes(cann=True, vram_free=30 * GIB))
    assert advice.runtime.name == "cann" and choice.model.quant == "Q8_0"
