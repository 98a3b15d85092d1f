"""A repository as the Hub shows it at one revision: its commit, its files with their sizes
and LFS SHA-256, its card and its gated setting, from one ``/api/models`` call.

Read with Hangar's own client (core/hub/remote.py, the one downloads use: the network
settings, the deadline and the shape checks apply), not huggingface_hub: an update check
must tell a deleted repository (404) from one that asks for a sign-in (401) or refuses this
account (403), and say each in its own words. Nothing here changes anything on this machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from ..common.errors import GatedRepo, NotFoundOnHub
from ..common.i18n import QT_TR_NOOP
from ..hub.calls import guarded, shown
from ..hub.remote import auth_headers, card_base_models, card_license, client, endpoint, raise_for_hub_status, resolve_url

NOTHING_CHANGED = QT_TR_NOOP("The copy on this machine keeps working; nothing was changed.")


class RepoGone(NotFoundOnHub):
    """404 for the repository: deleted, renamed, or made private (the Hub does not say which)."""

    code = "repo_gone"


class RevisionGone(NotFoundOnHub):
    """The repository is there, the revision is not (a force-push rewrote its history)."""

    code = "revision_gone"


class AccessRefused(GatedRepo):
    """401 or 403: the Hub will not show this machine the repository, or its files."""

    code = "no_access"

    def __init__(self, message, *, status: int, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.status = status


@dataclass
class RepoState:
    repo: str
    sha: str
    files: dict[str, tuple[int, str | None]]  # name -> (size, LFS SHA-256)
    card: dict
    gated: str  # "no", "auto" or "manual"
    tags: list[str] = field(default_factory=list)
    gguf: dict = field(default_factory=dict)

    @property
    def stated_license(self) -> str | None:
        """What the card says, as written (license_name before license); None: it states none."""
        value = card_license(self.card)
        return value.strip() if value and value.strip() else None

    def details(self):
        """The state as the license audit reads a repository (hub.catalog.RepoDetails)."""
        from ..hub.catalog import RepoDetails, license_of

        card = self.card
        return RepoDetails(
            id=self.repo, sha=self.sha, license=license_of(self.tags, card), license_name=_text(card.get("license_name")),
            license_link=_text(card.get("license_link")), base_model=card_base_models(card), gated=self.gated != "no",
            card_text="", card_data=dict(card), gguf=dict(self.gguf),
        )  # fmt: skip


def read_state(repo: str, revision: str | None, token: str | None, base: str | None = None) -> RepoState:
    """The repository at ``revision`` (None: its default branch). RepoGone, RevisionGone or
    AccessRefused with a message of its own; NetworkError when the Hub cannot be reached."""
    base = base or endpoint()
    path = f"{base}/api/models/{repo}" + (f"/revision/{quote(revision, safe='')}" if revision else "")
    what = QT_TR_NOOP("repository {repo}", repo=shown(repo))
    with guarded(what, base):  # a deadline; a reply that is not JSON or not the expected JSON: each said
        response = client().get(path, params={"blobs": "true"}, headers=auth_headers(token))
        refusal(response, repo, revision, what)
        info = response.json()
        sha = info["sha"]
        if not isinstance(sha, str) or not sha:
            raise TypeError(f"sha is {type(sha).__name__}")
        siblings = info.get("siblings") or []
        if not isinstance(siblings, list):
            raise TypeError(f"siblings is {type(siblings).__name__}")
        files = {}
        for entry in siblings:
            if isinstance(entry, dict) and isinstance(entry.get("rfilename"), str):
                lfs = entry.get("lfs") if isinstance(entry.get("lfs"), dict) else {}
                sha256 = lfs.get("sha256") if isinstance(lfs.get("sha256"), str) else None
                files[entry["rfilename"]] = (int(entry.get("size") or 0), sha256.lower() if sha256 else None)
        card = info.get("cardData") if isinstance(info.get("cardData"), dict) else {}
        tags = [t for t in info.get("tags") or [] if isinstance(t, str)] if isinstance(info.get("tags"), list) else []
        gguf = info.get("gguf") if isinstance(info.get("gguf"), dict) else {}
        return RepoState(str(info.get("id") or repo), sha, files, card, gated_mode(info.get("gated")), tags, gguf)


def refusal(response, repo: str, revision: str | None, what: str) -> None:
    """404, 401 and 403 said for what they mean to a model already here; the rest as every Hub call says it."""
    status, code = response.status_code, response.headers.get("X-Error-Code", "")
    if status < 400:
        return
    if status == 404 and code == "RevisionNotFound" and revision:
        raise RevisionGone(QT_TR_NOOP("The Hub no longer has revision {revision} of {repo}.", revision=revision[:12], repo=shown(repo)))
    if status == 404:
        raise RepoGone(QT_TR_NOOP("{repo} is no longer on the Hub (404): it was deleted, renamed or made private.", repo=shown(repo)), hint=NOTHING_CHANGED)
    if status == 401:
        raise AccessRefused(
            QT_TR_NOOP("The Hub asks for a sign-in to read {repo} (401): it was made private or gated since, or the token is missing or expired.", repo=shown(repo)),
            status=401, hint=QT_TR_NOOP("Add a Hugging Face token in Settings, then check again. The copy on this machine keeps working; nothing was changed."),
        )  # fmt: skip
    if status == 403:
        raise AccessRefused(
            QT_TR_NOOP("The Hub refuses this account access to {repo} (403): it was made gated or restricted since, and access was not granted.", repo=shown(repo)),
            status=403, hint=QT_TR_NOOP("Accept the terms on the model's Hub page (or ask its owners), then check again. The copy on this machine keeps working; nothing was changed."),
        )  # fmt: skip
    raise_for_hub_status(response, what)


def probe_access(repo: str, revision: str, filename: str, token: str | None, base: str | None = None) -> int | None:
    """Whether this machine may download ``filename`` of a gated repository: None when it may,
    401 or 403 when the Hub refuses. One HEAD request; nothing is downloaded."""
    base = base or endpoint()
    with guarded(QT_TR_NOOP("repository {repo}", repo=shown(repo)), base):
        response = client().head(resolve_url(repo, revision, filename, base), headers=auth_headers(token))
    return response.status_code if response.status_code in (401, 403) else None


def access_message(status: int, repo: str) -> tuple[str, str]:
    """(message, hint) for a gated repository whose files the Hub refuses to this machine."""
    if status == 401:
        return (QT_TR_NOOP("{repo} is gated now: the Hub asks for a sign-in before its files can be downloaded (401).", repo=shown(repo)),
                QT_TR_NOOP("Accept the terms on the model's Hub page and add a Hugging Face token in Settings. The copy on this machine keeps working."))  # fmt: skip
    return (QT_TR_NOOP("{repo} is gated now, and this account has no access to its files (403).", repo=shown(repo)),
            QT_TR_NOOP("Accept the terms on the model's Hub page (or wait for the authors to approve you). The copy on this machine keeps working."))  # fmt: skip


def gated_mode(value: object) -> str:
    """The Hub's ``gated`` (false, "auto", "manual", sometimes true) as one of "no", "auto", "manual"."""
    if value in (False, None, "", "false", "False"):
        return "no"
    if isinstance(value, str) and value.lower() in ("auto", "manual"):
        return value.lower()
    return "manual"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
