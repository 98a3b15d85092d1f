"""The words a license audit answers in, as enums: stable values for JSON, the CLI and
the database, and a ``label`` the window shows in its language.

Each enum is a ``StrEnum``: its value is the string earlier versions wrote ("allowed",
"high", "not stated", "Hub card" …), so saved files, ``--json`` output and comparisons
with plain strings keep working. ``label`` is a QT_TR_NOOP message (hangar.core.common.i18n):
English in the CLI and the HTML report, translated by ``hangar.ui.i18n.localise``.
"""

from __future__ import annotations

from enum import StrEnum

from ..common.i18n import QT_TR_NOOP, Text


class _Labelled(StrEnum):
    @property
    def label(self) -> Text:
        """The member as a word for a person (English here, translated in the window)."""
        return _LABELS[type(self)][self]


class PolicyVerdict(_Labelled):
    """What the organisation's policy says about a model."""

    ALLOWED = "allowed"
    REVIEW = "review"
    BLOCKED = "blocked"


class Confidence(_Labelled):
    """How sure the license detection is: agreeing sources, or a fingerprinted text, are high."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class OutputsTraining(_Labelled):
    """Whether a license lets its model's outputs train other models."""

    ALLOWED = "allowed"
    RESTRICTED = "restricted"
    BANNED = "banned"
    UNKNOWN = "unknown"


class ComponentStatus(_Labelled):
    """One Model Openness Framework component: released openly, under other terms, or not stated."""

    OPEN = "open"
    RESTRICTED = "restricted"
    NOT_STATED = "not stated"


class OpennessClass(_Labelled):
    """The Model Openness Framework class a model reaches (cumulative: III ⊂ II ⊂ I)."""

    NONE = "none"
    CLASS_III = "Class III (Open Model)"
    CLASS_II = "Class II (Open Tooling)"
    CLASS_I = "Class I (Open Science)"


class EvidenceSource(_Labelled):
    """Where a license clue was found."""

    HUB_CARD = "Hub card"
    GGUF_METADATA = "GGUF metadata"
    LICENSE_FILE = "LICENSE file"
    BASE_MODEL_CARD = "base model card"
    BASE_MODEL_NAME = "base model name"
    MODEL_NAME = "model name"  # the model's own name: weak, used only when nothing states a license

    @property
    def is_base_model(self) -> bool:
        return self in (EvidenceSource.BASE_MODEL_CARD, EvidenceSource.BASE_MODEL_NAME)


_LABELS: dict[type, dict] = {
    PolicyVerdict: {
        PolicyVerdict.ALLOWED: QT_TR_NOOP("allowed"),
        PolicyVerdict.REVIEW: QT_TR_NOOP("review"),
        PolicyVerdict.BLOCKED: QT_TR_NOOP("blocked"),
    },
    Confidence: {
        Confidence.HIGH: QT_TR_NOOP("high"),
        Confidence.MEDIUM: QT_TR_NOOP("medium"),
        Confidence.LOW: QT_TR_NOOP("low"),
    },
    OutputsTraining: {
        OutputsTraining.ALLOWED: QT_TR_NOOP("allowed"),
        OutputsTraining.RESTRICTED: QT_TR_NOOP("restricted"),
        OutputsTraining.BANNED: QT_TR_NOOP("banned"),
        OutputsTraining.UNKNOWN: QT_TR_NOOP("unknown"),
    },
    ComponentStatus: {
        ComponentStatus.OPEN: QT_TR_NOOP("open"),
        ComponentStatus.RESTRICTED: QT_TR_NOOP("restricted"),
        ComponentStatus.NOT_STATED: QT_TR_NOOP("not stated"),
    },
    OpennessClass: {
        OpennessClass.NONE: QT_TR_NOOP("none"),
        OpennessClass.CLASS_III: QT_TR_NOOP("Class III (Open Model)"),
        OpennessClass.CLASS_II: QT_TR_NOOP("Class II (Open Tooling)"),
        OpennessClass.CLASS_I: QT_TR_NOOP("Class I (Open Science)"),
    },
    EvidenceSource: {
        EvidenceSource.HUB_CARD: QT_TR_NOOP("Hub card"),
        EvidenceSource.GGUF_METADATA: QT_TR_NOOP("GGUF metadata"),
        EvidenceSource.LICENSE_FILE: QT_TR_NOOP("LICENSE file"),
        EvidenceSource.BASE_MODEL_CARD: QT_TR_NOOP("base model card"),
        EvidenceSource.BASE_MODEL_NAME: QT_TR_NOOP("base model name"),
        EvidenceSource.MODEL_NAME: QT_TR_NOOP("model name"),
    },
}


def label_of(value: object) -> object:
    """The label of an enum member, or the value itself (an older plain string)."""
    return value.label if isinstance(value, _Labelled) else value


__all__ = ["ComponentStatus", "Confidence", "EvidenceSource", "OpennessClass", "OutputsTraining", "PolicyVerdict", "label_of"]
