"""Taking a bundle in: everything is checked before anything reaches the library.

1. ``check_bundle``: the folder is a folder; no entry is a link (nothing is read through one);
   the manifest is a small regular file in format hangar-bundle/1; every file it lists is there,
   a plain file inside the bundle, of the size it states; nothing else is there (a renamed file
   shows as one missing and one unknown).
2. ``install``: every file is copied into a hidden staging folder in the models folder, hashed
   as it is copied (what was hashed is what was written), and compared with the manifest; the
   signature, if any, is checked on that copy; the model's GGUF header is read. Only then are the
   files moved into place, and the caller registers the model. A refusal at any step removes the
   staging folder and names the file at fault; ``Placed.rollback`` undoes the move when the
   registration itself fails.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import UnsuitableFile, kind_of, read_small_file
from ..library.models import inspect_model_file
from ..licenses.audit import LICENSE_FILES
from .files import Progress, check_free_space, copy_hashing, hash_existing, is_litter, remove_tree, write_error
from .manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, RESERVED, SIGNATURE_NAME, BundleFile, BundleRefused, Manifest
from .signing import SignatureCheck, Trust, describe
from .signing import check as check_signature

log = logging.getLogger(__name__)


@dataclass
class CheckedBundle:
    root: Path  # the bundle folder, resolved
    manifest: Manifest
    manifest_sha256: str
    signed: bool

    @property
    def model_file(self) -> BundleFile:
        return next(f for f in self.manifest.files if f.name == self.manifest.model["file"])


@dataclass
class Placed:
    model_path: Path  # the model's (first) file in the models folder
    folder: Path  # where its files are
    provenance: Path  # the bundle's manifest, card, license, BOM and signature, kept beside the model
    hashes: dict[str, str]  # name -> SHA-256 as the import computed it
    signature: SignatureCheck
    created: list[Path] = field(default_factory=list)  # what this import put in the models folder

    def rollback(self) -> None:
        """Remove what this import placed (the registration failed): the models folder is as before."""
        for path in reversed(self.created):
            try:
                if path.is_dir():
                    remove_tree(path)
                else:
                    path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove %s after a failed import: %s", path, exc)


# -- 1. the structure ---------------------------------------------------------------------------
def check_bundle(folder: Path) -> CheckedBundle:
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise BundleRefused(QT_TR_NOOP("{path} does not exist.", path=folder))
    if not folder.is_dir():
        raise BundleRefused(QT_TR_NOOP("{path} is a file, not a bundle folder.", path=folder),
                            hint=QT_TR_NOOP("Give the folder that holds the bundle's manifest.json."))  # fmt: skip
    root = folder.resolve()
    try:
        entries = {entry.name: entry for entry in os.scandir(root)}
    except OSError as exc:
        raise BundleRefused(QT_TR_NOOP("{path} cannot be read: {reason}", path=folder, reason=exc.strerror or type(exc).__name__)) from None
    for name in sorted(entries):  # before anything is read: never through a link
        if entries[name].is_symlink() or _is_junction(entries[name]):
            raise BundleRefused(QT_TR_NOOP("{file} is a link (to {target}); a bundle holds only plain files.", file=name, target=_link_target(root / name)),
                                file=name, hint=QT_TR_NOOP("Nothing was imported. Copy the bundle again from its source, without links."))  # fmt: skip
    if MANIFEST_NAME not in entries:
        raise BundleRefused(QT_TR_NOOP("{path} holds no {file}: it is not a Hangar bundle, or the manifest was lost.", path=folder, file=MANIFEST_NAME),
                            file=MANIFEST_NAME)  # fmt: skip
    try:
        data = read_small_file(root / MANIFEST_NAME, MAX_MANIFEST_BYTES)
    except UnsuitableFile as exc:
        raise BundleRefused(QT_TR_NOOP("{file} is refused: {reason}.", file=MANIFEST_NAME, reason=exc.reason), file=MANIFEST_NAME) from None
    except OSError as exc:
        raise BundleRefused(QT_TR_NOOP("{file} cannot be read: {reason}", file=MANIFEST_NAME, reason=exc.strerror or type(exc).__name__), file=MANIFEST_NAME) from None
    manifest = Manifest.from_bytes(data)
    _check_listing(manifest, entries)
    for item in manifest.files:
        _check_file(root, item)
    signed = SIGNATURE_NAME in entries
    if signed and not entries[SIGNATURE_NAME].is_file(follow_symlinks=False):
        raise BundleRefused(QT_TR_NOOP("{file} is refused: it is not a plain file.", file=SIGNATURE_NAME), file=SIGNATURE_NAME)
    if signed:
        describe(root / SIGNATURE_NAME)  # a signature that is none is refused before gigabytes are hashed
    return CheckedBundle(root, manifest, hashlib.sha256(data).hexdigest(), signed)


def _is_junction(entry: os.DirEntry) -> bool:
    return bool(getattr(entry, "is_junction", lambda: False)())  # Windows, Python 3.12+


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _check_listing(manifest: Manifest, entries: dict) -> None:
    listed = {f.name for f in manifest.files}
    missing = [f.name for f in manifest.files if f.name not in entries]
    unknown = sorted(n for n in entries if n not in listed and n not in RESERVED and not is_litter(n))
    if missing and unknown:
        raise BundleRefused(QT_TR_NOOP("{file} is missing from the bundle, and {others} is there but not in its manifest: was a file renamed?",
                                       file=missing[0], others=", ".join(unknown[:3])), file=missing[0],
                            hint=QT_TR_NOOP("Nothing was imported. Give the files back their names, or copy the bundle again."))  # fmt: skip
    if missing:
        raise BundleRefused(QT_TR_NOOP("{file} is missing from the bundle (its manifest lists it).", file=missing[0]), file=missing[0],
                            hint=QT_TR_NOOP("Nothing was imported. Copy the whole bundle folder again."))  # fmt: skip
    if unknown:
        raise BundleRefused(QT_TR_NOOP("{file} is in the bundle folder but not in its manifest.", file=unknown[0]), file=unknown[0],
                            hint=QT_TR_NOOP("Nothing was imported. Remove it if you put it there; otherwise the bundle was altered."))  # fmt: skip


def _check_file(root: Path, item: BundleFile) -> None:
    path = root / item.name
    try:
        if not path.resolve().is_relative_to(root):
            raise BundleRefused(QT_TR_NOOP("{file} points outside the bundle.", file=item.name), file=item.name)
        info = os.lstat(path)
    except (OSError, RuntimeError) as exc:
        raise BundleRefused(QT_TR_NOOP("{file} cannot be read: {reason}", file=item.name, reason=getattr(exc, "strerror", None) or str(exc)), file=item.name) from None
    if not stat.S_ISREG(info.st_mode):
        raise BundleRefused(QT_TR_NOOP("{file} is {kind}, not a plain file.", file=item.name, kind=kind_of(info.st_mode)), file=item.name)
    if info.st_size != item.size:
        raise BundleRefused(QT_TR_NOOP("{file} is {actual:,} bytes, but the manifest says {expected:,}.", file=item.name, actual=info.st_size, expected=item.size),
                            file=item.name, hint=QT_TR_NOOP("Nothing was imported. The file was cut short or changed on the way: copy it again."))  # fmt: skip


# -- 2. the bytes, then the models folder --------------------------------------------------------
def destination(models_dir: Path, checked: CheckedBundle) -> Path:
    """Where the model goes: ``<models>/<owner>/<repo>/`` as a download would put it, or
    ``<models>/bundles/<bundle>/`` for a model with no Hub repo."""
    repo = checked.manifest.model.get("repo")
    folder = models_dir / repo if repo else models_dir / "bundles" / checked.root.name
    if not folder.resolve().is_relative_to(models_dir.resolve()):
        raise BundleRefused(QT_TR_NOOP("{file} names a place outside the models folder ({path}).", file=MANIFEST_NAME, path=folder), file=MANIFEST_NAME)
    return folder


def install(checked: CheckedBundle, models_dir: Path, trust: Trust, on_progress: Progress | None = None) -> Placed:
    if trust.given and not checked.signed:
        check_signature(checked.root, trust)  # raises: a signature was asked for and there is none
    models_dir = Path(models_dir).expanduser()
    folder = destination(models_dir, checked)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, models_dir, models_dir) from None
    check_free_space(models_dir, checked.manifest.total_bytes)
    staging = models_dir / f".bundle-{secrets.token_hex(6)}.partial"
    try:
        staging.mkdir()
    except OSError as exc:
        raise write_error(exc, models_dir, staging) from None
    try:
        hashes = _copy_verified(checked, staging, on_progress)
        signature = check_signature(staging, trust, hashes)
        first = checked.model_file.name
        try:
            inspect_model_file(staging / first)
        except InvalidInput as exc:
            raise BundleRefused(exc.message, file=first, hint=exc.hint) from None
        return _place(checked, staging, folder, hashes, signature)
    except OSError as exc:
        raise write_error(exc, models_dir, staging) from None
    finally:
        remove_tree(staging)  # what was not moved into place


def _copy_verified(checked: CheckedBundle, staging: Path, on_progress: Progress | None) -> dict[str, str]:
    total, done = checked.manifest.total_bytes, 0

    def step(label, count: int) -> None:  # noqa: ANN001
        nonlocal done
        done += count
        if on_progress is not None:
            on_progress(label, done, total)

    hashes: dict[str, str] = {}
    for item in checked.manifest.files:
        label = QT_TR_NOOP("Checking {file}", file=item.name)
        digest = copy_hashing(checked.root / item.name, staging / item.name, lambda n, label=label: step(label, n))
        if digest != item.sha256:
            raise BundleRefused(QT_TR_NOOP("{file} was changed: its SHA-256 is {actual}, but the manifest says {expected}.", file=item.name, actual=digest,
                                           expected=item.sha256), file=item.name,
                                hint=QT_TR_NOOP("Nothing was imported. The file was damaged or altered on the way: copy the bundle again."))  # fmt: skip
        hashes[item.name] = digest
    for name in (MANIFEST_NAME, SIGNATURE_NAME):
        if name == SIGNATURE_NAME and not checked.signed:
            continue
        digest = copy_hashing(checked.root / name, staging / name)
        if name == MANIFEST_NAME and digest != checked.manifest_sha256:
            raise BundleRefused(QT_TR_NOOP("{file} changed while the bundle was being imported.", file=name), file=name)
        hashes[name] = digest
    return hashes


def _place(checked: CheckedBundle, staging: Path, folder: Path, hashes: dict[str, str], signature: SignatureCheck) -> Placed:
    manifest = checked.manifest
    models = manifest.model_files()
    keep: set[str] = set()  # model files already there, byte for byte: used as they are
    for item in models:
        target = folder / item.name
        if target.exists() or target.is_symlink():
            if target.is_file() and target.stat().st_size == item.size and hash_existing(target) == item.sha256:
                keep.add(item.name)
                continue
            raise BundleRefused(QT_TR_NOOP("{path} already exists in the models folder and holds another file; Hangar does not replace it.", path=target),
                                file=item.name, hint=QT_TR_NOOP("Nothing was imported. Remove that model first, or choose another models folder."))  # fmt: skip
    first = Path(manifest.model["file"])
    provenance = _free_name(folder, f"{first.stem}.bundle")
    placed = Placed(folder / first.name, folder, provenance, hashes, signature)
    try:
        _make_folders(folder, placed)
        for item in models:
            if item.name not in keep:
                _move(staging / item.name, folder / item.name)
                placed.created.append(folder / item.name)
        provenance.mkdir()
        placed.created.append(provenance)
        for item in [f for f in manifest.files if f.role != "model"] + [BundleFile(n, "", 0, "") for n in (MANIFEST_NAME, SIGNATURE_NAME) if n in hashes]:
            _move(staging / item.name, provenance / item.name)
        _license_beside(manifest, provenance, folder, placed)
    except BaseException:
        placed.rollback()
        raise
    return placed


def _make_folders(folder: Path, placed: Placed) -> None:
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    folder.mkdir(parents=True, exist_ok=True)
    placed.created.extend(reversed(missing))  # rollback removes the deepest first


def _free_name(folder: Path, name: str) -> Path:
    """``name``, or ``name-2``, ``name-3``…: an earlier import's record is never replaced."""
    candidate, n = folder / name, 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = folder / f"{name}-{n}"
    return candidate


def _move(src: Path, dst: Path) -> None:
    try:
        os.rename(src, dst) if os.name != "nt" else os.replace(src, dst)
    except OSError as exc:
        if exc.errno != getattr(os, "EXDEV", 18):  # another file system under the models folder
            raise
        shutil.move(str(src), str(dst))


def _license_beside(manifest: Manifest, provenance: Path, folder: Path, placed: Placed) -> None:
    """The license audit reads a LICENSE file beside a model (licenses/audit.py): give it the
    bundle's license text when the folder has none."""
    if any((folder / name).exists() for name in LICENSE_FILES):
        return
    text = next((f for f in manifest.files if f.role == "license" and f.name != "LICENSE-NOTICE.txt"), None)
    if text is None:
        return
    shutil.copyfile(provenance / text.name, folder / "LICENSE")
    placed.created.append(folder / "LICENSE")

