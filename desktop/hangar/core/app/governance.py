"""What the administrator's managed policy allows, checked at download, load, serve and export.

One gate for every face: the window, ``hangar-cli`` and the server ask it before acting, and it
answers by returning (go ahead) or by raising a ``PolicyRefusal`` whose message carries the
policy's reason. With no managed policy installed it lets everything through: the user's own
policy is advice (Discover asks "download anyway?"), not a lock.

An override ("I reviewed it: use it") is an audit-trail event holding the person's reason, the
model's SHA-256 (or repo) and the SHA-256 of the policy it overrides; it holds until the policy
changes. The trail is the store, so no override exists that the trail does not show.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from ..audit.trail import AuditEvent
from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP, joined
from ..licenses.managed import ManagedPolicy, load_managed

if TYPE_CHECKING:
    from ..library.models import LocalModel
    from .hangar import Hangar

log = logging.getLogger(__name__)

MAX_REASON = 2000


class PolicyRefusal(HangarError):
    """The managed policy does not allow this; the message says why."""

    code = "policy_refused"


class OverrideReasonNeeded(PolicyRefusal):
    """The verdict is "review" and the managed policy asks for a reason before use."""

    code = "override_reason_needed"

    def __init__(self, message, *, subject: str, reasons: list[str], hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.subject, self.reasons = subject, reasons


class Governance:
    def __init__(self, app: "Hangar") -> None:
        self._app = app

    def managed(self) -> ManagedPolicy | None:
        """The installed managed policy (read each time: an administrator may change it while Hangar
        runs), None without one; ManagedPolicyError when it cannot be used."""
        return load_managed()

    # -- the gates -------------------------------------------------------------------------------
    def check_download(self, repo: str, filename: str, *, reason: str | None = None, endpoint: str | None = None) -> None:
        managed = self.managed()  # a broken managed policy refuses every download (never "no policy")
        if managed is None:
            return
        from ..hub.remote import endpoint as hub_endpoint

        where = endpoint or hub_endpoint()
        if not managed.allows_endpoint(where):
            raise PolicyRefusal(QT_TR_NOOP("Your organisation's policy allows downloads only from {allowed}, not from {endpoint}.",
                                           allowed=", ".join(managed.download_endpoints), endpoint=where),
                                hint=QT_TR_NOOP("Set the Hub endpoint to your organisation's mirror (Settings, or HF_ENDPOINT)."))  # fmt: skip
        if not (managed.forbid_blocked_downloads or managed.require_override_reason):
            return
        audit = self._app.licenses.audit_repo(repo, managed.policy)
        self._judge("download", repo, audit.verdict, managed, reason=reason, key={"repo": repo, "file": filename})

    def check_use(self, action: str, model: "LocalModel", *, reason: str | None = None) -> list[str]:
        """Before a load, a serve or an export of a library model; returns warnings (a review
        verdict that needs no reason), raises PolicyRefusal otherwise."""
        managed = self.managed()
        if managed is None:
            return []
        audit = self._app.licenses.audit_model(model.id, managed.policy)
        return self._judge(action, model.name, audit.verdict, managed, reason=reason, key=_model_key(model))

    def _judge(self, action: str, subject: str, verdict, managed: ManagedPolicy, *, reason: str | None, key: dict) -> list[str]:
        value = str(getattr(verdict.verdict, "value", verdict.verdict))
        reasons = [str(r) for r in verdict.reasons]
        self._app.audit.record(AuditEvent.LICENSE_VERDICT, action=action, subject=subject, verdict=value, reasons=reasons, managed=str(managed.path), **key)
        if value == "blocked" and managed.forbid_blocked_downloads:
            raise PolicyRefusal(QT_TR_NOOP("Your organisation's policy blocks {subject}: {reasons}", subject=subject, reasons=joined(list(verdict.reasons))),
                                hint=QT_TR_NOOP("The policy is managed by your administrator ({path}); it cannot be overridden here.", path=managed.path))  # fmt: skip
        if value in ("review", "blocked") and managed.require_override_reason:
            if reason is not None:
                self.record_override(action, subject, value, reason, key)
            elif not self._overridden(key, value):
                raise OverrideReasonNeeded(
                    QT_TR_NOOP("{subject} needs a license review before use, and your organisation asks for a reason: {reasons}", subject=subject,
                               reasons=joined(list(verdict.reasons))),
                    subject=subject, reasons=reasons,
                    hint=QT_TR_NOOP("Give the reason you may use it (the audit trail keeps it with your name)."),
                )  # fmt: skip
            return []
        return [QT_TR_NOOP("{subject} needs a license review before use: {reasons}", subject=subject, reasons=joined(list(verdict.reasons)))] if value == "review" else []

    # -- overrides -------------------------------------------------------------------------------
    def record_override(self, action: str, subject: str, verdict: str, reason: str, key: dict) -> None:
        text = " ".join(str(reason).split())
        if not text:
            raise InvalidInput(QT_TR_NOOP("An override needs a reason: say why this model may be used."))
        if len(text) > MAX_REASON:
            raise InvalidInput(QT_TR_NOOP("A reason of at most {count} characters, please.", count=MAX_REASON))
        self._app.audit.record(AuditEvent.LICENSE_OVERRIDE, action=action, subject=subject, verdict=verdict, reason=text,
                               policy_sha256=self._policy_sha(), **key)  # fmt: skip

    def _overridden(self, key: dict, verdict: str) -> bool:
        policy_sha = self._policy_sha()
        for entry in self._app.audit.entries(events={AuditEvent.LICENSE_OVERRIDE.value}):
            data = entry.get("data", {})
            if data.get("policy_sha256") != policy_sha or data.get("verdict") != verdict:
                continue
            if any(key.get(k) and data.get(k) == key[k] for k in ("sha256", "repo", "path")):
                return True  # the same file, or the same repository (a download's override covers loading it)
        return False

    def _policy_sha(self) -> str:
        from .policy import policy_facts

        return policy_facts(self._app.policy.current())["sha256"]


def _model_key(model: "LocalModel") -> dict:
    return {"sha256": model.sha256, "repo": model.repo} if model.sha256 else {"path": os.fspath(model.path), "repo": model.repo}
