"""The bundle manifest, format ``hangar-bundle/1`` (docs/bundles.md): what a bundle holds, each
file's size and SHA-256, where the model came from and what the license policy said of it.

Written by ``export`` as the last file of a bundle; read back by ``import-bundle`` from a disk
that may have passed through anyone's hands, so every field is checked here and a refusal names
the field. A manifest of another format version is refused, never guessed at.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text

FORMAT = "hangar-bundle/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "model.sig"  # the OpenSSF model signature, when the bundle is signed (signing.py)
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
ROLES = ("model", "card", "license", "bom")
RESERVED = (MANIFEST_NAME, SIGNATURE_NAME)
MAX_FILES = 1000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SAFE_NAME = re.compile(r"^[\w+\-()\[\]@,=][\w.+\- ()\[\]@,=]*$")
_REVISION = re.compile(r"^[\w.\-]{1,100}$")
_REPO = re.compile(r"^[\w.\-]{1,96}/[\w.\-]{1,96}$")


class BundleRefused(InvalidInput):
    """A bundle that cannot enter the library; ``file`` names the file at fault (None: the folder)."""

    code = "bundle_refused"

    def __init__(self, message: str, *, file: str | None = None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.file = file

    def to_dict(self) -> dict:
        return {**super().to_dict(), "file": self.file}


def name_problem(name: object) -> Text | None:
    """Why ``name`` cannot be a file of a bundle (None when it can): one plain, visible name, no
    folder, nothing Windows or a shell would read differently."""
    if not isinstance(name, str) or not name:
        return QT_TR_NOOP("it is not a file name")
    if len(name) > 200:
        return QT_TR_NOOP("the name is longer than 200 characters")
    if name in RESERVED:
        return QT_TR_NOOP("the name is reserved for the bundle's own files")
    if not _SAFE_NAME.match(name) or name.endswith((" ", ".")):
        return QT_TR_NOOP("the name holds a folder, a hidden-file dot or characters a file name may not have")
    return None


@dataclass(frozen=True)
class BundleFile:
    name: str
    role: str  # model, card, license, bom
    size: int
    sha256: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Manifest:
    files: list[BundleFile]
    model: dict  # name, file, repo, revision, source, architecture, quant, parameters, license, sha256, size_bytes
    policy: dict  # verdict, reasons, license (id, name, spdx, url), managed
    hangar_version: str
    created_at: str
    format: str = FORMAT
    extra: dict = field(default_factory=dict)  # fields a later 1.x writer added: kept, not interpreted

    def model_files(self) -> list[BundleFile]:
        return [f for f in self.files if f.role == "model"]

    def file(self, name: str) -> BundleFile | None:
        return next((f for f in self.files if f.name == name), None)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def to_dict(self) -> dict:
        return {"format": self.format, "hangar_version": self.hangar_version, "created_at": self.created_at, "model": self.model,
                "policy": self.policy, "files": [f.to_dict() for f in self.files], **self.extra}  # fmt: skip

    def to_json(self) -> bytes:
        return (json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "Manifest":
        """The manifest in ``data``, or BundleRefused naming manifest.json and the field at fault."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _refused(QT_TR_NOOP("{file} is not valid JSON ({reason}): this is not a Hangar bundle, or it was cut short.", file=MANIFEST_NAME,
                                      reason=_short(exc))) from None  # fmt: skip
        if not isinstance(doc, dict):
            raise _refused(QT_TR_NOOP("{file} is not a Hangar bundle manifest: it holds no object.", file=MANIFEST_NAME))
        found = doc.get("format")
        if found != FORMAT:
            if isinstance(found, str) and found.startswith("hangar-bundle/"):
                raise _refused(QT_TR_NOOP("{file} is in the format {found}; this Hangar reads {expected}.", file=MANIFEST_NAME, found=found[:40], expected=FORMAT),
                               hint=QT_TR_NOOP("Update Hangar on this machine, or export the bundle again with the same Hangar version as here."))  # fmt: skip
            raise _refused(QT_TR_NOOP("{file} is not a Hangar bundle manifest (its format is {found}, not {expected}).", file=MANIFEST_NAME,
                                      found=repr(found)[:40], expected=FORMAT))  # fmt: skip
        files = _files(doc.get("files"))
        model = _object(doc, "model")
        policy = _object(doc, "policy")
        _check_model(model, files)
        known = {"format", "hangar_version", "created_at", "model", "policy", "files"}
        return cls(files=files, model=model, policy=policy, hangar_version=_text(doc, "hangar_version", 40), created_at=_text(doc, "created_at", 40),
                   extra={k: v for k, v in doc.items() if k not in known})  # fmt: skip


# -- checks ------------------------------------------------------------------------------------
def _refused(message: Text, hint: str = "") -> BundleRefused:
    return BundleRefused(message, file=MANIFEST_NAME, hint=hint)


def _bad(where: str, problem: Text) -> BundleRefused:
    return _refused(QT_TR_NOOP("{file} is refused: {field} {problem}.", file=MANIFEST_NAME, field=where, problem=problem))


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _object(doc: dict, key: str) -> dict:
    value = doc.get(key)
    if not isinstance(value, dict):
        raise _bad(key, QT_TR_NOOP("is missing or not an object"))
    return value


def _text(doc: dict, key: str, limit: int, *, where: str | None = None, optional: bool = False) -> Any:
    value = doc.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value or len(value) > limit:
        raise _bad(where or key, QT_TR_NOOP("is missing, not text, or longer than {limit} characters", limit=limit))
    return value


def _files(value: object) -> list[BundleFile]:
    if not isinstance(value, list) or not value:
        raise _bad("files", QT_TR_NOOP("is missing or empty"))
    if len(value) > MAX_FILES:
        raise _bad("files", QT_TR_NOOP("lists more than {count} files", count=MAX_FILES))
    files, seen = [], set()
    for i, entry in enumerate(value):
        where = f"files[{i}]"
        if not isinstance(entry, dict):
            raise _bad(where, QT_TR_NOOP("is not an object"))
        name = entry.get("name")
        problem = name_problem(name)
        if problem is not None:
            raise _bad(f"{where}.name", QT_TR_NOOP("({name}) is refused: {problem}", name=repr(name)[:80], problem=problem))
        if name.casefold() in seen:  # two names one case-insensitive disk would make one file
            raise _bad(f"{where}.name", QT_TR_NOOP("({name}) is listed twice", name=name))
        seen.add(name.casefold())
        role = entry.get("role")
        if role not in ROLES:
            raise _bad(f"{where}.role", QT_TR_NOOP("is not one of {roles}", roles=", ".join(ROLES)))
        size = entry.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0 or size > 2**53:
            raise _bad(f"{where}.size", QT_TR_NOOP("is not a whole number of bytes"))
        digest = entry.get("sha256")
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise _bad(f"{where}.sha256", QT_TR_NOOP("is not a SHA-256 (64 lower-case hexadecimal digits)"))
        files.append(BundleFile(name, role, size, digest))
    return files


def _check_model(model: dict, files: list[BundleFile]) -> None:
    models = [f for f in files if f.role == "model"]
    if not models or any(not f.name.lower().endswith(".gguf") for f in models):
        raise _bad("files", QT_TR_NOOP("must list the model's GGUF file(s) with the role model"))
    first = _text(model, "file", 200, where="model.file")
    if first not in {f.name for f in models}:
        raise _bad("model.file", QT_TR_NOOP("({name}) is not one of the model files listed", name=first))
    _text(model, "name", 200, where="model.name")
    repo = _text(model, "repo", 200, where="model.repo", optional=True)
    if repo is not None and (not _REPO.match(repo) or ".." in repo):
        raise _bad("model.repo", QT_TR_NOOP("({repo}) is not a repository id such as owner/name", repo=repr(repo)[:80]))
    revision = _text(model, "revision", 100, where="model.revision", optional=True)
    if revision is not None and not _REVISION.match(revision):
        raise _bad("model.revision", QT_TR_NOOP("({revision}) is not a revision (letters, digits, dots and dashes)", revision=repr(revision)[:80]))
    for key in ("source", "architecture", "quant", "license"):
        _text(model, key, 200, where=f"model.{key}", optional=True)
