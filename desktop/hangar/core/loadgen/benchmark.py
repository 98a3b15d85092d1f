"""A whole serving benchmark: contact the endpoint, pick the model, calibrate the prompts, run each
level, and write the run document.

``ServeBenchmark.run()`` blocks the calling thread (it runs its own event loop); ``cancel()`` from
any other thread ends it within a fraction of a second, and ``run()`` then returns the document
of what was measured (the level in progress marked cancelled). A failure before the first level
(nothing listens, TLS, the key, the model, an answer that is not the API) raises its HangarError;
once levels run, a failure is a failed request or a failed level, and the others keep their numbers.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from typing import Callable

import httpx2 as httpx

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from .client import Request, Retry, send
from .document import machine_facts, run_document, workload_facts
from .metrics import Slo
from .sweep import Cancelled, Canceller, LevelCancelled, LevelResult, LoadShape, Progress, run_level
from .target import EndpointFacts, Target, describe
from .workload import Calibration, PromptFile, WorkloadSpec, calibrate, file_requests, random_requests, read_prompt_file


@dataclass
class BenchServeSpec:
    target: Target | None  # None only until the application layer resolves it (Hangar's own server, a saved endpoint)
    model: str | None
    workload: WorkloadSpec = field(default_factory=WorkloadSpec)
    shape: LoadShape = field(default_factory=lambda: LoadShape([1]))
    slo: Slo = field(default_factory=Slo)
    retry: Retry = field(default_factory=Retry)
    label: str | None = None

    def check(self) -> None:
        if self.target is None:
            raise InvalidInput(QT_TR_NOOP("Choose the endpoint to measure: an address, a saved endpoint or Hangar's own server."))
        for problem in (self.workload.problem(), self.shape.problem()):
            if problem:
                raise InvalidInput(problem)
        for name, value in (("slo-ttft-ms", self.slo.ttft_ms), ("slo-tpot-ms", self.slo.tpot_ms), ("slo-e2el-ms", self.slo.e2el_ms)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf")):
                raise InvalidInput(QT_TR_NOOP("{name} must be a number of milliseconds above 0, not {value}", name=name, value=value))


@dataclass
class Prepared:
    """What the run found before its first level."""

    model: str
    facts: EndpointFacts
    calibration: Calibration | None = None
    prompts: PromptFile | None = None


class ServeBenchmark:
    def __init__(self, spec: BenchServeSpec, *, on_status: Callable[[str], None] = lambda text: None,
                 on_progress: Callable[[Progress], None] = lambda progress: None, machine: Callable[[str | None], dict] = machine_facts,
                 vet_model: Callable[[str], None] | None = None, on_level: Callable[[dict], None] = lambda level: None) -> None:  # fmt: skip
        """``vet_model`` is shown the model the run will ask for, once it is picked (the one named, or the first
        the endpoint lists), before any prompt is sent: it may refuse it by raising (the license policy).
        ``on_level`` hears each finished level as the document will hold it (a view's table fills in level by level)."""
        self.spec = spec
        self.on_status, self.on_progress, self.on_level = on_status, on_progress, on_level
        self._vet_model = vet_model
        self._machine = machine
        self._canceller = Canceller()
        self.levels: list[LevelResult] = []
        self.prepared: Prepared | None = None

    @property
    def cancelled(self) -> bool:
        return self._canceller.asked

    def cancel(self) -> None:
        self._canceller.cancel()

    def run(self) -> dict:
        spec = self.spec
        spec.check()
        prompts = read_prompt_file(spec.workload.prompt_file, spec.workload.endpoint) if spec.workload.prompt_file is not None else None
        machine = self._machine(spec.label)
        asyncio.run(self._main(prompts))
        return self.document(machine)

    def document(self, machine: dict) -> dict:
        spec, prepared = self.spec, self.prepared
        target = {"kind": spec.target.kind, "base_url": spec.target.base_url, "model": prepared.model if prepared else spec.model,
                  "engine": prepared.facts.engine(prepared.model) if prepared else None}  # fmt: skip
        sha = prepared.prompts.sha256 if prepared and prepared.prompts else None
        workload = workload_facts(spec.workload, spec.shape, spec.slo, sha, spec.workload.prompt_tokens if spec.workload.dataset == "random" else None)
        return run_document(machine=machine, target=target, workload=workload, levels=self.levels, slo=spec.slo)

    async def _main(self, prompts: PromptFile | None) -> None:
        canceller = self._canceller
        canceller.bind()
        try:
            async with self.spec.target.client(connections=max(self.spec.shape.concurrency)) as client:
                self.prepared = await canceller.race(self._prepare(client, prompts))
                await self._levels(client)
        except LevelCancelled as stopped:
            self.levels.append(stopped.level)
        except Cancelled:
            pass  # before the first level: nothing measured

    async def _prepare(self, client: httpx.AsyncClient, prompts: PromptFile | None) -> Prepared:
        spec, target = self.spec, self.spec.target
        self.on_status(f"asking {target.base_url} which models it serves ...")
        facts = await describe(client, target)
        model = facts.pick(spec.model, target.base_url)
        if self._vet_model is not None:
            self._vet_model(model)
        prepared = Prepared(model, facts, prompts=prompts)

        async def measure(request: Request) -> int | None:
            sample = await send(client, target, model, request, level_start=0.0, listed=facts.models, retry=spec.retry, check_length=False)
            if not sample.ok:
                raise sample.exception
            return None if sample.estimated else sample.prompt_tokens

        if prompts is None:
            self.on_status(f"calibrating {spec.workload.prompt_tokens}-token prompts against {model} ...")
            prepared.calibration = await calibrate(spec.workload, measure, self.on_status)
            self.on_status(str(prepared.calibration.note))
        else:
            self.on_status(f"warming up {model} with one request ...")
            await measure(replace(file_requests(spec.workload, prompts, 0)[0], max_tokens=1))
        return prepared

    def requests_for(self, index: int) -> list[Request]:
        spec, prepared = self.spec, self.prepared
        if prepared.prompts is not None:
            return file_requests(spec.workload, prepared.prompts, index)
        return random_requests(spec.workload, prepared.calibration, index)

    async def _levels(self, client: httpx.AsyncClient) -> None:
        spec, prepared = self.spec, self.prepared
        levels = spec.shape.concurrency
        for index, n in enumerate(levels):
            if self._canceller.asked:
                break
            self.on_status(f"level {index + 1}/{len(levels)}: {spec.workload.requests} requests, at most {n} at once"
                           + (f", {spec.shape.rate:g} req/s" if spec.shape.rate else ""))  # fmt: skip
            level = await run_level(client, spec.target, prepared.model, self.requests_for(index), n, index=index, levels=len(levels), shape=spec.shape,
                                    seed=spec.workload.seed, canceller=self._canceller, listed=prepared.facts.models, retry=spec.retry,
                                    on_progress=self.on_progress)  # fmt: skip
            self.levels.append(level)
            self.on_level(level.to_dict(spec.slo))
