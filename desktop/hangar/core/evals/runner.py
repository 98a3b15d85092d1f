"""Running a suite over models: each loaded once, every item asked with the same fixed sampling.

Each model loads through ``load`` (the application layer passes ModelHost's, the one load path:
fit check, policy, audit), runs every item
in suite order and is closed before the next loads, so two models are never in memory at once.
A generated item goes through the model's chat template (``GenerateOptions.messages``) with
greedy sampling (temperature 0, seed 0, no repeat penalty: the same reply every time, and the
same rules for every model); a log-likelihood item is scored by the worker's ``score`` op
(loglik.py). Per item the reply, the score and its detail, the token counts, tokens/s and time
to first token (the worker's own clock) are kept.

A model that does not load (not found, too large, a load error) is recorded as failed with the
reason, and one whose worker dies mid-run as failed with the items it answered; the next model
runs in both cases. An item the worker refuses (a prompt longer than the context) is recorded as
wrong with the reason. A cancel stops within a fraction of a second: the item being answered is
dropped (a cut-off reply would be scored unfairly), the model's answered items are kept as a
cancelled run, and no further model loads.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P
from ..runner.client import EngineError
from . import scorers
from .stats import summary
from .suite import Item, Suite

_DEAD = (P.E_WORKER_CRASHED, P.E_WORKER_UNRESPONSIVE)


@dataclass
class EvalSettings:
    """The fixed sampling and load settings of a run (stored with it: a score is comparable only under the same ones)."""

    max_tokens: int = 256  # for items (and suites) that set none
    temperature: float = 0.0
    seed: int = 0
    top_p: float = 1.0
    top_k: int = 40
    min_p: float = 0.0
    repeat_penalty: float = 1.0
    n_ctx: int = 4096
    runtime: str | None = None
    n_gpu_layers: int = P.GPU_LAYERS_ALL
    n_threads: int | None = None
    force: bool = False

    def generate_options(self, item: Item, suite_max_tokens: int | None = None) -> P.GenerateOptions:
        return P.GenerateOptions(messages=item.chat(), max_tokens=item.max_tokens or suite_max_tokens or self.max_tokens, temperature=self.temperature,
                                 top_p=self.top_p, top_k=self.top_k, min_p=self.min_p, repeat_penalty=self.repeat_penalty, seed=self.seed)  # fmt: skip

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ModelResult:
    model: dict  # id, name, path, sha256, quant
    status: str = "ok"  # ok, failed (did not load, or its worker died), cancelled
    error: str | None = None
    items: list[dict] = field(default_factory=list)
    runtime: str | None = None
    device: str | None = None
    load_ms: float | None = None
    run_id: int | None = None  # once stored

    def to_dict(self) -> dict:
        return {"model": self.model, "status": self.status, "error": self.error, "items": self.items, "runtime": self.runtime, "device": self.device,
                "load_ms": self.load_ms, "run_id": self.run_id, "summary": summary(self.items)}  # fmt: skip


class EvalCancelled(Exception):
    """Raised inside a model's run when the cancel is seen."""


def score_reply(item: Item, reply: str) -> tuple[bool, str]:
    """The item's scorer on a generated reply (loglik items are scored by the worker instead)."""
    if item.scorer == "exact":
        return scorers.exact(reply, item.expected, item.case_sensitive)
    if item.scorer == "contains":
        return scorers.contains(reply, item.expected, item.case_sensitive)
    if item.scorer == "regex":
        return scorers.regex_search(reply, item.compiled)
    if item.scorer == "choice":
        return scorers.choice(reply, item.expected, item.letters)
    if item.scorer == "json_schema":
        return scorers.json_schema(reply, item.compiled, item.expected, item.tolerance, item.relative)
    if item.scorer == "number":
        return scorers.number(reply, item.expected, item.tolerance, item.relative)
    raise ValueError(f"{item.scorer} items are not scored from a reply")


def describe_model(path, entry) -> dict:  # noqa: ANN001 - a Path and a library LocalModel (or None)
    from ..gguf.header import file_type_name, read_header

    quant = entry.quant if entry is not None else None
    synthetic = False
    try:
        header = read_header(path)
        quant = quant or file_type_name(header)
        synthetic = header.get("hangar.synthetic") is True
    except (HangarError, OSError, ValueError):
        pass
    return {"id": entry.id if entry is not None else None, "name": entry.name if entry is not None else path.name, "path": str(path),
            "sha256": entry.sha256 if entry is not None else None, "quant": quant, "synthetic": synthetic}  # fmt: skip


class SuiteRunner:
    """One run of ``suite`` over ``models`` (library references or GGUF files). ``resolve(ref)`` gives a
    model's file and library entry; ``load(path, settings, on_status, on_client)`` a loaded model
    (core/app/hosting.py LoadedModel: ``client``, ``placement``, ``close()``)."""

    def __init__(self, resolve: Callable, load: Callable, suite: Suite, models: list[str | int], settings: EvalSettings | None = None, *,
                 on_status: Callable[[str], None] = lambda text: None, on_model: Callable[[int, dict], None] = lambda index, model: None,
                 on_item: Callable[[int, int, dict], None] = lambda model_index, item_index, item: None,
                 on_model_done: Callable[[int, ModelResult], None] = lambda index, result: None,
                 on_client: Callable[[object], None] = lambda client: None, cancelled: threading.Event | None = None) -> None:  # fmt: skip
        self.resolve, self.load, self.suite, self.models = resolve, load, suite, list(models)
        self.settings = settings or EvalSettings()
        self.on_status, self.on_model, self.on_item, self.on_model_done, self.on_client = on_status, on_model, on_item, on_model_done, on_client
        self.cancelled = cancelled or threading.Event()

    def run(self) -> list[ModelResult]:
        results = []
        for index, ref in enumerate(self.models):
            if self.cancelled.is_set():
                break
            result = self._run_model(index, ref)
            results.append(result)
            self.on_model_done(index, result)
        return results

    def _run_model(self, index: int, ref: str | int) -> ModelResult:
        try:
            path, entry = self.resolve(ref)
        except HangarError as exc:
            result = ModelResult({"id": None, "name": str(ref), "path": str(ref), "sha256": None, "quant": None}, "failed", exc.message)
            self.on_model(index, result.model)
            return result
        result = ModelResult(describe_model(path, entry))
        self.on_model(index, result.model)
        self.on_status(QT_TR_NOOP("loading {name} ({done} of {total})", name=result.model["name"], done=index + 1, total=len(self.models)))
        try:
            loaded = self.load(path, self.settings, self.on_status, self.on_client)
        except HangarError as exc:
            cancelled = self.cancelled.is_set() or getattr(exc, "code", "") == P.E_CANCELLED
            result.status, result.error = ("cancelled", None) if cancelled else ("failed", exc.message)
            return result
        result.runtime, result.device = loaded.placement.runtime, loaded.placement.device
        result.load_ms = getattr(getattr(loaded.client, "model", None), "load_ms", None)
        try:
            self._run_items(index, loaded.client, result)
        finally:
            loaded.close()
        return result

    def _run_items(self, index: int, client, result: ModelResult) -> None:  # noqa: ANN001 - an EngineClient
        for position, item in enumerate(self.suite.items):
            if self.cancelled.is_set():
                result.status = "cancelled"
                return
            try:
                answer = self._ask(client, item)
            except EvalCancelled:
                result.status = "cancelled"
                return
            except EngineError as exc:
                if self.cancelled.is_set() or exc.code == P.E_CANCELLED:
                    result.status = "cancelled"
                    return
                if exc.code in _DEAD or not client.alive:
                    result.status = "failed"
                    result.error = QT_TR_NOOP("The model process stopped at item {id} (line {line}), after {done} of {total} items: {reason}",
                                              id=item.id, line=item.line, done=position, total=len(self.suite.items), reason=exc.message)  # fmt: skip
                    return
                answer = _item(item, passed=False, detail=None, reply="", error=exc.message)
            result.items.append(answer)
            self.on_item(index, position, answer)

    def _ask(self, client, item: Item) -> dict:  # noqa: ANN001
        if item.scorer == "loglik":
            from .loglik import score_item

            passed, detail, chosen = score_item(client, item)
            if self.cancelled.is_set():
                raise EvalCancelled
            return _item(item, passed=passed, detail=detail, reply=item.choices[chosen.index], n_prompt=chosen.n_tokens, total_ms=chosen.total_ms,
                         extra={"chosen": chosen.index, "means": [round(m, 6) for m in chosen.means], "tokens_per_s": chosen.tokens_per_s})  # fmt: skip
        parts: list[str] = []
        done = None
        started = time.perf_counter()
        for event in client.generate(self.settings.generate_options(item, self.suite.max_tokens)):
            if isinstance(event, P.Token):
                parts.append(event.text)
            elif isinstance(event, P.Done):
                done = event
        if self.cancelled.is_set() or done is None or done.stop_reason == P.StopReason.CANCELLED:
            raise EvalCancelled
        reply = "".join(parts)
        passed, detail = score_reply(item, reply)
        return _item(item, passed=passed, detail=detail, reply=reply, n_prompt=done.n_prompt, n_generated=done.n_generated, ttft_ms=done.ttft_ms,
                     gen_tps=done.gen_tps, total_ms=done.total_ms or round((time.perf_counter() - started) * 1000, 1),
                     extra={"stop_reason": str(done.stop_reason)})  # fmt: skip


def _item(item: Item, *, passed: bool, detail: str | None, reply: str, error: str | None = None, n_prompt: int | None = None,
          n_generated: int | None = None, ttft_ms: float | None = None, gen_tps: float | None = None, total_ms: float | None = None,
          extra: dict | None = None) -> dict:  # fmt: skip
    return {"item_id": item.id, "line": item.line, "scorer": item.scorer, "passed": passed, "detail": detail, "reply": reply, "error": error,
            "n_prompt": n_prompt, "n_generated": n_generated, "ttft_ms": ttft_ms, "gen_tps": gen_tps, "total_ms": total_ms, "extra": extra}  # fmt: skip
