"""hangar-cli endpoints: remote OpenAI-compatible endpoints (add NAME URL / list / models NAME / remove NAME).

The API key is read from a file (``--api-key-file F``, or ``-`` for stdin), never from the
command line, where every user of the machine could read it in the process list; it goes to
the system keyring. ``hangar-cli chat NAME:MODEL`` then talks to one of the endpoint's models,
and ``hangar-cli bench-serve NAME`` measures it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..core.app import Hangar
from ..core.common.errors import HangarError, InvalidInput
from ..core.common.small_files import read_small_file
from .framework import Result


def _read_key(path: str) -> str:
    try:
        raw = sys.stdin.readline() if path == "-" else read_small_file(Path(path), 64 * 1024).decode("utf-8")
    except (OSError, ValueError, HangarError) as exc:
        raise InvalidInput(f"The API key file {path} cannot be read: {getattr(exc, 'message', None) or exc}") from None
    lines = [line.strip() for line in raw.splitlines() if line.strip() and not line.strip().startswith("#")]
    if len(lines) != 1:
        raise InvalidInput(f"The API key file {path} must hold one key on one line.")
    return lines[0]


def _when(at: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at)) if at else "never"


class Endpoints:
    NAME = "endpoints"
    HELP = "remote OpenAI-compatible endpoints: add NAME URL, list, models NAME, remove NAME (keys kept in the system keyring)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("action", choices=("add", "list", "models", "remove"))
        parser.add_argument("name", nargs="?", metavar="NAME", help="the endpoint's name (add, models, remove)")
        parser.add_argument("url", nargs="?", metavar="URL", help="add: its base URL, e.g. https://llm.example.com/v1 (/v1 is added if missing)")
        parser.add_argument("--api-key-file", metavar="F", help="add: a file holding the API key on one line (- reads stdin); it is stored in the keyring")
        parser.add_argument("--ca-bundle", metavar="F", help="add: a PEM file of your organisation's CA certificates, to verify the endpoint's TLS certificate")
        parser.add_argument("--no-verify-tls", action="store_true", help="add: do not verify its TLS certificate (a test server only)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        endpoints = app.endpoints
        if args.action == "list":
            found = endpoints.list()
            rows = [f"{e.name}  {e.base_url}  key: {'stored' if e.has_key else 'none'}  {len(e.models)} models (read {_when(e.models_fetched_at)})"
                    + (f"  CA bundle: {e.ca_bundle}" if e.ca_bundle else "") + ("" if e.verify_tls else "  TLS NOT VERIFIED") for e in found]  # fmt: skip
            refusal = endpoints.refusal()
            text = "\n".join(rows) or "no endpoints (hangar-cli endpoints add NAME URL)"
            if refusal:
                text += f"\n{refusal}"
            return Result({"endpoints": [e.public() for e in found], "allowed": refusal is None, "refusal": refusal}, text)
        if not args.name:
            args.out.progress(f"error: endpoints {args.action} needs a NAME")
            return Result({"error": "a NAME is needed"}, None, exit_code=2)
        if args.action == "add":
            if not args.url:
                args.out.progress("error: endpoints add needs a NAME and a URL")
                return Result({"error": "a URL is needed"}, None, exit_code=2)
            key = _read_key(args.api_key_file) if args.api_key_file else None
            endpoint = endpoints.add(args.name, args.url, api_key=key, ca_bundle=args.ca_bundle, verify_tls=not args.no_verify_tls)
            lines = [f"endpoint {endpoint.name} added at {endpoint.base_url}" + ("; its API key is in the system keyring" if key else "")]
            if args.no_verify_tls:
                lines.append("warning: its TLS certificate is not verified; anyone on the network between can read and change what is sent")
            try:
                endpoint = endpoints.refresh_models(endpoint.name)
                lines.append(f"models: {', '.join(endpoint.models) or 'none'}")
                error = None
            except HangarError as exc:
                error = exc.to_dict()
                lines.append(f"but its model list could not be read: {exc.message}" + (f"\n{exc.hint}" if exc.hint else ""))
            lines.append(f"Prompts sent to its models leave this machine and go to {endpoint.base_url}.")
            return Result({**endpoint.public(), "models_error": error}, "\n".join(lines))
        if args.action == "models":
            endpoint = endpoints.refresh_models(args.name)
            text = "\n".join(endpoint.models) or f"{endpoint.name} lists no models"
            return Result({"endpoint": endpoint.name, "base_url": endpoint.base_url, "models": endpoint.models, "fetched_at": endpoint.models_fetched_at}, text)
        endpoint = endpoints.remove(args.name)
        return Result({"removed": endpoint.name}, f"endpoint {endpoint.name} removed (and its key from the keyring)")
