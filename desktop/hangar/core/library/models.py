"""The models on this machine: what they are (from their GGUF headers) and where they came from.

Files are registered where they are, never copied: a model already in the Hugging Face
cache or Ollama's store is used in place, so nothing is downloaded twice. Only files
Hangar downloaded itself are ever deleted from disk by Hangar.

What reaches SQLite from a file's header went through the header's typed reads (the
parser checked the keys Hangar uses), so a hostile file is refused with its key and
reason, never a bind error that looks like a damaged database; and a scan or a folder
import goes on past a refused file, reporting it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import read_small_file
from ..db.store import Database
from ..gguf.header import INT64_MAX, GGUFHeader, MalformedHeader, expected_size, file_type_name, read_header

log = logging.getLogger(__name__)
FAMILIES = ("qwen", "deepseek", "pangu", "hunyuan", "llama", "gemma", "mistral", "mixtral", "phi", "glm", "falcon", "ernie", "yi", "internlm", "baichuan", "minicpm", "gpt-oss")
_SHARD = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)
SOURCES_WE_OWN = ("download", "bundle")  # files Hangar wrote into the models folder (a bundle's are copies)
_OLLAMA_DIGEST = re.compile(r"sha256[:-][0-9a-f]{64}")
MAX_MANIFEST_BYTES = 1024 * 1024


@dataclass
class LocalModel:
    id: int
    path: str
    name: str
    size_bytes: int
    sha256: str | None
    architecture: str | None
    quant: str | None
    parameters: int | None
    context_length: int | None
    license: str | None
    repo: str | None
    revision: str | None
    source: str
    added_at: str
    last_used_at: str | None
    synthetic: bool = False  # random weights from Hangar's generator: say so wherever it shows
    pinned: bool = False  # kept at its revision: an update check does not look for newer ones (core/lifecycle)

    @property
    def family(self) -> str | None:
        text = f"{self.repo or ''} {self.name}".lower()
        return next((f for f in FAMILIES if f in text), self.architecture)

    def to_dict(self) -> dict:
        return {**asdict(self), "family": self.family, "synthetic": bool(self.synthetic), "pinned": bool(self.pinned)}


def hash_file(path: Path, on_progress: Callable[[int, int], None] | None = None) -> str:
    digest, total, done = hashlib.sha256(), path.stat().st_size, 0
    with open(path, "rb") as handle:
        while block := handle.read(8 * 1024 * 1024):
            digest.update(block)
            done += len(block)
            if on_progress:
                on_progress(done, total)
    return digest.hexdigest()


def shard_paths(path: Path) -> list[Path]:
    """All files of a split model, given its first shard; one path for a normal file."""
    match = _SHARD.search(path.name)
    if not match:
        return [path]
    count = int(match.group(2))
    stem = path.name[: match.start()]
    return [path.with_name(f"{stem}-{i:05d}-of-{count:05d}.gguf") for i in range(1, count + 1)]


def inspect_model_file(path: Path) -> tuple[GGUFHeader, int, int]:
    """(first header, total bytes, parameters) of a GGUF model, or InvalidInput saying why not."""
    if not path.is_file():
        raise InvalidInput(QT_TR_NOOP("{path} does not exist or is not a file.", path=path))
    parts = shard_paths(path)
    missing = [p.name for p in parts if not p.is_file()]
    if missing:
        names = ", ".join(missing[:3])
        if len(missing) == 1:
            raise InvalidInput(QT_TR_NOOP("{file} is one part of a split model, and {missing} is missing.", file=path.name, missing=names))
        raise InvalidInput(QT_TR_NOOP("{file} is one part of a split model, and {missing} are missing.", file=path.name, missing=names))
    total, params, first = 0, 0, None
    for part in parts:
        try:
            header = read_header(part)
            expected = expected_size(header)
        except InvalidInput as exc:
            raise InvalidInput(QT_TR_NOOP("{file} was refused: {reason}", file=part.name, reason=exc.message)) from None
        except OSError as exc:
            raise InvalidInput(QT_TR_NOOP("{file} cannot be read: {reason}", file=part.name, reason=exc.strerror or type(exc).__name__)) from None
        size = part.stat().st_size
        if expected > size:
            raise InvalidInput(
                QT_TR_NOOP("{file} was refused: it is truncated ({size:,} of {expected:,} bytes).", file=part.name, size=size, expected=expected),
                hint=QT_TR_NOOP("Download it again."),
            )
        total += size
        params += header.n_params
        first = first or header
    assert first is not None
    if params > INT64_MAX:  # cannot be stored; the size check above normally refuses such a file first
        bad = MalformedHeader("tensors", QT_TR_NOOP("the tensors claim {count:,} parameters", count=params))
        raise InvalidInput(QT_TR_NOOP("{file} was refused: {reason}", file=path.name, reason=bad.message))
    return first, total, params


class Library:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[LocalModel]:
        return [LocalModel(**dict(row)) for row in self.db.query("SELECT * FROM models ORDER BY name COLLATE NOCASE, id")]

    def by_id(self, model_id: int) -> LocalModel | None:
        row = self.db.query_one("SELECT * FROM models WHERE id = ?", (int(model_id),))
        return LocalModel(**dict(row)) if row is not None else None

    def by_path(self, path: str | Path) -> LocalModel | None:
        """One row, by the resolved path of the file (the first part of a split model)."""
        row = self.db.query_one("SELECT * FROM models WHERE path = ?", (str(Path(path).expanduser().resolve()),))
        return LocalModel(**dict(row)) if row is not None else None

    def get(self, ref: str | int) -> LocalModel:
        """A model by id, path, name or repo; InvalidInput if none or several match.

        A number is an id and only an id: a stale id (the model was removed) must never
        fall through to a name that happens to contain its digits ("3" in "Qwen3")."""
        text = str(ref).strip()
        if isinstance(ref, int) or text.isdigit():
            model = self.by_id(int(text))
            if model is None:
                raise InvalidInput(QT_TR_NOOP("No model in the library has the id {id}.", id=text), hint=QT_TR_NOOP("hangar-cli models lists them."))
            return model
        models = self.list()
        exact = [m for m in models if str(m.id) == text or m.path == text or m.path == str(Path(text).expanduser().resolve())]
        if exact:
            return exact[0]
        loose = [m for m in models if text.lower() in m.name.lower() or text.lower() in (m.repo or "").lower() or text.lower() in Path(m.path).name.lower()]
        if len(loose) == 1:
            return loose[0]
        if not loose:
            raise InvalidInput(QT_TR_NOOP("No model in the library matches '{ref}'.", ref=text), hint=QT_TR_NOOP("hangar-cli models lists them."))
        ids = ", ".join(str(m.id) for m in loose[:8])
        raise InvalidInput(QT_TR_NOOP("'{ref}' matches {count} models: {ids}. Use the id.", ref=text, count=len(loose), ids=ids))

    def add_file(
        self,
        path: Path,
        *,
        source: str = "import",
        repo: str | None = None,
        revision: str | None = None,
        sha256: str | None = None,
        on_hash_progress: Callable[[int, int], None] | None = None,
        license_hint: str | None = None,
    ) -> LocalModel:
        """Register a model file in place. ``license_hint`` (the Hub card's) is used when the
        file's own metadata names none; the license audit weighs the two later."""
        try:
            path = Path(path).expanduser().resolve()
        except (OSError, RuntimeError) as exc:  # a symlink loop
            raise InvalidInput(QT_TR_NOOP("{path} cannot be read: {reason}", path=path, reason=getattr(exc, "strerror", None) or str(exc))) from None
        header, total, params = inspect_model_file(path)
        if sha256 is None and len(shard_paths(path)) == 1:
            try:
                sha256 = hash_file(path, on_hash_progress)
            except OSError as exc:
                raise InvalidInput(QT_TR_NOOP("{file} cannot be read: {reason}", file=path.name, reason=exc.strerror or type(exc).__name__)) from None
        # From a Hub repo, the file name says what people chose ("Qwen3-8B-Q4_K_M");
        # otherwise the model's own general.name, then the file name.
        name = header.text("general.name") if not repo else None
        synthetic = header.get("hangar.synthetic") is True
        if synthetic:
            source = "synthetic" if source == "import" else source
        arch = header.architecture
        license_id = header.text("general.license") or license_hint
        values = {
            "path": str(path),
            "name": (name or _SHARD.sub("", path.name).removesuffix(".gguf"))[:200],
            "size_bytes": total,
            "sha256": sha256,
            "architecture": arch[:100] if arch else None,
            "quant": file_type_name(header),
            "parameters": params,
            "context_length": header.context_length,
            "license": license_id[:100] if isinstance(license_id, str) else None,
            "repo": repo,
            "revision": revision,
            "source": source,
            "synthetic": int(synthetic),
        }
        with self.db.write() as conn:
            conn.execute(
                """INSERT INTO models (path, name, size_bytes, sha256, architecture, quant, parameters, context_length, license, repo, revision, source, synthetic)
                   VALUES (:path, :name, :size_bytes, :sha256, :architecture, :quant, :parameters, :context_length, :license, :repo, :revision, :source, :synthetic)
                   ON CONFLICT(path) DO UPDATE SET name=excluded.name, size_bytes=excluded.size_bytes, sha256=COALESCE(excluded.sha256, models.sha256),
                     architecture=excluded.architecture, quant=excluded.quant, parameters=excluded.parameters, context_length=excluded.context_length,
                     license=excluded.license, synthetic=excluded.synthetic, repo=COALESCE(excluded.repo, models.repo), revision=COALESCE(excluded.revision, models.revision)""",
                values,
            )
        model = self.by_path(path)
        assert model is not None
        return model

    def import_path(self, path: Path, on_hash_progress: Callable[[int, int], None] | None = None) -> tuple[list[LocalModel], list[tuple[str, str]]]:
        """Register a file, or every GGUF file in a folder; returns (added, refused with reasons)."""
        path = Path(path).expanduser()
        if not path.exists():
            raise InvalidInput(QT_TR_NOOP("{path} does not exist.", path=path))
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*.gguf") if ".quarantine" not in p.parts)
        files = [f for f in files if not _SHARD.search(f.name) or _SHARD.search(f.name).group(1) == "00001"]
        added, refused = [], []
        for file in files:
            if file.name.endswith(".part"):
                continue
            try:
                added.append(self.add_file(file, on_hash_progress=on_hash_progress))
            except InvalidInput as exc:
                refused.append((str(file), exc.message))
        return added, refused

    def scan_hf_cache(self, cache_dir: Path | None = None, refused: list[tuple[str, str]] | None = None) -> list[LocalModel]:
        """GGUF files in the Hugging Face cache, used in place; the blob name is the LFS SHA-256.

        A file that is refused goes into ``refused`` (path, reason) and the scan goes on."""
        if cache_dir is None:
            from huggingface_hub import constants

            cache_dir = Path(constants.HF_HUB_CACHE)
        found = []
        for snapshot_file in sorted(Path(cache_dir).glob("models--*/snapshots/*/**/*.gguf")):
            repo_dir = snapshot_file.relative_to(cache_dir).parts[0]
            repo = repo_dir.removeprefix("models--").replace("--", "/", 1)
            revision = snapshot_file.relative_to(cache_dir).parts[2]
            match = _SHARD.search(snapshot_file.name)
            if match and match.group(1) != "00001":
                continue
            try:
                blob = snapshot_file.resolve()
                sha = blob.name if re.fullmatch(r"[0-9a-f]{64}", blob.name) else None
                found.append(self.add_file(snapshot_file, source="hf-cache", repo=repo, revision=revision, sha256=sha))
            except (InvalidInput, OSError, RuntimeError) as exc:
                _refuse(refused, snapshot_file, exc, "skipped %s in the HF cache: %s")
        return found

    def scan_ollama(self, models_dir: Path | None = None, refused: list[tuple[str, str]] | None = None) -> list[LocalModel]:
        """Models pulled by Ollama: each manifest names a GGUF blob by its SHA-256.

        A manifest or blob that is refused goes into ``refused`` (path, reason) and the scan goes on."""
        root = Path(models_dir or os.environ.get("OLLAMA_MODELS") or Path.home() / ".ollama" / "models")
        found = []
        for manifest in sorted((root / "manifests").glob("*/*/*/*")):
            try:
                data = json.loads(read_small_file(manifest, MAX_MANIFEST_BYTES))
            except (InvalidInput, OSError, ValueError, RecursionError) as exc:
                _refuse(refused, manifest, exc, "skipped the Ollama manifest %s: %s")
                continue
            layers = data.get("layers") if isinstance(data, dict) else None
            for layer in layers if isinstance(layers, list) else []:
                if not isinstance(layer, dict) or layer.get("mediaType") != "application/vnd.ollama.image.model":
                    continue
                digest = str(layer.get("digest", ""))
                namespace, model, tag = manifest.parts[-3:]
                name = f"{model}:{tag}" if namespace == "library" else f"{namespace}/{model}:{tag}"
                if not _OLLAMA_DIGEST.fullmatch(digest):  # never a path of the manifest's choosing
                    _refuse(refused, manifest, InvalidInput(QT_TR_NOOP("the model layer's digest is not a SHA-256")), "skipped %s: %s")
                    continue
                blob = root / "blobs" / digest.replace(":", "-")
                try:
                    entry = self.add_file(blob, source="ollama", repo=f"ollama:{name}", sha256=digest[len("sha256:"):])
                except InvalidInput as exc:
                    _refuse(refused, blob, exc, "skipped Ollama model %s: %s")
                    continue
                self.db.execute("UPDATE models SET name = ? WHERE id = ?", (name, entry.id))
                found.append(self.get(entry.id))
        return found

    def remove(self, model: LocalModel, *, delete_file: bool) -> int:
        """Forget a model; with ``delete_file``, also delete the files Hangar downloaded. Returns bytes freed."""
        freed = 0
        if delete_file:
            if model.source not in SOURCES_WE_OWN:
                raise InvalidInput(
                    QT_TR_NOOP("{name} belongs to {source}; Hangar does not delete other tools' files.", name=model.name, source=model.source),
                    hint=QT_TR_NOOP("Remove it from the library only, or delete it with the tool that owns it."),
                )
            freed = _delete_parts(model, [part for part in shard_paths(Path(model.path)) if part.exists()])
        self.db.execute("DELETE FROM models WHERE id = ?", (model.id,))
        return freed

    def rename(self, model: LocalModel, name: str) -> LocalModel:
        name = " ".join(name.split())[:200]
        if not name:
            raise InvalidInput(QT_TR_NOOP("A model's name cannot be empty."))
        self.db.execute("UPDATE models SET name = ? WHERE id = ?", (name, model.id))
        renamed = self.by_id(model.id)
        if renamed is None:
            raise InvalidInput(QT_TR_NOOP("{name} is no longer in the library.", name=model.name))
        return renamed

    def set_pinned(self, model: LocalModel, pinned: bool) -> LocalModel:
        """Keep a model at its revision (or let it follow the Hub again)."""
        self.db.execute("UPDATE models SET pinned = ? WHERE id = ?", (int(bool(pinned)), model.id))
        changed = self.by_id(model.id)
        if changed is None:
            raise InvalidInput(QT_TR_NOOP("{name} is no longer in the library.", name=model.name))
        return changed

    def touch(self, model: LocalModel) -> None:
        self.db.execute("UPDATE models SET last_used_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?", (model.id,))


def _refuse(refused: list[tuple[str, str]] | None, path: Path, exc: BaseException, log_format: str) -> None:
    if isinstance(exc, InvalidInput):
        reason = exc.message
    elif isinstance(exc, OSError):
        reason = QT_TR_NOOP("{file} cannot be read: {reason}", file=path.name, reason=exc.strerror or type(exc).__name__)
    elif isinstance(exc, RecursionError):
        reason = QT_TR_NOOP("{file} is nested too deeply to be read", file=path.name)
    else:
        reason = QT_TR_NOOP("{file} cannot be read: {reason}", file=path.name, reason=str(exc))
    log.info(log_format, path, reason)
    if refused is not None:
        refused.append((str(path), reason))


def _delete_parts(model: LocalModel, parts: list[Path]) -> int:
    """Delete every part of a model or none: each is first renamed aside, which fails while
    the file is open elsewhere on Windows (a model loaded in Chat) or the folder is read-only;
    then the renamed parts are deleted. A split model is never left half deleted."""
    aside: list[tuple[Path, Path]] = []
    try:
        for part in parts:
            target = part.with_name(part.name + ".deleting")
            part.rename(target)
            aside.append((part, target))
    except OSError as exc:
        for original, target in reversed(aside):
            try:
                target.rename(original)
            except OSError:
                log.exception("could not put %s back after a failed delete", original)
        raise InvalidInput(
            QT_TR_NOOP("{name} could not be deleted: {reason}", name=model.name, reason=exc.strerror or type(exc).__name__),
            hint=QT_TR_NOOP("Nothing was deleted. Unload it in Chat or close the program that has the file open, then try again."),
        ) from None
    freed = 0
    for _original, target in aside:
        freed += target.stat().st_size
        target.unlink()
    return freed
