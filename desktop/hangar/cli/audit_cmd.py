"""hangar-cli audit: check the audit trail's hash chain, or export it.

    hangar-cli audit verify
    hangar-cli audit export [--since DATE] [--format csv|json] [--event NAME ...] [--out FILE]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from .framework import Result


class Audit:
    NAME = "audit"
    HELP = "verify the audit trail's hash chain (which line was changed, removed or reordered), or export it"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("action", choices=("verify", "export"))
        parser.add_argument("--since", metavar="DATE", help="export: events from this date on (YYYY-MM-DD, UTC)")
        parser.add_argument("--format", choices=("csv", "json"), default="json", help="export: the format (default json)")
        parser.add_argument("--event", action="append", metavar="NAME", help="export: only these events (download, import, delete, model_load, ...)")
        parser.add_argument("--out", dest="out_file", metavar="FILE", help="export: write here instead of standard output")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        audit = app.audit
        if args.action == "verify":
            problems = audit.verify()
            count = sum(1 for _ in audit.trail.entries())
            tampered = [p for p in problems if p.tampering]
            lines = [f"line {p.line}: {p.message}" for p in problems]
            if not problems:
                text = f"the audit trail is whole: {count} events, each chained to the one before ({audit.path})"
            elif not tampered:
                text = "\n".join(lines + [f"no sign of tampering: {count} events; the breaks above were marked by the log itself after a crash"])
            else:
                text = "\n".join(lines + [f"the audit trail was changed after it was written ({len(tampered)} problem(s)); {audit.path}"])
            return Result({"path": str(audit.path), "events": count, "ok": not tampered, "problems": [p.to_dict() for p in problems]}, text,
                          exit_code=1 if tampered else 0)  # fmt: skip
        events = set(args.event) if args.event else None
        body = audit.export(args.format, since=args.since, events=events)
        if args.out_file:
            Path(args.out_file).write_text(body, encoding="utf-8")
            n = len(audit.entries(args.since, events))
            return Result({"path": args.out_file, "events": n, "format": args.format}, f"wrote {n} events to {args.out_file}")
        return Result(audit.entries(args.since, events), body.rstrip("\n"))
