"""hangar-cli: the same core as the window, headless, for servers and scripts.

Every subcommand takes ``--json`` and then prints exactly one JSON document on stdout.
Errors go to stderr with exit code 1 (as JSON under ``--json``); usage errors exit 2.
"""

from __future__ import annotations

from .framework import main

__all__ = ["main"]
