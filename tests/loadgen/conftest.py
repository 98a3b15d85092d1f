"""The fake endpoint, started once per module (in this process: for what it answers, not for timing)
with a fresh Behaviour per test, and a short way to run a benchmark against it."""

from __future__ import annotations

import pytest

from hangar.core.loadgen.benchmark import BenchServeSpec, ServeBenchmark
from hangar.core.loadgen.client import Retry
from hangar.core.loadgen.metrics import Slo
from hangar.core.loadgen.sweep import LoadShape
from hangar.core.loadgen.target import Target
from hangar.core.loadgen.workload import WorkloadSpec

from .fake_endpoint import Behaviour, FakeEndpoint

MACHINE = {"label": "test", "hostname": "test", "os": "Linux", "cpu": "cpu", "ram_bytes": 1, "gpus": [], "npus": []}


@pytest.fixture(scope="module")
def fake_server():
    with FakeEndpoint() as server:
        yield server


@pytest.fixture
def fake(fake_server: FakeEndpoint) -> FakeEndpoint:
    fake_server.behaviour = Behaviour(ttft_s=0.0, per_token_s=0.0)  # fast unless a test asks for latency
    return fake_server


def spec_for(url: str, *, model: str | None = "fake-model", concurrency=(1,), prompt_tokens: int = 32, output_tokens: int = 8, requests: int = 4,
             rate: float | None = None, burstiness: float = 1.0, endpoint: str = "completions", prompt_file=None, slo: Slo | None = None,
             api_key: str | None = None, timeout_s: float = 30.0, retry: Retry | None = None, ca_bundle=None, seed: int = 0) -> BenchServeSpec:  # fmt: skip
    return BenchServeSpec(
        Target(url, api_key=api_key, timeout_s=timeout_s, ca_bundle=ca_bundle), model,
        WorkloadSpec(prompt_tokens=prompt_tokens, output_tokens=output_tokens, requests=requests, endpoint=endpoint, prompt_file=prompt_file, seed=seed),
        LoadShape(list(concurrency), rate, burstiness), slo or Slo(), retry or Retry(tries=3, max_wait_s=5.0, first_backoff_s=0.05),
    )  # fmt: skip


def bench(url: str, *, on_status=None, on_progress=None, **kwargs) -> dict:
    benchmark = ServeBenchmark(spec_for(url, **kwargs), on_status=on_status or (lambda text: None), on_progress=on_progress or (lambda p: None),
                               machine=lambda label: dict(MACHINE))  # fmt: skip
    return benchmark.run()
