"""hangar-cli download: one GGUF file (or every part of a split one), resumable and verified."""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from .framework import Result


class Download:
    NAME = "download"
    HELP = "download a GGUF file from the Hub into the library (resumes a partial download)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("repo", help="owner/name")
        parser.add_argument("filename", help="the .gguf file (for a split model, its first part)")
        parser.add_argument("--revision", help="branch, tag or commit (default: main)")
        parser.add_argument("--reason", help="why this model may be used, when your organisation's managed policy asks for one (kept in the audit trail)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        from ..core.common.units import MIB
        from ..core.downloads.transport import ProgressState

        say = args.out.progress
        last = [0.0]

        def show(p) -> None:
            if p.state != ProgressState.DOWNLOADING:
                say(p.message)
                return
            if p.done_bytes / max(p.total_bytes, 1) - last[0] >= 0.05 or p.done_bytes == p.total_bytes:
                last[0] = p.done_bytes / max(p.total_bytes, 1)
                eta = f", {p.eta_s:.0f} s left" if p.eta_s is not None else ""
                say(f"{p.done_bytes / MIB:,.1f} / {p.total_bytes / MIB:,.1f} MiB ({100 * last[0]:.0f}%) at {p.bytes_per_s / MIB:.1f} MiB/s{eta}")

        outcome = app.downloads.download_now(args.repo, args.filename, args.revision, reason=args.reason, on_progress=show, on_status=say)
        for name in outcome.already:
            say(f"{name} is already downloaded")
        data = {
            "id": outcome.model.id if outcome.model else None,
            "path": outcome.path,
            "sha256": outcome.sha256,
            "verified": outcome.verified,
            "transferred_bytes": outcome.transferred_bytes,
        }
        check = "verified" if outcome.verified else "not verified: the Hub lists no SHA-256 for it"
        return Result(data, f"saved {data['path']} (sha256 {data['sha256'] or 'n/a'}, {check})")
