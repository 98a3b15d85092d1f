"""The license knowledge base: one JSON file per license in resources/licenses/.

Each file records what a corporate policy asks about a license (commercial use, caps,
territories, duties, use policy, training on outputs) with its source and whether the
facts were checked against the license text. Lookups are exact (after lowercasing):
"llama 3" must not match "llama 3.1".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text, Translated
from ..common.small_files import read_small_file
from ..config.resources import resource
from .enums import OutputsTraining

UNKNOWN = "unknown"
UNKNOWN_NAME = QT_TR_NOOP("Unknown license")  # the one name in the knowledge base that is not a proper name

# The knowledge base's fields as a reader names them (its list of unverified facts names fields).
FACT_LABELS = {
    "name": QT_TR_NOOP("name"), "version": QT_TR_NOOP("version"), "source_url": QT_TR_NOOP("source address"),
    "commercial_use": QT_TR_NOOP("commercial use"), "research_only": QT_TR_NOOP("research only"),
    "user_cap": QT_TR_NOOP("user cap"), "user_cap_note": QT_TR_NOOP("user cap note"),
    "territory_exclusions": QT_TR_NOOP("excluded territories"), "territory_note": QT_TR_NOOP("territory note"),
    "attribution": QT_TR_NOOP("attribution duties"), "attribution_zh_CN": QT_TR_NOOP("attribution duties (Chinese)"),
    "acceptable_use_policy": QT_TR_NOOP("acceptable-use policy"), "outputs_training": QT_TR_NOOP("training on outputs"),
    "outputs_training_note": QT_TR_NOOP("training on outputs note"), "redistribution": QT_TR_NOOP("redistribution duties"),
    "redistribution_zh_CN": QT_TR_NOOP("redistribution duties (Chinese)"), "open_license": QT_TR_NOOP("open license"),
    "summary": QT_TR_NOOP("summary"), "families": QT_TR_NOOP("model families"), "fingerprints": QT_TR_NOOP("text fingerprints"),
    "hub_ids": QT_TR_NOOP("Hub license ids"), "hub_names": QT_TR_NOOP("Hub license names"), "link_patterns": QT_TR_NOOP("license links"),
}  # fmt: skip


def fact_label(name: str) -> Text | str:
    return FACT_LABELS.get(name, name)


@dataclass(frozen=True)
class LicenseInfo:
    id: str
    name: str
    spdx: str
    version: str
    source_url: str
    source_date: str
    commercial_use: bool | None
    research_only: bool
    user_cap: int | None
    user_cap_note: str
    territory_exclusions: tuple[str, ...]
    territory_note: str
    attribution: tuple[str, ...]
    attribution_zh_CN: tuple[str, ...]
    acceptable_use_policy: dict
    outputs_training: OutputsTraining
    outputs_training_note: str
    redistribution: tuple[str, ...]
    redistribution_zh_CN: tuple[str, ...]
    open_license: bool
    summary: dict
    verified: bool
    unverified_fields: tuple[str, ...]
    text_file: str | None
    families: tuple[str, ...] = ()
    notes: str = ""
    keys: dict = field(default_factory=dict, compare=False, repr=False)  # hub_ids, hub_names, aliases, link_patterns, fingerprints

    @property
    def is_spdx(self) -> bool:
        return not self.spdx.startswith("LicenseRef-") and self.spdx != "NOASSERTION"

    def duties(self) -> tuple[Translated, ...]:
        """The attribution duties, each with its Chinese wording from the knowledge base."""
        chinese = self.attribution_zh_CN if len(self.attribution_zh_CN) == len(self.attribution) else ()
        return tuple(Translated(en, {"zh_CN": chinese[i] if chinese else ""}) for i, en in enumerate(self.attribution))

    def summary_in(self, language: str) -> str:
        return self.summary.get("zh_CN" if language.startswith("zh") else "en") or self.summary.get("en", "")

    def text(self) -> str | None:
        """The full license text shipped with Hangar, when there is one."""
        if not self.text_file:
            return None
        path = resource("licenses", self.text_file)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def to_dict(self) -> dict:
        """The shape ``hangar-cli license --json`` prints under "license"."""
        return {
            "id": self.id, "spdx": self.spdx, "name": self.name, "version": self.version,
            "commercial_use": self.commercial_use, "research_only": self.research_only, "user_cap": self.user_cap,
            "territory_exclusions": list(self.territory_exclusions), "attribution": list(self.attribution),
            "acceptable_use_policy": self.acceptable_use_policy.get("url") if self.acceptable_use_policy.get("applies") else None,
            "outputs_training": self.outputs_training, "redistribution": list(self.redistribution),
            "summary": self.summary.get("en", ""), "source_url": self.source_url, "verified": self.verified,
            "unverified_fields": list(self.unverified_fields),
        }  # fmt: skip


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def canonical(text: str) -> str:
    """A license name as people and metadata spell it, reduced to its words: case, punctuation
    and slug hyphens go ("openpangu-model-license-agreement-version-1.0" and "openPangu Model
    License Agreement, Version 1.0" meet), "version"/"v" before a number goes, a number glued to
    a word is split off ("llama3.1" is "llama 3.1"). Dots inside version numbers stay, so
    "llama 3" still never meets "llama 3.1"."""
    key = text.lower()
    key = re.sub(r"(?<=\d)_(?=\d)", ".", key)  # llama3_1 -> llama3.1
    key = re.sub(r"[^\w.]+|_", " ", key)
    key = re.sub(r"(?<![\d])\.|\.(?![\d])", " ", key)  # a dot that is not inside a number
    key = re.sub(r"(?<=[a-z])(?=\d)", " ", key)
    key = re.sub(r"\b(version|ver|v)\s*(?=\d)", " ", key)
    return " ".join(key.split())


_TRAILING_VERSION = re.compile(r"\s+\d+(\.\d+)*$")


class KnowledgeBase:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or resource("licenses")
        self.licenses: dict[str, LicenseInfo] = {}
        self._exact: dict[str, str] = {}
        self._canonical: dict[str, str] = {}
        for path in sorted(self.folder.glob("*.json")):
            data, info = _read_entry(path)
            self.licenses[info.id] = info
            names = [str(v) for key in ("hub_ids", "hub_names", "aliases") for v in data.get(key) or []] + [info.id, info.spdx]
            for value in names:
                self._exact.setdefault(normalise(value), info.id)
            for value in [*names, str(info.name)]:
                self._canonical.setdefault(canonical(value), info.id)
        if UNKNOWN not in self.licenses:
            raise RuntimeError(f"the license knowledge base in {self.folder} has no 'unknown' entry")

    def get(self, license_id: str) -> LicenseInfo:
        return self.licenses.get(license_id) or self.licenses[UNKNOWN]

    @property
    def unknown(self) -> LicenseInfo:
        return self.licenses[UNKNOWN]

    def lookup(self, value: str) -> str | None:
        """The license a Hub id, license_name, SPDX id or known alias stands for: exactly, then as
        its words (``canonical``), then without a trailing version number, for a license the
        knowledge base keeps without versions ("tencent-hunyuan-community-license-1.1")."""
        found = self._exact.get(normalise(value))
        if found is None:
            key = canonical(value)
            found = self._canonical.get(key)
            if found is None and _TRAILING_VERSION.search(key):
                unversioned = self._canonical.get(_TRAILING_VERSION.sub("", key))
                found = unversioned if unversioned is not None and not self.licenses[unversioned].version else None
        return None if found == UNKNOWN and normalise(value) not in ("unknown", "noassertion") else found

    def by_link(self, url: str) -> str | None:
        lowered = url.lower()
        matches = [(len(p), info.id) for info in self.licenses.values() for p in info.keys.get("link_patterns", []) if p and p in lowered]
        return max(matches)[1] if matches else None

    def fingerprint(self, text: str) -> str | None:
        """The license whose distinctive phrases occur in a LICENSE file's text."""
        flat = normalise(text[:400_000])
        best: tuple[int, str] | None = None
        for info in self.licenses.values():
            hits = sum(1 for phrase in info.keys.get("fingerprints", []) if phrase and phrase in flat)
            if hits and (best is None or hits > best[0]):
                best = (hits, info.id)
        return best[1] if best else None


MAX_ENTRY_BYTES = 1024 * 1024  # an entry is a few KB


def _read_entry(path: Path) -> tuple[dict, LicenseInfo]:
    """One entry, or a plain message naming the damaged file (never a RecursionError or a KeyError)."""
    try:
        data = json.loads(read_small_file(path, MAX_ENTRY_BYTES))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data, _info(data)
    except RecursionError:
        problem = QT_TR_NOOP("it is nested too deeply")
    except InvalidInput as exc:
        problem = exc.message
    except OSError as exc:
        problem = exc.strerror or type(exc).__name__
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    raise InvalidInput(
        QT_TR_NOOP("The license knowledge base file {file} is damaged: {problem}", file=path, problem=problem),
        hint=QT_TR_NOOP("Reinstall Hangar, or restore the file from its source."),
    )


def _info(data: dict) -> LicenseInfo:
    def strings(key: str) -> tuple[str, ...]:
        return tuple(str(v) for v in data.get(key) or [])

    return LicenseInfo(
        id=data["id"], name=UNKNOWN_NAME if data["id"] == UNKNOWN else data["name"], spdx=data["spdx"], version=data.get("version", ""),
        source_url=data.get("source_url", ""), source_date=data.get("source_date", ""),
        commercial_use=data.get("commercial_use"), research_only=bool(data.get("research_only")), user_cap=data.get("user_cap"),
        user_cap_note=data.get("user_cap_note", ""), territory_exclusions=strings("territory_exclusions"),
        territory_note=data.get("territory_note", ""), attribution=strings("attribution"), attribution_zh_CN=strings("attribution_zh_CN"),
        acceptable_use_policy=dict(data.get("acceptable_use_policy") or {}), outputs_training=OutputsTraining(data.get("outputs_training", "unknown")),
        outputs_training_note=data.get("outputs_training_note", ""), redistribution=strings("redistribution"),
        redistribution_zh_CN=strings("redistribution_zh_CN"), open_license=bool(data.get("open_license")),
        summary=dict(data.get("summary") or {}), verified=bool(data.get("verified")), unverified_fields=strings("unverified_fields"),
        text_file=data.get("text_file"), families=strings("families"), notes=data.get("notes", ""),
        keys={k: [normalise(v) for v in data.get(k) or []] for k in ("hub_ids", "hub_names", "aliases", "link_patterns", "fingerprints")},
    )  # fmt: skip


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase()
