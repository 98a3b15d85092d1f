"""Experts in RAM through llama.cpp's tensor buffer overrides, in the real worker.

On the CPU runtime every tensor is in RAM anyway, but the override still applies: llama.cpp
logs each tensor it moves ("tensor blk.0.ffn_up_exps.weight (2 MiB f16) buffer type overridden
to CPU"), the worker counts those lines into ModelInfo, and the benchmark records them with
llama-bench's n_cpu_moe. A GPU run does the same with the CUDA buffers (docs/runtimes-and-measurements.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.gguf.synth import write_synthetic
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_moe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic(tmp_path_factory.mktemp("moe") / "small-moe.gguf", "small-moe", f16=True)


@pytest.fixture
def client():
    engine = EngineClient()
    yield engine
    engine.close()


def test_the_worker_keeps_the_experts_of_every_layer_in_ram_and_says_so(client: EngineClient, small_moe: Path) -> None:
    client.load(P.LoadOptions(path=str(small_moe), n_ctx=256, n_threads=2, n_cpu_moe=4))
    model = client.model
    assert model.n_cpu_moe == 4 and model.overridden_tensors == 12, "gate, up and down experts of 4 layers, one log line each"
    assert model.overridden_mib == 12 * 2.0, "each 8 x 512 x 256 F16 tensor is 2 MiB in the log's whole MiB"
    done = list(client.generate(P.GenerateOptions(prompt="hello", max_tokens=8, temperature=0, ignore_eos=True)))[-1]
    assert done.n_generated == 8
    client.load(P.LoadOptions(path=str(small_moe), n_ctx=256, n_threads=2, n_cpu_moe=1))
    assert (client.model.n_cpu_moe, client.model.overridden_tensors) == (1, 3), "only blk.0, never blk.1x"
    client.load(P.LoadOptions(path=str(small_moe), n_ctx=256, n_threads=2))
    assert (client.model.n_cpu_moe, client.model.overridden_tensors) == (0, 0)


def test_bad_overrides_never_reach_llama_cpp(client: EngineClient, small_moe: Path) -> None:
    for fields, name in (({"n_cpu_moe": -1}, "n_cpu_moe"), ({"split_mode": "rows"}, "split_mode"), ({"tensor_split": [0.0]}, "tensor_split")):
        options = P.LoadOptions(path=str(small_moe), n_ctx=256, **fields)
        with pytest.raises(EngineError) as info:
            client.load(options)
        assert info.value.code == P.E_BAD_REQUEST and name in info.value.message
        client.send(options.to_request(900))  # past the client's check: the worker refuses it too
        while (event := client.events.get(timeout=10)).id != 900 or not event.FINAL:
            pass
        assert isinstance(event, P.Error) and event.code == P.E_BAD_REQUEST and name in event.message
    assert client.alive


def test_the_benchmark_records_n_cpu_moe_as_llama_bench_does(client: EngineClient, small_moe: Path) -> None:
    result = client.bench(P.BenchOptions(model=str(small_moe), n_prompt=16, n_gen=4, reps=1, n_threads=2, n_cpu_moe=2, warmup=False))
    assert (result.n_cpu_moe, result.split_mode, result.main_gpu, result.tensor_split, result.tensor_buft_overrides) == (2, "layer", 0, "0.00", "none")
    assert result.overridden_tensors == 6
