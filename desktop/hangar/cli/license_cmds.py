"""hangar-cli license and bom: what a model's license allows, against the policy, and the AI BOM."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ..core.app import Hangar
from ..core.common.errors import InvalidInput
from .framework import Result


def _policy(args: argparse.Namespace, app: Hangar):
    from ..core.licenses.policy import Policy

    return Policy.load(args.policy) if args.policy else app.policy.current()


def _text(audit) -> str:
    info, verdict = audit.detection.license, audit.verdict
    lines = [f"{audit.subject}: {info.name} ({info.spdx}), confidence {audit.detection.confidence}",
             f"verdict: {verdict.verdict.upper()}"] + [f"  - {r}" for r in verdict.reasons]  # fmt: skip
    lines += [f"warning: {w}" for w in audit.detection.warnings]
    if info.attribution:
        lines += ["duties:"] + [f"  - {d}" for d in info.attribution]
    lines += ["evidence:"] + [f"  - {e.source} {e.field}: {e.value} -> {e.points_to or 'not recognised'}" for e in audit.detection.evidence]
    lines.append(f"summary: {info.summary.get('en', '')}")
    lines.append(f"full text: {info.source_url or 'none'}" + ("" if info.verified else " (Hangar's facts not verified against it)"))
    return "\n".join(lines)


class License:
    NAME = "license"
    HELP = "what a model's license allows and the policy verdict (a library model, a .gguf file or a Hub repo)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("target", nargs="?", help="library model id or name, FILE.gguf, or owner/repo on the Hub")
        parser.add_argument("--policy", type=Path, help="a policy file (default: the one saved in Hangar)")
        parser.add_argument("--all", action="store_true", help="every model in the library")
        parser.add_argument("--report", type=Path, help="with --all: write the HTML audit report here")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        policy = _policy(args, app)
        if args.all or args.report:
            audits = app.licenses.audit_library(policy)
            if args.report:
                from ..core.licenses.report import audit_html

                args.report.write_text(audit_html(audits, policy), encoding="utf-8")
                args.out.progress(f"wrote {args.report}")
            return Result([a.to_dict() for a in audits], "\n\n".join(_text(a) for a in audits) or "the library is empty")
        if not args.target:
            raise InvalidInput("name a model, a .gguf file or a Hub repo, or use --all")
        path = Path(args.target).expanduser()
        if path.suffix.lower() == ".gguf" or path.is_file():
            if not path.is_file():
                raise InvalidInput(f"no such file: {path}")
            audit = app.licenses.audit_file(path, policy)
        elif re.fullmatch(r"[\w.-]+/[\w.-]+", args.target) and not _in_library(app, args.target):
            audit = app.licenses.audit_repo(args.target, policy)
        else:
            audit = app.licenses.audit_model(args.target, policy)
        return Result(audit.to_dict(), _text(audit))


def _in_library(app: Hangar, ref: str) -> bool:
    from ..core.common.errors import HangarError

    try:
        app.library.get(ref)
        return True
    except HangarError:
        return False


class Bom:
    NAME = "bom"
    HELP = "write an AI bill of materials (CycloneDX 1.6 JSON) of the local models"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--output", "-o", type=Path, help="write it here (default: stdout)")
        parser.add_argument("--policy", type=Path, help="a policy file for the verdicts recorded in it")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        bom = app.licenses.bom(_policy(args, app))
        if args.output:
            args.output.write_text(json.dumps(bom, indent=2), encoding="utf-8")
            args.out.progress(f"wrote {args.output}: {len(bom.get('components', []))} models, valid CycloneDX 1.6")
            return Result({"output": str(args.output), "components": len(bom.get("components", []))}, None)
        return Result(bom, json.dumps(bom, indent=2))
