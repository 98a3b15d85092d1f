"""License audits of the library, a file or a Hub repository, against the policy."""

from __future__ import annotations

from pathlib import Path

from ..config.context import AppContext
from ..licenses.audit import Audit, audit_file, audit_local, audit_repo, base_cards_for
from ..licenses.policy import Policy
from .hub import HubService
from .library import LibraryService
from .policy import PolicyService


class LicenseService:
    def __init__(self, ctx: AppContext, library: LibraryService, policy: PolicyService, hub: HubService) -> None:
        self._ctx, self._library, self._policy, self._hub = ctx, library, policy, hub

    def audit_library(self, policy: Policy | None = None) -> list[Audit]:
        return audit_local(self._ctx, self._library.list(), policy or self._policy.current())

    def audit_model(self, ref: str | int, policy: Policy | None = None) -> Audit:
        model = self._library.get(ref)
        return audit_local(self._ctx, [model], policy or self._policy.current())[0]

    def audit_file(self, path: Path, policy: Policy | None = None) -> Audit:
        return audit_file(path, policy or self._policy.current())

    def audit_repo(self, repo_id: str, policy: Policy | None = None) -> Audit:
        catalog = self._hub.catalog()
        details = catalog.repo(repo_id)
        return audit_repo(details, policy or self._policy.current(), base_cards_for(catalog, details))

    def bom(self, policy: Policy | None = None, audits: list[Audit] | None = None) -> dict:
        from ..licenses.bom import build_bom

        return build_bom(self._ctx, audits if audits is not None else self.audit_library(policy))
