"""The house rules a machine can check: core/ and engine/ never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop" / "hangar"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _imported_roots(source: Path) -> set[tuple[str, int]]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {(alias.name, node.lineno) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level and "ui" in module.split("."):
                found.add(("hangar.ui", node.lineno))
            found.add((module, node.lineno))
    return found


@pytest.mark.parametrize("layer", ["core", "engine", "cli"])
def test_headless_layers_never_import_qt(layer: str) -> None:
    folder = PACKAGE / layer
    if not folder.exists():
        pytest.skip(f"{layer}/ does not exist yet")
    offenders = []
    for source in sorted(folder.rglob("*.py")):
        for module, line in _imported_roots(source):
            root = module.split(".")[0]
            if root in QT_ROOTS or module.startswith("hangar.ui"):
                offenders.append(f"{source.relative_to(PACKAGE)}:{line} imports {module}")
    assert offenders == [], "Qt must stay out of the headless layers:\n" + "\n".join(offenders)


def test_importing_every_core_module_loads_no_qt() -> None:
    """A runtime check too: an indirect import (a helper that pulls Qt in) shows up here."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import hangar.core as core, hangar.cli as cli\n"
        "for pkg in (core, cli):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'):\n"
        "            importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
