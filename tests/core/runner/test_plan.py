"""The placement plan on fake devices and real MoE shapes: every expected number is worked out
here from the header's tensor sizes, the way llama.cpp assigns layers (input on the CPU, the
output counted as a layer, the last n_gpu_layers on the GPUs, each layer's KV with it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hangar.core.common.units import GIB, MIB
from hangar.core.gguf.header import read_header
from hangar.core.gguf.synth import synthetic_header, write_synthetic
from hangar.core.hub.fitting import Device as HubDevice
from hangar.core.hub.fitting import assess, recommend
from hangar.core.hub.quants import GGUFChoice
from hangar.core.runner import protocol as P
from hangar.core.runner.plan import Device, Overrides, PlanProblem, expert_pattern, geometry, make_plan, plan_for_header, runtime_devices
from hangar.core.runner.runtimes import Runtime

QWEN = "qwen3-30b-a3b"
N_CTX = 32768


class Hand:
    """The header's tensors summed by hand: per layer without experts, per layer's experts, the rest."""

    def __init__(self, header) -> None:  # noqa: ANN001
        self.n_layer = header.get(f"{header.architecture}.block_count")
        self.dense, self.experts = [0] * self.n_layer, [0] * self.n_layer
        self.input = self.output = 0
        for t in header.tensors:
            m = re.match(r"blk\.(\d+)\.", t.name)
            if m:
                (self.experts if "_exps." in t.name else self.dense)[int(m.group(1))] += t.n_bytes
            elif t.name.startswith("output"):
                self.output += t.n_bytes
            else:
                self.input += t.n_bytes
        arch = header.architecture
        kv_heads, key = header.get(f"{arch}.attention.head_count_kv"), header.get(f"{arch}.attention.key_length")
        self.n_embd, self.n_vocab = header.get(f"{arch}.embedding_length"), header.array_lengths["tokenizer.ggml.tokens"]
        self.used, self.ff = header.get(f"{arch}.expert_used_count", 0), header.get(f"{arch}.expert_feed_forward_length", 0)
        self.kv_per_token = kv_heads * 2 * (key or self.n_embd // header.get(f"{arch}.attention.head_count"))

    def kv(self, n_ctx: int) -> int:
        return self.kv_per_token * n_ctx * 2  # f16 cache

    def compute(self) -> int:  # logits and hidden states for one 512-token ubatch, and the routed experts' scratch
        return 4 * 512 * (self.n_vocab + 4 * self.n_embd) + 4 * 512 * self.used * self.ff * 3


GPU_EXTRA, CPU_EXTRA = 400 * MIB, 150 * MIB  # runtime context per GPU, and on the CPU


def test_one_24_gib_gpu_takes_all_of_a_q4_k_m_and_keeps_the_fewest_experts_of_a_q8_0_in_ram() -> None:
    devices = [Device("RTX 4090 (CUDA0)", 24 * GIB, "gpu"), Device("CPU memory", 64 * GIB, "cpu")]
    header = synthetic_header(QWEN, "Q4_K_M")
    h = Hand(header)
    plan = plan_for_header(header, devices, n_ctx=N_CTX)
    vram = sum(h.dense) + sum(h.experts) + h.output + h.n_layer * h.kv(N_CTX) + h.compute() + GPU_EXTRA
    assert plan.verdict == "fits" and plan.mode == "gpu" and plan.n_cpu_moe == 0 and plan.vram_bytes == vram
    assert plan.words() == f"fits on the GPU ({vram / GIB:.1f} GiB VRAM)"
    assert plan.load_settings()["n_gpu_layers"] == -1

    header = synthetic_header(QWEN, "Q8_0")
    h = Hand(header)
    plan = plan_for_header(header, devices, n_ctx=N_CTX)
    budget = 0.9 * 24 * GIB
    for k in range(h.n_layer + 1):
        vram = sum(h.dense) + sum(h.experts[k:]) + h.output + h.n_layer * h.kv(N_CTX) + h.compute() + GPU_EXTRA
        if vram <= budget:
            break
    ram = h.input + sum(h.experts[:k]) + CPU_EXTRA + h.compute()
    assert 0 < k < h.n_layer and plan.n_cpu_moe == k and plan.mode == "moe"
    assert (plan.vram_bytes, plan.ram_bytes) == (vram, ram)
    assert plan.words() == f"fits with the experts of {k} of 48 layers in RAM ({vram / GIB:.1f} GiB VRAM, {ram / GIB:.1f} GiB RAM)"
    assert plan.load_settings() == {"n_gpu_layers": -1, "n_cpu_moe": k, "split_mode": "layer", "tensor_split": None, "main_gpu": 0}


def test_two_gpus_share_the_layers_by_free_memory_as_llama_cpp_does() -> None:
    header = synthetic_header(QWEN, "Q4_K_M")
    h = Hand(header)
    devices = [Device("A", 16 * GIB), Device("B", 12 * GIB), Device("CPU memory", 64 * GIB, "cpu")]
    plan = plan_for_header(header, devices, n_ctx=4096)
    # llama.cpp: layer il (of 49, the output last) goes to A while il / 49 < 16 / 28, i.e. il < 28
    on_a = [il for il in range(49) if il / 49 < 16 / 28]
    assert on_a == list(range(28)) and plan.layers == {"CPU memory": 0, "A": 28, "B": 20}
    layer = lambda il: h.dense[il] + h.experts[il] + h.kv(4096)  # noqa: E731
    assert plan.device_bytes["A"] == sum(layer(il) for il in range(28)) + h.compute() + GPU_EXTRA
    assert plan.device_bytes["B"] == sum(layer(il) for il in range(28, 48)) + h.output + h.compute() + GPU_EXTRA
    assert plan.words().endswith("; 28 on A, 20 on B)") and plan.tensor_split is None


def test_two_unequal_gpus_with_experts_in_ram_are_packed_first_to_last() -> None:
    """By free memory (12:6), B gets 15 whole layers and overflows while A's experts leave; the
    plan packs A first instead and hands llama.cpp that split as layer counts."""
    header = synthetic_header(QWEN, "Q4_K_M")
    h = Hand(header)
    devices = [Device("A", 12 * GIB), Device("B", 6 * GIB), Device("CPU memory", 64 * GIB, "cpu")]
    plan = plan_for_header(header, devices, n_ctx=N_CTX)
    fixed = h.compute() + GPU_EXTRA

    def packed(k: int) -> list[int] | None:
        counts, room, gpu = [0, 0], 0.9 * 12 * GIB - fixed, 0
        for il in range(49):
            need = h.output if il == 48 else h.dense[il] + (0 if il < k else h.experts[il]) + h.kv(N_CTX)
            while need > room:
                gpu += 1
                if gpu == 2:
                    return None
                room = 0.9 * 6 * GIB - fixed
            room -= need
            counts[gpu] += 1
        return counts

    k = next(k for k in range(49) if packed(k))
    assert plan.n_cpu_moe == k and plan.tensor_split == [float(c) for c in packed(k)]
    assert plan.layers["A"] + plan.layers["B"] == 48 and plan.layers["A"] == packed(k)[0]
    assert all(plan.device_bytes[name] <= 0.9 * free for name, free in (("A", 12 * GIB), ("B", 6 * GIB)))
    assert f"the experts of {k} of 48 layers in RAM" in plan.words()
    # the user's own split is taken as it is: by 12:6 the experts of far more layers must leave
    mine = plan_for_header(header, devices, n_ctx=N_CTX, overrides=Overrides(tensor_split=[12, 6]))
    assert mine.n_cpu_moe > k and mine.tensor_split == [12, 6]


def test_cpu_only() -> None:
    header = synthetic_header(QWEN, "Q4_K_M")
    h = Hand(header)
    plan = plan_for_header(header, [Device("CPU memory", 64 * GIB, "cpu")], n_ctx=4096)
    ram = h.input + sum(h.dense) + sum(h.experts) + h.output + h.n_layer * h.kv(4096) + h.compute() + CPU_EXTRA
    assert plan.mode == "cpu" and plan.ram_bytes == ram and plan.vram_bytes == 0
    assert plan.words() == f"fits in CPU memory ({ram / GIB:.1f} GiB of 64.0 GiB free)"
    small = plan_for_header(header, [Device("CPU memory", 8 * GIB, "cpu")], n_ctx=4096)
    assert small.words() == f"does not fit on CPU memory: needs {ram / GIB:.1f} GiB, has 8.0 GiB"


def test_a_dense_model_that_does_not_fit_keeps_its_first_layers_in_ram() -> None:
    header = synthetic_header("8b", "F16")
    h = Hand(header)
    plan = plan_for_header(header, [Device("T4", 8 * GIB), Device("CPU memory", 64 * GIB, "cpu")], n_ctx=8192)
    for ngl in range(33, -1, -1):  # the last ngl of the 33 layers (the output first) on the GPU
        on_gpu = [il for il in range(33) if il >= 33 - ngl]
        vram = sum(h.output if il == 32 else h.dense[il] + h.kv(8192) for il in on_gpu) + h.compute() + GPU_EXTRA
        if vram <= 0.9 * 8 * GIB:
            break
    assert plan.mode == "partial" and plan.n_gpu_layers == ngl and plan.vram_bytes == vram
    assert plan.words().startswith(f"fits with {ngl - 1} of 32 layers on the GPU ("), "the output layer counts among the GPU layers"
    assert plan.load_settings()["n_gpu_layers"] == ngl


def test_what_does_not_fit_says_what_it_needs_and_what_there_is() -> None:
    plan = plan_for_header(synthetic_header(QWEN, "Q4_K_M"), [Device("G", 8 * GIB), Device("CPU memory", 8 * GIB, "cpu")], n_ctx=N_CTX)
    assert plan.verdict == "does_not_fit"
    assert plan.words() == f"does not fit: needs {plan.needed_bytes / GIB:.1f} GiB, has 16.0 GiB (GPU and RAM together)"
    assert plan.needed_bytes > 20 * GIB


def test_ascend_runs_what_the_npu_runs_and_says_what_would_fall_back() -> None:
    ram = Device("CPU memory", 64 * GIB, "cpu")
    k_quant = synthetic_header(QWEN, "Q4_K_M")
    on_910b = plan_for_header(k_quant, [Device("Ascend 910B3 (NPU 0)", 60 * GIB, "npu"), ram], n_ctx=4096)
    odd = sum(t.n_bytes for t in k_quant.tensors if t.type_name in ("Q4_K", "Q6_K"))
    assert on_910b.npu_odd_types == ["Q4_K", "Q6_K"] and on_910b.npu_cpu_share == pytest.approx(odd / k_quant.weights_bytes)
    assert on_910b.words().startswith("fits on the NPU (") and "of the weights (Q4_K, Q6_K) are in types the NPU does not run" in on_910b.words()
    q8 = synthetic_header(QWEN, "Q8_0")
    assert plan_for_header(q8, [Device("Ascend 910B3 (NPU 0)", 60 * GIB, "npu"), ram], n_ctx=4096).npu_odd_types == []
    on_310p = plan_for_header(q8, [Device("Ascend 310P3 (NPU 0)", 21 * GIB, "npu"), ram], n_ctx=4096)
    assert on_310p.npu_odd_types == ["Q8_0"], "the 310P's quantised matmul falls back: F16 only"

    sizes = {"F16": 61 * 10**9, "Q8_0": 32 * 10**9, "Q4_K_M": 18 * 10**9, "Q4_0": 17 * 10**9}
    choices = [GGUFChoice(q, [f"m-{q}.gguf"], [size], [None]) for q, size in sizes.items()]
    for npu, best_quant in (("Ascend 910B3", "Q8_0"), ("Ascend 310P3", "F16")):
        devices = [HubDevice(f"{npu} (NPU 0)", "npu", 60 * GIB if "910" in npu else 21 * GIB), HubDevice("CPU memory", "cpu", 96 * GIB)]
        assess(choices, k_quant, devices)
        best, reason = recommend(choices, devices)
        assert best.quant == best_quant and npu in reason, (npu, reason)
        assert "would run on the CPU" in choices[2].fit[f"{npu} (NPU 0)"]["warning"], "a K-quant says how much falls back"


def test_bad_overrides_are_refused_with_a_message() -> None:
    header = synthetic_header(QWEN, "Q4_K_M")
    gpus = [Device("A", 24 * GIB), Device("B", 24 * GIB), Device("CPU memory", 64 * GIB, "cpu")]
    for overrides, message in (
        (Overrides(n_cpu_moe=49), "Experts on CPU is 49 layers, but this model has 48 layers."),
        (Overrides(n_cpu_moe=-1), "Experts on CPU must be 0 or more layers, not -1."),
        (Overrides(tensor_split=[1, 1, 1]), "The tensor split gives 3 shares, but there are 2 GPUs."),
        (Overrides(main_gpu=2), "The main GPU must be from 0 to 1, not 2."),
        (Overrides(split_mode="diagonal"), "The split mode must be one of none, layer, row, not diagonal."),
    ):
        with pytest.raises(PlanProblem) as info:
            plan_for_header(header, gpus, n_ctx=4096, overrides=overrides)
        assert info.value.message == message
    with pytest.raises(PlanProblem, match="mixture-of-experts"):
        plan_for_header(synthetic_header("8b", "Q4_K_M"), gpus, n_ctx=4096, overrides=Overrides(n_cpu_moe=2))
    for fields, name in (({"n_cpu_moe": -2}, "n_cpu_moe"), ({"split_mode": "rows"}, "split_mode"), ({"tensor_split": []}, "tensor_split"),
                         ({"tensor_split": [0, 0]}, "tensor_split"), ({"tensor_split": [1, -1]}, "tensor_split"), ({"main_gpu": 16}, "main_gpu")):  # fmt: skip
        assert name in (P.LoadOptions(path="m.gguf", **fields).problem() or ""), fields
        assert name in (P.BenchOptions(model="m.gguf", **fields).problem() or ""), fields
    assert P.LoadOptions(path="m.gguf", n_cpu_moe=48, tensor_split=[3, 1], split_mode="row").problem() is None


def test_set_by_hand_is_kept_and_split_mode_none_uses_the_main_gpu_alone() -> None:
    header = synthetic_header(QWEN, "Q4_K_M")
    devices = [Device("A", 24 * GIB), Device("B", 24 * GIB), Device("CPU memory", 64 * GIB, "cpu")]
    plan = plan_for_header(header, devices, n_ctx=4096, overrides=Overrides(n_cpu_moe=20))
    assert plan.n_cpu_moe == 20 and "the experts of 20 of 48 layers in RAM" in plan.words()
    alone = plan_for_header(header, devices, n_ctx=4096, overrides=Overrides(split_mode="none", main_gpu=1))
    assert alone.gpus == ["B"] and alone.layers["B"] == 48


def test_a_vram_limit_plans_a_big_gpu_as_a_small_one() -> None:
    """The acceptance's "restricted to 8 GB": the H200's 140 GiB planned as 8 GiB (hangar-cli run/bench --vram-limit 8)."""
    cuda = Runtime("cuda", True, devices=[{"name": "CUDA0", "description": "NVIDIA H200", "type": "gpu", "memory_free_bytes": 140 * GIB}])
    devices = runtime_devices(cuda, 64 * GIB, vram_limit_bytes=8 * GIB)
    assert devices == [Device("NVIDIA H200 (CUDA0)", 8 * GIB, "gpu"), Device("CPU memory", 64 * GIB, "cpu")]
    header = synthetic_header(QWEN, "Q4_K_M")
    assert plan_for_header(header, devices, n_ctx=4096).n_cpu_moe == plan_for_header(header, [Device("G", 8 * GIB), devices[1]], n_ctx=4096).n_cpu_moe > 0
    assert runtime_devices(cuda, 64 * GIB)[0].free_bytes == 140 * GIB
    assert "vram_limit_bytes" in (P.BenchOptions(model="m.gguf", vram_limit_bytes=0).problem() or "")


def test_the_expert_pattern_is_llama_cpps() -> None:
    pattern = expert_pattern(1)
    assert pattern == r"blk\.1\.ffn_(up|down|gate|gate_up)_(ch|)exps"
    assert re.search(pattern, "blk.1.ffn_up_exps.weight") and re.search(pattern, "blk.1.ffn_gate_up_exps.weight")
    assert not re.search(pattern, "blk.11.ffn_up_exps.weight") and not re.search(pattern, "blk.1.ffn_up_shexp.weight")


def test_the_written_small_moe_and_its_header_agree(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path / "small-moe.gguf", "small-moe", f16=True)
    geo = geometry(read_header(path))
    assert geo.n_layer == 4 and geo.n_expert == 8 and geo.n_expert_used == 2
    assert geo.expert_bytes == (3 * 8 * 512 * 256 * 2,) * 4, "gate, up and down experts of 8 x 512 x 256 in F16"
    built = geometry(synthetic_header("small-moe", "F16"))
    assert built.expert_bytes == geo.expert_bytes and built.layer_bytes == geo.layer_bytes
    with pytest.raises(Exception, match="header"):
        write_synthetic(tmp_path / "big.gguf", QWEN)


def test_the_qwen3_30b_a3b_shape_is_the_real_ones_size() -> None:
    header = synthetic_header(QWEN, "Q4_K_M")
    assert 30.4e9 < header.n_params < 30.6e9, "Qwen3-30B-A3B has 30.5B parameters"
    assert 18.0e9 < header.weights_bytes < 19.0e9, "its Q4_K_M files are 18.6 GB"
    assert make_plan(geometry(header), [Device("G", 8 * GIB), Device("CPU memory", 32 * GIB, "cpu")], n_ctx=4096).mode == "moe"
