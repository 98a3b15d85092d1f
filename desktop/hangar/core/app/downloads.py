"""Downloads as every face uses them: the queue for the window, one file now for the CLI.

The queue (downloads/manager.py) is built here once; a verified model that enters the
library is announced as a library change, and the models folder follows Settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..db.store import Database
from ..downloads.fetcher import FetchResult
from ..downloads.manager import DownloadManager
from ..downloads.rows import Download
from ..hub.tokens import get_token
from ..library.models import Library, LocalModel
from .changes import Announcer, Change, ChangeReport, LibraryChange, LibraryEvent


@dataclass
class DownloadOutcome:
    """What ``download_now`` did: honest about verification."""

    model: LocalModel | None  # in the library once every part is verified
    path: str
    sha256: str | None
    verified: bool  # every part matched the Hub's SHA-256: this run, or when it was downloaded
    transferred_bytes: int = 0
    already: list[str] = field(default_factory=list)  # files that were already complete


class DownloadService:
    def __init__(self, db: Database, changes: Announcer, models_dir: Callable[[], Path], *, audit=None, gate=None, **manager_options) -> None:
        self._changes = changes
        self._gate = gate  # Governance.check_download: the managed policy's word before anything is queued
        self._audit = audit  # AuditService: a verified download is recorded before the library reports it
        self._models_dir = models_dir
        self.manager = DownloadManager(
            db, Library(db), models_dir(), token_provider=get_token,
            on_change=lambda download: changes.announce(Change.DOWNLOADS, download),
            on_model=self._on_model, **manager_options,
        )  # fmt: skip
        self._started = False
        changes.subscribe(self._on_change)

    @property
    def models_dir(self) -> Path:
        """Where new downloads go (it follows the Settings value)."""
        return self.manager.models_dir

    # -- the queue (the window) ---------------------------------------------------------------
    def start(self) -> None:
        if not self._started:
            self._started = True
            self.manager.start()

    def stop(self) -> None:
        if self._started:
            self._started = False
            self.manager.stop()

    def queue(self, repo: str, filename: str, revision: str | None = None, *, reason: str | None = None) -> list[int]:
        """Queue a file (every part of a split model); the queue thread downloads it. PolicyRefusal
        (nothing queued) when the managed policy does not allow it; ``reason``: the person's reason
        for an override the policy asks for."""
        if self._gate is not None:
            self._gate(repo, filename, reason=reason)
        return self.manager.plan(repo, filename, revision)

    def list(self) -> list[Download]:
        return self.manager.list()

    def get(self, download_id: int) -> Download:
        return self.manager.get(download_id)

    def pause(self, download_id: int) -> None:
        self.manager.pause(download_id)

    def resume(self, download_id: int) -> None:
        self.manager.resume(download_id)

    def cancel(self, download_id: int) -> None:
        self.manager.cancel(download_id)

    # -- one file, now (the CLI) ----------------------------------------------------------------
    def download_now(self, repo: str, filename: str, revision: str | None = None, *, reason: str | None = None,
                     on_progress: Callable | None = None, on_status: Callable[[str], None] = lambda text: None) -> DownloadOutcome:  # fmt: skip
        """Download in this thread, part after part; resumes a partial file.

        A part counts as already downloaded only when it is done, its file is in place and
        the model is in the library; a file the library refused raises (its row is failed
        with the reason), so it is never reported as downloaded. Another Hangar process
        downloading the same file is waited for (``on_progress`` says so)."""
        if self._gate is not None:
            self._gate(repo, filename, reason=reason)
        ids = self.manager.plan(repo, filename, revision)
        results, already, model = [], [], None
        for download_id in ids:
            download = self.manager.get(download_id)
            if self.manager.finished(download):
                already.append(download.filename)
                continue
            on_status(_starting(download))
            outcome = self.manager.run_one(download_id, on_progress)
            if outcome.fetched is None:  # another process finished it while this one waited
                already.append(download.filename)
            else:
                results.append(outcome.fetched)
            model = outcome.model or model  # registered once the last part is verified
        model = model or self.manager.model_for(ids[0])
        parts = [self.manager.get(i) for i in ids]
        first = parts[0]
        return DownloadOutcome(model, model.path if model else first.dest_path, model.sha256 if model else first.sha256,
                               _verified(model, parts, results, already), sum(r.transferred_bytes for r in results), already)  # fmt: skip

    # -- events -----------------------------------------------------------------------------------
    def _on_model(self, model: LocalModel) -> None:
        if self._audit is not None:
            from ..audit.trail import AuditEvent
            from .library import model_facts

            self._audit.record(AuditEvent.DOWNLOAD, **model_facts(model), how="download")
        self._changes.announce(Change.LIBRARY, LibraryChange(LibraryEvent.DOWNLOADED, (model.id,)))

    def _on_change(self, report: ChangeReport) -> None:
        if report.change is Change.SETTINGS and report.detail == "models_dir":
            self.manager.models_dir = self._models_dir()  # new downloads go to the new folder


@dataclass(frozen=True)
class FileState:
    """Where a repository's file stands on this machine: what Discover's quant list marks."""

    state: str  # "downloaded", or a DownloadState value (queued, downloading, paused, failed, quarantined, cancelled)
    fraction: float | None = None  # of the bytes, while not downloaded
    error: str | None = None


def file_states(repo: str, downloads: list[Download], models: list[LocalModel]) -> dict[str, FileState]:
    """Each file of ``repo`` that is in the library or was ever queued: the library wins (a verified
    file), else the newest download row of that file."""
    states: dict[str, FileState] = {}
    for download in sorted((d for d in downloads if d.repo == repo), key=lambda d: d.id):
        fraction = download.downloaded_bytes / download.size_bytes if download.size_bytes else None
        states[download.filename] = FileState(str(download.state.value), fraction, download.error)
    for model in models:
        if model.repo == repo:
            states[Path(model.path).name] = FileState("downloaded", 1.0)
    return states


def _verified(model: LocalModel | None, parts: list[Download], fetched: list[FetchResult], already: list[str]) -> bool:
    """Every part checked against the Hub's SHA-256: those fetched now by this run's
    check; those already there by the check that made them done (a row is done only
    after its published SHA-256 matched, or with none published), and for a single file
    the library still holding that SHA-256."""
    if model is None or not all(result.verified for result in fetched):
        return False
    earlier = [part for part in parts if part.filename in already]
    if any(part.sha256 is None for part in earlier):
        return False
    return len(parts) > 1 or not earlier or model.sha256 == parts[0].sha256


def _starting(download: Download) -> str:
    from ..common.i18n import QT_TR_NOOP
    from ..common.units import format_bytes

    return QT_TR_NOOP("downloading {file} ({size})", file=download.filename, size=format_bytes(download.size_bytes))
