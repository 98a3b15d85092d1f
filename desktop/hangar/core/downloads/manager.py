"""The download queue: planned from a repo's listing, persisted in SQLite, run in order.

Rows survive restarts: one that was running when the app (or the machine) stopped is
queued again at start and resumes from its partial file. Each file of a split model is
its own row; the model enters the library when its last part is verified, and
``run_one`` returns that model with the file it fetched, so no caller has to find it
again. A change is announced from the row in hand where there is one; otherwise by one
row's lookup, never by reading the queue back.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from pathlib import Path
from typing import Callable

from ..common.errors import HangarError, InvalidInput, NotFoundOnHub
from ..common.i18n import QT_TR_NOOP, to_stored
from ..db.store import Database
from ..hub.quants import check_repo_path, group_gguf_files
from ..hub.remote import auth_headers, card_base_models, card_license, endpoint, repo_files, resolve_url
from ..library.models import Library, LocalModel
from .fetcher import Fetcher, Paused, Progress, ProgressState, part_path
from .record import partial_files
from .rows import ACTIVE, Download, DownloadResult, DownloadState

log = logging.getLogger(__name__)
__all__ = ["ACTIVE", "Download", "DownloadManager", "DownloadResult", "DownloadState", "destination"]


def destination(models_dir: Path, repo: str, filename: str) -> Path:
    check_repo_path(repo)
    check_repo_path(filename)
    dest = (models_dir / repo / filename).resolve()
    if not dest.is_relative_to(models_dir.resolve()):
        raise InvalidInput(QT_TR_NOOP("refused a download path outside the models folder: {file}", file=repr(filename)))
    return dest


def _discard_partial(dest: Path) -> None:
    for path in partial_files(part_path(dest)):
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # still open elsewhere (Windows): harmless, a new download starts it again
            log.warning("could not delete %s: %s", path, exc)


class DownloadManager:
    def __init__(
        self,
        db: Database,
        library: Library,
        models_dir: Path,
        *,
        token_provider: Callable[[], str | None] = lambda: None,
        base: str | None = None,
        on_change: Callable[[Download], None] | None = None,
        on_model: Callable[[LocalModel], None] | None = None,
        fetcher_options: dict | None = None,
    ) -> None:
        self.db, self.library, self.models_dir = db, library, models_dir
        self.token_provider = token_provider
        self.base = base or endpoint()
        self.on_change = on_change or (lambda download: None)
        self.on_model = on_model or (lambda model: None)
        self.fetcher_options = fetcher_options or {}
        self._stop_flags: dict[int, threading.Event] = {}
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._shutdown = False

    # -- planning -------------------------------------------------------------------------------
    def plan(self, repo: str, filename: str, revision: str | None = None) -> list[int]:
        """Queue a file (all parts of a split model); returns the download ids, existing ones reused."""
        check_repo_path(filename)
        repo_id, commit, entries, card = repo_files(repo, revision, self.token_provider(), self.base)
        bases = card_base_models(card)
        license_id, bases_json = card_license(card), json.dumps(bases) if bases else None
        refused: list[str] = []
        choices = group_gguf_files(entries, refused)
        choice = next((c for c in choices if filename in c.files), None)
        if choice is None:
            if filename in refused:
                raise InvalidInput(QT_TR_NOOP("refused an unsafe file name from the Hub: {file}", file=repr(filename)))
            raise NotFoundOnHub(QT_TR_NOOP("{repo} has no GGUF file named {file}.", repo=repo, file=filename), hint=QT_TR_NOOP("hangar-cli files {repo} lists them.", repo=repo))
        ids = []
        for name, size, sha in zip(choice.files, choice.sizes, choice.sha256):
            dest = destination(self.models_dir, repo_id, name)
            row = self.db.query_one("SELECT id FROM downloads WHERE dest_path = ?", (str(dest),))
            if row is not None:
                self.db.execute(
                    "UPDATE downloads SET state = CASE WHEN state = ? THEN state ELSE ? END, error = NULL, revision = ?, size_bytes = ?, sha256 = ?, license = ?, base_model = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
                    (DownloadState.DONE, DownloadState.QUEUED, commit, size, sha, license_id, bases_json, row["id"]),
                )
                ids.append(row["id"])
                continue
            ids.append(
                self.db.execute(
                    "INSERT INTO downloads (repo, revision, filename, dest_path, size_bytes, sha256, group_key, license, base_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (repo_id, commit, name, str(dest), size, sha, f"{repo_id}/{choice.name}", license_id, bases_json),
                )
            )
        self._wake.set()
        return ids

    # -- state ----------------------------------------------------------------------------------
    def get(self, download_id: int) -> Download:
        row = self.db.query_one("SELECT * FROM downloads WHERE id = ?", (download_id,))
        if row is None:
            raise InvalidInput(QT_TR_NOOP("no download with id {id}", id=download_id))
        return _with_partial(Download.from_row(row))

    def list(self) -> list[Download]:
        return [_with_partial(Download.from_row(row)) for row in self.db.query("SELECT * FROM downloads ORDER BY id")]

    def _set(self, download: Download | int, state: DownloadState, error: str | None = None, downloaded: int | None = None) -> Download:
        """Write a row's new state and announce it. Given the row in hand, the announced row
        is built from it; given only an id, it is looked up once after the write."""
        download_id = download if isinstance(download, int) else download.id
        self.db.execute(
            "UPDATE downloads SET state = ?, error = ?, downloaded_bytes = COALESCE(?, downloaded_bytes), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
            (state, to_stored(error), downloaded, download_id),
        )
        if isinstance(download, int):
            changed = self.get(download_id)
        else:
            bytes_now = download.downloaded_bytes if downloaded is None else downloaded
            changed = dataclasses.replace(download, state=state, error=error, downloaded_bytes=bytes_now, speed_bps=0.0, eta_s=None, note=None)
        self.on_change(changed)
        return changed

    def pause(self, download_id: int) -> None:
        flag = self._stop_flags.get(download_id)
        if flag:
            flag.set()
        self._set(download_id, DownloadState.PAUSED)

    def resume(self, download_id: int) -> None:
        self._set(download_id, DownloadState.QUEUED)
        self._wake.set()

    def cancel(self, download_id: int) -> None:
        """Stop and forget: the partial file is deleted (pause keeps it).

        A running download deletes its own partial files once it has stopped writing
        (Windows cannot delete a file that is still open); an idle one is cleaned now."""
        flag = self._stop_flags.get(download_id)
        cancelled = self._set(download_id, DownloadState.CANCELLED)
        if flag:
            flag.set()
        else:
            _discard_partial(Path(cancelled.dest_path))

    # -- running --------------------------------------------------------------------------------
    def run_one(self, download_id: int, on_progress: Callable[[Progress], None] | None = None) -> DownloadResult:
        """Download one row now, in this thread (the CLI does this; the queue thread too)."""
        download = self.get(download_id)
        stop = self._stop_flags.setdefault(download_id, threading.Event())
        stop.clear()
        download = self._set(download, DownloadState.DOWNLOADING)

        def progress(p: Progress) -> None:
            if on_progress:
                on_progress(p)
            if p.state == ProgressState.DOWNLOADING:
                self.on_change(dataclasses.replace(download, downloaded_bytes=p.done_bytes, speed_bps=p.bytes_per_s, eta_s=p.eta_s))
            else:  # checking a partial file, waiting to retry: said in the queue, so a wait is never silent
                self.on_change(dataclasses.replace(download, note=p.message))

        fetcher = Fetcher(on_progress=progress, should_stop=stop.is_set, **self.fetcher_options)
        url = resolve_url(download.repo, download.revision, download.filename, self.base)
        try:
            fetched = fetcher.fetch(url, Path(download.dest_path), download.size_bytes, download.sha256, auth_headers(self.token_provider()))
        except Paused:
            if self._state_of(download_id) == DownloadState.CANCELLED:
                _discard_partial(Path(download.dest_path))
            else:
                self._set(download, DownloadState.PAUSED, downloaded=_partial_size(download))
            raise
        except HangarError as exc:
            state = DownloadState.QUARANTINED if exc.code == "hash_mismatch" else DownloadState.FAILED
            self._set(download, state, exc.message, _partial_size(download))
            raise
        finally:
            self._stop_flags.pop(download_id, None)
        done = self._set(download, DownloadState.DONE, None, download.size_bytes)
        return DownloadResult(done, fetched, self._register_if_complete(done))

    def _state_of(self, download_id: int) -> DownloadState | None:
        row = self.db.query_one("SELECT state FROM downloads WHERE id = ?", (download_id,))
        return DownloadState(row["state"]) if row else None

    def _register_if_complete(self, download: Download) -> LocalModel | None:
        rows = self.db.query("SELECT state, dest_path, sha256, license FROM downloads WHERE group_key = ? ORDER BY filename", (download.group_key,))
        if any(r["state"] != DownloadState.DONE for r in rows):
            return None
        first = rows[0]
        sha = first["sha256"] if len(rows) == 1 else None
        model = self.library.add_file(
            Path(first["dest_path"]), source="download", repo=download.repo, revision=download.revision, sha256=sha, license_hint=first["license"]
        )
        self.on_model(model)
        return model

    def model_for(self, download_id: int) -> LocalModel | None:
        """The library entry a download (any part of a split model) became, if it has."""
        first = self.db.query_one(
            "SELECT dest_path FROM downloads WHERE group_key = (SELECT group_key FROM downloads WHERE id = ?) ORDER BY filename LIMIT 1", (download_id,)
        )
        return self.library.by_path(first["dest_path"]) if first else None

    def start(self) -> None:
        """Run queued rows one after another on a background thread; interrupted ones resume."""
        self.db.execute("UPDATE downloads SET state = ? WHERE state = ?", (DownloadState.QUEUED, DownloadState.DOWNLOADING))
        self._thread = threading.Thread(target=self._loop, name="downloads", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._shutdown = True
        for flag in list(self._stop_flags.values()):
            flag.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._shutdown:
            row = self.db.query_one("SELECT id FROM downloads WHERE state = ? ORDER BY id LIMIT 1", (DownloadState.QUEUED,))
            if row is None:
                self._wake.wait(timeout=2)
                self._wake.clear()
                continue
            try:
                self.run_one(row["id"])
            except Paused:
                if self._shutdown:
                    self.db.execute("UPDATE downloads SET state = ? WHERE id = ?", (DownloadState.QUEUED, row["id"]))
            except HangarError as exc:
                log.warning("download %s failed: %s", row["id"], exc.message)
            except Exception:  # a bug must not kill the queue
                log.exception("download %s crashed", row["id"])
                self._set(row["id"], DownloadState.FAILED, "internal error; see the log")


def _partial_size(download: Download) -> int | None:
    part = part_path(Path(download.dest_path))
    return part.stat().st_size if part.exists() else None


def _with_partial(download: Download) -> Download:
    """A row not yet done shows what its partial file holds (the column lags while it runs)."""
    if download.state != DownloadState.DONE:
        size = _partial_size(download)
        if size is not None:
            download.downloaded_bytes = size
    return download
