"""The managed policy: the one an administrator installs for every user of the machine.

It lives in the system location (Linux ``/etc/hangar/policy.json``, Windows
``%ProgramData%\\Hangar\\policy.json``, macOS ``/Library/Application Support/Hangar/policy.json``;
``HANGAR_MANAGED_POLICY`` names another path, for tests and for packaging) and wins over the
user's own policy, which the Licenses pane then shows locked. Besides the license policy it
holds the rules only an administrator sets:

- ``require_override_reason``: using a model whose verdict is "review" needs a reason, which the
  audit trail keeps;
- ``forbid_blocked_downloads``: a blocked model cannot be downloaded (nor loaded, served or
  exported) at all;
- ``download_endpoints``: the only Hub endpoints downloads may come from (an internal mirror);
- ``forbid_remote_endpoints``: prompts never go to a remote endpoint.

A managed policy file that cannot be read, is not JSON, or holds a field Hangar does not know
is an error, never "no policy": downloads are refused with the reason until it is fixed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import UnsuitableFile, read_small_file
from .policy import MAX_POLICY_BYTES, Policy

MANAGED_FORMAT = "hangar-managed-policy"
ENV = "HANGAR_MANAGED_POLICY"


class ManagedPolicyError(HangarError):
    """The administrator's policy exists but cannot be used: nothing that needs it goes ahead."""

    code = "managed_policy_invalid"


@dataclass
class ManagedPolicy:
    policy: Policy
    path: Path
    require_override_reason: bool = False
    forbid_blocked_downloads: bool = False
    download_endpoints: list[str] = field(default_factory=list)  # empty: any
    forbid_remote_endpoints: bool = False

    def allows_endpoint(self, endpoint: str) -> bool:
        if not self.download_endpoints:
            return True
        wanted = _normal(endpoint)
        return any(wanted == _normal(allowed) for allowed in self.download_endpoints)


RULES = {f.name for f in fields(ManagedPolicy)} - {"policy", "path"}


def _normal(url: str) -> str:
    return str(url).strip().rstrip("/").lower()


def system_path(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(ENV):
        return Path(env[ENV]).expanduser()
    if sys.platform == "win32":  # pragma: no cover - per platform
        return Path(env.get("ProgramData", r"C:\ProgramData")) / "Hangar" / "policy.json"
    if sys.platform == "darwin":  # pragma: no cover - per platform
        return Path("/Library/Application Support/Hangar/policy.json")
    return Path("/etc/hangar/policy.json")


def load_managed(environ: dict[str, str] | None = None) -> ManagedPolicy | None:
    """The managed policy, None when none is installed; ManagedPolicyError when one is there but
    cannot be used (never read as "no policy")."""
    path = system_path(environ)
    if not path.exists() and not path.is_symlink():
        return None
    try:
        text = read_small_file(path, MAX_POLICY_BYTES).decode("utf-8-sig")
    except UnsuitableFile as exc:
        raise _error(path, exc.reason) from None
    except PermissionError:
        raise _error(path, QT_TR_NOOP("this user may not read it (ask your administrator to make it readable)")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, str(exc)) from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _error(path, QT_TR_NOOP("it is not JSON ({problem})", problem=str(exc)[:120])) from None
    if not isinstance(data, dict) or data.get("format") != MANAGED_FORMAT:
        raise _error(path, QT_TR_NOOP("it is not a Hangar managed policy (expected \"format\": \"{format}\")", format=MANAGED_FORMAT))
    if data.get("version") != 1:
        raise _error(path, QT_TR_NOOP("it has version {version}; this Hangar reads version 1", version=data.get("version")))
    unknown = sorted(set(data) - RULES - {"format", "version", "policy"})
    if unknown:
        raise _error(path, QT_TR_NOOP("it has fields Hangar does not know: {names} (a typo would silently weaken the policy)", names=", ".join(unknown)))
    policy_data = data.get("policy", {})
    if not isinstance(policy_data, dict):
        raise _error(path, QT_TR_NOOP("\"policy\" must be an object of license-policy fields"))
    known = {f.name for f in fields(Policy)}
    unknown = sorted(set(policy_data) - known)
    if unknown:
        raise _error(path, QT_TR_NOOP("its policy has fields Hangar does not know: {names}", names=", ".join(unknown)))
    try:
        policy = Policy(**policy_data).validate()
    except (InvalidInput, TypeError) as exc:
        raise _error(path, getattr(exc, "message", str(exc))) from None
    rules = {name: data[name] for name in RULES if name in data}
    for name in ("require_override_reason", "forbid_blocked_downloads", "forbid_remote_endpoints"):
        if name in rules and not isinstance(rules[name], bool):
            raise _error(path, QT_TR_NOOP("{name} must be true or false", name=name))
    endpoints = rules.get("download_endpoints", [])
    if not isinstance(endpoints, list) or not all(isinstance(e, str) and e.startswith(("http://", "https://")) for e in endpoints):
        raise _error(path, QT_TR_NOOP("download_endpoints must be a list of http(s) addresses"))
    if rules.get("forbid_remote_endpoints") and hasattr(policy, "allow_remote_endpoints"):
        policy.allow_remote_endpoints = False  # the endpoints code reads the switch from the policy
    return ManagedPolicy(policy=policy, path=path, **rules)


def _error(path: Path, problem) -> ManagedPolicyError:
    return ManagedPolicyError(
        QT_TR_NOOP("The policy your administrator installed at {path} cannot be used: {problem}.", path=path, problem=problem),
        hint=QT_TR_NOOP("Downloads and model loads are refused until it is fixed; ask your administrator."),
    )
