"""The house rules a machine can check: core/ and engine/ never import Qt; core/ never
imports the engine, and the engine takes only the protocol from core/."""

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


def _resolved_imports(source: Path, text: str | None = None) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) for every import, relative ones resolved
    against the file's own package (``from ..engine import x`` in core/bench/runs.py is hangar.engine)."""
    package = ["hangar", *source.parent.relative_to(PACKAGE).parts]
    found = []
    for node in ast.walk(ast.parse(text if text is not None else source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".") if node.module or base else ""
            found.append((module, [alias.name for alias in node.names], node.lineno))
    return found


def _targets(module: str, names: list[str]) -> list[str]:
    """What an import may bring in: the module itself, or a submodule named in ``from M import n``."""
    return [module, *(f"{module}.{name}" for name in names)]


def test_core_never_imports_the_engine() -> None:
    """core/ talks to the worker only through its pipe: the engine's code (llama.cpp, ctypes,
    energy meters) must not become a dependency of the window or the CLI."""
    offenders = []
    for source in sorted((PACKAGE / "core").rglob("*.py")):
        for module, names, line in _resolved_imports(source):
            if any(t == "hangar.engine" or t.startswith("hangar.engine.") for t in _targets(module, names)):
                offenders.append(f"{source.relative_to(PACKAGE)}:{line} imports {module} {names}")
    assert offenders == [], "core/ must not import hangar.engine:\n" + "\n".join(offenders)


def test_engine_takes_only_the_protocol_from_core() -> None:
    """The worker runs in bare runtime environments and speaks one language with the parent:
    from hangar.core it may use hangar.core.runner.protocol and nothing else."""
    allowed = "hangar.core.runner.protocol"
    offenders = []
    for source in sorted((PACKAGE / "engine").rglob("*.py")):
        for module, names, line in _resolved_imports(source):
            if module == allowed or module.startswith(allowed + "."):
                continue
            if module == "hangar.core.runner" and names == ["protocol"]:
                continue
            if any(t == "hangar.core" or t.startswith("hangar.core.") for t in _targets(module, names)):
                offenders.append(f"{source.relative_to(PACKAGE)}:{line} imports {module} {names}")
    assert offenders == [], "engine/ may import only hangar.core.runner.protocol from core:\n" + "\n".join(offenders)


# What only the application layer (core/app/) builds or calls: a face that reaches past it
# would carry its own copy of a rule (the fit check, the delete rule, the change report).
SERVICE_PARTS = {
    "hangar.core.library.models": {"Library"},
    "hangar.core.downloads.manager": {"DownloadManager"},
    "hangar.core.downloads": {"DownloadManager"},
    "hangar.core.runner.client": {"EngineClient"},
    "hangar.core.runner.placement": {"start_model"},
    "hangar.core.chat.store": {"ChatStore"},
    "hangar.core.chat.session": {"ChatSession"},
    "hangar.core.db.store": {"Database"},
    "hangar.core.hub.catalog": {"HubCatalog"},
    "hangar.core.bench.runs": {"run_benchmark", "runs", "store_run"},
    "hangar.core.licenses.audit": {"audit_local", "audit_repo", "save_policy", "current_policy"},
    "hangar.core.licenses.bom": {"build_bom"},
    "hangar.core.config.settings": {"save_settings"},
}
FACES = ("ui", "cli", "server")


BUILT_BY_THE_LAYER = {"Library", "DownloadManager", "EngineClient", "ChatStore", "ChatSession", "Database", "HubCatalog", "BenchServeService", "ServeBenchmark"}


def _face_offences(source: Path, shown_as: str, text: str | None = None) -> list[str]:
    """Imports of the layer's parts, constructions of its services, settings saved by hand.
    Imports under ``if TYPE_CHECKING:`` are only names for annotations and are allowed.
    ``text`` replaces the file's content (the self-test below writes nothing to the tree)."""
    text = text if text is not None else source.read_text(encoding="utf-8")
    tree = ast.parse(text)
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                   for n in ast.walk(block)}  # fmt: skip
    offences = []
    runtime_lines = {n.lineno for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and id(n) not in typing_only}
    for module, names, line in _resolved_imports(source, text):
        reached = SERVICE_PARTS.get(module, set()) & set(names)
        if reached and line in runtime_lines:
            offences.append(f"{shown_as}:{line} imports {', '.join(sorted(reached))} from {module}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in BUILT_BY_THE_LAYER:
                offences.append(f"{shown_as}:{node.lineno} constructs {name}")
            elif name == "save_settings":
                offences.append(f"{shown_as}:{node.lineno} saves the settings itself")
    return offences


def test_faces_use_the_application_layer_instead_of_building_core_services() -> None:
    offenders = []
    for face in FACES:
        for source in sorted((PACKAGE / face).rglob("*.py")) if (PACKAGE / face).exists() else []:
            offenders += _face_offences(source, str(source.relative_to(PACKAGE)))
    assert offenders == [], "the window and the CLI go through core.app (Hangar):\n" + "\n".join(offenders)


def test_the_face_check_catches_a_pane_that_builds_its_own_library() -> None:
    """The check above must catch what it is for, not pass on an empty walk."""
    pane = PACKAGE / "ui" / "panes" / "library" / "pane.py"
    source = pane.read_text(encoding="utf-8") + "\n\ndef _sneaky(ctx):\n    from ....core.library.models import Library\n    return Library(ctx.database)\n"
    found = _face_offences(pane, "probe", source)
    assert any("imports Library from hangar.core.library.models" in f for f in found), found
    assert any("constructs Library" in f for f in found), found


def test_core_has_no_loose_modules() -> None:
    """The folder names are the architecture (docs/architecture.md): every module of core/
    lives in the subpackage of its part, none at the root."""
    loose = sorted(p.name for p in (PACKAGE / "core").glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"put these in a subpackage of core/: {loose}"


def test_the_worker_loads_only_the_protocol_from_core() -> None:
    """At run time too: what the worker imports must not drag the rest of core in."""
    code = (
        "import sys, hangar.engine.worker, hangar.engine.bench, hangar.engine.model\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('hangar.core'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert loaded <= {"hangar.core", "hangar.core.runner", "hangar.core.runner.protocol", "hangar.core.common", "hangar.core.common.i18n"}, loaded
