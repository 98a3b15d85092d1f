"""How open a model really is, in the Model Openness Framework's terms, from what its card states.

An open-weight license says nothing about data, code or papers. This reads the card's
metadata and text for each component and reports open, restricted (released under
terms that are not open), not stated (unknown) — never a guess. The classes are
cumulative (Class III Open Model ⊂ II Open Tooling ⊂ I Open Science); a component that
is not stated keeps a model out of the class that needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.i18n import QT_TR_NOOP
from .enums import ComponentStatus, OpennessClass
from .kb import LicenseInfo

OPEN, RESTRICTED, UNKNOWN = ComponentStatus.OPEN, ComponentStatus.RESTRICTED, ComponentStatus.NOT_STATED

CLASS_III = ("architecture", "parameters", "model_card", "data_card", "technical_report", "evaluation_results")
CLASS_II = CLASS_III + ("training_code", "inference_code", "evaluation_code")
CLASS_I = CLASS_II + ("datasets", "research_paper")
# QT_TR_NOOP messages: English here, translated in the window
LABELS = {
    "architecture": QT_TR_NOOP("Model architecture"), "parameters": QT_TR_NOOP("Model parameters (weights)"),
    "model_card": QT_TR_NOOP("Model card"), "data_card": QT_TR_NOOP("Data card"), "technical_report": QT_TR_NOOP("Technical report"),
    "evaluation_results": QT_TR_NOOP("Evaluation results"), "training_code": QT_TR_NOOP("Training code"),
    "inference_code": QT_TR_NOOP("Inference code"), "evaluation_code": QT_TR_NOOP("Evaluation code"),
    "datasets": QT_TR_NOOP("Training datasets"), "research_paper": QT_TR_NOOP("Research paper"),
}  # fmt: skip

_ARXIV = re.compile(r"arxiv\.org/(abs|pdf)/\d{4}\.\d{4,5}|\barxiv:\d{4}\.\d{4,5}", re.IGNORECASE)
_CODE = re.compile(r"github\.com/[\w.-]+/[\w.-]+", re.IGNORECASE)
_TRAINING = re.compile(r"train(ing)? (code|script|recipe)|fine-?tuning (code|script)", re.IGNORECASE)


@dataclass
class Openness:
    components: dict[str, ComponentStatus]  # component -> open / restricted / not stated
    model_class: OpennessClass
    missing: list[str]  # the LABELS of what keeps it from the next class

    def to_dict(self) -> dict:
        return {"components": dict(self.components), "class": self.model_class, "missing_for_next_class": list(self.missing)}


def assess(license_info: LicenseInfo, card: dict | None, card_text: str = "", *, architecture_known: bool = True, has_card: bool = False) -> Openness:
    """``has_card``: the repository had a model card although its text is not at hand (a downloaded
    model: the card's metadata was read from it at download time)."""
    card, text = card or {}, card_text or ""
    weights_open = OPEN if license_info.open_license else (UNKNOWN if license_info.id == "unknown" else RESTRICTED)
    datasets = card.get("datasets")
    has_datasets = isinstance(datasets, (list, str)) and bool(datasets)
    github = bool(_CODE.search(text))
    components = {
        "architecture": OPEN if architecture_known else UNKNOWN,  # llama.cpp implements it, in the open
        "parameters": weights_open,
        "model_card": OPEN if text.strip() or has_card else UNKNOWN,
        "data_card": OPEN if has_datasets else UNKNOWN,
        "technical_report": OPEN if _ARXIV.search(text) or any(str(t).startswith("arxiv:") for t in card.get("tags") or []) else UNKNOWN,
        "evaluation_results": OPEN if card.get("model-index") or re.search(r"\bbenchmark|evaluation\b", text, re.IGNORECASE) else UNKNOWN,
        "training_code": OPEN if github and _TRAINING.search(text) else UNKNOWN,
        "inference_code": OPEN,  # GGUF files run on llama.cpp (MIT)
        "evaluation_code": UNKNOWN,
        "datasets": OPEN if has_datasets else UNKNOWN,
        "research_paper": OPEN if _ARXIV.search(text) else UNKNOWN,
    }
    model_class, missing = OpennessClass.NONE, [LABELS[c] for c in CLASS_III if components[c] != OPEN]
    for name, needed in ((OpennessClass.CLASS_III, CLASS_III), (OpennessClass.CLASS_II, CLASS_II), (OpennessClass.CLASS_I, CLASS_I)):
        lacking = [LABELS[c] for c in needed if components[c] != OPEN]
        if lacking:
            missing = lacking
            break
        model_class, missing = name, []
    return Openness(components, model_class, missing)
