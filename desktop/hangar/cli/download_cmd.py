"""hangar-cli download: one GGUF file (or every part of a split one), resumable and verified."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.context import AppContext
from .framework import Result


class Download:
    NAME = "download"
    HELP = "download a GGUF file from the Hub into the library (resumes a partial download)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("repo", help="owner/name")
        parser.add_argument("filename", help="the .gguf file (for a split model, its first part)")
        parser.add_argument("--revision", help="branch, tag or commit (default: main)")

    @staticmethod
    def run(args: argparse.Namespace, ctx: AppContext) -> Result:
        from ..core.downloads.fetcher import Progress
        from ..core.downloads.manager import DownloadManager
        from ..core.hub.tokens import get_token
        from ..core.library import Library

        library = Library(ctx.database)
        manager = DownloadManager(ctx.database, library, ctx.models_dir, token_provider=get_token)
        ids = manager.plan(args.repo, args.filename, args.revision)
        say = args.out.progress
        last = [0.0]

        def show(p: "Progress") -> None:
            if p.state != "downloading":
                say(p.message)
                return
            if p.done_bytes / max(p.total_bytes, 1) - last[0] >= 0.05 or p.done_bytes == p.total_bytes:
                last[0] = p.done_bytes / max(p.total_bytes, 1)
                eta = f", {p.eta_s:.0f} s left" if p.eta_s is not None else ""
                say(f"{p.done_bytes / 2**20:,.1f} / {p.total_bytes / 2**20:,.1f} MiB ({100 * last[0]:.0f}%) at {p.bytes_per_s / 2**20:.1f} MiB/s{eta}")

        results = []
        for download_id in ids:
            download = manager.get(download_id)
            if download.state == "done" and Path(download.dest_path).exists():
                say(f"{download.filename} is already downloaded")
                continue
            say(f"downloading {download.filename} ({download.size_bytes / 2**20:,.1f} MiB)")
            results.append(manager.run_one(download_id, show))
        model = manager.model_for(ids[0])
        first = manager.get(ids[0])
        data = {
            "id": model.id if model else None,
            "path": model.path if model else first.dest_path,
            "sha256": model.sha256 if model else first.sha256,
            "verified": all(r.verified for r in results) if results else True,
            "transferred_bytes": sum(r.transferred_bytes for r in results),
        }
        return Result(data, f"saved {data['path']} (sha256 {data['sha256'] or 'n/a'}, verified)")
