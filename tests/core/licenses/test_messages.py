"""The license audit's words as enums and translatable messages: stable values for JSON,
the CLI and saved files; templates the window translates; the knowledge base's Chinese."""

from __future__ import annotations

import json

from hangar.core.common.i18n import Text, Translated
from hangar.core.licenses.detect import detect
from hangar.core.licenses.enums import ComponentStatus, Confidence, EvidenceSource, OpennessClass, OutputsTraining, PolicyVerdict
from hangar.core.licenses.kb import FACT_LABELS, UNKNOWN, knowledge_base
from hangar.core.licenses.openness import LABELS, assess
from hangar.core.licenses.policy import Policy, evaluate


def test_the_enums_keep_the_values_json_and_the_cli_always_had() -> None:
    assert [v.value for v in PolicyVerdict] == ["allowed", "review", "blocked"]
    assert [v.value for v in Confidence] == ["high", "medium", "low"]
    assert [v.value for v in OutputsTraining] == ["allowed", "restricted", "banned", "unknown"]
    assert [v.value for v in ComponentStatus] == ["open", "restricted", "not stated"]
    assert OpennessClass.CLASS_III == "Class III (Open Model)" and EvidenceSource.HUB_CARD == "Hub card"
    found = detect(card={"license": "apache-2.0"}, gguf={"general.license": "apache-2.0"})
    data = json.loads(json.dumps(found.to_dict()))
    assert data["confidence"] == "high" and data["license"]["outputs_training"] == "allowed"
    assert data["evidence"][0]["source"] == "Hub card" and data["evidence"][0]["field"] == "license"
    assert json.loads(json.dumps(evaluate(Policy(), found).to_dict()))["verdict"] == "allowed"


def test_every_member_has_a_label_and_the_same_word_in_two_enums_does_not_collide() -> None:
    for kind in (PolicyVerdict, Confidence, OutputsTraining, ComponentStatus, OpennessClass, EvidenceSource):
        for member in kind:
            assert isinstance(member.label, Text) and member.label.template, member
    assert OutputsTraining.RESTRICTED.label == ComponentStatus.RESTRICTED.label == "restricted"
    assert PolicyVerdict.BLOCKED.label == "blocked" and OutputsTraining.BANNED.label == "banned"


def test_reasons_warnings_and_evidence_are_messages_the_window_translates() -> None:
    kb = knowledge_base()
    policy = Policy(territories=["DE"], max_monthly_users=10**9, attribution_acceptable=False, outputs_for_training_needed=True)
    cards = [{"license": "other", "license_name": i} for i in kb.licenses] + [{"license": "mit"}, {"license": 5}]
    for card in cards:
        found = detect(card=card, gguf={"general.license": "apache-2.0"})
        verdict = evaluate(policy, found)
        for text in [*verdict.reasons, *found.warnings, *(e.line() for e in found.evidence)]:
            assert isinstance(text, Text), f"{card}: a plain string the window cannot translate: {text!r}"
        assert all(isinstance(m, Text) for m in assess(found.license, card).missing)


def test_the_allowed_reason_carries_the_duties_in_chinese_too() -> None:
    verdict = evaluate(Policy(), detect(card={"license": "apache-2.0"}))
    duties = verdict.reasons[0].fields["duties"]
    first = duties.fields["p0"]
    assert isinstance(first, Translated) and first.startswith("Give recipients") and "Apache" in first.translations["zh_CN"]
    assert str(verdict.reasons[0]).startswith("Apache License 2.0 fits this policy. Duties: Give recipients")


def test_the_unknown_license_is_named_by_a_message_and_every_unverified_fact_has_a_label() -> None:
    kb = knowledge_base()
    assert isinstance(kb.get(UNKNOWN).name, Text) and kb.get(UNKNOWN).name == "Unknown license"
    unlabelled = {f for info in kb.licenses.values() for f in info.unverified_fields} - set(FACT_LABELS)
    assert not unlabelled, f"knowledge-base fields without a label for the window: {sorted(unlabelled)}"
    assert all(isinstance(label, Text) for label in LABELS.values())
