"""hangar-cli token: store or clear the Hugging Face token in the system keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from ..core.app import Hangar
from ..core.hub import tokens
from .framework import Result


class Token:
    NAME = "token"
    HELP = "store (read from stdin or a prompt) or clear the Hugging Face access token"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("action", choices=("set", "clear", "status"))

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        del app  # the token lives in the keyring, not in Hangar's data
        if args.action == "set":
            value = getpass.getpass("Hugging Face token: ") if sys.stdin.isatty() else sys.stdin.readline()
            tokens.set_token(value)
            return Result({"stored": True}, "token stored in the system keyring")
        if args.action == "clear":
            tokens.clear_token()
            return Result({"stored": False}, "token removed")
        source = tokens.token_source()
        text = {"environment": "a token is set by the HF_TOKEN environment variable (it wins over the keyring)", "keyring": "a token is stored in the system keyring"}
        return Result({"stored": source is not None, "source": source}, text.get(source, "no token"))
