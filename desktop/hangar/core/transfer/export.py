"""Writing a bundle: the model's files, its card, license text and BOM, then the manifest that
lists them all with their SHA-256, into ``DIR/.<name>.partial``; renamed to ``DIR/<name>`` only
when every byte is written and synced. A failure (a full disk, a cancel, a file that changed since
it entered the library) removes the partial folder, so a bundle folder is always a complete one.
Nothing is ever written over an existing bundle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ... import __version__
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..library.models import LocalModel, shard_paths
from ..licenses.audit import LICENSE_FILES
from .files import Progress, check_free_space, copy_hashing, remove_tree, write_error
from .manifest import MANIFEST_NAME, BundleFile, Manifest, name_problem

MAX_SIDE_FILE = 16 * 1024 * 1024  # a README or LICENSE beside a model; anything bigger is not one
CARD_FILES = ("README.md",)
_UNSAFE = re.compile(r"[^\w.+\-()\[\]@,=]+")
_SHARD = re.compile(r"-\d{5}-of-\d{5}$", re.IGNORECASE)


@dataclass
class Extra:
    """One file of the bundle besides the model: copied from ``source`` or written from ``content``."""

    name: str
    role: str  # card, license, bom
    source: Path | None = None
    content: bytes | None = None

    @property
    def size(self) -> int:
        return len(self.content) if self.content is not None else self.source.stat().st_size  # type: ignore[union-attr]


@dataclass
class ExportPlan:
    model: LocalModel
    extras: list[Extra]
    policy: dict  # verdict, reasons, license, managed: what the license audit said at export
    model_files: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.model_files = self.model_files or shard_paths(Path(self.model.path))


@dataclass
class ExportResult:
    bundle: Path
    manifest: Manifest
    manifest_sha256: str
    signer: str | None = None

    def to_dict(self) -> dict:
        return {"bundle": str(self.bundle), "manifest_sha256": self.manifest_sha256, "signed_by": self.signer, **self.manifest.to_dict()}


def bundle_name(model: LocalModel) -> str:
    """The bundle folder's name: the model file's, without .gguf and a shard suffix."""
    stem = _SHARD.sub("", Path(model.path).name.removesuffix(".gguf"))
    name = _UNSAFE.sub("_", stem).strip("._ ")[:120]
    return name or f"model-{model.id}"


def extras_for(model_path: Path, *, card: dict, license_id: str, license_text: str | None, license_url: str, bom: dict) -> list[Extra]:
    """The card, license and BOM files for a model: README.md and LICENSE files found beside it,
    the card facts Hangar recorded, the knowledge base's license text when no LICENSE file is
    there (or a notice saying where the terms are), and the CycloneDX BOM."""
    folder = model_path.parent
    extras = [Extra(name, "card", source=folder / name) for name in CARD_FILES if _side_file(folder / name)]
    extras.append(Extra("card.json", "card", content=_json(card)))
    seen: set[str] = set()
    for name in LICENSE_FILES:
        path = folder / name
        if _side_file(path) and name.lower() not in seen and not _same_file_seen(path, extras):
            seen.add(name.lower())
            extras.append(Extra(name, "license", source=path))
    if not seen:
        if license_text:
            extras.append(Extra(f"LICENSE-{_UNSAFE.sub('_', license_id)[:60]}.txt", "license", content=license_text.encode("utf-8")))
        else:
            notice = (f"No license file was found beside this model when it was exported.\n"
                      f"Detected license: {license_id}\n" + (f"Full terms: {license_url}\n" if license_url else ""))  # fmt: skip
            extras.append(Extra("LICENSE-NOTICE.txt", "license", content=notice.encode("utf-8")))
    extras.append(Extra("bom.cdx.json", "bom", content=_json(bom)))
    return extras


def _side_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size <= MAX_SIDE_FILE
    except OSError:
        return False


def _same_file_seen(path: Path, extras: list[Extra]) -> bool:
    """LICENSE and license are one file on a case-insensitive disk."""
    try:
        return any(e.source is not None and e.source.exists() and os.path.samefile(e.source, path) for e in extras)
    except OSError:
        return False


def _json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n").encode("utf-8")


# -- writing ------------------------------------------------------------------------------------
def prepare_target(to_dir: Path, name: str) -> tuple[Path, Path]:
    """(final, partial) paths in ``to_dir``, made if missing; InvalidInput when the folder is a file,
    is itself a bundle, already holds this bundle, or holds an export still under way."""
    to_dir = Path(to_dir).expanduser()
    if to_dir.exists() and not to_dir.is_dir():
        raise InvalidInput(QT_TR_NOOP("{path} is a file, not a folder: choose the folder to write the bundle into.", path=to_dir))
    if (to_dir / MANIFEST_NAME).exists():
        raise InvalidInput(QT_TR_NOOP("{path} is itself a bundle; Hangar does not write into one.", path=to_dir),
                           hint=QT_TR_NOOP("Choose the folder that should hold the bundle, such as the disk's top folder."))  # fmt: skip
    try:
        to_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, to_dir, to_dir) from None
    final, partial = to_dir / name, to_dir / f".{name}.partial"
    if final.exists() or final.is_symlink():
        raise InvalidInput(QT_TR_NOOP("{path} already exists; Hangar never writes over a bundle.", path=final),
                           hint=QT_TR_NOOP("Move or delete it first, or choose another folder."))  # fmt: skip
    if partial.exists() or partial.is_symlink():
        raise InvalidInput(QT_TR_NOOP("{path} is left from an export that is still running or was interrupted.", path=partial),
                           hint=QT_TR_NOOP("Delete it if no other export is writing there, then export again."))  # fmt: skip
    return final, partial


def write_bundle(plan: ExportPlan, to_dir: Path, on_progress: Progress | None = None, sign: Callable[[Path], str] | None = None) -> ExportResult:
    model = plan.model
    final, partial = prepare_target(Path(to_dir), bundle_name(model))
    names = [p.name for p in plan.model_files] + [e.name for e in plan.extras]
    for name in names:
        if name_problem(name) is not None:
            raise InvalidInput(QT_TR_NOOP("{file} cannot go into a bundle: {reason}.", file=name, reason=name_problem(name)))
    missing = [p for p in plan.model_files if not p.is_file()]
    if missing:
        raise InvalidInput(QT_TR_NOOP("The file of {name} is no longer at {path}: it was moved or deleted outside Hangar.", name=model.name, path=missing[0]))
    total = sum(p.stat().st_size for p in plan.model_files) + sum(e.size for e in plan.extras)
    check_free_space(final.parent, total)
    try:
        partial.mkdir()
    except FileExistsError:
        raise InvalidInput(QT_TR_NOOP("{path} is left from an export that is still running or was interrupted.", path=partial)) from None
    except OSError as exc:
        raise write_error(exc, final.parent, partial) from None
    try:
        files = _write_files(plan, partial, total, on_progress)
        manifest = Manifest(files=files, model=_model_facts(model, plan.model_files), policy=plan.policy, hangar_version=__version__,
                            created_at=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))  # fmt: skip
        data = manifest.to_json()
        _write_new(partial / MANIFEST_NAME, data)
        signer = sign(partial) if sign is not None else None
        _sync_folder(partial)
        os.rename(partial, final)
    except OSError as exc:
        remove_tree(partial)
        raise write_error(exc, final.parent, partial) from None
    except BaseException:  # a cancel, a changed file, a signing failure: no half bundle stays
        remove_tree(partial)
        raise
    _sync_folder(final.parent)
    return ExportResult(final, manifest, hashlib.sha256(data).hexdigest(), signer)


def _write_files(plan: ExportPlan, partial: Path, total: int, on_progress: Progress | None) -> list[BundleFile]:
    done = 0
    files: list[BundleFile] = []

    def step(label, count: int) -> None:  # noqa: ANN001
        nonlocal done
        done += count
        if on_progress is not None:
            on_progress(label, done, total)

    single = len(plan.model_files) == 1
    for path in plan.model_files:
        label = QT_TR_NOOP("Copying {file}", file=path.name)
        digest = copy_hashing(path, partial / path.name, lambda n, label=label: step(label, n))
        if single and plan.model.sha256 and digest != plan.model.sha256:
            raise InvalidInput(QT_TR_NOOP("{file} changed since it entered the library: its SHA-256 is now {actual}, the library recorded {expected}.",
                                          file=path.name, actual=digest, expected=plan.model.sha256),
                               hint=QT_TR_NOOP("Nothing was exported. Download or import the model again."))  # fmt: skip
        files.append(BundleFile(path.name, "model", (partial / path.name).stat().st_size, digest))
    for extra in plan.extras:
        target = partial / extra.name
        if extra.content is not None:
            _write_new(target, extra.content)
            digest = hashlib.sha256(extra.content).hexdigest()
            step(QT_TR_NOOP("Writing {file}", file=extra.name), len(extra.content))
        else:
            label = QT_TR_NOOP("Copying {file}", file=extra.name)
            digest = copy_hashing(extra.source, target, lambda n, label=label: step(label, n))  # type: ignore[arg-type]
        files.append(BundleFile(extra.name, extra.role, target.stat().st_size, digest))
    return files


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """The rename is on disk too (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _model_facts(model: LocalModel, files: list[Path]) -> dict:
    return {"name": model.name, "file": files[0].name, "repo": model.repo, "revision": model.revision, "source": model.source,
            "architecture": model.architecture, "quant": model.quant, "parameters": model.parameters, "context_length": model.context_length,
            "license": model.license, "sha256": model.sha256, "size_bytes": model.size_bytes, "synthetic": bool(model.synthetic)}  # fmt: skip

