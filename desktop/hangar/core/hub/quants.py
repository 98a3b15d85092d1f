"""GGUF file names on the Hub: which quantisation, which shard, and which names are unsafe.

Quantised repos name files like ``Qwen3-8B-Q4_K_M.gguf`` or, when split,
``...-Q8_0-00001-of-00003.gguf``. The quant in the name is what people pick by; the
file's own ``general.file_type`` confirms it once the header is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP

_SHARD = re.compile(r"^(?P<base>.+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.gguf$", re.IGNORECASE)
_QUANT = re.compile(
    r"(?i)(?:^|[-_.])((?:UD-)?(?:IQ[1-4]_(?:XXS|XS|NL|S|M)|Q[2-8]_K(?:_(?:XXS|XS|XL|S|M|L))?|Q[4-8]_[01]|BF16|F16|FP16|F32|MXFP4(?:_MOE)?|TQ[12]_0))(?=[-_.]|$)"
)
# Rough quality order, best first; used to recommend the best quant that fits.
QUALITY_ORDER = (
    "F32", "BF16", "F16", "Q8_0", "Q6_K_L", "Q6_K", "Q5_K_L", "Q5_K_M", "Q5_K_S", "Q5_1", "Q5_0", "Q4_K_L", "Q4_K_XL",
    "Q4_K_M", "MXFP4", "MXFP4_MOE", "Q4_K_S", "Q4_1", "IQ4_NL", "Q4_0", "IQ4_XS", "Q3_K_XL", "Q3_K_L", "Q3_K_M", "IQ3_M",
    "IQ3_S", "Q3_K_S", "IQ3_XS", "IQ3_XXS", "Q2_K_L", "Q2_K", "Q2_K_S", "IQ2_M", "IQ2_S", "IQ2_XS", "IQ2_XXS", "IQ1_M", "IQ1_S",
    "TQ2_0", "TQ1_0",
)  # fmt: skip
_SAFE_PART = re.compile(r"^[\w.+\- ()\[\]@,=]+$")


def quant_of(filename: str) -> str | None:
    stem = PurePosixPath(filename).name
    stem = _SHARD.sub(lambda m: m.group("base") + ".gguf", stem)
    matches = _QUANT.findall(stem.removesuffix(".gguf"))
    if not matches:
        return None
    quant = matches[-1].upper().replace("FP16", "F16")
    return quant.removeprefix("UD-") if quant.startswith("UD-") else quant


def quality_rank(quant: str | None) -> int:
    return QUALITY_ORDER.index(quant) if quant in QUALITY_ORDER else len(QUALITY_ORDER)


def check_repo_path(path: str) -> str:
    """A repo file name we may turn into a local path, or InvalidInput.

    A listing from a hostile or broken server could say ``../../.bashrc`` or
    ``/etc/passwd``; such names are refused before anything touches the disk.
    """
    if not path or "\\" in path or "\x00" in path or path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        raise InvalidInput(QT_TR_NOOP("refused an unsafe file name from the Hub: {name}", name=repr(path)))
    parts = path.split("/")
    if any(part in ("", ".", "..") or not _SAFE_PART.match(part) for part in parts):
        raise InvalidInput(QT_TR_NOOP("refused an unsafe file name from the Hub: {name}", name=repr(path)))
    return path


@dataclass
class GGUFChoice:
    """One downloadable model file, or a set of shards that form one model."""

    quant: str | None
    files: list[str]
    sizes: list[int]
    sha256: list[str | None]
    fit: dict = field(default_factory=dict)  # device -> FitEstimate dict

    @property
    def name(self) -> str:
        return self.files[0]

    @property
    def size_bytes(self) -> int:
        return sum(self.sizes)

    @property
    def shards(self) -> int:
        return len(self.files)

    def to_dict(self) -> dict:
        return {
            "filename": self.name,
            "quant": self.quant,
            "size_bytes": self.size_bytes,
            "sha256": self.sha256[0] if self.shards == 1 else None,
            "shards": self.shards,
            "files": [{"filename": f, "size_bytes": s, "sha256": h} for f, s, h in zip(self.files, self.sizes, self.sha256)],
            "fit": self.fit,
        }


def group_gguf_files(entries: list[tuple[str, int, str | None]], refused: list[str] | None = None) -> list[GGUFChoice]:
    """(filename, size, sha256) triples → one choice per quant file, shards joined.

    Unsafe names are left out and appended to ``refused`` so the caller can say so.
    """
    singles: list[GGUFChoice] = []
    sharded: dict[str, list[tuple[int, str, int, str | None]]] = {}
    for name, size, sha in entries:
        if not name.lower().endswith(".gguf") or "mmproj" in name.lower():
            continue
        try:
            check_repo_path(name)
        except InvalidInput:
            if refused is not None:
                refused.append(name)
            continue
        match = _SHARD.match(name)
        if match:
            sharded.setdefault(match.group("base"), []).append((int(match.group("index")), name, size, sha))
        else:
            singles.append(GGUFChoice(quant_of(name), [name], [size], [sha]))
    for parts in sharded.values():
        parts.sort()
        singles.append(GGUFChoice(quant_of(parts[0][1]), [p[1] for p in parts], [p[2] for p in parts], [p[3] for p in parts]))
    singles.sort(key=lambda c: (quality_rank(c.quant), c.name))
    return singles
