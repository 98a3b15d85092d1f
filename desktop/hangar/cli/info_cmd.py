"""hangar-cli info: versions, folders and the health of the database, for support tickets."""

from __future__ import annotations

import argparse
import platform
import sys
from importlib import metadata

from .. import __version__
from ..core.app import Hangar
from ..core.common.errors import HangarError
from .framework import Result

NAME = "info"
HELP = "show Hangar's version, folders, database state and component versions"

_COMPONENTS = ("llama-cpp-python", "huggingface-hub", "gguf", "PySide6", "platformdirs", "keyring", "psutil")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options beyond --json


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def run(args: argparse.Namespace, app: Hangar) -> Result:
    del args
    ctx = app.ctx
    try:
        database = {"path": str(ctx.paths.database), "ok": True, "schema_version": ctx.database.user_version}
    except HangarError as exc:  # info must still answer when the database is the problem
        database = {"path": str(ctx.paths.database), "ok": False, "error": exc.message, "hint": exc.hint}
    data = {
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "components": {name: _version(name) for name in _COMPONENTS},
        "paths": {
            "data": str(ctx.paths.data),
            "config": str(ctx.paths.config),
            "cache": str(ctx.paths.cache),
            "logs": str(ctx.paths.logs),
            "models": str(ctx.models_dir),
            "settings": str(ctx.paths.settings_file),
        },
        "database": database,
        "settings_problems": list(ctx.settings.problems),
    }
    lines = [f"Hangar {__version__} (Python {data['python']}, {data['platform']})"]
    lines += [f"  {name:<17} {ver or 'not installed'}" for name, ver in data["components"].items()]
    lines += [f"{key:>9}: {value}" for key, value in data["paths"].items()]
    if database["ok"]:
        lines.append(f" database: {database['path']} (schema {database['schema_version']})")
    else:
        lines.append(f" database: {database['path']} - PROBLEM: {database['error']}")
    return Result(data, "\n".join(lines))
