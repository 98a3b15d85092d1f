"""License names as real metadata spells them: slugs, punctuation, case and version suffixes
meet the knowledge base; the model's own name is weak evidence when nothing states a license."""

from __future__ import annotations

import pytest

from hangar.core.licenses.detect import detect
from hangar.core.licenses.enums import Confidence, EvidenceSource, PolicyVerdict
from hangar.core.licenses.kb import knowledge_base
from hangar.core.licenses.policy import Policy, evaluate


@pytest.mark.parametrize(
    ("value", "license_id"),
    [
        ("openpangu-model-license-agreement-version-1.0", "openpangu-1.0"),  # tried as a new user would: was "unknown"
        ("OpenPangu Model License Agreement, Version 1.0", "openpangu-1.0"),
        ("Apache License, Version 2.0", "apache-2.0"),
        ("CC BY-NC 4.0", "cc-by-nc-4.0"),
        ("llama3_1", "llama3.1"),
        ("Llama-3.1-Community", "llama3.1"),
        ("tencent-hunyuan-community-license-1.1", "tencent-hunyuan-community"),  # a version suffix on an unversioned license
        ("MIT License", "mit"),
    ],
)
def test_spellings_meet_the_knowledge_base(value: str, license_id: str) -> None:
    assert knowledge_base().lookup(value) == license_id


@pytest.mark.parametrize("value", ["llama 3.4 community license", "apache-3.0", "gpl", "other", "my-own-license-v2"])
def test_what_is_not_known_stays_unknown(value: str) -> None:
    assert knowledge_base().lookup(value) is None, "a version the knowledge base does not hold is never taken for another"
    assert knowledge_base().lookup("llama 3") == "llama3" and knowledge_base().lookup("llama 3.1") == "llama3.1"


def test_the_openpangu_slug_on_a_card_is_recognised() -> None:
    detection = detect(card={"license": "other", "license_name": "openpangu-model-license-agreement-version-1.0"})
    assert detection.license.id == "openpangu-1.0"


def test_the_models_own_name_is_weak_evidence_only_when_nothing_else_speaks() -> None:
    detection = detect(card={}, gguf={}, name="someone/Qwen3-8B-GGUF")
    assert detection.license.id == "apache-2.0" and detection.confidence == Confidence.LOW
    assert detection.evidence[-1].source == EvidenceSource.MODEL_NAME and "only the model's name" in detection.warnings[0]
    assert evaluate(Policy(), detection).verdict == PolicyVerdict.REVIEW, "a name is a hint, never a license: a person reviews it"

    stated = detect(card={"license": "mit"}, name="someone/Qwen3-8B-GGUF")
    assert stated.license.id == "mit" and all(e.source != EvidenceSource.MODEL_NAME for e in stated.evidence)


def test_a_downloaded_models_card_counts_as_stated(demo_hub) -> None:
    """Openness said 'Model card: not stated' for a downloaded Qwen although its repository has one."""
    from hangar.core.app import Hangar
    from hangar.core.licenses.enums import ComponentStatus

    app = Hangar.open()
    try:
        outcome = app.downloads.download_now("Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf")
        audit = app.licenses.audit_model(outcome.model.id)
        assert audit.openness.components["model_card"] == ComponentStatus.OPEN
    finally:
        app.close()
