"""The language between Hangar and its inference worker: one JSON object per line.

The parent writes requests to the worker's stdin; the worker answers with events on
stdout. Both sides build their messages from these dataclasses so the field names live
in one place. The worker never imports Qt; the parent may be the GUI or the CLI.

Requests (``op``): load, generate, cancel (acted on at once, even mid-prompt), unload,
stats, shutdown. Events (``event``): hello, progress, loaded, token, done, error,
unloaded, stats, bye. Every event that answers a request carries that request's ``id``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

GPU_LAYERS_ALL = -1  # offload every layer; 0 keeps the model on the CPU
FLASH_ATTN = ("auto", "on", "off")


@dataclass
class LoadOptions:
    path: str
    n_ctx: int = 4096
    n_gpu_layers: int = GPU_LAYERS_ALL
    n_threads: int = 0  # 0: one per physical core
    n_batch: int = 512
    flash_attn: str = "auto"
    use_mmap: bool = True
    seed: int = 0

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "load", "id": request_id, **asdict(self)}

    @classmethod
    def from_request(cls, request: dict[str, Any]) -> "LoadOptions":
        return _from_dict(cls, request)


@dataclass
class GenerateOptions:
    prompt: str | None = None
    messages: list[dict[str, str]] | None = None  # rendered with the model's chat template
    max_tokens: int = 256
    temperature: float = 0.8
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    ignore_eos: bool = False  # benchmarks and tests: always produce max_tokens

    def to_request(self, request_id: int) -> dict[str, Any]:
        return {"op": "generate", "id": request_id, **asdict(self)}

    @classmethod
    def from_request(cls, request: dict[str, Any]) -> "GenerateOptions":
        return _from_dict(cls, request)


def _from_dict(cls: type, data: dict[str, Any]):
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


# Error codes the worker sends; the client adds its own for crashes and time-outs.
E_BAD_REQUEST = "bad_request"
E_NOT_LOADED = "not_loaded"
E_LOAD_FAILED = "load_failed"
E_NOT_GGUF = "not_gguf"
E_CANCELLED = "cancelled"
E_GENERATE_FAILED = "generate_failed"
E_CONTEXT_FULL = "context_full"
E_WORKER_CRASHED = "worker_crashed"
E_WORKER_UNRESPONSIVE = "worker_unresponsive"
E_RUNTIME_UNAVAILABLE = "runtime_unavailable"
