"""Starting a model on a runtime, with the GPU-to-CPU fallback said out loud.

Users of every peer app complain of silent CPU fallback. Here a failed GPU load either
stops with the GPU's error or, when the user allowed it, loads on the CPU and records
why in ``Placement.fallback_reason``, which every view of the model shows.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from ..common.i18n import QT_TR_NOOP
from . import protocol as P
from .client import EngineClient, EngineError
from .runtimes import Runtime, detect_runtime

log = logging.getLogger(__name__)


@dataclass
class Placement:
    """Where a loaded model actually runs."""

    runtime: str
    device: str
    layers_offloaded: int
    layers_total: int | None
    fallback_reason: str = ""
    n_cpu_moe: int = 0  # layers whose experts were asked to stay in RAM ...
    overridden_tensors: int = 0  # ... and the tensors llama.cpp's log says it moved there

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        where = f"{self.device} via {self.runtime}"
        if self.runtime != "cpu" and self.layers_total:
            where += f", {self.layers_offloaded}/{self.layers_total} layers on the device"
        if self.n_cpu_moe:
            where += f", the experts of {self.n_cpu_moe} layers in RAM ({self.overridden_tensors} tensors moved)"
        if self.fallback_reason:
            where += f" (fell back to CPU: {self.fallback_reason})"
        return where


def placement_of(client: EngineClient, fallback_reason: str = "") -> Placement:
    model = client.model or P.ModelInfo(path="")
    devices = client.hello.devices if client.hello else []
    accelerators = [d for d in devices if d.get("type") in ("gpu", "accel") and d.get("name") in model.buffers_mib]
    if client.runtime_name != "cpu" and accelerators and model.layers_offloaded:
        device = ", ".join(f"{d['description']} ({d['name']})" for d in accelerators)
    else:
        cpu = next((d for d in devices if d.get("type") == "cpu"), {})
        device = f"CPU ({cpu.get('description', 'unknown')})"
    return Placement(client.runtime_name, device, int(model.layers_offloaded or 0), model.layers_total, fallback_reason,
                     int(model.n_cpu_moe or 0), int(model.overridden_tensors or 0))  # fmt: skip


def start_model(
    options: P.LoadOptions,
    runtime: Runtime,
    *,
    allow_fallback: bool,
    runtimes_dir: Path,
    on_progress: Callable[[float], None] | None = None,
    on_status: Callable[[str], None] | None = None,
    on_client: Callable[[EngineClient], None] | None = None,
) -> tuple[EngineClient, Placement]:
    """A worker with the model loaded, and where it runs. Raises EngineError.

    ``on_client`` receives each worker as it starts, so a caller on another thread can
    cancel the load (``client.cancel()``).
    """
    say = on_status or (lambda message: None)
    started = on_client or (lambda client: None)
    first_error: EngineError | None = None
    if runtime.name != "cpu" and not runtime.available:
        first_error = EngineError(P.E_RUNTIME_UNAVAILABLE, QT_TR_NOOP("The {runtime} runtime is not available: {reason}", runtime=runtime.label, reason=runtime.reason))
    else:
        client = None
        try:
            client = EngineClient(runtime_name=runtime.name, runtime_env=runtime.env())
            started(client)
            client.load(options, on_progress=on_progress)
            return client, placement_of(client)
        except EngineError as exc:
            if client is not None:
                client.close()
            if runtime.name == "cpu" or exc.code in (P.E_NOT_GGUF, P.E_CANCELLED):
                raise
            first_error = exc
        except BaseException:  # Ctrl-C or SIGTERM mid-load: the worker goes too
            if client is not None:
                client.close()
            raise
    if not allow_fallback:
        raise first_error
    reason = first_error.message
    log.warning("falling back to the CPU: %s", reason)
    say(QT_TR_NOOP("Loading on the CPU instead: {reason}", reason=reason))
    cpu = detect_runtime("cpu", runtimes_dir)
    client = EngineClient(runtime_name="cpu", runtime_env=cpu.env())
    started(client)
    try:
        client.load(_cpu_options(options), on_progress=on_progress)
    except BaseException:
        client.close()
        raise
    return client, placement_of(client, fallback_reason=reason)


def _cpu_options(options: P.LoadOptions) -> P.LoadOptions:
    return P.LoadOptions(**{**asdict(options), "n_gpu_layers": 0})
