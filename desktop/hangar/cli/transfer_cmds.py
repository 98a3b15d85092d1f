"""hangar-cli export and import-bundle: a model carried to a machine with no Hub access."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from ..core.common.units import format_bytes
from .framework import Result


def _progress(args: argparse.Namespace):
    """Progress on stderr, one line per 10%, never on stdout's JSON."""
    last = {"step": -1}

    def show(label, done: int, total: int) -> None:  # noqa: ANN001
        step = int(10 * done / max(total, 1))
        if step != last["step"]:
            last["step"] = step
            args.out.progress(f"{label}: {format_bytes(done)} of {format_bytes(total)} ({100 * done // max(total, 1)}%)")

    return show


class Export:
    NAME = "export"
    HELP = "write a model, its card, license text, BOM and a hashed manifest into a bundle folder, for a machine with no Hub access"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("model", help="id, path, name or repo of a library model")
        parser.add_argument("--to", required=True, type=Path, metavar="DIR", help="the folder to write the bundle into (a USB disk, a share)")
        parser.add_argument("--sign-key", type=Path, metavar="PEM", help="sign the bundle (OpenSSF model signature, model.sig) with this EC private key")
        parser.add_argument("--sign-certificate", type=Path, metavar="PEM", help="with --sign-key: the key's certificate, to sign with a certificate")
        parser.add_argument("--sign-chain", type=Path, action="append", default=[], metavar="PEM", help="with --sign-certificate: the certificates above it")
        parser.add_argument("--reason", help="why this model may be exported, when your organisation's managed policy asks for one (kept in the audit trail)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        if (args.sign_certificate or args.sign_chain) and not args.sign_key:
            from ..core.common.errors import InvalidInput

            raise InvalidInput("--sign-certificate and --sign-chain need --sign-key (the certificate's private key).")
        outcome = app.transfer.export(args.model, args.to, _progress(args), sign_key=args.sign_key, sign_certificate=args.sign_certificate,
                                      sign_chain=tuple(args.sign_chain), reason=args.reason)  # fmt: skip
        for warning in outcome.warnings:
            args.out.progress(str(warning))
        manifest = outcome.result.manifest
        lines = [f"exported {outcome.model.name} to {outcome.bundle}"]
        lines += [f"  {f.name:<40} {format_bytes(f.size):>10}  sha256 {f.sha256}" for f in manifest.files]
        lines.append(f"license policy: {manifest.policy.get('verdict')}; manifest sha256 {outcome.result.manifest_sha256}")
        if outcome.result.signer:
            lines.append(f"signed by {outcome.result.signer}")
        lines.append(f"on the other machine: hangar-cli import-bundle {outcome.bundle}")
        return Result(outcome.to_dict(), "\n".join(lines))


class ImportBundle:
    NAME = "import-bundle"
    HELP = "check a bundle written by hangar-cli export (every file's size and SHA-256, its signature if any) and add its model to the library"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("folder", type=Path, metavar="DIR", help="the bundle folder (the one holding manifest.json)")
        parser.add_argument("--public-key", type=Path, metavar="PEM", help="verify the bundle's signature with the signer's public key (refused unless it verifies)")
        parser.add_argument("--certificate-chain", type=Path, action="append", default=[], metavar="PEM",
                            help="verify a certificate signature against these certificates (repeatable; refused unless it verifies)")  # fmt: skip

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        outcome = app.transfer.import_bundle(args.folder, _progress(args), public_key=args.public_key, certificate_chain=tuple(args.certificate_chain))
        model, signature = outcome.model, outcome.signature
        lines = [f"imported {model.name} ({model.path})",
                 f"  {len(outcome.manifest.files)} files matched their SHA-256; from {model.repo or 'no Hub repo'} @ {model.revision or '-'}, exported by Hangar {outcome.manifest.hangar_version} on {outcome.manifest.created_at}",
                 f"  signature: {signature.message}" + (f" {signature.hint}" if signature.hint and signature.status != "verified" else ""),
                 f"  license policy: {outcome.verdict_at_export} when exported, {outcome.verdict_here} here"]  # fmt: skip
        return Result(outcome.to_dict(), "\n".join(lines))
