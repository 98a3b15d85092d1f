"""The organisation's license policy: read, replaced and announced in one place, so that
Discover's verdict and its "blocked model" question follow a change made in Licenses.
"""

from __future__ import annotations

import logging

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..licenses.audit import current_policy, save_policy
from ..licenses.managed import load_managed
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
        """The managed policy when an administrator installed one (it wins), else the saved policy
        (the default until one is saved); HangarError if the file in force is unreadable."""
        managed = load_managed()
        return managed.policy if managed is not None else current_policy(self._ctx)

    def locked_by(self):
        """The managed policy's path when one is installed (the Licenses pane shows the policy locked),
        else None; ManagedPolicyError when it is there but cannot be used."""
        managed = load_managed()
        return managed.path if managed is not None else None

    def current_or_default(self) -> tuple[Policy, str]:
        """The saved policy and "", or the default and why the saved one could not be read."""
        try:
            return self.current(), ""
        except HangarError as exc:
            log.warning("the saved license policy is unreadable: %s", exc)
            return Policy(), exc.message

    def replace(self, policy: Policy) -> Policy:
        managed = load_managed()
        if managed is not None:
            raise InvalidInput(QT_TR_NOOP("Your administrator manages the license policy ({path}); it cannot be changed here.", path=managed.path))
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
