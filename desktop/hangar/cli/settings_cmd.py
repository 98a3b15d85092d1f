"""hangar-cli settings: read and change the same settings the Settings pane shows."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from ..core.context import AppContext
from ..core.errors import InvalidInput
from ..core.settings import coerce, setting_names
from .framework import Result

NAME = "settings"
HELP = "list, get or set a setting (e.g. 'settings set threads 8')"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "get", "set"), default="list")
    parser.add_argument("name", nargs="?", help="setting name")
    parser.add_argument("value", nargs="?", help="new value (with set)")


def run(args: argparse.Namespace, ctx: AppContext) -> Result:
    values = {k: v for k, v in asdict(ctx.settings).items() if k in setting_names()}
    if args.action == "list":
        return Result(values, "\n".join(f"{k} = {v!r}" for k, v in values.items()))
    if not args.name:
        raise InvalidInput(f"'settings {args.action}' needs a setting name; known: {', '.join(setting_names())}")
    if args.name not in values:
        raise InvalidInput(f"unknown setting {args.name!r}; known: {', '.join(setting_names())}")
    if args.action == "get":
        return Result({args.name: values[args.name]}, repr(values[args.name]))
    if args.value is None:
        raise InvalidInput(f"'settings set {args.name}' needs a value")
    old = getattr(ctx.settings, args.name)
    setattr(ctx.settings, args.name, coerce(args.name, args.value))
    try:
        ctx.settings.validate()
    except InvalidInput:
        setattr(ctx.settings, args.name, old)
        raise
    ctx.save_settings()
    new = getattr(ctx.settings, args.name)
    return Result({args.name: new}, f"{args.name} = {new!r}")
