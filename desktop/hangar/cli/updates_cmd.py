"""hangar-cli updates, pin and unpin: the library's models against the Hub, and updating one.

``hangar-cli updates`` checks every model (or those named) and prints a table: model, pinned,
status, what changed, a changed license first and loud. ``--apply MODEL`` updates one; a
license change is refused unless ``--accept-license-change`` says a person read it. The exit
status is 1 when the Hub could not be reached or a check failed, so a script can tell
"nothing new" from "not known".
"""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.lifecycle.status import UpdateCheck, UpdateStatus
from .framework import Result

_FAILED = (UpdateStatus.UNREACHABLE, UpdateStatus.ERROR)


class Updates:
    NAME = "updates"
    HELP = "check the library's models against the Hub (new revision, changed file, license or gated state); --apply MODEL updates one"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("models", nargs="*", metavar="MODEL", help="id, path, name or repo (default: every model)")
        parser.add_argument("--apply", metavar="MODEL", help="download the new revision of this model's file (the old file stays until the new one is verified)")
        parser.add_argument("--accept-license-change", action="store_true", help="with --apply: update even though the license changed (you read the new one)")
        parser.add_argument("--reason", help="with --apply: why this model may be used, when your organisation's managed policy asks for one")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        if args.apply:
            return _apply(args, app)
        checks = app.updates.check(args.models or None)
        data = {
            "models": [c.to_dict() for c in checks],
            "license_changes": sum(1 for c in checks if c.license_changed),
            "updates_available": sum(1 for c in checks if c.update_available),
        }
        code = 1 if any(c.status in _FAILED for c in checks) else 0
        return Result(data, render(checks), exit_code=code)


class Pin:
    NAME = "pin"
    HELP = "keep a model at its revision: update checks skip it and it is never updated"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("model", help="id, path, name or repo")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        model = app.updates.pin(args.model)
        return Result({"id": model.id, "name": model.name, "pinned": True, "revision": model.revision},
                      f"pinned {model.name} to revision {(model.revision or '?')[:12]}")  # fmt: skip


class Unpin:
    NAME = "unpin"
    HELP = "let a pinned model follow its Hub repository again"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("model", help="id, path, name or repo")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        model = app.updates.unpin(args.model)
        return Result({"id": model.id, "name": model.name, "pinned": False, "revision": model.revision}, f"unpinned {model.name}")


def _apply(args: argparse.Namespace, app: Hangar) -> Result:
    from ..core.common.units import MIB
    from ..core.downloads.transport import ProgressState

    say, last = args.out.progress, [0.0]

    def show(p) -> None:
        if p.state != ProgressState.DOWNLOADING:
            say(p.message)
        elif p.done_bytes / max(p.total_bytes, 1) - last[0] >= 0.1 or p.done_bytes == p.total_bytes:
            last[0] = p.done_bytes / max(p.total_bytes, 1)
            say(f"{p.done_bytes / MIB:,.1f} / {p.total_bytes / MIB:,.1f} MiB ({100 * last[0]:.0f}%)")

    outcome = app.updates.update(args.apply, accept_license_change=args.accept_license_change, reason=args.reason, on_progress=show)
    name = outcome.model.name
    if not outcome.updated:
        return Result(outcome.to_dict(), f"{name} is up to date (revision {(outcome.new_revision or '?')[:12]})")
    lines = [f"updated {name}: revision {_short(outcome.old_revision)} -> {_short(outcome.new_revision)}, "
             f"sha256 {_short(outcome.old_sha256)} -> {_short(outcome.new_sha256)} ({'verified' if outcome.verified else 'not verified'})"]  # fmt: skip
    if outcome.license_change_accepted and outcome.check is not None:
        lines.append(f"license change accepted: {outcome.check.changes()[0]}")
    return Result(outcome.to_dict(), "\n".join(lines))


def render(checks: list[UpdateCheck]) -> str:
    """The table a person reads: one row per model, then what changed, a license change first."""
    if not checks:
        return "the library is empty"
    rows = [("ID", "MODEL", "PINNED", "STATUS", "WHAT CHANGED")]
    for check in sorted(checks, key=lambda c: (not c.license_changed, c.model_id)):
        changes = [str(line) for line in check.changes()] or ([str(check.message)] if check.message else [])
        if check.status is UpdateStatus.PINNED:
            changes = [f"kept at revision {_short(check.local_revision)}; not checked (hangar-cli unpin {check.model_id})"]
        status = "LICENSE CHANGED!" if check.license_changed else str(check.status.label)
        if check.license_changed and changes:
            changes[0] = "!! " + changes[0]
        rows.append((str(check.model_id), check.name[:36], "yes" if check.pinned else "no", status, changes[0] if changes else ""))
        rows.extend(("", "", "", "", more) for more in changes[1:])
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(r[:4], widths)) + "  " + r[4] for r in rows]
    dropped = sum(1 for c in checks if c.license_changed)
    if dropped:
        lines.insert(0, f"!! the license of {dropped} model(s) changed: read it before updating (--apply MODEL --accept-license-change)")
    available = sum(1 for c in checks if c.update_available)
    lines.append(f"{available} update(s) available" + (": hangar-cli updates --apply MODEL" if available else ""))
    return "\n".join(line.rstrip() for line in lines)


def _short(value: str | None) -> str:
    return value[:12] if value else "?"
