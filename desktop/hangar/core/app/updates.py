"""Checking the library's models against the Hub, and updating one, the same way for every face.

A check compares each model with its repository now (core/lifecycle): a new revision, the
file's bytes, above all a changed license or gated state; nothing is downloaded and nothing
here changes. A Hub that cannot be reached is said once and leaves everything as it was.

An update downloads the checked revision of the same file through the download queue
(``DownloadManager.plan(replace=True)``): the new bytes go to the partial file and replace the
old file only once their SHA-256 matched, so a failed or refused update leaves the old file,
its library entry and its queue rows exactly as they were. A license change must be accepted
(``accept_license_change``), the managed policy's gate applies as to any download, a pinned
model is never updated, and the audit trail records the old and new revision and SHA-256.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from ..audit.trail import AuditEvent
from ..common.errors import HangarError, InvalidInput, NetworkError
from ..common.i18n import QT_TR_NOOP
from ..downloads.manager import destination
from ..hub.remote import card_base_models
from ..hub.tokens import get_token
from ..library.models import SOURCES_WE_OWN, LocalModel
from ..licenses.audit import card_of
from ..lifecycle import store
from ..lifecycle.compare import compare, repo_license, unchecked, view_of
from ..lifecycle.hub_state import AccessRefused, RepoGone, RevisionGone, probe_access, read_state
from ..lifecycle.status import UpdateCheck, UpdateStatus
from .changes import Change, LibraryChange, LibraryEvent

if TYPE_CHECKING:
    from .hangar import Hangar

log = logging.getLogger(__name__)
DAY = dt.timedelta(hours=24)


class LicenseChangeNotAccepted(InvalidInput):
    """The new revision's license differs; the update waits for a person to accept it."""

    code = "license_change_not_accepted"


class UpdateFailed(HangarError):
    """The new revision did not arrive verified; the old file and entry are unchanged."""

    code = "update_failed"

    def __init__(self, message, *, hint: str = "", cause: str = "") -> None:
        super().__init__(message, hint=hint)
        self.cause = cause  # the code of what failed (hash_mismatch, network, ...)


@dataclass
class UpdateOutcome:
    model: LocalModel
    updated: bool  # False: it was already up to date
    old_revision: str | None
    new_revision: str | None
    old_sha256: str | None
    new_sha256: str | None
    verified: bool = False
    transferred_bytes: int = 0
    license_change_accepted: bool = False
    check: UpdateCheck | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"model_id": self.model.id, "name": self.model.name, "updated": self.updated, "old_revision": self.old_revision,
                "new_revision": self.new_revision, "old_sha256": self.old_sha256, "new_sha256": self.new_sha256, "verified": self.verified,
                "transferred_bytes": self.transferred_bytes, "license_change_accepted": self.license_change_accepted,
                "path": self.model.path}  # fmt: skip


class UpdateService:
    def __init__(self, app: "Hangar") -> None:
        self._app = app

    @property
    def _db(self):
        return self._app.ctx.database

    # -- checking --------------------------------------------------------------------------------
    def check(self, models: Iterable[LocalModel | str | int] | None = None) -> list[UpdateCheck]:
        """One UpdateCheck per model (every model of the library by default), in library order."""
        library = self._app.library
        chosen = library.list() if models is None else [m if isinstance(m, LocalModel) else library.get(m) for m in models]
        policy, _problem = self._app.policy.current_or_default()
        earlier = store.last_checks(self._db)
        token = get_token()
        base_cards: dict[str, dict | None] = {}
        offline: UpdateCheck | None = None
        results = []
        for model in chosen:
            if model.pinned:
                results.append(unchecked(model, UpdateStatus.PINNED, filename=_first_name(self._db, model)))
            elif not model.repo or model.repo.startswith("ollama:"):
                results.append(unchecked(model, UpdateStatus.NOT_FROM_HUB))
            elif offline is not None:  # one unreachable Hub is said once, not waited for once per model
                results.append(unchecked(model, UpdateStatus.UNREACHABLE, offline.message, offline.hint, _first_name(self._db, model)))
            else:
                check = self._check_one(model, policy, token, earlier.get(model.id), base_cards)
                if check.status is UpdateStatus.UNREACHABLE:
                    offline = check
                else:
                    store.save_check(self._db, check)
                results.append(check)
        return results

    def _check_one(self, model: LocalModel, policy, token: str | None, earlier: UpdateCheck | None, base_cards: dict) -> UpdateCheck:
        parts = store.local_parts(self._db, model)
        filename = parts[0].filename if parts else None
        try:
            current = read_state(model.repo, None, token)
            cards = self._base_cards(card_base_models(current.card), token, base_cards)
            after = repo_license(current, policy, cards)
            before, previous_files, notes = after, current.files, []
            if model.revision != current.sha:
                try:
                    previous = read_state(model.repo, model.revision, token) if model.revision else None
                except RevisionGone as exc:
                    previous = None
                    notes.append(QT_TR_NOOP("{reason} The license before is what this copy's file and download record say.", reason=exc.message))
                if previous is not None:
                    before, previous_files = repo_license(previous, policy, cards), previous.files
                else:
                    before, previous_files = self._local_license(model, policy), {}
            access = None
            if current.gated != "no" and filename in current.files:
                access = probe_access(current.repo, current.sha, filename, token)
            gated_before = earlier.gated_after if earlier is not None else None
            return compare(model, parts, current, before=before, after=after, previous_files=previous_files, gated_before=gated_before,
                           access=access, notes=notes)  # fmt: skip
        except NetworkError as exc:
            return unchecked(model, UpdateStatus.UNREACHABLE, exc.message, exc.hint or QT_TR_NOOP("Nothing was changed; check again when the Hub can be reached."), filename)
        except RepoGone as exc:
            return self._kept(unchecked(model, UpdateStatus.REPO_GONE, exc.message, exc.hint, filename), earlier)
        except AccessRefused as exc:
            failed = self._kept(unchecked(model, UpdateStatus.NO_ACCESS, exc.message, exc.hint, filename), earlier)
            failed.access = exc.status
            return failed
        except HangarError as exc:
            log.info("update check of %s failed: %s", model.name, exc.message)
            return self._kept(unchecked(model, UpdateStatus.ERROR, exc.message, exc.hint, filename), earlier)

    @staticmethod
    def _kept(check: UpdateCheck, earlier: UpdateCheck | None) -> UpdateCheck:
        """A check that could not compare keeps what the last one knew of the gated state."""
        if earlier is not None:
            check.gated_before = check.gated_after = earlier.gated_after
        return check

    def _local_license(self, model: LocalModel, policy):
        """The license this copy came with, when its revision is gone from the Hub: the audit of
        the file here (its GGUF metadata and the card's license recorded at download)."""
        audit = self._app.licenses.audit_model(model.id, policy)
        card = card_of(self._app.ctx, model) or {}
        return view_of(audit, card.get("license") or model.license)

    def _base_cards(self, bases: list[str], token: str | None, cache: dict) -> dict[str, dict]:
        """The base models' cards (the audit follows a base model's license), best effort, read once per check."""
        for base in bases[:3]:
            if base not in cache:
                try:
                    cache[base] = read_state(base, None, token).card
                except HangarError as exc:
                    log.info("base model %s not readable for the update check: %s", base, exc.message)
                    cache[base] = None
        return {b: cache[b] for b in bases[:3] if cache.get(b) is not None}

    def last_checks(self) -> dict[int, UpdateCheck]:
        """The last check of each model (what the Library shows after a restart)."""
        return store.last_checks(self._db)

    def last_checked_at(self) -> dt.datetime | None:
        return store.last_checked_at(self._db)

    def daily_check_due(self, now: dt.datetime | None = None) -> bool:
        """The window checks at start-up when the person opted in and the last check is a day old."""
        if not self._app.settings.current.update_check_daily:
            return False
        last = self.last_checked_at()
        return last is None or (now or dt.datetime.now(dt.timezone.utc)) - last >= DAY

    # -- pinning ---------------------------------------------------------------------------------
    def pin(self, ref: str | int) -> LocalModel:
        return self._app.library.pin(ref, True)

    def unpin(self, ref: str | int) -> LocalModel:
        return self._app.library.pin(ref, False)

    # -- updating --------------------------------------------------------------------------------
    def update(self, ref: str | int | LocalModel, *, accept_license_change: bool = False, reason: str | None = None,
               on_progress: Callable | None = None) -> UpdateOutcome:  # fmt: skip
        """Bring the new revision of the model's file; see the module's docstring for the rules."""
        model = self._app.library.get(ref.id if isinstance(ref, LocalModel) else ref)
        self._refuse_early(model)
        check = self.check([model])[0]  # checked now: what is accepted is what is downloaded
        if check.status in (UpdateStatus.UNREACHABLE, UpdateStatus.REPO_GONE, UpdateStatus.ERROR) or check.access:
            raise UpdateFailed(QT_TR_NOOP("{name} was not updated: {reason}", name=model.name, reason=check.message), hint=check.hint, cause=str(check.status))
        if not check.revision_changed:
            return UpdateOutcome(model, False, model.revision, model.revision, model.sha256, model.sha256, check=check)
        self._refuse_after_check(model, check, accept_license_change)
        self._app.governance.check_download(model.repo, check.filename, reason=reason)  # the managed policy, as for any download
        return self._download(model, check, accept_license_change, on_progress)

    def _refuse_early(self, model: LocalModel) -> None:
        if model.pinned:
            raise InvalidInput(QT_TR_NOOP("{name} is pinned to revision {revision}; it is not updated.", name=model.name, revision=(model.revision or "?")[:12]),
                               hint=QT_TR_NOOP("Unpin it first (hangar-cli unpin, or Unpin in the Library's update details)."))  # fmt: skip
        if not model.repo or model.repo.startswith("ollama:"):
            raise InvalidInput(QT_TR_NOOP("{name} did not come from a Hub repository, so there is nothing to update it from.", name=model.name))
        if model.source not in SOURCES_WE_OWN:
            raise InvalidInput(QT_TR_NOOP("{name} belongs to {source}; Hangar updates only the files it downloaded.", name=model.name, source=model.source),
                               hint=QT_TR_NOOP("Update it with the tool that owns it, or download the new revision from Discover."))  # fmt: skip

    def _refuse_after_check(self, model: LocalModel, check: UpdateCheck, accept_license_change: bool) -> None:
        if check.new_size is None:
            reason = check.changes()[0] if check.changes() else QT_TR_NOOP("the file is not in the new revision.")
            raise InvalidInput(QT_TR_NOOP("{name} cannot be updated: {reason}", name=model.name, reason=reason),
                               hint=QT_TR_NOOP("Download the file you want from Discover; the copy here stays as it is."))  # fmt: skip
        if check.split:
            raise InvalidInput(QT_TR_NOOP("{name} is split into several files; Hangar cannot yet update such a model in place.", name=model.name),
                               hint=QT_TR_NOOP("Download the new revision from Discover; the copy here stays as it is."))  # fmt: skip
        if destination(self._app.downloads.models_dir, model.repo, check.filename) != _resolved(model.path):
            raise InvalidInput(QT_TR_NOOP("{name} is not in the models folder ({folder}), so an update would not replace it.", name=model.name,
                                          folder=self._app.downloads.models_dir),
                               hint=QT_TR_NOOP("Download the new revision from Discover, or set the models folder back to where this model is."))  # fmt: skip
        if check.license_changed and not accept_license_change:
            raise LicenseChangeNotAccepted(
                QT_TR_NOOP("{name} was not updated because its license changed: {change}", name=model.name, change=check.changes()[0]),
                hint=QT_TR_NOOP("Read the new license first. To update anyway, accept the license change (hangar-cli updates --apply MODEL --accept-license-change)."),
            )

    def _download(self, model: LocalModel, check: UpdateCheck, accepted: bool, on_progress: Callable | None) -> UpdateOutcome:
        manager = self._app.downloads.manager
        rows = store.download_rows(self._db, model)  # what they say of the file here, put back if this fails
        results = []
        try:
            for download_id in manager.plan(model.repo, check.filename, check.hub_revision, replace=True):
                results.append(manager.run_one(download_id, on_progress))
        except BaseException as exc:
            store.restore_rows(self._db, rows)
            for row in rows:
                self._app.changes.announce(Change.DOWNLOADS, manager.get(row["id"]))
            if isinstance(exc, HangarError):
                raise UpdateFailed(
                    QT_TR_NOOP("{name} was not updated: {reason} The copy here (revision {revision}) is unchanged and still works.", name=model.name,
                               reason=exc.message, revision=(model.revision or "?")[:12]),
                    hint=exc.hint, cause=exc.code,
                ) from exc  # fmt: skip
            raise
        updated = self._app.library.get(model.id)
        if updated.name != model.name:  # registering the file named it after the file again: keep the person's name
            updated = self._app.library.rename(model.id, model.name)
        fetched = [r.fetched for r in results if r.fetched is not None]
        verified = all(f.verified for f in fetched) and check.new_sha256 is not None and updated.sha256 == check.new_sha256
        self._app.audit.record(AuditEvent.UPDATE, action="update", model_id=model.id, name=model.name, path=model.path, repo=model.repo,
                               file=check.filename, old_revision=model.revision, new_revision=updated.revision, old_sha256=model.sha256,
                               new_sha256=updated.sha256, old_size_bytes=model.size_bytes, new_size_bytes=updated.size_bytes, verified=verified,
                               license_before=check.license_before, license_after=check.license_after, verdict_before=check.verdict_before,
                               verdict_after=check.verdict_after, license_change_accepted=bool(accepted and check.license_changed))  # fmt: skip
        store.save_check(self._db, _now_current(check, updated))
        self._app.changes.announce(Change.LIBRARY, LibraryChange(LibraryEvent.DOWNLOADED, (model.id,)))
        return UpdateOutcome(updated, True, model.revision, updated.revision, model.sha256, updated.sha256, verified,
                             sum(f.transferred_bytes for f in fetched), bool(accepted and check.license_changed), check)  # fmt: skip


def _now_current(check: UpdateCheck, model: LocalModel) -> UpdateCheck:
    """After an update, the model matches the revision just checked: what the next check starts from."""
    return UpdateCheck(model.id, model.name, model.repo, check.filename, UpdateStatus.UP_TO_DATE, local_revision=model.revision, hub_revision=model.revision,
                       old_size=model.size_bytes, new_size=model.size_bytes, old_sha256=model.sha256, new_sha256=model.sha256,
                       license_before=check.license_after, license_after=check.license_after, license_name_before=check.license_name_after,
                       license_name_after=check.license_name_after, verdict_before=check.verdict_after, verdict_after=check.verdict_after,
                       verdict_reasons_after=list(check.verdict_reasons_after), gated_before=check.gated_after, gated_after=check.gated_after,
                       checked_at=store.now())  # fmt: skip


def _first_name(db, model: LocalModel) -> str | None:
    parts = store.local_parts(db, model)
    return parts[0].filename if parts else None


def _resolved(path: str):
    from pathlib import Path

    return Path(path).resolve()
