"""The language between Hangar and its inference worker: one JSON object per line.

The parent writes requests to the worker's stdin; the worker answers with events on
stdout. Both sides build and read their messages only through these dataclasses, so a
field's name and type live in one place, and this module is all the worker (engine/)
takes from core/ (tests/test_architecture.py checks). The worker never imports Qt; the
parent may be the GUI or the CLI.

Requests (``op``): load, generate, embed, bench, cancel (acted on at once, even mid-prompt; with
an ``id`` it stops that one generate request only, without one every request read before it),
unload, stats, shutdown. A model loaded with ``n_parallel`` > 1 decodes that many generate
requests together (engine/batch.py), so their events interleave, each with its request's id. A
model loaded with ``embedding`` answers ``embed`` (one vector per input) and refuses ``generate``;
a text model refuses ``embed`` (``E_WRONG_KIND``). Events (``event``): hello, progress, loaded, token, done, error,
embeddings, unloaded, stats, bench, alive (a busy worker's heartbeat), bye. Numbers in a request are
checked against the bounds below on both sides (``problem()``). Every event that answers
a request carries that request's ``id``. A message meant for a person (an error, the
reason energy was not measured, a benchmark stage) crosses the pipe as a ``core.i18n.Text``'s
template and fields, so the window can still translate it (``QT_TR_NOOP`` is re-exported
here for the worker).

Quality (engine/perplexity.py): ``perplexity`` scores a text file the way llama.cpp's
llama-perplexity does and answers with ``perplexity_chunk`` events (the running figures) and one
``perplexity`` event; with ``base_out`` it also writes the scored tokens' log-probabilities in
llama-perplexity's ``--kl-divergence-base`` format, with ``base_in`` it reads them back and adds
the KL divergence to that reference.
"""

from __future__ import annotations

import base64
import json
import math
import struct
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any, Callable, ClassVar

from ..common.i18n import QT_TR_NOOP, Text, from_stored, to_stored  # noqa: F401 - QT_TR_NOOP and Text for the worker

GPU_LAYERS_ALL = -1  # offload every layer; 0 keeps the model on the CPU
FLASH_ATTN = ("auto", "on", "off")
# LocalScore's shapes (LLAMA-NOTES.md): (prompt tokens, generated tokens)
LOCALSCORE_SHAPES = [(1024, 16), (4096, 256), (2048, 256), (2048, 768), (1024, 1024), (1280, 3072), (384, 1152), (64, 1024), (16, 1536)]

# Bounds of the numbers a request carries, checked by core before a worker starts and by the
# worker before llama.cpp sees them: llama.cpp keeps n_ctx in a uint32 (2**32 wrapped to 0,
# "the model's own context"; 2**32+1 to 1, which aborted the worker), threads in an int
# bounded by ggml's GGML_MAX_N_THREADS, seeds in a uint32.
MIN_CTX, MAX_CTX = 16, 1 << 20  # tokens (the chat's own n_ctx range ends at 1,048,576 too)
MAX_THREADS = 512  # GGML_MAX_N_THREADS
MAX_BATCH = 1 << 16
MAX_GPU_LAYERS = 9999  # -1 or any count at or above the model's layers offloads them all
MAX_DEVICES = 16  # llama.cpp's LLAMA_MAX_DEVICES: shares in a tensor split, the highest main GPU + 1
SPLIT_MODES = ("none", "layer", "row")  # llama_split_mode 0, 1, 2, by llama-bench's names
# The expert tensors llama.cpp's --n-cpu-moe keeps in RAM (common/common.h LLM_FFN_EXPS_REGEX), one
# pattern per layer, the first N layers: blk\.0\.ffn_(up|down|gate|gate_up)_(ch|)exps ...
EXPERTS_REGEX = r"\.ffn_(up|down|gate|gate_up)_(ch|)exps"
MAX_SEED = 2**32 - 1
MAX_PARALLEL = 64  # sequences decoded together in one context (llama.cpp's LLAMA_MAX_SEQ is 256)
MAX_GRAMMAR_CHARS = 1 << 20  # GBNF text; a JSON schema's grammar is a few KB
MAX_PENALTY = 2.0  # presence and frequency penalties: the OpenAI API's range, -2.0 to 2.0
MAX_EMBED_INPUTS = 2048  # texts (or token arrays) in one embed request, as the OpenAI API allows
MAX_EMBED_TOKEN_ID = 2**31 - 1  # llama_token is an int32; the worker checks against the vocabulary
HEARTBEAT_S = 1.0  # a busy worker says it is alive at least this often (the "alive" event)

# Error codes the worker sends; the client adds its own for crashes and time-outs.
E_BAD_REQUEST = "bad_request"
E_NOT_LOADED = "not_loaded"
E_LOAD_FAILED = "load_failed"
E_NOT_GGUF = "not_gguf"
E_CANCELLED = "cancelled"
E_GENERATE_FAILED = "generate_failed"
E_CONTEXT_FULL = "context_full"
E_WRONG_KIND = "wrong_model_kind"  # generate on an embedding model, embed on a text model
E_INTERNAL = "internal"
E_WORKER_CRASHED = "worker_crashed"
E_WORKER_UNRESPONSIVE = "worker_unresponsive"
E_RUNTIME_UNAVAILABLE = "runtime_unavailable"
E_TEXT_TOO_SHORT = "text_too_short"  # perplexity: fewer tokens than one chunk
E_VOCAB_MISMATCH = "vocab_mismatch"  # KL divergence against a reference with another vocabulary


class StopReason(str, Enum):
    """Why a generation ended. Str-valued, so JSON, the database and ``== "cancelled"`` still work."""

    LENGTH = "length"  # max_tokens reached
    STOP = "stop"  # an end-of-generation token or a stop string
    CANCELLED = "cancelled"
    CONTEXT_FULL = "context_full"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


# -- messages on the wire ---------------------------------------------------------------------
def _to_wire(value: Any) -> Any:
    """JSON-ready: a Text becomes {"template", "fields"} (as core.i18n stores it), an Enum its value."""
    if isinstance(value, Text):
        return json.loads(to_stored(value))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_wire(v) for v in value]
    return value


def message_from_wire(value: Any) -> Any:
    """A message as the other side wrote it: a Text again (translatable), or the plain string."""
    if isinstance(value, dict) and "template" in value:
        return from_stored(json.dumps(value, ensure_ascii=False))
    return value


_FIELD_NAMES: dict[type, frozenset[str]] = {}  # a wire dataclass's field names, asked once


class _Wire:
    """``from_dict`` for a dataclass: unknown keys are ignored (an older or newer peer), and
    ``CONVERT`` turns JSON values back into their types (nested records, messages, enums)."""

    CONVERT: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        known = _FIELD_NAMES.get(cls)
        if known is None:  # once per class, not per line: a server parses a line per token per stream
            known = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
        values = {k: v for k, v in data.items() if k in known}
        for name, convert in cls.CONVERT.items():
            if values.get(name) is not None:
                values[name] = convert(values[name])
        return cls(**values)


# -- requests ---------------------------------------------------------------------------------
@dataclass
class LoadOptions(_Wire):
    path: str
    n_ctx: int = 4096
    n_gpu_layers: int = GPU_LAYERS_ALL
    n_threads: int = 0  # 0: one per physical core
    n_batch: int = 512
    flash_attn: str = "auto"
    use_mmap: bool = True
    seed: int = 0
    n_parallel: int = 1  # generate requests decoded together; the context's n_ctx is split between them
    embedding: bool = False  # an embedding model (pooling from the GGUF): answers embed, refuses generate
    n_cpu_moe: int | None = None  # layers, from the first, whose expert tensors stay in RAM (--n-cpu-moe); None: the plan's (core/runner/plan.py)
    split_mode: str = "layer"  # across several GPUs: layer, row, or none (main_gpu only)
    tensor_split: list[float] | None = None  # each GPU's share (llama.cpp's -ts); None: by free memory
    main_gpu: int = 0

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "load", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with these options (a message), or None; the same check on both sides of the pipe."""
        if not isinstance(self.path, str):
            return QT_TR_NOOP("{name} must be text, not {value}", name="path", value=_shown(self.path))
        if self.flash_attn not in FLASH_ATTN:
            return QT_TR_NOOP("{name} must be one of {choices}, not {value}", name="flash_attn", choices=", ".join(FLASH_ATTN), value=_shown(self.flash_attn))
        if not isinstance(self.use_mmap, bool):
            return QT_TR_NOOP("{name} must be true or false, not {value}", name="use_mmap", value=_shown(self.use_mmap))
        if not isinstance(self.embedding, bool):
            return QT_TR_NOOP("{name} must be true or false, not {value}", name="embedding", value=_shown(self.embedding))
        if self.embedding and self.n_parallel != 1:
            return QT_TR_NOOP("{name} must be 1 for an embedding model, not {value}", name="n_parallel", value=_shown(self.n_parallel))
        placement = _placement_problem(self.n_cpu_moe, self.split_mode, self.tensor_split, self.main_gpu)
        if placement:
            return placement
        return (_whole("n_ctx", self.n_ctx, MIN_CTX, MAX_CTX) or _whole("n_threads", self.n_threads, 0, MAX_THREADS)
                or _whole("n_batch", self.n_batch, 1, MAX_BATCH) or _whole("n_gpu_layers", self.n_gpu_layers, GPU_LAYERS_ALL, MAX_GPU_LAYERS)
                or _whole("seed", self.seed, 0, MAX_SEED) or _whole("n_parallel", self.n_parallel, 1, MAX_PARALLEL)
                or (None if self.n_parallel == 1 else _whole("n_ctx per sequence", self.n_ctx // self.n_parallel, MIN_CTX, MAX_CTX)))  # fmt: skip


@dataclass
class GenerateOptions(_Wire):
    prompt: str | None = None
    messages: list[dict[str, str]] | None = None  # rendered with the model's chat template
    max_tokens: int = 256
    temperature: float = 0.8
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    presence_penalty: float = 0.0  # subtracted from the logit of every token generated so far (OpenAI's meaning)
    frequency_penalty: float = 0.0  # subtracted once for each time a token was generated so far
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    ignore_eos: bool = False  # benchmarks and tests: always produce max_tokens
    grammar: str | None = None  # GBNF text the output must match (llama.cpp's grammar sampler), e.g. from a JSON schema

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "generate", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with these options (a message), or None."""
        if self.prompt is not None and not isinstance(self.prompt, str):
            return QT_TR_NOOP("{name} must be text, not {value}", name="prompt", value=_shown(self.prompt))
        if self.messages is not None and not (isinstance(self.messages, list) and all(isinstance(m, dict) for m in self.messages)):
            return QT_TR_NOOP("{name} must be a list of messages, not {value}", name="messages", value=_shown(self.messages))
        if not isinstance(self.stop, list) or not all(isinstance(s, str) for s in self.stop):
            return QT_TR_NOOP("{name} must be a list of texts, not {value}", name="stop", value=_shown(self.stop))
        if not isinstance(self.ignore_eos, bool):
            return QT_TR_NOOP("{name} must be true or false, not {value}", name="ignore_eos", value=_shown(self.ignore_eos))
        if self.grammar is not None and not (isinstance(self.grammar, str) and 0 < len(self.grammar) <= MAX_GRAMMAR_CHARS):
            return QT_TR_NOOP("{name} must be a GBNF grammar of 1 to {high:,} characters, not {value}", name="grammar", high=MAX_GRAMMAR_CHARS,
                              value=_shown(self.grammar))  # fmt: skip
        return (_whole("max_tokens", self.max_tokens, 1, MAX_CTX) or _whole("top_k", self.top_k, 0, 2**31 - 1)
                or (None if self.seed is None else _whole("seed", self.seed, 0, MAX_SEED))
                or _real("temperature", self.temperature, 0.0, 100.0) or _real("top_p", self.top_p, 0.0, 1.0)
                or _real("min_p", self.min_p, 0.0, 1.0) or _real("repeat_penalty", self.repeat_penalty, 0.01, 100.0)
                or _real("presence_penalty", self.presence_penalty, -MAX_PENALTY, MAX_PENALTY)
                or _real("frequency_penalty", self.frequency_penalty, -MAX_PENALTY, MAX_PENALTY))  # fmt: skip


@dataclass
class EmbedOptions(_Wire):
    """Texts (or token arrays, as the OpenAI API allows) to embed with a model loaded with
    ``embedding``; the answer is one ``Embeddings`` event, its vectors in the inputs' order."""

    inputs: list[str | list[int]] = field(default_factory=list)
    normalize: bool = True  # unit length (L2), as OpenAI's embeddings are

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "embed", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with these inputs (a message), or None; the worker checks each one's length against its context."""
        if not isinstance(self.normalize, bool):
            return QT_TR_NOOP("{name} must be true or false, not {value}", name="normalize", value=_shown(self.normalize))
        if not isinstance(self.inputs, list) or not 1 <= len(self.inputs) <= MAX_EMBED_INPUTS:
            count = len(self.inputs) if isinstance(self.inputs, list) else _shown(self.inputs)
            return QT_TR_NOOP("{name} must hold 1 to {high:,} inputs, not {value}", name="input", high=MAX_EMBED_INPUTS, value=count)
        for i, item in enumerate(self.inputs):
            tokens = isinstance(item, list) and all(not isinstance(t, bool) and isinstance(t, int) and 0 <= t <= MAX_EMBED_TOKEN_ID for t in item)
            if not (isinstance(item, str) or tokens):
                return QT_TR_NOOP("{name} must be a text or a list of token ids (whole numbers from 0), not {value}", name=f"input[{i}]", value=_shown(item))
            if not item:
                return QT_TR_NOOP("{name} is empty: every input needs some text", name=f"input[{i}]")
        return None


def _placement_problem(n_cpu_moe: Any, split_mode: Any, tensor_split: Any, main_gpu: Any) -> Text | None:
    """The expert-offload and multi-GPU settings LoadOptions and BenchOptions share; the model's own
    layer count and the machine's GPUs are checked in core (core/runner/plan.py), before a worker starts."""
    if n_cpu_moe is not None and (problem := _whole("n_cpu_moe", n_cpu_moe, 0, MAX_GPU_LAYERS)):
        return problem
    if split_mode not in SPLIT_MODES:
        return QT_TR_NOOP("{name} must be one of {choices}, not {value}", name="split_mode", choices=", ".join(SPLIT_MODES), value=_shown(split_mode))
    if tensor_split is not None:
        shares = tensor_split if isinstance(tensor_split, list) else None
        if not shares or len(shares) > MAX_DEVICES or any(_real("tensor_split", v, 0.0, 1e9) for v in shares) or not sum(shares) > 0:
            return QT_TR_NOOP("{name} must be 1 to {high} shares of 0 or more, not all 0, not {value}", name="tensor_split", high=MAX_DEVICES,
                              value=_shown(tensor_split))  # fmt: skip
    return _whole("main_gpu", main_gpu, 0, MAX_DEVICES - 1)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _whole(name: str, value: Any, low: int, high: int) -> Text | None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name=name, low=low, high=high, value=_shown(value))
    return None


def _real(name: str, value: Any, low: float, high: float) -> Text | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        return QT_TR_NOOP("{name} must be a number from {low} to {high}, not {value}", name=name, low=low, high=high, value=_shown(value))
    return None


@dataclass
class BenchOptions(_Wire):
    """What to benchmark and how, from the button or the command line to the worker; defaults
    are llama-bench's. ``core.bench.run_benchmark`` turns ``model`` (or ``synthetic``) into a
    GGUF path and picks ``energy_device`` before the request goes out; the worker reads
    the rest. One type, so a setting cannot be renamed on one side only."""

    model: str = ""  # a GGUF file; from a user also a library reference (id, name, repo)
    synthetic: str | None = None  # or a synthetic model of this shape (core/gguf/synth.py) ...
    quant: str = "Q4_K_M"  # ... in this quantisation
    runtime: str = "cpu"
    force: bool = False  # run even when the memory estimate says it does not fit
    n_prompt: int = 512
    n_gen: int = 128
    reps: int = 5
    n_threads: int = 0  # 0: the setting, else one per physical core
    n_gpu_layers: int = GPU_LAYERS_ALL
    n_cpu_moe: int | None = 0  # llama-bench's -ncmoe: the expert tensors of the first N layers in RAM; None (the window's auto): the plan's
    split_mode: str = "layer"  # llama-bench's -sm
    tensor_split: list[float] | None = None  # llama-bench's -ts; None: by free memory
    main_gpu: int = 0  # llama-bench's -mg
    vram_limit_bytes: int | None = None  # read by core only: the plan treats each GPU as having at most this much free
    n_batch: int = 2048
    n_ubatch: int = 512
    flash_attn: str = "auto"
    type_k: str = "f16"
    type_v: str = "f16"
    use_mmap: bool = True
    warmup: bool = True
    seed: int = 42
    energy_device: str = "cpu"  # cpu (RAPL) / gpu (NVML) / npu (npu-smi)
    energy_index: int = 0
    suite: str = "llama-bench"  # or "localscore": LocalScore's prompt+generation shapes
    shapes: list[tuple[int, int]] = field(default_factory=list)  # the suite's shapes, if not LocalScore's

    CONVERT: ClassVar[dict] = {"shapes": lambda shapes: [tuple(s) for s in shapes]}

    def tests(self) -> list[tuple[str, int, int]]:
        """(name, prompt tokens, generated tokens) of each test, named as llama-bench names them."""
        if self.suite == "localscore":
            return [(f"pp{p}+tg{g}", p, g) for p, g in (self.shapes or LOCALSCORE_SHAPES)]
        return ([(f"pp{self.n_prompt}", self.n_prompt, 0)] if self.n_prompt else []) + (
            [(f"tg{self.n_gen}", 0, self.n_gen)] if self.n_gen else []
        )

    def context_needed(self) -> int:
        """Tokens of context the largest test needs (the worker makes one context per test)."""
        return max((p + g for _name, p, g in self.tests()), default=1)

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "bench", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with the numbers the worker reads (a message), or None."""
        if self.flash_attn not in FLASH_ATTN:
            return QT_TR_NOOP("{name} must be one of {choices}, not {value}", name="flash_attn", choices=", ".join(FLASH_ATTN), value=_shown(self.flash_attn))
        shapes = [v for shape in self.shapes for v in shape] if isinstance(self.shapes, list) else [None]
        placement = _placement_problem(self.n_cpu_moe, self.split_mode, self.tensor_split, self.main_gpu)
        if placement or (self.vram_limit_bytes is not None and (placement := _whole("vram_limit_bytes", self.vram_limit_bytes, 1, 1 << 50))):
            return placement
        return (_whole("n_prompt", self.n_prompt, 0, MAX_CTX) or _whole("n_gen", self.n_gen, 0, MAX_CTX) or _whole("reps", self.reps, 1, 1000)
                or _whole("n_threads", self.n_threads, 0, MAX_THREADS) or _whole("n_batch", self.n_batch, 1, MAX_BATCH)
                or _whole("n_ubatch", self.n_ubatch, 1, MAX_BATCH) or _whole("n_gpu_layers", self.n_gpu_layers, GPU_LAYERS_ALL, MAX_GPU_LAYERS)
                or _whole("seed", self.seed, 0, MAX_SEED) or next((p for v in shapes if (p := _whole("shapes", v, 0, MAX_CTX))), None)
                or _whole("context", self.context_needed(), 1, MAX_CTX))  # fmt: skip


MAX_TEXT_BYTES = 32 << 20  # a text file to score: Wikitext-2's test set is 1.3 MB
MAX_BASE_BYTES = 8 << 30  # the reference's log-probabilities on disk (about n_vocab x 2 bytes per scored token)


@dataclass
class PerplexityOptions(_Wire):
    """Score ``text_path`` as llama-perplexity does: its tokens cut into chunks of ``n_ctx``, each
    decoded alone (BOS first when the model adds one), the second half of each chunk scored.
    ``base_out`` writes the reference's log-probabilities (llama-perplexity's
    ``--kl-divergence-base`` file); ``base_in`` reads such a file (its tokens, not the text's) and
    adds the KL divergence, refusing a model whose vocabulary is not ``vocab_sha256``."""

    text_path: str = ""
    n_ctx: int = 512  # tokens per chunk (llama-perplexity's -c); the model is loaded with at least this
    n_chunks: int = 0  # at most this many chunks; 0: every whole chunk of the text
    n_batch: int = 512  # tokens per llama_decode: a cancel is seen between batches (and inside one)
    base_out: str | None = None
    base_in: str | None = None
    vocab_sha256: str | None = None  # the reference's vocabulary (its Perplexity event's), checked before any decode
    max_base_bytes: int = MAX_BASE_BYTES

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "perplexity", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with these options (a message), or None."""
        for name in ("base_out", "base_in", "vocab_sha256"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and value):
                return QT_TR_NOOP("{name} must be text, not {value}", name=name, value=_shown(value))
        if self.base_out is not None and self.base_in is not None:
            return QT_TR_NOOP("{name} must be one of {choices}, not {value}", name="base", choices="base_out, base_in", value="both")
        if self.base_in is None and not (isinstance(self.text_path, str) and self.text_path):
            return QT_TR_NOOP("{name} must be text, not {value}", name="text_path", value=_shown(self.text_path))
        return (_whole("n_ctx", self.n_ctx, MIN_CTX, MAX_CTX) or _whole("n_chunks", self.n_chunks, 0, MAX_CTX)
                or _whole("n_batch", self.n_batch, 1, MAX_BATCH) or _whole("max_base_bytes", self.max_base_bytes, 0, 1 << 50))  # fmt: skip


def request(op: str, request_id: int | None = None) -> dict[str, Any]:
    """A request without options: cancel, unload, stats, shutdown."""
    return {"op": op} if request_id is None else {"op": op, "id": request_id}


# -- records inside events --------------------------------------------------------------------
@dataclass
class ModelInfo(_Wire):
    """A loaded model as llama.cpp placed it (the ``loaded`` and ``stats`` events)."""

    path: str
    description: str = ""
    size_bytes: int = 0
    n_params: int = 0
    n_ctx: int = 0  # tokens that fit, which llama.cpp may have rounded
    n_ctx_train: int = 0
    n_vocab: int = 0
    n_threads: int = 0
    chat_template: str = ""  # "gguf", or "fallback: ChatML"
    synthetic: bool = False
    layers_offloaded: int = 0
    layers_total: int | None = None
    buffers_mib: dict[str, float] = field(default_factory=dict)  # llama.cpp's buffer name -> MiB
    kv_cache_mib: float = 0.0
    n_parallel: int = 1  # sequences decoded together; each holds n_ctx tokens (the context is n_ctx * n_parallel)
    embedding: bool = False  # loaded for embeddings (answers embed, refuses generate)
    n_embd: int = 0  # the size of the model's output vectors
    pooling: str = ""  # how token vectors become one: none, mean, cls, last, rank (embedding models)
    n_cpu_moe: int = 0  # layers whose expert tensors were asked to stay in RAM
    overridden_tensors: int = 0  # tensors llama.cpp's log says it moved by a buffer-type override
    overridden_mib: float = 0.0  # their size, as the log gives it (whole MiB per tensor)
    split_mode: str = "layer"
    tensor_split: list[float] | None = None


@dataclass
class BenchTest(_Wire):
    """One llama-bench test (pp512, tg128, pp1024+tg16 ...), every sample kept."""

    test: str
    n_prompt: int
    n_gen: int
    avg_ns: int
    stddev_ns: int
    avg_ts: float
    stddev_ts: float
    samples_ns: list[int] = field(default_factory=list)
    samples_ts: list[float] = field(default_factory=list)
    energy_j: float | None = None  # over the timed repetitions only
    j_per_token: float | None = None
    tokens_per_j: float | None = None
    prompt_ts: float | None = None  # prompt+generation shapes (LocalScore) only
    gen_ts: float | None = None
    ttft_ms: float | None = None


# -- events -----------------------------------------------------------------------------------
@dataclass(kw_only=True)
class Event(_Wire):
    EVENT: ClassVar[str] = ""
    FINAL: ClassVar[bool] = False  # the last event answering a request
    id: int | None = None

    def to_line(self) -> str:
        return json.dumps({"event": self.EVENT, **_to_wire(asdict(self))}, ensure_ascii=False)


@dataclass(kw_only=True)
class Hello(Event):
    """First line from a fresh worker: which llama.cpp build it loaded (engine/probe.py)."""

    EVENT = "hello"
    pid: int = 0
    llama_cpp_python: str | None = None
    library_path: str | None = None
    gpu_offload: bool = False
    system_info: str = ""
    devices: list[dict[str, Any]] = field(default_factory=list)  # the probe's devices, as in Runtime.devices


@dataclass(kw_only=True)
class Progress(Event):
    EVENT = "progress"
    CONVERT = {"stage": message_from_wire}
    stage: str = ""  # "load", or a benchmark stage (a message)
    fraction: float = 0.0


@dataclass(kw_only=True)
class Loaded(Event):
    EVENT, FINAL = "loaded", True
    CONVERT = {"model": ModelInfo.from_dict}
    load_ms: float
    model: ModelInfo


@dataclass(kw_only=True)
class Token(Event):
    """The reply's next text: one token's, or several fast tokens' joined (on the single-sequence path
    the worker sends those that come within its FLUSH_EVERY_S together; ``n`` counts every token)."""

    EVENT = "token"
    text: str
    n: int = 0  # tokens generated so far, and the prompt's: the window shows context use live
    n_prompt: int = 0
    ttft_ms: float | None = None  # the worker's own clock, so no view recomputes what it measured
    gen_tps: float | None = None  # generation speed so far (None until a second token)

    def to_line(self) -> str:
        """Event.to_line's line, made without asdict (its deep copy cost more than all the rest of a fast token's
        Python) by one encoder: a Token's fields are plain values, so its own __dict__ is the wire form."""
        return _ENCODE({"event": self.EVENT, **vars(self)})


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps with an argument makes an encoder at every call


@dataclass(kw_only=True)
class Done(Event):
    EVENT, FINAL = "done", True
    CONVERT = {"stop_reason": StopReason}
    stop_reason: StopReason
    n_prompt: int = 0
    n_generated: int = 0
    ttft_ms: float | None = None
    prompt_tps: float | None = None
    gen_tps: float | None = None
    total_ms: float | None = None
    context_used: int | None = None
    n_ctx: int | None = None
    worker_killed: bool = False  # set by the client, never by the worker: it ended a worker that did not stop in time


@dataclass(kw_only=True)
class Error(Event):
    EVENT, FINAL = "error", True
    CONVERT = {"message": message_from_wire}
    code: str
    message: str  # a Text where the sender could make one
    log_tail: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Embeddings(Event):
    """The answer to ``embed``: one vector per input, in order, each as base64 of little-endian
    float32 (the OpenAI API's ``encoding_format: base64``, and exact), with its token count."""

    EVENT, FINAL = "embeddings", True
    data: list[str] = field(default_factory=list)
    n_tokens: list[int] = field(default_factory=list)
    n_embd: int = 0
    total_ms: float | None = None

    def vector(self, index: int) -> list[float]:
        return floats_from_base64(self.data[index])


def floats_to_base64(values: Any) -> str:
    """A vector as OpenAI's base64 embeddings carry it: little-endian float32, base64."""
    values = list(values)
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode("ascii")


def floats_from_base64(text: str) -> list[float]:
    raw = base64.b64decode(text)
    return list(struct.unpack(f"<{len(raw) // 4}f", raw))


@dataclass(kw_only=True)
class Unloaded(Event):
    EVENT, FINAL = "unloaded", True


@dataclass(kw_only=True)
class Stats(Event):
    EVENT, FINAL = "stats", True
    CONVERT = {"model": ModelInfo.from_dict}
    rss_bytes: int | None = None
    model: ModelInfo | None = None


@dataclass(kw_only=True)
class Bench(Event):
    """llama-bench's fields (n_batch, type_k ... as its JSON names them) plus Hangar's."""

    EVENT, FINAL = "bench", True
    CONVERT = {"results": lambda tests: [BenchTest.from_dict(t) for t in tests], "energy_reason": message_from_wire}
    results: list[BenchTest]
    ttft_ms: float | None = None
    energy_source: str | None = None
    energy_reason: str | None = None  # why energy was not measured (a message)
    energy_j_per_token: float | None = None
    localscore: float | None = None
    peak_rss_bytes: int | None = None
    peak_vram_bytes: int | None = None
    model_type: str = ""
    model_size: int = 0
    model_n_params: int = 0
    n_threads: int = 0
    n_gpu_layers: int = GPU_LAYERS_ALL
    n_cpu_moe: int = 0  # llama-bench's JSON names from here to tensor_buft_overrides
    split_mode: str = "layer"
    main_gpu: int = 0
    tensor_split: str = "0.00"  # as llama-bench writes it: "3.00/1.00"
    tensor_buft_overrides: str = "none"  # "pattern=CPU;..." as llama-bench writes it
    overridden_tensors: int = 0  # tensors the log says were moved (Hangar's)
    n_batch: int = 0
    n_ubatch: int = 0
    flash_attn: str = "auto"
    type_k: str = "f16"
    type_v: str = "f16"
    use_mmap: bool = True
    threadpool: bool = False


@dataclass
class KLDivergence(_Wire):
    """A model against its reference, with llama-perplexity's names and uncertainties: PPL(Q) is
    the Perplexity event's ``ppl``; Δp is p(Q) - p(base) of the token that came next, in [-1, 1]."""

    ppl_base: float
    ppl_base_err: float
    ln_ppl_ratio: float  # mean ln(PPL(Q)/PPL(base))
    ln_ppl_ratio_err: float
    ppl_ratio: float
    ppl_ratio_err: float
    ppl_diff: float
    ppl_diff_err: float
    ln_ppl_cor: float | None  # correlation of ln PPL(Q) and ln PPL(base)
    kld_mean: float
    kld_err: float
    kld_percentiles: dict[str, float]  # "max", "99.9", "99.0", "95.0", "90.0", "median", "10.0", "5.0", "1.0", "0.1", "min"
    dp_mean: float
    dp_err: float
    dp_percentiles: dict[str, float]  # "max", "99.9" ... "75.0", "median", "25.0" ... "min"
    dp_rms: float
    dp_rms_err: float
    same_top: float  # the fraction of scored tokens where both models rank the same token first
    same_top_err: float


@dataclass(kw_only=True)
class PerplexityChunk(Event):
    """One chunk scored: the running figures, as llama-perplexity prints them per chunk."""

    EVENT = "perplexity_chunk"
    chunk: int  # 1-based
    n_chunks: int
    ppl: float
    ppl_err: float | None = None
    kld_mean: float | None = None  # with base_in
    same_top: float | None = None
    elapsed_ms: float = 0.0


@dataclass(kw_only=True)
class Perplexity(Event):
    """The answer to ``perplexity``: PPL = exp(mean NLL) over ``n_scored`` tokens, ``ppl_err`` its
    uncertainty (llama-perplexity's ``+/-``); ``kld`` with base_in."""

    EVENT, FINAL = "perplexity", True
    CONVERT = {"kld": KLDivergence.from_dict}
    ppl: float
    ppl_err: float | None
    n_ctx: int
    n_chunks: int
    n_tokens: int  # the text's tokens (BOS included)
    n_scored: int
    n_vocab: int
    vocab_sha256: str  # of llama.cpp's token texts, in id order
    add_bos: bool
    chunk_ppl: list[float] = field(default_factory=list)  # the running PPL after each chunk
    kld: KLDivergence | None = None
    base_bytes: int = 0  # written (base_out) or read (base_in)
    total_ms: float = 0.0
    tokens_per_s: float = 0.0


@dataclass(kw_only=True)
class Alive(Event):
    """A busy worker's sign of life, at least every HEARTBEAT_S while a request runs (a long
    prompt, a load, a benchmark), so the parent can tell a slow worker from a stopped one."""

    EVENT = "alive"


@dataclass(kw_only=True)
class Bye(Event):
    EVENT = "bye"


EVENTS: dict[str, type[Event]] = {cls.EVENT: cls for cls in (Hello, Progress, Loaded, Token, Done, Error, Embeddings, Unloaded, Stats, Bench, PerplexityChunk, Perplexity, Alive, Bye)}


def parse_event(data: Any) -> Event:
    """The event a decoded JSON line describes; ValueError for anything else."""
    kind = EVENTS.get(data.get("event")) if isinstance(data, dict) else None
    if kind is None:
        raise ValueError(f"not a worker event: {str(data)[:200]!r}")
    try:
        return kind.from_dict(data)
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(f"a malformed {data['event']} event: {exc}") from exc


@dataclass(kw_only=True)
class BenchResult(Progress):
    """One benchmark test whose repetitions have all run, sent at once (before the ``bench``
    answer), so a view shows pp512's numbers while tg128 still runs. It is a Progress (how far
    the run is), so whatever passes a request's progress on passes it on too."""

    EVENT = "bench_result"
    CONVERT = {"stage": message_from_wire, "result": BenchTest.from_dict}
    result: BenchTest


EVENTS[BenchResult.EVENT] = BenchResult



# -- scoring (evaluation suites: core/evals/loglik.py, engine/scoring.py) ------------------------
MAX_SCORE_TEXTS = 64  # choices of one multiple-choice item
MAX_SCORE_BYTES = 1 << 20  # all the texts of one request together


@dataclass
class ScoreOptions(_Wire):
    """The log-likelihood of each text's ending, as llama-perplexity's ``--multiple-choice`` scores
    a task's answers: every text (the question, a space and one answer) is tokenised with BOS, the
    tokens all texts share from the start are the context, and each text's tokens after them are
    its ending; the answer is one ``Score`` event with, per text, the summed log-probability of its
    ending and how many tokens that is (llama-perplexity picks the highest mean)."""

    texts: list[str] = field(default_factory=list)

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "score", "id": request_id, **asdict(self)}

    def problem(self) -> Text | None:
        """What is wrong with these texts (a message), or None."""
        if not isinstance(self.texts, list) or not 2 <= len(self.texts) <= MAX_SCORE_TEXTS:
            count = len(self.texts) if isinstance(self.texts, list) else _shown(self.texts)
            return QT_TR_NOOP("{name} must hold 2 to {high:,} texts, not {value}", name="texts", high=MAX_SCORE_TEXTS, value=count)
        for i, text in enumerate(self.texts):
            if not isinstance(text, str) or not text:
                return QT_TR_NOOP("{name} must be a text that is not empty, not {value}", name=f"texts[{i}]", value=_shown(text))
        size = sum(len(text.encode("utf-8")) for text in self.texts)
        if size > MAX_SCORE_BYTES:
            return QT_TR_NOOP("{name} must hold at most {high:,} bytes together, not {value:,}", name="texts", high=MAX_SCORE_BYTES, value=size)
        return None


@dataclass(kw_only=True)
class Score(Event):
    """The answer to ``score``: per text, the summed natural-log probability of its ending
    (``logprob``) over ``n_scored`` tokens; ``n_prefix`` tokens were the shared context."""

    EVENT, FINAL = "score", True
    logprob: list[float] = field(default_factory=list)
    n_scored: list[int] = field(default_factory=list)
    n_tokens: list[int] = field(default_factory=list)
    n_prefix: int = 0
    total_ms: float = 0.0
    tokens_per_s: float = 0.0  # tokens decoded (the context once, each ending) per second


EVENTS[Score.EVENT] = Score
