"""Where Hangar's bundled resources (icons, license data, translations) are found.

They live in the repository's top-level ``resources/`` folder; a frozen bundle
(PyInstaller) sets ``sys._MEIPASS`` and carries the same folder inside it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[4] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def installers_dir() -> Path:
    """Build recipes (installers/backends/...) that users run to add a runtime."""
    return resources_dir().parent / "installers"
