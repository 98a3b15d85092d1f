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
    def __init__(self, ctx: AppContext, changes: Announcer, audit=None) -> None:
        self._ctx = ctx
        self._changes = changes
        self._audit = audit  # AuditService: every replacement of the policy is recorded
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
        if self._audit is not None:
            from ..audit.trail import AuditEvent

            self._audit.record(AuditEvent.POLICY_CHANGE, policy=policy_facts(policy))
        self.version += 1
        self._changes.announce(Change.POLICY, policy)
        return policy


def policy_facts(policy: Policy) -> dict:
    """The policy as the audit trail keeps it: every field, and the SHA-256 of its canonical JSON."""
    import dataclasses
    import hashlib
    import json

    values = dataclasses.asdict(policy) if dataclasses.is_dataclass(policy) else dict(vars(policy))
    text = json.dumps(values, sort_keys=True, default=str)
    return {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "fields": json.loads(text)}
