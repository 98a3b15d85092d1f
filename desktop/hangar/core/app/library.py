"""The library as every face uses it: the rules (what may be deleted, what a missing file
means) live here once, and every change is announced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..audit.trail import AuditEvent
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..library.models import SOURCES_WE_OWN, Library, LocalModel, shard_paths
from .changes import Announcer, Change, LibraryChange, LibraryEvent


class ModelFileMissing(InvalidInput):
    """The library knows the model, but its file was moved or deleted behind Hangar's back."""


@dataclass
class ImportResult:
    added: list[LocalModel] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


@dataclass
class ScanResult:
    hf_cache: list[LocalModel] = field(default_factory=list)
    ollama: list[LocalModel] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): the scan went on past them


class LibraryService:
    def __init__(self, ctx: AppContext, changes: Announcer, audit=None) -> None:
        self._ctx = ctx
        self._changes = changes
        self._audit = audit  # AuditService: imports and deletions are recorded before they are reported
        self._opened: Library | None = None

    @property
    def _library(self) -> Library:
        """Opened on first use: a command that never reads the library works with a damaged database."""
        if self._opened is None:
            self._opened = Library(self._ctx.database)
        return self._opened

    # -- reading -------------------------------------------------------------------------------
    def list(self) -> list[LocalModel]:
        return self._library.list()

    def get(self, ref: str | int) -> LocalModel:
        """A model by id, path, name or repo (InvalidInput if none or several match)."""
        return self._library.get(ref)

    def by_id(self, model_id: int) -> LocalModel | None:
        return self._library.by_id(model_id)

    def by_path(self, path: str | Path) -> LocalModel | None:
        return self._library.by_path(path)

    def owns_file(self, model: LocalModel) -> bool:
        """Whether deleting the model deletes its file too (only files Hangar downloaded)."""
        return model.source in SOURCES_WE_OWN

    def usable(self, ref: str | int) -> LocalModel:
        """A model whose files are all still on disk; a plain message says what to do if not."""
        model = self.get(ref)
        missing = [p for p in shard_paths(Path(model.path)) if not p.is_file()]
        if missing:
            raise ModelFileMissing(
                QT_TR_NOOP("The file of {name} is no longer at {path}: it was moved or deleted outside Hangar.", name=model.name, path=missing[0]),
                hint=QT_TR_NOOP("Import it again from where it is now, or remove it from the library."),
            )
        return model

    # -- changing ------------------------------------------------------------------------------
    def add_file(self, path: Path, *, event: LibraryEvent = LibraryEvent.IMPORTED, **kwargs) -> LocalModel:
        model = self._library.add_file(path, **kwargs)
        self._record(AuditEvent.DOWNLOAD if event == LibraryEvent.DOWNLOADED else AuditEvent.IMPORT, [model], how=str(event.value))
        self._announce(event, [model])
        return model

    def import_path(self, path: Path, on_hash_progress: Callable[[int, int], None] | None = None) -> ImportResult:
        added, refused = self._library.import_path(Path(path), on_hash_progress)
        if added:
            self._record(AuditEvent.IMPORT, added, how="import")
            self._announce(LibraryEvent.IMPORTED, added)
        return ImportResult(added, refused)

    def scan_other_apps(self, hf_cache_dir: Path | None = None, ollama_dir: Path | None = None) -> ScanResult:
        refused: list[tuple[str, str]] = []
        result = ScanResult(self._library.scan_hf_cache(hf_cache_dir, refused), self._library.scan_ollama(ollama_dir, refused), refused)
        self._record(AuditEvent.IMPORT, result.hf_cache + result.ollama, how="scan")
        self._announce(LibraryEvent.SCANNED, result.hf_cache + result.ollama)
        return result

    def remove(self, ref: str | int, *, delete_file: bool) -> tuple[LocalModel, int]:
        """Forget a model (and, with ``delete_file``, delete a file Hangar downloaded); returns it and the bytes freed."""
        model = self.get(ref)
        freed = self._library.remove(model, delete_file=delete_file)
        self._record(AuditEvent.DELETE, [model], file_deleted=bool(freed) and delete_file, bytes_freed=freed)
        self._announce(LibraryEvent.REMOVED, [model])
        return model, freed

    def rename(self, ref: str | int, name: str) -> LocalModel:
        model = self._library.rename(self.get(ref), name)
        self._announce(LibraryEvent.RENAMED, [model])
        return model

    def pin(self, ref: str | int, pinned: bool = True) -> LocalModel:
        """Keep a model at its revision: an update check reports it as pinned and looks for nothing
        newer, and it is never updated (``pinned=False`` lets it follow the Hub again)."""
        model = self._library.set_pinned(self.get(ref), pinned)
        self._record(AuditEvent.UPDATE, [model], action="pin" if pinned else "unpin")
        self._announce(LibraryEvent.RENAMED, [model])  # the entry changed (there is no event of its own for a pin)
        return model

    def unpin(self, ref: str | int) -> LocalModel:
        return self.pin(ref, False)

    def touch(self, model: LocalModel) -> None:
        """Record that a model was just used (Library's "Last used", Chat's default)."""
        if self._library.by_id(model.id) is not None:
            self._library.touch(model)
            self._announce(LibraryEvent.USED, [model])

    def _record(self, event: AuditEvent, models: list[LocalModel], **extra) -> None:
        if self._audit is None:
            return
        for model in models:
            self._audit.record(event, **model_facts(model), **extra)

    def _announce(self, event: LibraryEvent, models: list[LocalModel]) -> None:
        self._changes.announce(Change.LIBRARY, LibraryChange(event, tuple(m.id for m in models)))


def model_facts(model: LocalModel) -> dict:
    """What the audit trail keeps of a model: where it came from and what its bytes were."""
    return {"model_id": model.id, "name": model.name, "path": model.path, "repo": model.repo, "revision": model.revision,
            "sha256": model.sha256, "size_bytes": model.size_bytes, "source": model.source}  # fmt: skip
