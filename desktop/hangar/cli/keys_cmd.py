"""hangar-cli keys: API keys for `hangar-cli serve` (create NAME / list / revoke NAME).

A key is shown once, when it is created; Hangar keeps only a salted hash of it.
"""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from .framework import Result


class Keys:
    NAME = "keys"
    HELP = "create, list or revoke API keys for the server (stored hashed; a new key is shown once)"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("action", choices=("create", "list", "revoke"))
        parser.add_argument("name", nargs="?", metavar="NAME", help="the key's name (create, revoke)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        keys = app.api_keys
        if args.action == "list":
            found = [k.public() for k in keys.list()]
            text = "\n".join(f"{k['name']}  (id {k['id']}, created {k['created_at']})" for k in found) or "no API keys"
            return Result({"keys": found}, text)
        if not args.name:
            args.out.progress(f"error: keys {args.action} needs a NAME")
            return Result({"error": "a NAME is needed"}, None, exit_code=2)
        if args.action == "create":
            record, secret = keys.create(args.name)
            text = f"{secret}\nAPI key {record.name} created; this is the only time it is shown. Clients send it in the Authorization header, after 'Bearer'."
            return Result({**record.public(), "key": secret}, text)
        record = keys.revoke(args.name)
        return Result(record.public(), f"API key {record.name} revoked")
