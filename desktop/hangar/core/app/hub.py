"""The Hub as the faces use it: search, and one repository inspected the same way for
the window and the CLI (revision, context size for the fit, the license audit).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..hub import fitting
from ..hub.catalog import HubCatalog, RepoDetails
from ..hub.quants import GGUFChoice
from ..hub.tokens import get_token
from ..licenses.policy import Policy

log = logging.getLogger(__name__)
DEFAULT_CTX = fitting.DEFAULT_CTX  # the one default context a fit is judged at
MAX_QUERY_CHARS = 256  # repository names are at most 96; a longer "search" is pasted text, and a 120 kB one is no URL
MAX_RESULTS = 1000
MAX_OFFSET = 100_000


def _check_search(query: str, author: str | None, limit: int, offset: int) -> None:
    """What a person typed, checked before it becomes a URL (where it would fail as InvalidURL)."""
    if len(query or "") > MAX_QUERY_CHARS:
        raise InvalidInput(
            QT_TR_NOOP("The search text is {length:,} characters long; the Hub takes at most {most}.", length=len(query), most=MAX_QUERY_CHARS),
            hint=QT_TR_NOOP("Search for a few words of the repository's name."),
        )
    if len(author or "") > MAX_QUERY_CHARS:
        raise InvalidInput(QT_TR_NOOP("The author name is {length:,} characters long; the Hub takes at most {most}.", length=len(author or ""), most=MAX_QUERY_CHARS))
    if not 1 <= limit <= MAX_RESULTS:
        raise InvalidInput(QT_TR_NOOP("The number of results must be between 1 and {most:,}, not {value}.", most=MAX_RESULTS, value=limit))
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput(QT_TR_NOOP("The offset must be between 0 and {most:,}, not {value}.", most=MAX_OFFSET, value=offset))


@dataclass
class RepoInspection:
    details: RepoDetails
    recommended: GGUFChoice | None
    reason: str  # why that quant is recommended
    fit_note: str  # set when the fit is from file sizes only, and why
    base_cards: dict[str, dict]  # the base models' cards, kept so a policy change can re-audit offline
    audit: object | None  # licenses.audit.Audit, or None when it could not be worked out


class HubService:
    def __init__(self, models_dir: Callable[[], Path]) -> None:
        self._models_dir = models_dir  # a callable: the folder can change in Settings

    def catalog(self) -> HubCatalog:
        return HubCatalog(token=get_token())

    def search(self, query: str = "", *, sort: str = "downloads", family: str | None = None, author: str | None = None,
               limit: int = 20, offset: int = 0) -> list[dict]:  # fmt: skip
        _check_search(query, author, limit, offset)
        return self.catalog().search(query, sort=sort, family=family, author=author, limit=limit, offset=offset)

    def inspect(self, repo_id: str, revision: str | None = None, *, n_ctx: int = DEFAULT_CTX, policy: Policy | None = None,
                with_license: bool = True) -> RepoInspection:  # fmt: skip
        """Details, the model header by Range, fit verdicts per device, a recommendation and
        (``with_license``: the base models' cards are read too) the license audit."""
        from ..hardware import detect_hardware
        from ..hub.fitting import assess, devices_from, header_for, recommend
        from ..licenses.audit import base_cards_for

        catalog = self.catalog()
        details = catalog.repo(repo_id, revision)
        header, problem = header_for(details, catalog.token, catalog.base)
        devices = devices_from(detect_hardware(Path(self._models_dir())))
        assess(details.files, header, devices, n_ctx)
        best, reason = recommend(details.files, devices, n_ctx)
        if not with_license:
            return RepoInspection(details, best, reason, problem, {}, None)
        cards = base_cards_for(catalog, details)
        return RepoInspection(details, best, reason, problem, cards, self.audit(details, cards, policy or Policy()))

    @staticmethod
    def audit(details: RepoDetails, base_cards: dict[str, dict], policy: Policy):
        """The license card's content; None (and a log line) if it cannot be worked out."""
        from ..licenses.audit import audit_repo

        try:
            return audit_repo(details, policy, base_cards)
        except Exception:  # the repo view must open even if the audit fails; the Licenses pane says why
            log.exception("license audit of %s failed", details.id)
            return None
