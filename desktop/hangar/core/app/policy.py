"""The organisation's license policy: read, replaced and announced in one place, so that
Discover's verdict and its "blocked model" question follow a change made in Licenses.
"""

from __future__ import annotations

import logging

from ..common.errors import HangarError
from ..config.context import AppContext
from ..licenses.audit import current_policy, save_policy
from ..licenses.policy import Policy
from .changes import Announcer, Change

log = logging.getLogger(__name__)


class PolicyService:
    def __init__(self, ctx: AppContext, changes: Announcer) -> None:
        self._ctx = ctx
        self._changes = changes
        self.version = 0  # grows with every replacement: a view can tell its audit is older


    def current(self) -> Policy:
        """The saved policy (the default until one is saved); HangarError if the file is unreadable."""
        return current_policy(self._ctx)

    def current_or_default(self) -> tuple[Policy, str]:
        """The saved policy and "", or the default and why the saved one could not be read."""
        try:
            return self.current(), ""
        except HangarError as exc:
            log.warning("the saved license policy is unreadable: %s", exc)
            return Policy(), exc.message

    def replace(self, policy: Policy) -> Policy:
        save_policy(self._ctx, policy)
        self.version += 1
        self._changes.announce(Change.POLICY, policy)
        return policy
