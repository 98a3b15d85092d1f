"""The words the server's pool speaks in: its options, a model's state, the errors it raises
and the records it keeps; the pool itself is serving.py, the HTTP face server/."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..gguf.header import KIND_EMBEDDING
from ..runner import protocol as P


class ModelState(str, Enum):
    UNLOADED = "unloaded"  # never loaded, or unloaded after keep-alive ("idle-unloaded" in the pane)
    LOADING = "loading"
    READY = "ready"
    BUSY = "busy"


class ModelNotFound(InvalidInput):
    code = "model_not_found"

    def __init__(self, name: str, available: list[str]) -> None:
        super().__init__(QT_TR_NOOP("The model {name} is not in the library. Available: {available}.", name=name, available=", ".join(available) or "none"))
        self.name, self.available = name, available


class ModelRefused(HangarError):
    """The license policy blocks the model; ``reasons`` are the policy's."""

    code = "model_blocked"

    def __init__(self, name: str, reasons: list[str]) -> None:
        super().__init__(QT_TR_NOOP("The license policy blocks {name}: {reasons}", name=name, reasons=" ".join(str(r) for r in reasons)))
        self.reasons = reasons


class WrongModelKind(InvalidInput):
    """A chat or completion request for an embedding model, or an embeddings request for a text model;
    ``others`` are the models of the kind the request needs."""

    code = "wrong_model_kind"

    def __init__(self, name: str, kind: str, others: list[str]) -> None:
        available = ", ".join(others) or "none"
        if kind == KIND_EMBEDDING:
            message = QT_TR_NOOP("{name} is an embedding model: it answers /v1/embeddings, not chat or completions. "
                                 "Text-generation models here: {available}.", name=name, available=available)  # fmt: skip
        else:
            message = QT_TR_NOOP("{name} is a text-generation model: it answers chat and completions, not /v1/embeddings. "
                                 "Embedding models here: {available}.", name=name, available=available)  # fmt: skip
        super().__init__(message)
        self.name, self.kind, self.others = name, kind, others


class ServerBusy(HangarError):
    code = "server_busy"

    def __init__(self, name: str, retry_after_s: int) -> None:
        super().__init__(QT_TR_NOOP("{name} is busy: every slot and the queue behind them are taken. Try again shortly.", name=name))
        self.retry_after_s = retry_after_s


@dataclass
class ServeOptions:
    n_parallel: int = 1  # sequences one worker decodes together
    n_ctx: int = 4096  # the worker's context (split into n_parallel slots by the worker)
    runtime: str | None = None  # None: the best working runtime
    keep_alive_s: float = 300.0  # unload a model after this long without a request (0: never)
    queue_size: int | None = None  # requests waiting behind the running ones, per model (None: 4 x n_parallel)
    log_prompts: bool = False  # keep the prompt text in the request log

    def problem(self) -> str | None:
        if isinstance(self.n_parallel, bool) or not isinstance(self.n_parallel, int) or not 1 <= self.n_parallel <= 256:
            return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="parallel", low=1, high=256, value=self.n_parallel)
        if isinstance(self.n_ctx, bool) or not isinstance(self.n_ctx, int) or not P.MIN_CTX <= self.n_ctx <= P.MAX_CTX:
            return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="ctx", low=P.MIN_CTX, high=P.MAX_CTX, value=self.n_ctx)
        if not isinstance(self.keep_alive_s, (int, float)) or self.keep_alive_s < 0:
            return QT_TR_NOOP("{name} must be a number from {low} to {high}, not {value}", name="keep-alive", low=0, high="∞", value=self.keep_alive_s)
        if self.queue_size is not None and (not isinstance(self.queue_size, int) or not 0 <= self.queue_size <= 10_000):
            return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="queue", low=0, high=10_000, value=self.queue_size)
        return None

    @property
    def queue_limit(self) -> int:
        return 4 * self.n_parallel if self.queue_size is None else self.queue_size


@dataclass
class RequestRecord:
    """One line of the request log."""

    time: float  # when it arrived (Unix seconds)
    model: str
    endpoint: str
    status: str  # "ok", "cancelled", or an error code
    prompt_tokens: int = 0
    completion_tokens: int = 0
    tokens_per_s: float | None = None
    duration_ms: float = 0.0
    finish_reason: str | None = None  # the API's (stop, length), or "cancelled"
    prompt: str | None = None  # only with log_prompts

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ServerReport:
    """The detail of a SERVER change: ``kind`` is "model" (``model`` changed state) or "request" (``record``)."""

    kind: str
    model: str | None = None
    state: ModelState | None = None
    record: RequestRecord | None = None
