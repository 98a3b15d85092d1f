"""Search and repository details against the local Hub, with the real huggingface_hub."""

from __future__ import annotations

import pytest

from hangar.core.common.errors import NetworkError, NotFoundOnHub
from hangar.core.hardware import HardwareReport
from hangar.core.hub.catalog import HubCatalog
from hangar.core.hub.fitting import Device, assess, devices_from, header_for, recommend
from hangar.core.runner.plan import GPU_MARGIN


def test_search_sorts_filters_and_pages(demo_hub) -> None:
    catalog = HubCatalog()
    by_downloads = catalog.search(limit=3)
    assert [r["id"] for r in by_downloads] == [
        "bartowski/Llama-3.1-8B-Instruct-GGUF", "Qwen/Qwen3-8B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF",
    ]  # fmt: skip
    page_two = catalog.search(limit=3, offset=3)
    assert len(page_two) == 3 and not {r["id"] for r in page_two} & {r["id"] for r in by_downloads}
    assert catalog.search(sort="likes", limit=1)[0]["id"] == "bartowski/Llama-3.1-8B-Instruct-GGUF"
    qwen = catalog.search("qwen")
    assert {r["id"] for r in qwen} == {"Qwen/Qwen3-8B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF"}
    assert [r["id"] for r in catalog.search("qwen", family="DeepSeek")] == ["unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF"]
    assert [r["id"] for r in catalog.search(family="openPangu")] == ["FreedomIntelligence/openPangu-Embedded-7B-GGUF"]
    gemma = catalog.search(family="Gemma")[0]
    assert gemma["gated"] is True and gemma["license"] == "gemma"


def test_repo_details_card_license_and_quants(demo_hub) -> None:
    details = HubCatalog().repo("FreedomIntelligence/openPangu-Embedded-7B-GGUF")
    assert details.license == "other" and details.license_name == "openpangu-model-license-1.0"
    assert details.base_model == ["FreedomIntelligence/openPangu-Embedded-7B"]
    assert details.card_text.startswith("# openPangu-Embedded-7B") and "license:" not in details.card_text
    assert [f.quant for f in details.files] == ["Q8_0", "Q6_K", "Q4_K_M", "IQ3_XS"]
    assert all(f.sha256[0] and len(f.sha256[0]) == 64 for f in details.files)
    assert len(details.sha) == 40


def test_unknown_repo_and_unreachable_hub(demo_hub, monkeypatch) -> None:
    with pytest.raises(NotFoundOnHub):
        HubCatalog().repo("nobody/nothing-GGUF")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(NetworkError, match="Cannot reach the Hugging Face Hub") as info:
        HubCatalog().search("qwen")
    assert "already on this machine keep working" in info.value.hint


def test_fit_from_a_remote_header_read_by_range(demo_hub) -> None:
    catalog = HubCatalog()
    details = catalog.repo("Qwen/Qwen3-8B-GGUF")
    header, problem = header_for(details, None, catalog.base)
    assert problem == "" and header.architecture == "llama"
    smallest = min(details.files, key=lambda c: c.size_bytes)
    assert demo_hub.bytes_served(smallest.files[0]) <= 2 * 1024 * 1024, "only the header travels, by Range"
    gib = 1024**3
    roomy = [Device("big GPU", "gpu", 80 * gib)]
    assess(details.files, header, roomy)
    need = {c.quant: c.fit["big GPU"]["needed_bytes"] for c in details.files}
    assert need["Q8_0"] > need["Q4_K_M"]
    assert "KV cache" in details.files[0].fit["big GPU"]["explain"]
    larger = min(need["Q8_0"], need["Q6_K"])
    gpu_free = int((need["Q4_K_M"] + 0.5 * (larger - need["Q4_K_M"])) / GPU_MARGIN)  # Q4_K_M fits, Q6_K and Q8_0 do not
    devices = [Device("NVIDIA T4 (GPU 0)", "gpu", gpu_free), Device("CPU memory", "cpu", 16 * gib)]
    assess(details.files, header, devices)
    q6 = details.files[1].fit["NVIDIA T4 (GPU 0)"]
    assert q6["verdict"] in ("tight", "does_not_fit") or q6["mode"] == "partial", "Q6_K does not fit whole on the GPU: some layers go to RAM"
    best, reason = recommend(details.files, devices)
    assert best.quant == "Q4_K_M" and best.fit["NVIDIA T4 (GPU 0)"]["verdict"] == "fits"
    assert "NVIDIA T4" in reason and "would need" in reason


def test_recommendation_when_nothing_fits_and_size_only_fallback(demo_hub) -> None:
    details = HubCatalog().repo("Qwen/Qwen3-8B-GGUF")
    tiny = [Device("CPU memory", "cpu", 1024)]
    assess(details.files, None, tiny)
    assert all("file size alone" in c.fit["CPU memory"]["explain"] for c in details.files)
    best, reason = recommend(details.files, tiny)
    assert best is None and "No quant fits" in reason


def test_ascend_gets_a_warning_for_k_quants() -> None:
    report = HardwareReport(cpu={}, memory={"available_bytes": 8 * 1024**3}, npus=[{"index": 0, "name": "Ascend 910B3", "memory_free_bytes": 60 * 1024**3}])
    devices = devices_from(report)
    assert [d.kind for d in devices] == ["npu", "cpu"]
    from hangar.core.hub.quants import GGUFChoice

    choices = [GGUFChoice("Q4_K_M", ["a-Q4_K_M.gguf"], [1000], [None]), GGUFChoice("Q8_0", ["a-Q8_0.gguf"], [2000], [None])]
    assess(choices, None, devices)
    assert "warning" in choices[0].fit["Ascend 910B3 (NPU 0)"] and "warning" not in choices[1].fit["Ascend 910B3 (NPU 0)"]
    best, reason = recommend(choices, devices)
    assert best.quant == "Q8_0" and "Ascend" in reason
