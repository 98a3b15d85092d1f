"""Quant quality as the faces measure it: perplexity over a text, and KL divergence against a reference.

``run`` blocks (the CLI); ``start`` runs it on a thread and reports through an Outbox (the
window), as benchmarks do (bench.py). The text is checked before any model loads
(core/quality/text.py), and so is a reference's tokenizer (core/quality/vocab.py). Models load
through ModelHost, the one load path (fit check, policy, audit), each in its own worker, one
after the other: the reference first, which writes its log-probabilities for the scored tokens to
a file in the cache (llama-perplexity's ``--kl-divergence-base`` file, about 2 x n_vocab bytes a
scored token, bounded by ``max_base_bytes`` and the free disk), then the model, which reads it back;
the file is removed when the run ends, however it ends. Two models are never in memory at once.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..runner import protocol as P
from ..runner.client import EngineError
from .hosting import LoadRequest, ModelHost
from .library import LibraryService
from .outbox import Outbox

PHASE_REFERENCE, PHASE_MODEL = "reference", "model"


@dataclass(frozen=True)
class QualityStatus:
    text: str  # a message (localise it to show it)


@dataclass(frozen=True)
class QualityProgress:
    phase: str  # PHASE_REFERENCE or PHASE_MODEL
    chunk: int
    n_chunks: int
    ppl: float
    kld_mean: float | None = None

    @property
    def fraction(self) -> float:
        """Of this phase (the reference's chunks, then the model's)."""
        return self.chunk / self.n_chunks if self.n_chunks else 0.0


@dataclass(frozen=True)
class QualityFinished:
    record: dict


@dataclass(frozen=True)
class QualityFailed:
    error: BaseException


class QualityCancelled(HangarError):
    code = "cancelled"


class QualityRun:
    """One measurement on its own thread; ``take_updates`` on the view's thread; ``cancel`` from anywhere."""

    def __init__(self, service: "QualityService", model: str | int, text_file: str | Path, **options) -> None:
        self.outbox = Outbox()
        self.running = True
        self._worker = None
        self._cancelled = threading.Event()
        post = self.outbox.post

        def started(client) -> None:  # noqa: ANN001
            self._worker = client
            if self._cancelled.is_set():
                client.cancel()

        def work() -> None:
            try:
                record = service.run(model, text_file, on_status=lambda text: post(QualityStatus(text)), on_progress=post, on_client=started,
                                     cancelled=self._cancelled, **options)  # fmt: skip
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the view
                post(QualityFailed(exc))
                return
            post(QualityFinished(record))

        threading.Thread(target=work, name="quality", daemon=True).start()

    @property
    def busy(self) -> bool:
        return self.running or bool(self.outbox)

    def cancel(self) -> None:
        self._cancelled.set()
        worker = self._worker
        if worker is not None:
            worker.cancel()

    def take_updates(self) -> list:
        updates = self.outbox.take()
        if any(isinstance(u, (QualityFinished, QualityFailed)) for u in updates):
            self.running = False
        return updates


class QualityService:
    def __init__(self, ctx: AppContext, library: LibraryService, host: ModelHost) -> None:
        self._ctx, self._library, self._host = ctx, library, host

    def start(self, model: str | int, text_file: str | Path, **options) -> QualityRun:
        return QualityRun(self, model, text_file, **options)

    @staticmethod
    def sample_text(language: str) -> Path:
        """A text shipped with Hangar (resources/eval/): "en" or "zh"."""
        from ..quality.text import sample_path

        return sample_path(language)

    def run(
        self,
        model: str | int,
        text_file: str | Path,
        *,
        ctx: int = 512,
        chunks: int = 0,
        reference: str | int | None = None,
        runtime: str | None = None,
        n_threads: int | None = None,
        n_gpu_layers: int = P.GPU_LAYERS_ALL,
        force: bool = False,
        max_base_bytes: int = P.MAX_BASE_BYTES,
        on_status: Callable[[str], None] = lambda text: None,
        on_progress: Callable[[QualityProgress], None] = lambda update: None,
        on_client: Callable[[object], None] = lambda client: None,
        cancelled: threading.Event | None = None,
    ) -> dict:
        """Measure ``model`` over ``text_file`` (chunks of ``ctx`` tokens, at most ``chunks``; 0: all) and,
        with ``reference``, its KL divergence against it; returns the stored record. Raises InvalidInput
        (a bad text, a reference with another vocabulary, a number out of range), EngineError (a model that
        does not load, a text shorter than one chunk) or QualityCancelled."""
        from ..quality.store import save_run
        from ..quality.text import SAMPLES, check_text, sample_path
        from ..quality.vocab import check_same_vocabulary

        cancelled = cancelled or threading.Event()
        options = P.PerplexityOptions(text_path="-", n_ctx=ctx, n_chunks=chunks, max_base_bytes=max_base_bytes)
        problem = options.problem()
        if problem:
            raise InvalidInput(problem, hint=QT_TR_NOOP("Nothing was loaded; give a value inside that range."))
        sample = next((lang for lang in SAMPLES if Path(text_file).expanduser().resolve() == sample_path(lang).resolve()), None)
        text = check_text(text_file, sample=sample)
        path, entry = self._host.resolve(model)
        ref_path, ref_entry = self._host.resolve(reference) if reference is not None else (None, None)
        if ref_path is not None:
            check_same_vocabulary(path, ref_path)
        target = self._describe(path, entry, on_status)
        ref = self._describe(ref_path, ref_entry, on_status) if ref_path is not None else None
        load = dict(n_ctx=ctx, runtime=runtime, n_threads=n_threads, n_gpu_layers=n_gpu_layers, force=force)
        options.text_path = str(text.path)
        reference_result = None
        base = None
        try:
            if ref_path is not None:
                folder = self._ctx.paths.cache / "quality"
                folder.mkdir(parents=True, exist_ok=True)
                base = folder / f"reference-{uuid.uuid4().hex}.logits"
                on_status(QT_TR_NOOP("scoring the reference {file} (its log-probabilities go to {base})", file=ref_path.name, base=str(base)))
                reference_result, _where = self._measure(ref_path, PHASE_REFERENCE, P.PerplexityOptions(**{**asdict(options), "base_out": str(base)}),
                                                         load, on_status, on_progress, on_client, cancelled)  # fmt: skip
                options = P.PerplexityOptions(**{**asdict(options), "base_in": str(base), "vocab_sha256": reference_result.vocab_sha256})
            on_status(QT_TR_NOOP("scoring {file} over {text}", file=path.name, text=text.name))
            result, where = self._measure(path, PHASE_MODEL, options, load, on_status, on_progress, on_client, cancelled)
        finally:
            if base is not None:
                base.unlink(missing_ok=True)
        record = {
            "model": target, "reference": ref, "text": text.to_dict(),
            "n_ctx": result.n_ctx, "n_chunks": result.n_chunks, "n_scored": result.n_scored,
            "n_tokens": (reference_result or result).n_tokens,  # the text's (a run against a reference reads only its chunks' tokens)
            "n_vocab": result.n_vocab, "ppl": result.ppl, "ppl_err": result.ppl_err, "chunk_ppl": result.chunk_ppl,
            "kld": asdict(result.kld) if result.kld is not None else None,
            "reference_ppl": reference_result.ppl if reference_result else None,
            "reference_ppl_err": reference_result.ppl_err if reference_result else None,
            "base_bytes": result.base_bytes, "total_ms": result.total_ms + (reference_result.total_ms if reference_result else 0.0),
            "tokens_per_s": result.tokens_per_s, "runtime": where.runtime, "device": where.device,
            "method": "llama-perplexity (chunks of n_ctx, BOS first, the second half of each scored; KLD against the reference's base file)",
        }  # fmt: skip
        record["run_id"] = save_run(self._ctx.database, record)
        for used in (entry, ref_entry):  # said once more after the save: the Library's Quality column follows library_changed
            if used is not None:
                self._library.touch(used)
        return record

    def _describe(self, path: Path, entry, on_status: Callable[[str], None]) -> dict:
        """What the record says about a model file; its SHA-256 (the key of the quality tables) hashed if the library has none."""
        from ..gguf.header import file_type_name, read_header
        from ..library.models import hash_file

        header = read_header(path)
        sha256 = entry.sha256 if entry is not None and entry.sha256 else None
        if sha256 is None:
            on_status(QT_TR_NOOP("computing the SHA-256 of {file} for the record", file=path.name))
            sha256 = hash_file(path)
        return {"id": entry.id if entry is not None else None, "path": str(path), "name": entry.name if entry is not None else path.name,
                "sha256": sha256, "quant": (entry.quant if entry is not None else None) or file_type_name(header),
                "synthetic": header.get("hangar.synthetic") is True}  # fmt: skip

    def _measure(self, path: Path, phase: str, options: P.PerplexityOptions, load: dict, on_status, on_progress, on_client,
                 cancelled: threading.Event) -> tuple[P.Perplexity, object]:  # fmt: skip
        stopped = QT_TR_NOOP("The perplexity run was cancelled.")
        if cancelled.is_set():
            raise QualityCancelled(stopped)
        report = lambda e: on_progress(QualityProgress(phase, e.chunk, e.n_chunks, e.ppl, e.kld_mean))  # noqa: E731
        loaded = None
        try:
            loaded = self._host.load(LoadRequest(model=str(path), **load), on_status=on_status, on_client=on_client)
            if cancelled.is_set():
                raise QualityCancelled(stopped)
            return loaded.client.perplexity(options, on_chunk=report), loaded.placement
        except EngineError as exc:
            if exc.code == P.E_CANCELLED or cancelled.is_set():
                raise QualityCancelled(stopped) from exc
            if exc.code == P.E_TEXT_TOO_SHORT:
                exc.hint = QT_TR_NOOP("Use a longer text, or a smaller context (--ctx) so that one chunk fits.")
            raise
        finally:
            if loaded is not None:
                loaded.close()

    def history(self, limit: int = 100) -> list[dict]:
        from ..quality.store import runs

        return runs(self._ctx.database, limit)

    def by_sha256(self) -> dict[str, dict]:
        """Each measured model file's newest run (one with a reference first), by the file's SHA-256."""
        from ..quality.store import latest_by_sha256

        return latest_by_sha256(self._ctx.database)
