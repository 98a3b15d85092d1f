"""Loading a model, one way for every face: find it, check its file, choose the runtime,
check the memory fit, start the worker (with the GPU-to-CPU fallback said out loud),
record that it was used.

Before, Chat checked the fit and the CLI's chat did not, the benchmark a third way, and
a model whose file had vanished reached the worker and came back as an exception name.
The numbers are checked first (``LoadOptions.problem``): a context of 2**32 once wrapped
to 8192 inside llama.cpp, and 2**32+1 aborted the worker.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..library.models import LocalModel
from ..runner import protocol as P
from ..runner.client import EngineClient
from ..runner.placement import Placement, start_model
from .library import LibraryService, ModelFileMissing

log = logging.getLogger(__name__)
_REPO = re.compile(r"[\w.-]+/[\w.-]+")  # owner/name: a library reference, not a path


@dataclass
class LoadRequest:
    model: str | int  # a library reference (id, name, repo) or a GGUF file
    n_ctx: int = 4096
    runtime: str | None = None  # None: the best working runtime on this machine
    n_gpu_layers: int = P.GPU_LAYERS_ALL
    n_threads: int | None = None  # None: the Settings value
    allow_fallback: bool | None = None  # None: the Settings value
    force: bool = False  # load even when the memory estimate says it does not fit
    n_parallel: int = 1  # generate requests the worker decodes together (the server's slots); n_ctx is split between them
    override_reason: str | None = None  # the person's reason, when the managed policy asks for one before a "review" model is used
    embedding: bool = False  # an embedding model: the worker answers embed, not generate
    n_cpu_moe: int | None = None  # layers whose experts stay in RAM; None: the placement plan chooses (core/runner/plan.py)
    split_mode: str = "layer"  # several GPUs: layer, row, none
    tensor_split: list[float] | None = None  # each GPU's share; None: the plan's (by free memory)
    main_gpu: int = 0
    vram_limit_bytes: int | None = None  # plan each GPU as if it had at most this much free


@dataclass
class LoadedModel:
    """A worker with a model in it; ``close()`` ends the worker."""

    client: EngineClient
    placement: Placement
    path: str
    name: str
    n_ctx: int
    model: LocalModel | None = None  # the library's entry, when it came from the library
    warnings: list[str] = field(default_factory=list)
    shared: bool = False  # the server's worker, lent to Chat (core/app/serving.py ModelPool.borrow): cancel only its own requests
    on_close: Callable[[], None] | None = None  # a lent worker is given back, not ended
    remote: Any = None  # core/app/endpoints.py RemoteTarget: a model on a remote endpoint, ``client`` a RemoteClient
    plan: Any = None  # core/runner/plan.py Plan: where Hangar planned the layers and experts (placement says where llama.cpp put them)

    @property
    def has_own_chat_template(self) -> bool:
        """False when the GGUF has none and the worker falls back to ChatML (the window says so)."""
        if self.remote is not None:
            return True  # the endpoint applies the model's template itself
        return self.client.model is not None and self.client.model.chat_template == "gguf"

    def close(self) -> None:
        if self.on_close is not None:
            give_back, self.on_close = self.on_close, lambda: None  # once
            give_back()
        else:
            self.client.close()


class ModelHost:
    def __init__(self, ctx: AppContext, library: LibraryService) -> None:
        self._ctx, self._library = ctx, library
        self.gate: Callable | None = None  # Governance.check_use (set by Hangar): the managed policy's word before a load
        self.audit = None  # AuditService (set by Hangar): every load is recorded
        self._devices: tuple[float, list] | None = None  # (when, plan Devices) for fit_words

    def resolve(self, ref: str | int) -> tuple[Path, LocalModel | None]:
        """The file to load and its library entry; a vanished file is a plain message."""
        text = str(ref)
        path = Path(text).expanduser()
        if path.is_file():
            return path.resolve(), self._library.by_path(path)
        try:
            model = self._library.usable(ref)
        except ModelFileMissing:
            raise
        except InvalidInput:
            if text.lower().endswith(".gguf") or os.sep in text or "/" in text and not _REPO.fullmatch(text):
                raise InvalidInput(QT_TR_NOOP("{path} does not exist or is not a file.", path=text)) from None
            raise
        return Path(model.path), model

    def runtime(self, name: str | None):
        """The named runtime (cpu, cuda, cann), or the best working one on this machine."""
        from ..runner.runtimes import detect_runtime

        return detect_runtime(name, self._ctx.paths.runtimes_dir) if name else self.best_runtime(self.runtimes())

    def runtimes(self) -> list:
        """Every runtime with what it sees, or why it is unavailable (probed in child processes)."""
        from ..runner.runtimes import detect_runtimes

        return detect_runtimes(self._ctx.paths.runtimes_dir)

    def fit_words(self, path: str | Path, n_ctx: int = 4096) -> str:
        """The placement plan's words for a model file on this machine (the Library's tooltip): its GPUs
        and NPUs as the hardware report sees them, and the RAM; read once a minute, not per row."""
        import time

        from ..common.errors import HangarError
        from ..gguf.header import read_header
        from ..hub.fitting import devices_from
        from ..runner.plan import Device, plan_for_header

        if self._devices is None or time.monotonic() - self._devices[0] > 60:
            from ..hardware import detect_hardware

            found = devices_from(detect_hardware(Path(self._ctx.models_dir)))
            self._devices = (time.monotonic(), [Device(d.label, d.free_bytes, d.kind) for d in found])
        try:
            return plan_for_header(read_header(Path(path)), self._devices[1], n_ctx=n_ctx).words()
        except (HangarError, OSError, ValueError):
            return ""

    @staticmethod
    def best_runtime(runtimes: list):
        """The one a load uses when none is named: the same choice for every face."""
        from ..runner.runtimes import best_runtime

        return best_runtime(runtimes)

    def load(
        self,
        request: LoadRequest,
        *,
        on_status: Callable[[str], None] = lambda text: None,
        on_warning: Callable[[str], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        on_client: Callable[[EngineClient], None] | None = None,
    ) -> LoadedModel:
        """Raises InvalidInput (a number out of range, no such model, file gone), ModelTooLarge
        (unless ``force``) or EngineError. The placement plan (core/runner/plan.py) decides what the
        request leaves open (GPU layers at -1, ``n_cpu_moe`` None) and is said through ``on_status``."""
        from ..runner.fit import plan_load
        from ..runner.plan import Overrides

        settings = self._ctx.settings
        options = P.LoadOptions(path="", n_ctx=request.n_ctx, n_gpu_layers=request.n_gpu_layers,
                                n_threads=request.n_threads if request.n_threads is not None else settings.threads,
                                n_parallel=request.n_parallel, embedding=request.embedding, n_cpu_moe=request.n_cpu_moe,
                                split_mode=request.split_mode, tensor_split=request.tensor_split, main_gpu=request.main_gpu)  # fmt: skip
        problem = options.problem()
        if problem:
            raise InvalidInput(problem, hint=QT_TR_NOOP("Nothing was loaded; give a value inside that range."))
        path, model = self.resolve(request.model)
        governed = self.gate("load", model, reason=request.override_reason) if self.gate is not None and model is not None else []
        options.path = str(path)
        runtime = self.runtime(request.runtime)
        overrides = Overrides(n_gpu_layers=None if request.n_gpu_layers < 0 else request.n_gpu_layers, n_cpu_moe=request.n_cpu_moe,
                              split_mode=request.split_mode, tensor_split=request.tensor_split, main_gpu=request.main_gpu)  # fmt: skip
        plan, warning = plan_load(path, runtime, n_ctx=request.n_ctx, overrides=overrides, force=request.force, vram_limit_bytes=request.vram_limit_bytes)
        _apply_plan(options, plan)
        on_status(QT_TR_NOOP("{file}: {plan}", file=path.name, plan=plan.words()))
        if warning:
            (on_warning or on_status)(warning)
        fallback = settings.gpu_fallback_to_cpu if request.allow_fallback is None else request.allow_fallback
        client, placement = start_model(options, runtime, allow_fallback=fallback, runtimes_dir=self._ctx.paths.runtimes_dir,
                                        on_progress=on_progress, on_status=on_status, on_client=on_client)  # fmt: skip
        if model is not None:
            self._library.touch(model)
        name = model.name if model is not None else path.name
        if self.audit is not None:
            from ..audit.trail import AuditEvent

            self.audit.record(AuditEvent.MODEL_LOAD, name=name, path=str(path), sha256=model.sha256 if model else None, repo=model.repo if model else None,
                              runtime=placement.runtime, device=placement.device, n_ctx=request.n_ctx, n_parallel=request.n_parallel)  # fmt: skip
        return LoadedModel(client, placement, str(path), name, request.n_ctx, model, ([warning] if warning else []) + list(governed), plan=plan)


def _apply_plan(options: P.LoadOptions, plan) -> None:  # noqa: ANN001 - runner.plan.Plan
    """The plan's layers and experts where the request left them open (a plan that does not fit,
    loaded with ``force``, loads as asked)."""
    from ..runner.fit import FitVerdict

    if plan.verdict == FitVerdict.DOES_NOT_FIT:
        return
    settings = plan.load_settings()
    if options.n_gpu_layers < 0 and settings["n_gpu_layers"] is not None:
        options.n_gpu_layers = settings["n_gpu_layers"]
    if options.n_cpu_moe is None:
        options.n_cpu_moe = settings["n_cpu_moe"]
    if options.tensor_split is None:
        options.tensor_split = settings["tensor_split"]
