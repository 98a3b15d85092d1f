"""Searching the Hub for GGUF repositories and describing one repository's files.

Built on huggingface_hub's ``HfApi`` (search, paging, model info with LFS hashes); the
GGUF header for the fit verdicts comes by HTTP Range (remote.py). All Hub failures
become HangarErrors with a message for a person.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterator

from ..common.errors import GatedRepo, HangarError, HubError, InvalidInput, NetworkError, NotFoundOnHub
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import redact_str, remember
from .calls import bounded, explain, install, shown
from .quants import GGUFChoice, group_gguf_files
from .remote import endpoint, fetch_text
from .terms import FAMILIES, SORTS

_EXPAND = ["downloads", "likes", "trendingScore", "lastModified", "tags", "gated", "gguf", "createdAt", "cardData"]
_FRONT_MATTER = re.compile(r"^---\s*\n.*?\n---\s*\n", re.DOTALL)


@contextlib.contextmanager
def hub_errors(what: str, base: str | None = None, seconds: float | None = None) -> Iterator[None]:
    """One Hub call: under a deadline, with a page cap (calls.bounded), and whatever fails
    (the Hub's answer, the network, a reply that is not JSON or not the expected JSON)
    becomes a HangarError that says which; the server's own words are shown masked."""
    from huggingface_hub.errors import (
        EntryNotFoundError,
        GatedRepoError,
        HfHubHTTPError,
        HFValidationError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    base = base or endpoint()
    try:
        with bounded(what, base, seconds):
            yield
    except GatedRepoError as exc:
        raise GatedRepo(QT_TR_NOOP("{what} is gated: accept its terms on the Hub and add your token.", what=what)) from exc
    except (RepositoryNotFoundError, RevisionNotFoundError, EntryNotFoundError) as exc:
        raise NotFoundOnHub(QT_TR_NOOP("The Hub has no {what}.", what=what), hint=QT_TR_NOOP("Check the spelling of the repository and file names.")) from exc
    except HfHubHTTPError as exc:
        raise HubError(QT_TR_NOOP("The Hub could not answer for {what}: {error}", what=what, error=redact_str(str(exc))[:1000])) from exc  # masked, then cut
    except HFValidationError as exc:
        raise InvalidInput(QT_TR_NOOP("{what} is not a name the Hub accepts: {problem}", what=what, problem=redact_str(str(exc))[:300])) from exc
    except HangarError:
        raise
    except Exception as exc:
        mapped = explain(exc, what, base)
        if mapped is None:
            raise
        raise mapped from exc


def license_of(tags: list[str] | None, card: dict | None = None) -> str | None:
    if card and isinstance(card.get("license"), str):
        return card["license"]
    for tag in tags or []:
        if tag.startswith("license:"):
            return tag.split(":", 1)[1]
    return None


def _shown_license(model) -> str | None:
    """The license as the results list shows it: the card's license_name where its license is
    "other" (Hunyuan, openPangu: "other" says nothing)."""
    card = getattr(model, "card_data", None) or {}
    if not isinstance(card, dict):
        card = card.to_dict() if hasattr(card, "to_dict") else {}
    license_id = license_of(getattr(model, "tags", None), card)
    name = card.get("license_name")
    return name if license_id == "other" and isinstance(name, str) and name.strip() else license_id


def _summary(model) -> dict:
    gguf = getattr(model, "gguf", None) or {}
    return {
        "id": model.id,
        "author": model.id.split("/")[0],
        "downloads": getattr(model, "downloads", None),
        "likes": getattr(model, "likes", None),
        "trending_score": getattr(model, "trending_score", None),
        "last_modified": str(model.last_modified) if getattr(model, "last_modified", None) else None,
        "license": _shown_license(model),
        "gated": bool(getattr(model, "gated", False)),
        "parameters": gguf.get("total"),
        "architecture": gguf.get("architecture"),
        "context_length": gguf.get("context_length"),
    }


@dataclass
class RepoDetails:
    id: str
    sha: str
    license: str | None
    license_name: str | None
    license_link: str | None
    base_model: list[str]
    gated: bool
    card_text: str
    card_data: dict
    gguf: dict
    files: list[GGUFChoice] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "files"}
        data["files"] = [f.to_dict() for f in self.files]
        return data


_REACHABLE: dict[str, float] = {}  # endpoint -> when it last answered


def ensure_reachable(base: str, ttl_s: float = 300.0) -> None:
    """Fail in seconds, not half a minute, when the Hub cannot be reached at all.

    huggingface_hub retries connection errors with backoff for about 23 s; right for a
    flaky link, wrong for a machine that is simply offline. One short request decides.
    """
    import time

    if time.monotonic() - _REACHABLE.get(base, -1e9) < ttl_s:
        return
    import httpx2 as httpx

    from .remote import client

    with hub_errors(QT_TR_NOOP("the Hub"), base):
        client().get(f"{base}/api/models", params={"limit": 1}, timeout=httpx.Timeout(8.0, connect=4.0))
    _REACHABLE[base] = time.monotonic()


class HubCatalog:
    def __init__(self, token: str | None = None, base: str | None = None) -> None:
        from huggingface_hub import HfApi

        install()  # huggingface_hub's client gets the deadline and page checks (calls.py)
        remember(token)
        self.token = token
        self.base = base or endpoint()
        self.api = HfApi(endpoint=self.base, token=token or False)

    def search(self, query: str = "", *, sort: str = "downloads", family: str | None = None, author: str | None = None, limit: int = 20, offset: int = 0) -> list[dict]:
        term = query.strip()
        family_key = FAMILIES.get(family or "", (family or "").lower()) or None
        search = term or family_key or None
        ensure_reachable(self.base)
        with hub_errors(QT_TR_NOOP("model search"), self.base):
            models = self.api.list_models(
                search=search, filter="gguf", author=author or None, sort=SORTS.get(sort, sort), limit=offset + limit, expand=_EXPAND
            )
            found = [_summary(m) for m in islice(models, offset, offset + limit)]
        if term and family_key:
            found = [m for m in found if family_key in m["id"].lower()]
        return found

    def repo(self, repo_id: str, revision: str | None = None, *, with_card: bool = True) -> RepoDetails:
        ensure_reachable(self.base)
        what = QT_TR_NOOP("repository {repo}", repo=shown(repo_id))
        with hub_errors(what, self.base):
            info = self.api.model_info(repo_id, revision=revision, files_metadata=True)
            if not (isinstance(info.id, str) and isinstance(info.sha, str)):
                raise TypeError("no repository id or commit in the answer")
            card = info.card_data.to_dict() if info.card_data else {}
            entries = [(s.rfilename, s.size or 0, s.lfs.sha256 if s.lfs else None) for s in info.siblings or []]
        refused: list[str] = []
        files = group_gguf_files(entries, refused)
        card_text = ""
        if with_card and any(s.rfilename == "README.md" for s in info.siblings or []):
            with contextlib.suppress(HubError, NetworkError):
                card_text = _FRONT_MATTER.sub("", fetch_text(repo_id, info.sha, "README.md", self.token, base=self.base), count=1)
        base = card.get("base_model") or []
        return RepoDetails(
            id=info.id,
            sha=info.sha,
            license=license_of(info.tags, card),
            license_name=card.get("license_name"),
            license_link=card.get("license_link"),
            base_model=[base] if isinstance(base, str) else list(base),
            gated=bool(info.gated),
            card_text=card_text,
            card_data=card,
            gguf=dict(info.gguf or {}),
            files=files,
            refused=refused,
        )
