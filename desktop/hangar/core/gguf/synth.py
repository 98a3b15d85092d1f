"""Synthetic GGUF models: real llama.cpp-loadable files with random weights.

Tests and benchmarks need models without downloading any. A llama-architecture file
with a byte-level vocabulary loads in llama-cpp-python in milliseconds, and because
compute does not depend on the values, a synthetic model of a real shape gives real
timings. Every file written here says so in its metadata (``hangar.synthetic``), and
whatever shows or reports it must label it "synthetic weights". A shape with ``pooling``
writes an embedding model: the same llama file with ``llama.pooling_type`` set (llama.cpp
reads that key for every architecture) and no chat template, as e5-mistral-style causal
embedding models are, so llama.cpp's real embedding path runs it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
SYNTHETIC_KEY = "hangar.synthetic"

# Token types from the GGUF spec (gguf.TokenType): 1 normal, 2 unknown, 3 control, 6 byte.
_NORMAL, _UNKNOWN, _CONTROL, _BYTE = 1, 2, 3, 6
POOLING_TYPES = {"mean": 1, "cls": 2, "last": 3}  # the values of llama.cpp's enum llama_pooling_type
_SPECIALS = (("<unk>", _UNKNOWN), ("<s>", _CONTROL), ("</s>", _CONTROL), ("<|im_start|>", _CONTROL), ("<|im_end|>", _CONTROL))


@dataclass(frozen=True)
class Shape:
    """The hyper-parameters of a llama-style model."""

    name: str
    description: str
    n_embd: int
    n_layer: int
    n_head: int
    n_head_kv: int
    n_ff: int
    n_ctx_train: int = 4096
    n_vocab: int = 0  # 0: just the specials, bytes and "▁"; larger pads with filler tokens
    script: str = ""  # when set, the model greedily repeats this text forever (see _script_weights)
    n_expert: int = 0  # mixture of experts: experts per layer (n_ff is then each expert's width)
    n_expert_used: int = 0
    pooling: str = ""  # an embedding model: mean, cls or last (llama.cpp's llama_pooling_type)
    arch: str = "llama"  # a header-only shape may name another architecture (qwen3moe)
    key_length: int = 0  # 0: n_embd / n_head (Qwen3 sets 128 with 32 heads of a 2048-wide model)
    header_only: bool = False  # too large to write here: synthetic_header() builds its header, for plans and fits

    @property
    def head_dim(self) -> int:
        return self.key_length or self.n_embd // self.n_head


PRESETS: dict[str, Shape] = {
    "tiny": Shape("tiny", "2 layers, 64 wide: loads in milliseconds, for tests", 64, 2, 4, 2, 128),
    "small": Shape("small", "4 layers, 256 wide, 8k vocabulary: a few MB, for UI and streaming tests", 256, 4, 8, 4, 704, 8192, 8192),
    "medium": Shape("medium", "8 layers, 512 wide: slow enough on a CPU to cancel mid-prompt", 512, 8, 8, 4, 1408, 16384, 8192),
    "1b": Shape("1b", "Llama 3.2 1B's shape (16 layers, 2048 wide, 128k vocabulary): real benchmark timings", 2048, 16, 32, 8, 8192, 131072, 128256),
    "8b": Shape("8b", "Llama 3.1 8B's shape (32 layers, 4096 wide, GQA 32/8, 128k vocabulary)", 4096, 32, 32, 8, 14336, 131072, 128256),
    "moe": Shape("moe", "a 7B-total, 1.3B-active mixture of experts (OLMoE's shape: 16 layers, 64 experts, 8 used)", 2048, 16, 16, 16, 1024, 4096, 50304, n_expert=64, n_expert_used=8),
    "tiny-embed": Shape("tiny-embed", "2 layers, 64 wide, mean pooling: an embedding model for tests", 64, 2, 4, 2, 128, pooling="mean"),
    "tiny-moe": Shape("tiny-moe", "2 layers, 4 experts, 2 used: for tests", 64, 2, 4, 2, 64, n_expert=4, n_expert_used=2),
    "tiny-qwen3moe": Shape("tiny-qwen3moe", "qwen3-30b-a3b's layout in small (Qwen3-MoE, heads of 32 wider than 64/4, 8 experts, 2 used): for tests",
                           64, 2, 4, 2, 64, n_vocab=512, n_expert=8, n_expert_used=2, arch="qwen3moe", key_length=32),
    "small-moe": Shape("small-moe", "4 layers, 256 wide, 8 experts, 2 used: expert offload tests and benchmarks", 256, 4, 8, 4, 512, 4096, 8192,
                       n_expert=8, n_expert_used=2),
    "qwen3-30b-a3b": Shape("qwen3-30b-a3b", "Qwen3-30B-A3B's shape (48 layers, 2048 wide, 128 experts of 768, 8 used, 151k vocabulary): header only",
                           2048, 48, 32, 4, 768, 40960, 151936, n_expert=128, n_expert_used=8, arch="qwen3moe", key_length=128, header_only=True),
    # Every byte of the script is distinct, so "next byte" is a function of the last byte alone.
    "script": Shape("script", "repeats '中日한🙂é' forever under greedy sampling: multi-byte streaming tests", 64, 2, 4, 2, 128, script="中日한🙂é"),
}


def vocabulary(shape: Shape) -> tuple[list[str], list[float], list[int]]:
    """Specials, the 256 byte tokens (so any UTF-8 text tokenizes), "▁", then fillers."""
    tokens = [text for text, _ in _SPECIALS]
    types = [kind for _, kind in _SPECIALS]
    tokens += [f"<0x{b:02X}>" for b in range(256)]
    types += [_BYTE] * 256
    tokens.append("\u2581")
    types.append(_NORMAL)
    filler = max(0, shape.n_vocab - len(tokens))
    tokens += [f"\u2581t{i}" for i in range(filler)]
    types += [_NORMAL] * filler
    scores = [0.0 if kind == _BYTE else -float(i) for i, kind in enumerate(types)]
    return tokens, scores, types


def write_synthetic(
    path: Path,
    preset: str = "tiny",
    *,
    f16: bool = False,
    q8_0: bool = False,
    large: bool = False,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Write a synthetic model to ``path`` (atomically) and return the path.

    ``q8_0`` writes every matrix as Q8_0 (quantised here, tensor by tensor, with gguf's own
    quantiser), so a big shape needs no F16 file first: a Qwen3-30B-A3B-shaped model is 32 GB
    in Q8_0 where F16 would be 61 GB, and llama.cpp requantises Q8_0 to Q4_K_M
    (engine/quantize.py, ``allow_requantize``). ``large`` writes a header-only shape all the
    same (a GPU machine's disk, not this one's). ``progress`` hears the fraction of the tensor
    data written, after each tensor; an exception it raises stops the write (the ``.partial``
    file is left for the caller)."""
    import gguf  # imported here, with numpy: the CLI's --help and --version need neither
    import numpy as np

    if preset not in PRESETS:
        raise InvalidInput(QT_TR_NOOP("unknown preset {preset}; choose one of {presets}", preset=repr(preset), presets=", ".join(PRESETS)))
    shape = PRESETS[preset]
    if shape.header_only and not large:
        raise InvalidInput(QT_TR_NOOP("the {preset} shape is too large to write here; it exists as a header for memory plans", preset=preset))
    path = Path(path)
    if path.suffix.lower() != ".gguf":
        raise InvalidInput(QT_TR_NOOP("{path} must end in .gguf", path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    rng = np.random.default_rng(seed)
    tokens, scores, types = vocabulary(shape)
    n_vocab, n_embd, n_kv, n_q = len(tokens), shape.n_embd, shape.n_head_kv * shape.head_dim, shape.n_head * shape.head_dim
    wtype = np.float16 if f16 else np.float32
    arch = shape.arch

    writer = gguf.GGUFWriter(str(tmp), arch)
    writer.add_name(f"Hangar synthetic {shape.name}")
    writer.add_description(f"Synthetic weights (random), shape {shape.name}: {shape.description}")
    writer.add_bool(SYNTHETIC_KEY, True)
    writer.add_string("hangar.synthetic.shape", shape.name)
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_Q8_0 if q8_0 else gguf.LlamaFileType.MOSTLY_F16 if f16 else gguf.LlamaFileType.ALL_F32)
    writer.add_context_length(shape.n_ctx_train)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(shape.n_layer)
    writer.add_feed_forward_length(shape.n_ff)
    writer.add_head_count(shape.n_head)
    writer.add_head_count_kv(shape.n_head_kv)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(shape.head_dim)
    if shape.key_length:
        writer.add_key_length(shape.head_dim)
        writer.add_value_length(shape.head_dim)
    writer.add_rope_freq_base(10000.0)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    if shape.pooling:
        writer.add_uint32("llama.pooling_type", POOLING_TYPES[shape.pooling])
    else:
        writer.add_chat_template(CHATML_TEMPLATE)

    if shape.n_expert:
        writer.add_expert_count(shape.n_expert)
        writer.add_expert_used_count(shape.n_expert_used)
        if arch != "llama":  # Qwen3-MoE reads each expert's width from its own key
            writer.add_expert_feed_forward_length(shape.n_ff)

    # Tensors are declared first and generated one at a time while writing, so a model of
    # 8B parameters never has to sit in memory whole.
    block = rng.standard_normal(1 << 20, dtype=np.float32)

    def noise(*dims: int, scale: float = 0.02) -> np.ndarray:
        """Random-looking weights: a 1M-value random block tiled (timing ignores the values)."""
        if shape.script:  # layers that add nothing: the last token alone decides the next
            return np.zeros(dims, dtype=wtype)
        return (np.resize(block, int(np.prod(dims))).reshape(dims) * scale).astype(wtype)

    embeddings = rng.standard_normal((n_vocab, n_embd), dtype=np.float32) if shape.script else None
    ones = lambda: np.ones(n_embd, dtype=np.float32)  # noqa: E731 - norms stay F32 as llama.cpp expects
    plan: list[tuple[str, tuple[int, ...], type, object]] = [
        ("token_embd.weight", (n_vocab, n_embd), wtype, lambda: embeddings.astype(wtype) if embeddings is not None else noise(n_vocab, n_embd, scale=1.0)),
    ]
    ff, experts = shape.n_ff, shape.n_expert
    for i in range(shape.n_layer):
        blk = f"blk.{i}"
        plan += [
            (f"{blk}.attn_norm.weight", (n_embd,), np.float32, ones),
            (f"{blk}.attn_q.weight", (n_q, n_embd), wtype, lambda: noise(n_q, n_embd)),
            (f"{blk}.attn_k.weight", (n_kv, n_embd), wtype, lambda: noise(n_kv, n_embd)),
            (f"{blk}.attn_v.weight", (n_kv, n_embd), wtype, lambda: noise(n_kv, n_embd)),
            (f"{blk}.attn_output.weight", (n_embd, n_q), wtype, lambda: noise(n_embd, n_q)),
            (f"{blk}.ffn_norm.weight", (n_embd,), np.float32, ones),
        ]
        if arch == "qwen3moe":  # Qwen3 normalises each head's queries and keys
            head_ones = lambda: np.ones(shape.head_dim, dtype=np.float32)  # noqa: E731
            plan += [(f"{blk}.attn_q_norm.weight", (shape.head_dim,), np.float32, head_ones),
                     (f"{blk}.attn_k_norm.weight", (shape.head_dim,), np.float32, head_ones)]  # fmt: skip
        if experts:
            plan += [
                (f"{blk}.ffn_gate_inp.weight", (experts, n_embd), np.float32, lambda: noise(experts, n_embd).astype(np.float32)),
                (f"{blk}.ffn_gate_exps.weight", (experts, ff, n_embd), wtype, lambda: noise(experts, ff, n_embd)),
                (f"{blk}.ffn_up_exps.weight", (experts, ff, n_embd), wtype, lambda: noise(experts, ff, n_embd)),
                (f"{blk}.ffn_down_exps.weight", (experts, n_embd, ff), wtype, lambda: noise(experts, n_embd, ff)),
            ]
        else:
            plan += [
                (f"{blk}.ffn_gate.weight", (ff, n_embd), wtype, lambda: noise(ff, n_embd)),
                (f"{blk}.ffn_up.weight", (ff, n_embd), wtype, lambda: noise(ff, n_embd)),
                (f"{blk}.ffn_down.weight", (n_embd, ff), wtype, lambda: noise(n_embd, ff)),
            ]
    plan.append(("output_norm.weight", (n_embd,), np.float32, ones))
    plan.append((
        "output.weight", (n_vocab, n_embd), wtype,
        lambda: (_script_weights(shape.script, embeddings) if shape.script else _output_weights(rng, types, n_embd)).astype(wtype),
    ))  # fmt: skip
    if q8_0:  # every matrix (the norms and the router stay F32, as llama.cpp's quantiser leaves them)
        qtype, (q_block, q_bytes) = gguf.GGMLQuantizationType.Q8_0, gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType.Q8_0]

        def is_matrix(name: str, dims: tuple[int, ...]) -> bool:
            return len(dims) > 1 and not name.endswith("ffn_gate_inp.weight")

        if any(is_matrix(name, dims) and dims[-1] % q_block for name, dims, _dtype, _make in plan):
            raise InvalidInput(QT_TR_NOOP("the {preset} shape cannot be Q8_0: a row is not a multiple of {block} values", preset=preset, block=q_block))

        def as_q8_0(make: Callable[[], np.ndarray]) -> Callable[[], np.ndarray]:
            return lambda: gguf.quants.quantize(np.asarray(make(), dtype=np.float32), qtype)

        plan = [(name, dims[:-1] + (dims[-1] // q_block * q_bytes,), "q8_0", as_q8_0(make)) if is_matrix(name, dims)
                else (name, dims, dtype, make) for name, dims, dtype, make in plan]  # fmt: skip

    def nbytes(dims: tuple[int, ...], dtype) -> int:
        return int(np.prod(dims)) * (1 if dtype == "q8_0" else np.dtype(dtype).itemsize)

    for name, dims, dtype, _make in plan:
        if dtype == "q8_0":
            writer.add_tensor_info(name, dims, np.dtype(np.uint8), nbytes(dims, dtype), raw_dtype=gguf.GGMLQuantizationType.Q8_0)
        else:
            writer.add_tensor_info(name, dims, np.dtype(dtype), nbytes(dims, dtype))
    try:
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        sizes = [nbytes(dims, dtype) for _name, dims, dtype, _make in plan]
        total, written = sum(sizes) or 1, 0
        for (_name, _dims, _dtype, make), size in zip(plan, sizes):
            writer.write_tensor_data(make())
            written += size
            if progress:  # by bytes: the 1B shape's embeddings are a fifth of the file, one tensor of 147
                progress(written / total)
    finally:
        writer.close()
    os.replace(tmp, path)
    if progress:
        progress(1.0)
    return path


def _output_weights(rng: np.random.Generator, types: list[int], n_embd: int) -> np.ndarray:
    """Random output rows, with zero rows for control tokens.

    Ordinary tokens then get logits of a few units either side of zero while end-of-
    generation tokens sit at exactly zero, so a random model keeps talking instead of
    stopping after a token or two, which is what a streaming test needs.
    """
    import numpy as np

    out = rng.standard_normal((len(types), n_embd), dtype=np.float32) * 0.5
    for index, kind in enumerate(types):
        if kind in (_CONTROL, _UNKNOWN):
            out[index] = 0.0
    return out


def _script_weights(script: str, embeddings: np.ndarray) -> np.ndarray:
    """Output rows that make byte b(i+1) the best continuation of byte b(i), cyclically.

    With the layers zeroed, the final hidden state is the normalised embedding of the
    last token, so the logit of token v is emb(last) . row(v). Setting row(b(i+1)) to
    emb(b(i)) gives the successor a logit of about n_embd while any other token scores
    around sqrt(n_embd): greedy decoding walks the script's bytes, and each character
    (3 or 4 bytes) arrives split across tokens.
    """
    import numpy as np

    data = script.encode("utf-8")
    if len(set(data)) != len(data):
        raise InvalidInput(QT_TR_NOOP("a script's UTF-8 bytes must all differ"))
    byte_token = {b: len(_SPECIALS) + b for b in range(256)}
    out = np.zeros_like(embeddings)
    for i, b in enumerate(data):
        nxt = data[(i + 1) % len(data)]
        out[byte_token[nxt]] = embeddings[byte_token[b]]
    return out


# ggml type ids (ggml_types.QUANT_SIZES) and general.file_type ids of the quants a header can be built in
_TYPES = {"F32": 0, "F16": 1, "Q4_0": 2, "Q8_0": 8, "Q4_K": 12, "Q6_K": 14, "BF16": 30}
_FILE_TYPES = {"F16": 1, "Q4_0": 2, "Q8_0": 7, "Q4_K_M": 15, "BF16": 32}


def _more_bits(layer: int, n_layer: int) -> bool:
    """llama.cpp's use_more_bits (llama-quant.cpp): the layers Q4_K_M keeps at Q6_K for attn_v and ffn_down."""
    return layer < n_layer // 8 or layer >= 7 * n_layer // 8 or (layer - n_layer // 8) % 3 == 2


def _tensor_type(name: str, layer: int, n_layer: int, quant: str) -> str:
    """The type llama.cpp's quantiser gives a 2-D (or expert) tensor of a ``quant`` file, roughly: its main rules."""
    if quant in ("F16", "BF16"):
        return quant
    if name == "output.weight":
        return "Q8_0" if quant == "Q8_0" else "Q6_K"
    if quant in ("Q8_0", "Q4_0"):
        return quant
    if (".attn_v." in name or ".ffn_down" in name) and _more_bits(layer, n_layer):
        return "Q6_K"
    return "Q4_K"


def synthetic_header(preset: str, quant: str = "Q4_K_M"):
    """The GGUF header a synthetic model of ``preset`` would have in ``quant``, built in memory.

    A memory plan needs the tensor names, types and shapes only, so a Qwen3-30B-A3B-shaped
    plan is checked without writing its 17 GB (core/runner/plan.py)."""
    from .header import GGUFHeader, TensorInfo

    if preset not in PRESETS:
        raise InvalidInput(QT_TR_NOOP("unknown preset {preset}; choose one of {presets}", preset=repr(preset), presets=", ".join(PRESETS)))
    if quant not in _FILE_TYPES:
        raise InvalidInput(QT_TR_NOOP("unknown quantisation '{quant}'; choose one of {choices}", quant=quant, choices=", ".join(_FILE_TYPES)))
    shape = PRESETS[preset]
    arch, n_embd, hd, n_layer = shape.arch, shape.n_embd, shape.head_dim, shape.n_layer
    n_vocab = max(shape.n_vocab, len(vocabulary(Shape("v", "", 1, 1, 1, 1, 1))[0]))
    q_out, kv_out = shape.n_head * hd, shape.n_head_kv * hd
    tensors: list[tuple[str, tuple[int, ...], str]] = [("token_embd.weight", (n_embd, n_vocab), _tensor_type("token_embd.weight", 0, n_layer, quant))]
    for i in range(n_layer):
        blk = f"blk.{i}"
        mats = [(f"{blk}.attn_q.weight", (n_embd, q_out)), (f"{blk}.attn_k.weight", (n_embd, kv_out)), (f"{blk}.attn_v.weight", (n_embd, kv_out)),
                (f"{blk}.attn_output.weight", (q_out, n_embd))]  # fmt: skip
        if shape.n_expert:
            e, ff = shape.n_expert, shape.n_ff
            mats += [(f"{blk}.ffn_gate_exps.weight", (n_embd, ff, e)), (f"{blk}.ffn_up_exps.weight", (n_embd, ff, e)),
                     (f"{blk}.ffn_down_exps.weight", (ff, n_embd, e))]  # fmt: skip
        else:
            mats += [(f"{blk}.ffn_gate.weight", (n_embd, shape.n_ff)), (f"{blk}.ffn_up.weight", (n_embd, shape.n_ff)),
                     (f"{blk}.ffn_down.weight", (shape.n_ff, n_embd))]  # fmt: skip
        tensors += [(f"{blk}.attn_norm.weight", (n_embd,), "F32"), (f"{blk}.ffn_norm.weight", (n_embd,), "F32")]
        if arch == "qwen3moe":
            tensors += [(f"{blk}.attn_q_norm.weight", (hd,), "F32"), (f"{blk}.attn_k_norm.weight", (hd,), "F32")]
        if shape.n_expert:
            tensors.append((f"{blk}.ffn_gate_inp.weight", (n_embd, shape.n_expert), "F32"))  # the router stays F32
        tensors += [(name, dims, _tensor_type(name, i, n_layer, quant)) for name, dims in mats]
    tensors += [("output_norm.weight", (n_embd,), "F32"), ("output.weight", (n_embd, n_vocab), _tensor_type("output.weight", 0, n_layer, quant))]
    metadata = {
        "general.architecture": arch, "general.name": f"Hangar synthetic {shape.name}", SYNTHETIC_KEY: True,
        "hangar.synthetic.shape": shape.name, "general.file_type": _FILE_TYPES[quant], f"{arch}.context_length": shape.n_ctx_train,
        f"{arch}.embedding_length": n_embd, f"{arch}.block_count": n_layer, f"{arch}.feed_forward_length": shape.n_ff,
        f"{arch}.attention.head_count": shape.n_head, f"{arch}.attention.head_count_kv": shape.n_head_kv,
        f"{arch}.attention.key_length": hd, f"{arch}.attention.value_length": hd,
    }  # fmt: skip
    if shape.n_expert:
        metadata |= {f"{arch}.expert_count": shape.n_expert, f"{arch}.expert_used_count": shape.n_expert_used,
                     f"{arch}.expert_feed_forward_length": shape.n_ff}  # fmt: skip
    infos, offset = [], 0
    for name, dims, type_name in tensors:
        info = TensorInfo(name, dims, _TYPES[type_name], offset)
        infos.append(info)
        offset += -(-info.n_bytes // 32) * 32
    return GGUFHeader(3, metadata, infos, {"tokenizer.ggml.tokens": n_vocab})
