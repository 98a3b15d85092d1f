"""The subcommand framework: parsing, output in text or JSON, and error handling.

A command is a module with ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, app) -> Result``, where ``app`` is the application layer (core.app.Hangar),
built here once per command; registering one is a line in ``COMMANDS`` (commands.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .. import __version__
from ..core.app import Hangar
from ..core.common.errors import HangarError
from ..core.common.secrets import redact_str
from ..core.config.context import AppContext
from .interrupts import interrupted, signals_as_interrupts
from .terminal import json_safe, terminal_safe

log = logging.getLogger("hangar.cli")


@dataclass
class Result:
    """What a command produced: ``data`` for --json, ``text`` for a person."""

    data: Any
    text: str | None = None
    exit_code: int = 0
    extra: dict = field(default_factory=dict)


class Output:
    """Where a running command may report progress without spoiling stdout's JSON."""

    def __init__(self, json_mode: bool, stream=None) -> None:
        self.json_mode = json_mode
        self.stream = stream or sys.stderr

    def progress(self, message: str) -> None:
        print(terminal_safe(redact_str(message)), file=self.stream, flush=True)


def build_parser(commands: Sequence[Any]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hangar-cli",
        description="Hangar, headless: find, download, run, benchmark and audit GGUF models on this machine.",
    )
    parser.add_argument("--version", action="version", version=f"hangar-cli {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands:
        child = sub.add_parser(command.NAME, help=command.HELP.replace("%", "%%"), description=command.HELP, parents=[common])
        command.add_arguments(child)
        child.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None, *, context_factory: Callable[[], AppContext] = AppContext.open) -> int:
    from .commands import COMMANDS

    parser = build_parser(COMMANDS)
    args = parser.parse_args(argv)  # exits 2 on usage errors, as argparse does
    args.out = Output(args.json)
    ctx: AppContext | None = None
    app: Hangar | None = None
    restore_signals = signals_as_interrupts()  # SIGTERM/SIGHUP unwind as Ctrl-C does
    try:
        ctx = context_factory()
        app = Hangar(ctx)
        result = args._run(args, app)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (interrupts.Terminated)
        message, status = interrupted(exc)
        _report_error(args.json, {"code": "interrupted", "message": message, "hint": ""})
        return status
    except HangarError as exc:
        log.info("command %s failed: %s", args.command, exc.message)
        _report_error(args.json, exc.to_dict())
        return 1
    except Exception as exc:  # an unexpected bug: a clean line, the traceback in the log
        log.error("command %s crashed:\n%s", args.command, traceback.format_exc())
        where = ctx.paths.log_file if ctx else "the log"
        _report_error(
            args.json,
            {"code": "internal", "message": f"unexpected error: {exc.__class__.__name__}: {exc}", "hint": f"details in {where}"},
        )
        return 1
    finally:
        if app is not None:
            app.close()
        elif ctx is not None:
            ctx.close()
        restore_signals()
    if args.json:  # what leaves the process never holds a token (core/common/secrets.py)
        print(json_safe(redact_str(json.dumps(result.data, indent=2, ensure_ascii=False, default=str))))
    elif result.text is not None:
        print(terminal_safe(redact_str(result.text)))  # a model's name is data, never a command to the terminal
    return result.exit_code


def _report_error(json_mode: bool, error: dict) -> None:
    if json_mode:
        print(json_safe(redact_str(json.dumps({"error": error}, ensure_ascii=False, default=str))), file=sys.stderr)
        return
    print(terminal_safe(redact_str(f"error: {error['message']}")), file=sys.stderr)
    if error.get("hint"):
        print(terminal_safe(redact_str(error["hint"])), file=sys.stderr)
