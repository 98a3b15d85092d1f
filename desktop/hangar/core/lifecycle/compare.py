"""One library model against its repository as the Hub shows it now: no network here.

The caller (core/app/updates.py) reads the Hub (hub_state.py) and the license audit; this
module decides what changed. The license is compared card to card (the revision this copy
came from against the new one), through the same audit Discover runs, so "allowed" means
the same here as there. A license that disappears is never quietly fine: the new revision
no longer states one, and the verdict is at least "review" whatever else suggests a license.
"""

from __future__ import annotations

from dataclasses import replace

from ..common.i18n import QT_TR_NOOP
from ..hub.quants import group_gguf_files, quant_of
from ..library.models import LocalModel
from ..licenses.audit import Audit, audit_repo
from ..licenses.enums import PolicyVerdict
from .hub_state import RepoState, access_message
from .status import LicenseView, UpdateCheck, UpdateStatus
from .store import LocalPart, now

LICENSE_DROPPED = QT_TR_NOOP("The new revision no longer states a license; a person must review it before this model is used.")


def repo_license(state: RepoState, policy, base_cards: dict[str, dict] | None = None) -> LicenseView:
    """The license of a repository at one revision, as the audit judges it (Discover's audit)."""
    return view_of(audit_repo(state.details(), policy, base_cards or {}), state.stated_license)


def view_of(audit: Audit, stated: str | None) -> LicenseView:
    info = audit.detection.license
    return LicenseView(stated, info.id, str(info.name), str(audit.verdict.verdict), [str(r) for r in audit.verdict.reasons])


def compare(
    model: LocalModel,
    parts: list[LocalPart],
    current: RepoState,
    *,
    before: LicenseView,
    after: LicenseView,
    previous_files: dict[str, tuple[int, str | None]] | None = None,
    gated_before: str | None = None,
    access: int | None = None,
    notes: list[str] | None = None,
) -> UpdateCheck:
    """``before``/``after``: the license at this copy's revision and now; ``previous_files``: the
    Hub's listing at this copy's revision (None when it is gone from the Hub); ``gated_before``:
    the gated state the last check saw (None: no check before); ``access``: 401/403 when the Hub
    refuses this machine the files of a gated repository."""
    check = UpdateCheck(model.id, model.name, model.repo, parts[0].filename if parts else None, UpdateStatus.UP_TO_DATE,
                        pinned=bool(model.pinned), local_revision=model.revision, hub_revision=current.sha, split=len(parts) > 1,
                        notes=list(notes or []), checked_at=now())  # fmt: skip
    _compare_files(check, parts, current, previous_files or {})
    _compare_license(check, before, after)
    check.gated_before, check.gated_after = gated_before, current.gated
    check.gated_changed = gated_before is not None and gated_before != current.gated
    if access in (401, 403) and current.gated != "no":
        check.access = access
        check.message, check.hint = access_message(access, current.repo)
    check.status = _headline(check)
    return check


def _compare_files(check: UpdateCheck, parts: list[LocalPart], current: RepoState, previous: dict[str, tuple[int, str | None]]) -> None:
    if not parts:
        return
    check.old_size = sum(p.size for p in parts)
    known = [(p, _known_sha(p, previous)) for p in parts]
    check.old_sha256 = known[0][1] if len(parts) == 1 else None
    missing = [p for p in parts if p.filename not in current.files]
    if missing:
        check.renamed_to = _renamed(known[0][1], current) if parts[0] in missing else None
        quant = quant_of(parts[0].filename)
        choices = group_gguf_files([(name, size, sha) for name, (size, sha) in current.files.items()])
        check.alternatives = [c.name for c in choices if quant and c.quant == quant and c.name != check.renamed_to][:5]
        if check.revision_changed:
            check.bytes_changed = True
        else:  # the Hub's listing at this very revision lacks the file: Hangar's idea of its name is wrong
            check.notes.append(QT_TR_NOOP("{file} is not in the repository's listing, so its bytes could not be compared.", file=parts[0].filename))
        return
    check.new_size = sum(current.files[p.filename][0] for p in parts)
    check.new_sha256 = current.files[parts[0].filename][1] if len(parts) == 1 else None
    by_size = False
    for part, sha in known:
        size, hub_sha = current.files[part.filename]
        if size != part.size or (sha and hub_sha and sha != hub_sha):
            check.bytes_changed = True
        by_size = by_size or not (sha and hub_sha)
    if by_size:
        check.notes.append(QT_TR_NOOP("No SHA-256 is known for every part, so the file was compared by size only."))
    if check.bytes_changed and not check.revision_changed:
        check.notes.append(QT_TR_NOOP("This copy differs from the file the Hub publishes at the same revision: it may be damaged or changed here."))


def _known_sha(part: LocalPart, previous: dict[str, tuple[int, str | None]]) -> str | None:
    """The SHA-256 of a part here: the library's, else what the Hub published at this copy's revision."""
    return part.sha256 or (previous.get(part.filename) or (0, None))[1]


def _renamed(sha: str | None, current: RepoState) -> str | None:
    if not sha:
        return None
    return next((name for name, (_size, hub_sha) in sorted(current.files.items()) if hub_sha == sha), None)


def _compare_license(check: UpdateCheck, before: LicenseView, after: LicenseView) -> None:
    dropped = bool(before.stated) and not after.stated
    if dropped:
        verdict = PolicyVerdict.REVIEW.value if after.verdict == PolicyVerdict.ALLOWED.value else after.verdict
        after = replace(after, verdict=verdict, reasons=[LICENSE_DROPPED, *after.reasons])
    check.license_before, check.license_after = before.stated, after.stated
    check.license_name_before, check.license_name_after = before.license_name, after.license_name
    check.verdict_before, check.verdict_after = before.verdict, after.verdict
    check.verdict_reasons_after = list(after.reasons)
    check.license_dropped = dropped
    check.license_changed = dropped or before.license_id != after.license_id or before.verdict != after.verdict


def _headline(check: UpdateCheck) -> UpdateStatus:
    """The one word for the table, most important first: the license, the gate, access, the file."""
    if check.license_changed:
        return UpdateStatus.LICENSE_CHANGED
    if check.gated_changed:
        return UpdateStatus.GATED_CHANGED
    if check.access:
        return UpdateStatus.NO_ACCESS
    if not check.revision_changed:
        return UpdateStatus.UP_TO_DATE
    if check.new_size is None and check.filename is not None:
        return UpdateStatus.FILE_GONE
    return UpdateStatus.NEW_FILE if check.bytes_changed else UpdateStatus.METADATA_ONLY


def unchecked(model: LocalModel, status: UpdateStatus, message: str = "", hint: str = "", filename: str | None = None) -> UpdateCheck:
    """A check that compared nothing: pinned, not from the Hub, or the Hub did not answer."""
    return UpdateCheck(model.id, model.name, model.repo, filename, status, pinned=bool(model.pinned), local_revision=model.revision,
                       message=message, hint=hint, checked_at=now())  # fmt: skip
