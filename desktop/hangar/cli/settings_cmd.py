"""hangar-cli settings: read and change the same settings the Settings pane shows."""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.common.errors import InvalidInput
from ..core.config.settings import setting_names
from .framework import Result

NAME = "settings"
HELP = "list, get or set a setting (e.g. 'settings set threads 8')"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "get", "set"), default="list")
    parser.add_argument("name", nargs="?", help="setting name")
    parser.add_argument("value", nargs="?", help="new value (with set)")


def run(args: argparse.Namespace, app: Hangar) -> Result:
    try:
        return _run(args, app)
    finally:  # a settings file that could not be read (and where it was kept) is said every time
        for problem in app.settings.problems:
            args.out.progress(f"warning: {problem}")


def _run(args: argparse.Namespace, app: Hangar) -> Result:
    settings = app.settings
    values = settings.values()
    if args.action == "list":
        return Result(values, "\n".join(f"{k} = {v!r}" for k, v in values.items()))
    if not args.name:
        raise InvalidInput(f"'settings {args.action}' needs a setting name; known: {', '.join(setting_names())}")
    value = settings.get(args.name)  # an unknown name is refused here, with the known ones
    if args.action == "get":
        return Result({args.name: value}, repr(value))
    if args.value is None:
        raise InvalidInput(f"'settings set {args.name}' needs a value")
    new = settings.set(args.name, args.value)  # the same parsing and validation as the Settings pane
    return Result({args.name: new}, f"{args.name} = {new!r}")
