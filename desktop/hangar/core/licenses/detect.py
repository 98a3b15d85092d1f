"""Which license a model is under, from every clue there is, with the evidence shown.

Clues, strongest first: the text of a LICENSE file (fingerprinted), the base model's
license (a quantised re-upload cannot relicense what it copied), the Hub card
(``license``, ``license_name``, ``license_link``) and the GGUF metadata
(``general.license*``). When the re-upload's own label disagrees with its base model,
the verdict says so and follows the base model. "unknown" is a real answer: it comes
with what was seen and asks for a review.

Metadata comes from strangers: values that are not text, are huge, or carry markup are
cleaned here and always shown as plain text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..common.i18n import QT_TR_NOOP, joined
from .enums import Confidence, EvidenceSource
from .kb import UNKNOWN, KnowledgeBase, LicenseInfo, knowledge_base

MAX_VALUE = 300  # characters kept of any metadata value

# The metadata keys a clue is read from, as a reader names them (the key itself in English).
FIELD_LABELS = {
    "license": QT_TR_NOOP("license"), "license_name": QT_TR_NOOP("license_name"), "license_link": QT_TR_NOOP("license_link"),
    "general.license": QT_TR_NOOP("general.license"), "general.license.name": QT_TR_NOOP("general.license.name"),
    "general.license.link": QT_TR_NOOP("general.license.link"), "text": QT_TR_NOOP("text"),
}  # fmt: skip

# Base models whose license is known from their repository name (used when the base
# model's own card cannot be read, e.g. offline). Order matters: specific before general.
BASE_MODEL_LICENSES: tuple[tuple[str, str], ...] = (
    (r"deepseek-r1-distill-llama-8b", "llama3.1"),
    (r"deepseek-r1-distill-llama-70b", "llama3.3"),
    (r"deepseek-r1|deepseek-v3-0324|deepseek-v3\.1", "mit"),
    (r"deepseek-(llm|coder|v2|v3|moe)", "deepseek"),
    (r"llama-?3\.1", "llama3.1"),
    (r"llama-?3\.2", "llama3.2"),
    (r"llama-?3\.3", "llama3.3"),
    (r"llama-?4", "llama4"),
    (r"(meta-)?llama-?3(-|$)", "llama3"),
    (r"llama-?2", "llama2"),
    (r"gemma", "gemma"),
    (r"qwen2\.5-(3b|vl-3b)", "qwen-research"),
    (r"qwen2\.5-(72b|vl-72b)", "qwen"),
    (r"qwen(2\.5|2|3)", "apache-2.0"),
    (r"qwen(1\.5)?-", "tongyi-qianwen"),
    (r"hunyuan", "tencent-hunyuan-community"),
    (r"pangu", "openpangu-1.0"),
    (r"mistral-large-instruct-2407|mistral-large-2", "mistral-mrl"),
    (r"codestral-22b", "mistral-mnpl"),
    (r"mistralai/|mistral-7b|mixtral", "apache-2.0"),
    (r"phi-?[34]", "mit"),
    (r"falcon", "falcon"),
    (r"glm-4-9b|glm-4-32b", "glm-4"),
)


@dataclass
class Evidence:
    source: EvidenceSource  # where the clue was found
    field: str  # the metadata key (a QT_TR_NOOP label), or the base model's name
    value: str
    points_to: str | None  # a knowledge-base id, or None when the clue was not recognised
    weight: float

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        """``Hub card license = apache-2.0``, as the card and the report show a clue."""
        return QT_TR_NOOP("{source} {field} = {value}", source=self.source.label, field=self.field, value=self.value)


@dataclass
class Detection:
    license: LicenseInfo
    evidence: list[Evidence]
    confidence: Confidence
    warnings: list[str] = field(default_factory=list)  # QT_TR_NOOP messages

    def to_dict(self) -> dict:
        return {"license": self.license.to_dict(), "evidence": [e.to_dict() for e in self.evidence],
                "confidence": self.confidence, "warnings": list(self.warnings)}  # fmt: skip


def clean(value: object) -> str | None:
    """A metadata value as safe, short plain text; None when it is not text at all."""
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", value).strip()
    if len(text) > MAX_VALUE:
        text = text[:MAX_VALUE] + "…"
    return text or None


def base_model_license(name: str) -> str | None:
    key = re.sub(r"^https?://(huggingface\.co|hf\.co)/", "", name.strip().lower()).replace(" ", "-")
    return next((license_id for pattern, license_id in BASE_MODEL_LICENSES if re.search(pattern, key)), None)


def gguf_base_models(meta: dict) -> list[str]:
    """Base models named in GGUF metadata (general.base_model.N.*), as repo ids where possible."""
    names = []
    count = meta.get("general.base_model.count")
    for i in range(count if isinstance(count, int) and 0 < count < 16 else 0):
        url = clean(meta.get(f"general.base_model.{i}.repo_url"))
        if url and re.match(r"https?://(huggingface\.co|hf\.co)/[\w.-]+/[\w.-]+", url):
            names.append(re.sub(r"^https?://(huggingface\.co|hf\.co)/", "", url).strip("/"))
            continue
        org, name = clean(meta.get(f"general.base_model.{i}.organization")), clean(meta.get(f"general.base_model.{i}.name"))
        if name:
            names.append(f"{org}/{name}" if org else name)
    return names


def detect(
    *,
    card: dict | None = None,
    gguf: dict | None = None,
    license_text: str | None = None,
    base_cards: dict[str, dict] | None = None,
    kb: KnowledgeBase | None = None,
    name: str | None = None,
) -> Detection:
    """``name``: the model's own name (a repo id, the GGUF's general.name, the file name), weak
    evidence used only when no license field, text or base model says anything."""
    kb = kb or knowledge_base()
    card, gguf, base_cards = card or {}, gguf or {}, base_cards or {}
    evidence: list[Evidence] = []
    warnings: list[str] = []

    def clue(source: EvidenceSource, name: str, raw: object, weight: float, *, link: bool = False) -> None:
        if raw is None:
            return
        value = clean(raw)
        if value is None:
            evidence.append(Evidence(source, FIELD_LABELS[name], QT_TR_NOOP("(ignored: not text, {type})", type=type(raw).__name__), None, 0.0))
            return
        if not link and value.lower() == "other":
            return  # "other" only says: see license_name / license_link
        points = kb.by_link(value) if link else kb.lookup(value)
        evidence.append(Evidence(source, FIELD_LABELS[name], value, points, weight if points else 0.0))

    clue(EvidenceSource.HUB_CARD, "license", card.get("license"), 0.6)
    clue(EvidenceSource.HUB_CARD, "license_name", card.get("license_name"), 0.6)
    clue(EvidenceSource.HUB_CARD, "license_link", card.get("license_link"), 0.5, link=True)
    clue(EvidenceSource.GGUF_METADATA, "general.license", gguf.get("general.license"), 0.5)
    clue(EvidenceSource.GGUF_METADATA, "general.license.name", gguf.get("general.license.name"), 0.5)
    clue(EvidenceSource.GGUF_METADATA, "general.license.link", gguf.get("general.license.link"), 0.4, link=True)
    if license_text:
        found = kb.fingerprint(license_text)
        evidence.append(Evidence(EvidenceSource.LICENSE_FILE, FIELD_LABELS["text"], QT_TR_NOOP("{count} characters", count=len(license_text)),
                                 found, 0.9 if found else 0.0))  # fmt: skip
    own = _tally(e for e in evidence)

    bases = _base_names(card) + [b for b in gguf_base_models(gguf) if b not in _base_names(card)]
    base_ids: dict[str, str] = {}
    for base in bases[:8]:
        base_card = base_cards.get(base)
        if base_card is not None:
            found = kb.lookup(clean(base_card.get("license_name")) or "") or kb.lookup(clean(base_card.get("license")) or "")
            evidence.append(Evidence(EvidenceSource.BASE_MODEL_CARD, base, clean(base_card.get("license_name")) or clean(base_card.get("license")) or "?",
                                     found, 0.8 if found else 0.0))  # fmt: skip
        else:
            found = base_model_license(base)
            evidence.append(Evidence(EvidenceSource.BASE_MODEL_NAME, base, base, found, 0.7 if found else 0.0))
        if found:
            base_ids[base] = found

    if name and not any(e.points_to for e in evidence):
        found = base_model_license(clean(name) or "")
        if found:
            evidence.append(Evidence(EvidenceSource.MODEL_NAME, clean(name) or "", clean(name) or "", found, 0.2))
            warnings.append(QT_TR_NOOP("No license is stated anywhere; only the model's name, {name}, suggests {license}. Check the license before use.",
                                       name=clean(name), license=kb.get(found).name))  # fmt: skip
    chosen, confidence = UNKNOWN, Confidence.LOW
    base_choice = _tally(e for e in evidence if e.source.is_base_model)
    if base_choice and own and own != base_choice and not _fingerprinted(evidence, own):
        base_name = next(b for b, i in base_ids.items() if i == base_choice)
        warnings.append(QT_TR_NOOP(
            "This upload is labelled {own}, but its base model {base} is under {license}. "
            "A re-upload cannot change the license of what it copied, so Hangar follows the base model; check with the uploader.",
            own=kb.get(own).name, base=base_name, license=kb.get(base_choice).name,
        ))  # fmt: skip
        chosen, confidence = base_choice, Confidence.MEDIUM
    else:
        chosen = _tally(evidence) or UNKNOWN
        agreeing = [e for e in evidence if e.points_to == chosen and e.weight > 0]
        conflicting = {e.points_to for e in evidence if e.points_to and e.points_to != chosen}
        if chosen == UNKNOWN:
            confidence = Confidence.LOW
        elif all(e.source == EvidenceSource.MODEL_NAME for e in agreeing):
            confidence = Confidence.LOW  # a name is a hint, never a license
        elif _fingerprinted(evidence, chosen) or (len({e.source for e in agreeing}) >= 2 and not conflicting):
            confidence = Confidence.HIGH
        elif conflicting:
            confidence = Confidence.LOW
            names = joined(sorted((kb.get(i).name for i in conflicting | {chosen}), key=str), ", ")
            warnings.append(QT_TR_NOOP("The sources disagree: {licenses}.", licenses=names))
        else:
            confidence = Confidence.MEDIUM
    if chosen == UNKNOWN:
        seen = [e.line() for e in evidence if e.value]
        if seen:
            warnings.append(QT_TR_NOOP("The license could not be determined (seen: {seen}). A person must review it before this model is used.",
                                       seen=joined(seen, "; ")))  # fmt: skip
        else:
            warnings.append(QT_TR_NOOP("The license could not be determined (no license stated anywhere). A person must review it before this model is used."))
    return Detection(kb.get(chosen), evidence, confidence, warnings)


def _base_names(card: dict) -> list[str]:
    base = card.get("base_model")
    values = base if isinstance(base, list) else [base]
    return [v for v in (clean(x) for x in values[:8]) if v]


def _tally(evidence) -> str | None:
    scores: dict[str, float] = {}
    for e in evidence:
        if e.points_to and e.weight > 0:
            scores[e.points_to] = scores.get(e.points_to, 0.0) + e.weight
    return max(scores, key=lambda k: (scores[k], k)) if scores else None


def _fingerprinted(evidence: list[Evidence], license_id: str) -> bool:
    return any(e.source == EvidenceSource.LICENSE_FILE and e.points_to == license_id for e in evidence)
