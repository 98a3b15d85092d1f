"""What an update check found for one model, as values for JSON and the database and as words.

One ``UpdateCheck`` per model. Its ``status`` is the headline, the most important of what
changed (a changed license before anything else: a person must see it before anything is
downloaded); the fields under it say everything that changed, old and new side by side, and
``changes()`` spells it out, the license first.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum

from ..common.i18n import QT_TR_NOOP, Text, from_stored, to_stored
from ..common.units import format_bytes


class UpdateStatus(StrEnum):
    UP_TO_DATE = "up_to_date"
    METADATA_ONLY = "metadata_only"  # a new revision, the same file bytes (the card or other files changed)
    NEW_FILE = "new_file"  # the new revision has other bytes under the file's name
    FILE_GONE = "file_gone"  # the new revision no longer has the file (removed or renamed)
    LICENSE_CHANGED = "license_changed"
    GATED_CHANGED = "gated_changed"
    NO_ACCESS = "no_access"  # the Hub refuses this machine the repository or its files (401, 403)
    REPO_GONE = "repo_gone"  # 404: deleted, renamed or made private
    PINNED = "pinned"  # kept at its revision: not checked
    NOT_FROM_HUB = "not_from_hub"  # imported from a file, or Ollama's: no repository to compare with
    UNREACHABLE = "unreachable"
    ERROR = "error"

    @property
    def label(self) -> Text:
        return _LABELS[self]

    @property
    def checked(self) -> bool:
        """The Hub answered and the model was compared with it."""
        return self in _COMPARED


_LABELS = {
    UpdateStatus.UP_TO_DATE: QT_TR_NOOP("up to date"),
    UpdateStatus.METADATA_ONLY: QT_TR_NOOP("new revision, same file"),
    UpdateStatus.NEW_FILE: QT_TR_NOOP("update available"),
    UpdateStatus.FILE_GONE: QT_TR_NOOP("file gone or renamed"),
    UpdateStatus.LICENSE_CHANGED: QT_TR_NOOP("license changed!"),
    UpdateStatus.GATED_CHANGED: QT_TR_NOOP("gated state changed"),
    UpdateStatus.NO_ACCESS: QT_TR_NOOP("no access"),
    UpdateStatus.REPO_GONE: QT_TR_NOOP("gone from the Hub"),
    UpdateStatus.PINNED: QT_TR_NOOP("pinned"),
    UpdateStatus.NOT_FROM_HUB: QT_TR_NOOP("not from the Hub"),
    UpdateStatus.UNREACHABLE: QT_TR_NOOP("Hub unreachable"),
    UpdateStatus.ERROR: QT_TR_NOOP("check failed"),
}
_COMPARED = {UpdateStatus.UP_TO_DATE, UpdateStatus.METADATA_ONLY, UpdateStatus.NEW_FILE, UpdateStatus.FILE_GONE,
             UpdateStatus.LICENSE_CHANGED, UpdateStatus.GATED_CHANGED, UpdateStatus.NO_ACCESS}  # fmt: skip
_MESSAGES = ("message", "hint")  # Text fields stored with their template (to_stored), so a window translates them later
_MESSAGE_LISTS = ("notes", "verdict_reasons_after")


@dataclass
class LicenseView:
    """A license as one revision states it and as the audit judges it against the policy."""

    stated: str | None  # the card's license_name or license, as written; None: it states none
    license_id: str  # the knowledge base's id ("unknown" when nothing says)
    license_name: str  # the knowledge base's name for it
    verdict: str  # allowed / review / blocked (licenses.enums.PolicyVerdict)
    reasons: list[str] = field(default_factory=list)


@dataclass
class UpdateCheck:
    model_id: int
    name: str
    repo: str | None
    filename: str | None
    status: UpdateStatus
    pinned: bool = False
    local_revision: str | None = None
    hub_revision: str | None = None
    old_size: int | None = None  # the file here
    new_size: int | None = None  # the file in the Hub's revision (None: not there)
    old_sha256: str | None = None
    new_sha256: str | None = None
    bytes_changed: bool = False  # the new revision's file (every part of a split model) is not the one here
    renamed_to: str | None = None  # the same bytes under another name in the new revision
    alternatives: list[str] = field(default_factory=list)  # files of the same quant in the new revision
    license_before: str | None = None  # as stated by the card
    license_after: str | None = None
    license_name_before: str | None = None  # as the audit identified it
    license_name_after: str | None = None
    verdict_before: str | None = None
    verdict_after: str | None = None
    verdict_reasons_after: list[str] = field(default_factory=list)
    license_changed: bool = False
    license_dropped: bool = False  # the new revision no longer states a license
    gated_before: str | None = None  # "no", "auto", "manual"; None: not known (no earlier check)
    gated_after: str | None = None
    gated_changed: bool = False
    access: int | None = None  # 401 or 403 when the Hub refuses this machine the files
    message: str = ""  # what went wrong (errors), or what stands in the way of an update
    hint: str = ""
    notes: list[str] = field(default_factory=list)
    split: bool = False  # a model in several files
    checked_at: str = ""

    # -- what it means ---------------------------------------------------------------------------
    @property
    def revision_changed(self) -> bool:
        return bool(self.hub_revision) and self.hub_revision != self.local_revision

    @property
    def update_available(self) -> bool:
        """A newer revision with the file still there: ``UpdateService.update`` can bring it."""
        return self.status.checked and not self.pinned and self.revision_changed and self.new_size is not None and self.renamed_to is None

    @property
    def changed(self) -> bool:
        """Something a person should hear about (the daily check's notice)."""
        return self.status not in (UpdateStatus.UP_TO_DATE, UpdateStatus.PINNED, UpdateStatus.NOT_FROM_HUB, UpdateStatus.UNREACHABLE)

    def changes(self) -> list[Text]:
        """Everything that changed, one sentence each, the license first."""
        lines: list[Text] = []
        if self.license_dropped:
            lines.append(QT_TR_NOOP("The new revision no longer states a license (it was {old}); the verdict is now {verdict}.",
                                    old=self.license_before or "?", verdict=verdict_word(self.verdict_after)))  # fmt: skip
        elif self.license_changed:
            lines.append(QT_TR_NOOP("The license changed from {old} to {new}; the verdict went from {before} to {after}.",
                                    old=self.license_before or self.license_name_before or "?", new=self.license_after or self.license_name_after or "?",
                                    before=verdict_word(self.verdict_before), after=verdict_word(self.verdict_after)))  # fmt: skip
        if self.gated_changed:
            lines.append(QT_TR_NOOP("The repository's gated state changed from {old} to {new}.", old=gated_word(self.gated_before), new=gated_word(self.gated_after)))
        if self.status in (UpdateStatus.NO_ACCESS, UpdateStatus.REPO_GONE, UpdateStatus.UNREACHABLE, UpdateStatus.ERROR) and self.message:
            lines.append(self.message)
        if self.renamed_to:
            lines.append(QT_TR_NOOP("{file} was renamed to {new} in the new revision (the same bytes).", file=self.filename, new=self.renamed_to))
        elif self.status.checked and self.revision_changed and self.new_size is None:
            if self.alternatives:
                lines.append(QT_TR_NOOP("{file} is not in the new revision; it has {others}.", file=self.filename, others=", ".join(self.alternatives[:3])))
            else:
                lines.append(QT_TR_NOOP("{file} is not in the new revision.", file=self.filename))
        elif self.bytes_changed:
            lines.append(QT_TR_NOOP("The file changed: {old_size} → {new_size}, SHA-256 {old} → {new}.", old_size=_size(self.old_size), new_size=_size(self.new_size),
                                    old=_short(self.old_sha256), new=_short(self.new_sha256)))  # fmt: skip
        if self.status.checked and self.revision_changed:
            lines.append(QT_TR_NOOP("New revision {new} (this copy is {old}).", new=_short(self.hub_revision), old=_short(self.local_revision)))
            if not self.bytes_changed and self.new_size is not None:
                lines.append(QT_TR_NOOP("The file's bytes are the same; only the repository's other files or its card changed."))
        return lines

    # -- storage ---------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        data = asdict(self)
        data["status"] = str(self.status)
        data.update(update_available=self.update_available, revision_changed=self.revision_changed, changes=[str(line) for line in self.changes()])
        return data

    def to_stored(self) -> str:
        data = asdict(self)
        data["status"] = str(self.status)
        for name in _MESSAGES:
            data[name] = to_stored(data[name]) if data[name] else ""
        for name in _MESSAGE_LISTS:
            data[name] = [to_stored(m) for m in data[name]]
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_stored(cls, text: str) -> "UpdateCheck | None":
        """A stored check, or None when it cannot be read (it is then simply not shown)."""
        try:
            data = json.loads(text)
            known = {f.name for f in fields(cls)}
            values = {k: v for k, v in data.items() if k in known}
            values["status"] = UpdateStatus(values["status"])
            for name in _MESSAGES:
                values[name] = from_stored(values.get(name) or "") or ""
            for name in _MESSAGE_LISTS:
                values[name] = [from_stored(m) or "" for m in values.get(name) or []]
            return cls(**values)
        except (ValueError, KeyError, TypeError):
            return None


def verdict_word(verdict: str | None) -> str:
    """A policy verdict as a word the window translates; "?" when there is none."""
    from ..licenses.enums import PolicyVerdict

    try:
        return PolicyVerdict(verdict).label
    except ValueError:
        return verdict or "?"


def gated_word(gated: str | None) -> str:
    return _GATED.get(gated or "", gated or "?")


_GATED = {"no": QT_TR_NOOP("not gated"), "auto": QT_TR_NOOP("gated (access granted on request)"), "manual": QT_TR_NOOP("gated (the authors approve each request)")}


def _short(sha: str | None) -> str:
    return sha[:12] if sha else "?"


def _size(size: int | None) -> str:
    return format_bytes(size) if size is not None else "?"
