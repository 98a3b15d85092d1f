"""The download queue: planned from a repo's listing, persisted in SQLite, run in order.

Rows survive restarts: one that was running when the app (or the machine) stopped is
queued again at start and resumes from its partial file. Each file of a split model is
its own row; the model enters the library when its last part is verified, and
``run_one`` returns that model with the file it fetched, so no caller has to find it
again. A row is ``done`` only once the library has taken the model (a file the library
refuses ends ``failed`` with the library's reason). A change is announced from the row
in hand where there is one; otherwise by one row's lookup, never by reading the queue back.

Several processes share the database (the window, any number of ``hangar-cli``): a row
is planned in one statement (an upsert, never a select then an insert), and a row is
run only while holding its destination's lock (lock.py), so one destination is written
by one download at a time; the other waits and says whose turn it is.
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
from .lock import DestinationLock
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


def _discard_partial(dest: Path, *, locked: bool = False) -> None:
    """Delete a download's partial files; unless the caller holds the destination's lock,
    only when nobody else is downloading it (another process may be writing them)."""
    lock = DestinationLock(dest)
    try:
        free = locked or lock.try_acquire()
    except HangarError as exc:  # the folder cannot be written: nothing can be deleted either
        log.warning("cannot delete the partial files of %s: %s", dest.name, exc.message)
        return
    if not free:
        log.info("not deleting the partial files of %s: another download holds them (pid %s)", dest.name, lock.holder())
        return
    try:
        for path in partial_files(part_path(dest)):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:  # still open elsewhere (Windows): harmless, a new download starts it again
                log.warning("could not delete %s: %s", path, exc)
    finally:
        lock.release()


INTERNAL = QT_TR_NOOP("internal error; see the log")
REFUSED_HINT = QT_TR_NOOP(
    "The file matches what the Hub publishes, so downloading it again brings the same file: choose another file, or tell the repository's owner."
)


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
    def plan(self, repo: str, filename: str, revision: str | None = None, *, replace: bool = False) -> list[int]:
        """Queue a file (all parts of a split model); returns the download ids, existing ones reused.

        ``replace`` (an update to a new revision, core/app/updates.py): a file already in place is
        downloaded again as ``revision`` has it. The new bytes go to the partial file and replace
        the old file only once their SHA-256 matched (Fetcher._complete); until then the old file,
        and the library entry that points at it, stay as they are."""
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
        parts = [(name, size, sha, destination(self.models_dir, repo_id, name)) for name, size, sha in zip(choice.files, choice.sizes, choice.sha256)]
        busy = {str(dest) for *_, dest in parts if _held_elsewhere(dest)}
        in_place = set() if replace else {str(dest) for *_, dest in parts if dest.is_file()}
        with self.db.write() as conn:  # one transaction: every part, or none
            ids = [
                conn.execute(_PLAN, {
                    "repo": repo_id, "revision": commit, "filename": name, "dest": str(dest), "size": size, "sha": sha,
                    "group": f"{repo_id}/{choice.name}", "license": license_id, "bases": bases_json,
                    "busy": str(dest) in busy, "in_place": str(dest) in in_place,
                }).fetchone()[0]
                for name, size, sha, dest in parts
            ]  # fmt: skip
        if not replace:  # an update runs its rows itself (run_one) at once; the queue thread need not race it for them
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
        """Download one row now, in this thread (the CLI does this; the queue thread too).

        While another download (another Hangar process, usually) holds the destination,
        this one waits and says who it waits for; if that one finished the model meanwhile,
        the result has ``fetched`` None. The row is not touched while waiting."""
        download = self.get(download_id)
        stop = self._stop_flags.setdefault(download_id, threading.Event())
        stop.clear()
        lock = DestinationLock(Path(download.dest_path))

        def waiting(pid: int | None) -> None:
            text = QT_TR_NOOP("another Hangar process (pid {pid}) is downloading {file}; waiting for it to finish", pid="?" if pid is None else pid, file=download.filename)
            log.info("%s", text)
            if on_progress:
                on_progress(Progress(0, download.size_bytes, 0.0, ProgressState.WAITING, text))
            self.on_change(dataclasses.replace(download, note=text))

        try:
            if lock.acquire(should_stop=stop.is_set, on_wait=waiting):
                download = self.get(download_id)  # as the other download left it
                if self.finished(download):
                    return DownloadResult(download, None, self.model_for(download_id))
            return self._run_locked(download, stop, on_progress)
        finally:
            lock.release()
            self._stop_flags.pop(download_id, None)

    def finished(self, download: Download) -> bool:
        """Nothing left to do: done, its file in place, and the model in the library (or,
        for a part of a split model, other parts still to come). A model removed from the
        library since is downloaded again: the file in place is checked, not fetched."""
        if download.state != DownloadState.DONE or not Path(download.dest_path).is_file():
            return False
        if self.model_for(download.id) is not None:
            return True
        pending = self.db.query_one("SELECT COUNT(*) FROM downloads WHERE group_key = ? AND state != ?", (download.group_key, DownloadState.DONE))
        return bool(pending[0])

    def _run_locked(self, download: Download, stop: threading.Event, on_progress: Callable[[Progress], None] | None) -> DownloadResult:
        download_id = download.id
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
                _discard_partial(Path(download.dest_path), locked=True)
            else:
                self._set(download, DownloadState.PAUSED, downloaded=_partial_size(download))
            raise
        except HangarError as exc:
            state = DownloadState.QUARANTINED if exc.code == "hash_mismatch" else DownloadState.FAILED
            self._set(download, state, exc.message, _partial_size(download))
            raise
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C in the CLI: kept, as a pause keeps it
            self._set(download, DownloadState.PAUSED, downloaded=_partial_size(download))
            raise
        except Exception:  # a bug: the row must not stay "downloading"
            log.exception("download %s stopped unexpectedly", download_id)
            self._set(download, DownloadState.FAILED, INTERNAL, _partial_size(download))
            raise
        model = self._register_if_complete(download, fetched.verified)  # before "done": a refused file is never done
        if model is not None:
            self.on_model(model)  # recorded in the audit trail before the download is reported done
        done = self._set(download, DownloadState.DONE, None, download.size_bytes)
        return DownloadResult(done, fetched, model)

    def _state_of(self, download_id: int) -> DownloadState | None:
        row = self.db.query_one("SELECT state FROM downloads WHERE id = ?", (download_id,))
        return DownloadState(row["state"]) if row else None

    def _register_if_complete(self, download: Download, verified: bool) -> LocalModel | None:
        """Add the model to the library once ``download`` (just fetched) completes it; a
        file the library refuses leaves this row failed with the library's reason (a
        truncated GGUF, or an empty file, that the Hub lists with a matching SHA-256)."""
        rows = self.db.query("SELECT id, state, dest_path, sha256, license FROM downloads WHERE group_key = ? ORDER BY filename", (download.group_key,))
        if any(r["id"] != download.id and r["state"] != DownloadState.DONE for r in rows):
            return None
        first = rows[0]
        sha = first["sha256"] if len(rows) == 1 else None
        try:
            return self.library.add_file(
                Path(first["dest_path"]), source="download", repo=download.repo, revision=download.revision, sha256=sha, license_hint=first["license"]
            )
        except HangarError as exc:
            self._set(download, DownloadState.FAILED, exc.message, download.size_bytes)
            if verified and isinstance(exc, InvalidInput):  # not "download it again": it would be the same file
                raise InvalidInput(exc.message, hint=REFUSED_HINT) from exc
            raise
        except Exception:
            log.exception("registering %s failed", first["dest_path"])
            self._set(download, DownloadState.FAILED, INTERNAL, download.size_bytes)
            raise

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
                self._set(row["id"], DownloadState.FAILED, INTERNAL)


# One statement per part, so two processes planning one file at once get one row (the
# select-then-insert this replaced lost that race: "UNIQUE constraint failed"). A row that
# is done, its file in place, keeps what it says about that file (its revision, size and
# SHA-256 are what was verified); one that another download holds stays "downloading";
# anything else is queued again with what the Hub says now.
_PLAN = """
INSERT INTO downloads (repo, revision, filename, dest_path, size_bytes, sha256, group_key, license, base_model)
VALUES (:repo, :revision, :filename, :dest, :size, :sha, :group, :license, :bases)
ON CONFLICT(dest_path) DO UPDATE SET
    state = CASE WHEN downloads.state = 'done' AND :in_place THEN 'done'
                 WHEN downloads.state = 'downloading' AND :busy THEN 'downloading'
                 ELSE 'queued' END,
    error = CASE WHEN downloads.state = 'downloading' AND :busy THEN downloads.error ELSE NULL END,
    revision = CASE WHEN downloads.state = 'done' AND :in_place THEN downloads.revision ELSE excluded.revision END,
    size_bytes = CASE WHEN downloads.state = 'done' AND :in_place THEN downloads.size_bytes ELSE excluded.size_bytes END,
    sha256 = CASE WHEN downloads.state = 'done' AND :in_place THEN downloads.sha256 ELSE excluded.sha256 END,
    license = excluded.license, base_model = excluded.base_model,
    updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')
RETURNING id
"""


def _held_elsewhere(dest: Path) -> bool:
    """Whether another download holds ``dest`` right now."""
    lock = DestinationLock(dest)
    if not lock.path.exists():  # nobody has it (and planning creates no folder)
        return False
    if lock.try_acquire():
        lock.release()
        return False
    return True


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
