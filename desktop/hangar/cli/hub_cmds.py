"""hangar-cli search and files: the Hub's GGUF repositories and one repository's quants."""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.app.hub import DEFAULT_CTX
from ..core.common.units import format_bytes
from ..core.hub.terms import FAMILIES, SORTS
from .framework import Result


class Search:
    NAME = "search"
    HELP = "search the Hugging Face Hub for GGUF models"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("query", nargs="?", default="", help="words in the repository name")
        parser.add_argument("--sort", choices=sorted(SORTS), default="downloads")
        parser.add_argument("--family", choices=sorted(FAMILIES), help="only this model family")
        parser.add_argument("--author", help="only this organisation or user")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--offset", type=int, default=0, help="skip this many results (paging)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        results = app.hub.search(
            args.query, sort=args.sort, family=args.family, author=args.author, limit=args.limit, offset=args.offset
        )
        lines = [f"{r['id']:<60} {r['downloads'] or 0:>10,} downloads  {r['likes'] or 0:>6,} likes  {r['license'] or '?'}{'  (gated)' if r['gated'] else ''}" for r in results]
        return Result(results, "\n".join(lines) or "no GGUF repositories found")


class Files:
    NAME = "files"
    HELP = "list a repository's GGUF files by quant, with size and whether each fits this machine"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("repo", help="owner/name")
        parser.add_argument("--revision", help="branch, tag or commit (default: main)")
        parser.add_argument("--ctx", type=int, default=DEFAULT_CTX, help=f"context size for the fit estimate (default {DEFAULT_CTX})")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        inspection = app.hub.inspect(args.repo, args.revision, n_ctx=args.ctx, with_license=False)  # `hangar-cli license` audits
        details, best, reason, problem = inspection.details, inspection.recommended, inspection.reason, inspection.fit_note
        data = [dict(c.to_dict(), recommended=c is best) for c in details.files]
        lines = [f"{details.id} @ {details.sha[:12]}  license: {details.license or 'unknown'}{'  (gated)' if details.gated else ''}"]
        for choice in details.files:
            mark = "*" if choice is best else " "
            lines.append(f"{mark} {choice.quant or '?':<9} {format_bytes(choice.size_bytes):>11}  {choice.name}{f' ({choice.shards} parts)' if choice.shards > 1 else ''}")
            for device, entry in choice.fit.items():  # the placement plan's words (core/runner/plan.py), or the size-only verdict
                lines.append(f"      {device}: {entry.get('words') or entry['explain']}" + (f" ({entry['warning']})" if "warning" in entry else ""))
        lines.append(f"recommended: {reason}")
        if problem:
            lines.append(f"note: fit from file sizes only ({problem})")
        if details.refused:
            lines.append(f"refused unsafe file names: {', '.join(details.refused)}")
        return Result(data, "\n".join(lines))
