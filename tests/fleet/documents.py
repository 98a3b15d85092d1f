"""hangar.run/1 documents as other machines write them, for the fleet tests: a bench-serve sweep
(levels with every sample) and a single-stream bench record, each of a chosen machine."""

from __future__ import annotations

import copy

LATENCY_KEYS = ("ttft_ms", "tpot_ms", "itl_ms", "e2el_ms")


def _stats(base: float) -> dict:
    return {"mean": base * 1.1, "median": base, "std": base * 0.2, "p90": base * 1.6, "p99": base * 2.2}


def level(concurrency: int, output_tps: float, ttft_ms: float, tpot_ms: float, *, requests: int = 8, good: int | None = None,
          status: str = "ok", power_w: float | None = None) -> dict:  # fmt: skip
    """One concurrency level: ``requests`` requests of 128 output tokens at ``output_tps`` in all."""
    out_tokens = 128 * requests
    duration = out_tokens / output_tps
    found = {
        "max_concurrency": concurrency, "status": status, "error": None if status == "ok" else "the endpoint stopped answering",
        "duration": duration, "completed": requests, "failed": 0, "total_input_tokens": 512 * requests,
        "total_output_tokens": out_tokens, "tokens_estimated": False, "request_throughput": requests / duration,
        "output_throughput": output_tps, "total_token_throughput": (512 + 128) * requests / duration,
        "request_goodput": (requests if good is None else good) / duration,
    }  # fmt: skip
    for key, base in (("ttft_ms", ttft_ms), ("tpot_ms", tpot_ms), ("itl_ms", tpot_ms), ("e2el_ms", ttft_ms + 127 * tpot_ms)):
        for stat, value in _stats(base).items():
            found[f"{stat}_{key}"] = round(value, 3)
    if power_w is not None:
        found |= {"avg_power_w": power_w, "energy_j": power_w * duration, "j_per_output_token": power_w * duration / out_tokens}
    found["samples"] = [
        {"ok": True, "error": None, "prompt_tokens": 512, "output_tokens": 128, "ttft_ms": ttft_ms, "e2el_ms": ttft_ms + 127 * tpot_ms,
         "itl_ms": [tpot_ms] * 4, "start_s": i * 0.01}
        for i in range(requests)
    ]  # fmt: skip
    return found


def serve_doc(label: str, *, gpu: str = "NVIDIA H100 80GB HBM3", model: str = "Qwen2.5-7B-Instruct", engine: str = "vllm",
              levels: list[dict] | None = None, created_at: str = "2025-03-01T10:00:00Z", slo: bool = True) -> dict:  # fmt: skip
    return {
        "schema": "hangar.run/1",
        "kind": "bench-serve",
        "created_at": created_at,
        "hangar_version": "0.1.0",
        "machine": {"label": label, "hostname": f"{label}.example", "os": "Linux-5.15", "cpu": "Kunpeng 920", "ram_bytes": 512 * 2**30,
                    "gpus": [{"name": gpu, "memory_bytes": 80 * 2**30}], "npus": []},  # fmt: skip
        "target": {"kind": "endpoint", "base_url": f"http://{label}.example:8000/v1", "model": model, "engine": engine},
        "workload": {"prompt_tokens": 512, "output_tokens": 128, "requests": 8, "rate": None, "burstiness": 1.0, "dataset": "random",
                     "dataset_sha256": None, "seed": 0, "endpoint": "/v1/chat/completions",
                     "slo": {"ttft_ms": 2000, "tpot_ms": 100, "e2el_ms": None} if slo else {"ttft_ms": None, "tpot_ms": None, "e2el_ms": None}},  # fmt: skip
        "levels": levels if levels is not None else [level(1, 60.0, 50, 16), level(4, 200.0, 90, 19), level(16, 520.0, 400, 30, good=5)],
    }


def ascend_doc() -> dict:
    doc = serve_doc("ascend-910b", gpu="", engine="vllm-ascend",
                    levels=[level(1, 45.0, 70, 22, power_w=310.0), level(4, 150.0, 120, 26, power_w=340.0), level(16, 430.0, 600, 36, power_w=380.0)])  # fmt: skip
    doc["machine"]["gpus"] = []
    doc["machine"]["npus"] = [{"name": "Ascend 910B", "memory_bytes": 64 * 2**30}]
    return doc


def h100_doc() -> dict:
    return serve_doc("h100")


def bench_doc(label: str = "this-laptop", tg: float = 25.0) -> dict:
    """A single-stream record as hangar-cli bench --json prints it (the fields tests read)."""
    test = {"test": "tg128", "n_prompt": 0, "n_gen": 128, "avg_ns": int(128 / tg * 1e9), "stddev_ns": 1000, "avg_ts": tg, "stddev_ts": 0.4,
            "samples_ns": [int(128 / tg * 1e9)] * 3, "samples_ts": [tg] * 3, "energy_j": None, "j_per_token": None, "tokens_per_j": None}  # fmt: skip
    pp = copy.deepcopy(test) | {"test": "pp512", "n_prompt": 512, "n_gen": 0, "avg_ts": tg * 20, "samples_ts": [tg * 20] * 3}
    return {
        "schema": "hangar.run/1", "kind": "bench", "created_at": "2025-03-02T08:00:00Z", "hangar_version": "0.1.0",
        "machine": {"label": label, "hostname": label, "os": "Linux", "cpu": "AMD Ryzen 7", "ram_bytes": 32 * 2**30, "gpus": [], "npus": []},
        "results": [pp, test], "ttft_ms": 210.0, "energy_source": None, "energy_reason": "no energy counter", "energy_j_per_token": None,
        "localscore": None, "peak_rss_bytes": 900 * 2**20, "model_type": "llama 7B Q4_K_M", "n_threads": 8, "synthetic": False,
        "model": {"path": "/models/qwen2.5-7b-instruct-q4_k_m.gguf", "name": "qwen2.5-7b-instruct-q4_k_m.gguf", "sha256": None, "synthetic": False},
        "device": "CPU memory", "system": {"runtime": "cpu", "os": "Linux", "cpu": "AMD Ryzen 7", "gpus": [], "npus": []},
    }  # fmt: skip
