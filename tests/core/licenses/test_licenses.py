"""License detection, policy verdicts, openness, the audit report and the CycloneDX BOM."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library
from hangar.core.licenses.audit import audit_file, audit_local, current_policy, save_policy
from hangar.core.licenses.bom import BomInvalid, build_bom, validate
from hangar.core.licenses.detect import clean, detect
from hangar.core.licenses.kb import KnowledgeBase, knowledge_base
from hangar.core.licenses.openness import assess
from hangar.core.licenses.policy import Policy, evaluate
from hangar.core.licenses.report import audit_html

KB = knowledge_base()
KNOWN = [info for info in KB.licenses.values() if info.id != "unknown"]


def hub_metadata(info) -> dict:
    """How a Hub card states this license: an id of its own, or "other" with a name."""
    keys = info.keys
    if keys["hub_ids"]:
        return {"license": keys["hub_ids"][0]}
    if keys["hub_names"]:
        return {"license": "other", "license_name": keys["hub_names"][0]}
    return {"license": "other", "license_name": info.name}


def write_gguf(path: Path, **metadata) -> Path:
    """A small GGUF file whose general.* metadata is given (the gguf package writes it)."""
    import gguf

    writer = gguf.GGUFWriter(str(path), "llama")
    for key, value in metadata.items():
        if isinstance(value, int):
            writer.add_uint32(key, value)
        else:
            writer.add_string(key, value)
    writer.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def test_the_knowledge_base_is_complete_and_consistent() -> None:
    required = {"apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "openrail-m", "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3",
                "llama4", "gemma", "tongyi-qianwen", "qwen", "qwen-research", "deepseek", "tencent-hunyuan-community", "openpangu-1.0",
                "mistral-mrl", "mistral-mnpl", "falcon", "glm-4", "unknown"}  # fmt: skip
    assert required <= set(KB.licenses)
    for info in KB.licenses.values():
        assert info.summary["en"] and info.summary["zh_CN"], info.id
        assert len(info.attribution) == len(info.attribution_zh_CN), info.id
        assert info.outputs_training in ("allowed", "restricted", "banned", "unknown"), info.id
        assert info.source_url or info.id == "unknown", info.id
        assert info.verified or info.unverified_fields, f"{info.id}: unverified facts must say which"


@pytest.mark.parametrize("info", KNOWN, ids=lambda i: i.id)
def test_each_license_is_detected_from_hub_and_gguf_metadata(info) -> None:
    from_hub = detect(card=hub_metadata(info))
    assert from_hub.license.id == info.id and from_hub.evidence[0].source == "Hub card"
    card = hub_metadata(info)
    gguf = {"general.license": card["license"]}
    if "license_name" in card:
        gguf["general.license.name"] = card["license_name"]
    from_gguf = detect(gguf=gguf)
    assert from_gguf.license.id == info.id and any(e.source == "GGUF metadata" for e in from_gguf.evidence)
    assert detect(card=card, gguf=gguf).confidence == "high", "two sources that agree"


@pytest.mark.parametrize("info", [i for i in KNOWN if i.text_file], ids=lambda i: i.id)
def test_license_texts_are_recognised_by_fingerprint(info) -> None:
    found = detect(license_text=info.text())
    assert found.license.id == info.id and found.confidence == "high"


def test_a_re_upload_that_disagrees_with_its_base_model_is_flagged() -> None:
    found = detect(card={"license": "apache-2.0", "base_model": "meta-llama/Llama-3.1-8B-Instruct"})
    assert found.license.id == "llama3.1"
    assert any("labelled Apache License 2.0" in w and "Llama-3.1-8B-Instruct" in w for w in found.warnings)
    # The base model's own card, when the Hub answers, says the same with more weight.
    via_card = detect(card={"license": "mit", "base_model": ["Qwen/Qwen2.5-3B-Instruct"]},
                      base_cards={"Qwen/Qwen2.5-3B-Instruct": {"license": "other", "license_name": "qwen-research"}})  # fmt: skip
    assert via_card.license.id == "qwen-research" and via_card.warnings
    # GGUF metadata names the base model too (general.base_model.*), for files without a card.
    from_gguf = detect(gguf={"general.license": "apache-2.0", "general.base_model.count": 1,
                             "general.base_model.0.repo_url": "https://huggingface.co/meta-llama/Llama-3.1-8B"})  # fmt: skip
    assert from_gguf.license.id == "llama3.1" and from_gguf.warnings
    agreeing = detect(card={"license": "apache-2.0", "base_model": "Qwen/Qwen3-8B"})
    assert agreeing.license.id == "apache-2.0" and not agreeing.warnings


def test_policy_commercial_in_the_eu() -> None:
    policy = Policy(name="EU product", commercial_use_required=True, territories=["EU", "DE"], max_monthly_users=1_000_000).validate()
    verdicts = {lid: evaluate(policy, detect(card=hub_metadata(KB.get(lid)))) for lid in
                ("tencent-hunyuan-community", "openpangu-1.0", "qwen-research", "mit", "cc-by-nc-4.0", "llama3.1")}  # fmt: skip
    assert verdicts["tencent-hunyuan-community"].verdict == "blocked" and "excludes EU" in verdicts["tencent-hunyuan-community"].reasons[0]
    assert verdicts["openpangu-1.0"].verdict == "blocked" and "you operate in" in verdicts["openpangu-1.0"].reasons[0]
    assert verdicts["qwen-research"].verdict == "blocked" and "commercial" in verdicts["qwen-research"].reasons[0]
    assert verdicts["cc-by-nc-4.0"].verdict == "blocked"
    assert verdicts["mit"].verdict == "allowed"
    assert verdicts["llama3.1"].verdict == "allowed" and "Built with Llama" in verdicts["llama3.1"].reasons[0]
    big = Policy(max_monthly_users=800_000_000)
    assert evaluate(big, detect(card={"license": "llama3.1"})).verdict == "blocked"
    no_names = Policy(attribution_acceptable=False)
    assert evaluate(no_names, detect(card={"license": "llama3.1"})).verdict == "blocked"
    training = Policy(outputs_for_training_needed=True)
    assert evaluate(training, detect(card={"license": "other", "license_name": "tencent-hunyuan-community"})).verdict == "blocked"
    assert evaluate(Policy(territories=["US"]), detect(card={"license": "other", "license_name": "openpangu"})).verdict == "allowed"


def test_unknown_is_an_answer_that_asks_for_review() -> None:
    found = detect(card={"license": "other", "license_name": "my-own-license-v7"})
    assert found.license.id == "unknown" and "my-own-license-v7" in found.warnings[-1]
    verdict = evaluate(Policy(), found)
    assert verdict.verdict == "review" and "review" in verdict.reasons[0]
    assert evaluate(Policy(), detect()).verdict == "review"


@pytest.mark.parametrize(
    "card",
    [{}, {"license": ""}, {"license": 42}, {"license": ["mit", "apache-2.0"]}, {"license": {"id": "mit"}}, {"license_name": None},
     {"license": "x" * 1_000_000}, {"license": "<script>alert(1)</script>", "license_name": "<b>MIT</b>"},
     {"base_model": [{"repo": "x"}] * 100}, {"license_link": "javascript:alert(1)"}],
)  # fmt: skip
def test_malformed_metadata_is_handled_safely(card: dict, tmp_path: Path) -> None:
    found = detect(card=card)
    assert found.license.id == "unknown"
    assert all(len(e.value) <= 310 for e in found.evidence)
    verdict = evaluate(Policy(), found)
    assert verdict.verdict == "review"
    from hangar.core.licenses.audit import Audit

    html = audit_html([Audit("<img src=x onerror=alert(1)>", None, found, verdict, assess(found.license, card))], Policy())
    assert "<script>" not in html and "<img src=x" not in html and "&lt;img src=x" in html


def test_clean_keeps_text_short_and_plain() -> None:
    assert clean("a\x00b\x1bc") == "abc" and clean(5) is None and clean(["only"]) == "only" and clean("   ") is None
    assert len(clean("y" * 5000)) == 301


def test_policy_files_round_trip_and_bad_ones_are_refused(tmp_path: Path) -> None:
    policy = Policy(name="Team", territories=["de", "FR"], max_monthly_users=5000, outputs_for_training_needed=True).validate()
    policy.save(tmp_path / "p.json")
    again = Policy.load(tmp_path / "p.json")
    assert again == policy and again.territories == ["DE", "FR"]
    for text, problem in (("not json", "not JSON"), ("{}", "not a Hangar license policy"),
                          ('{"format": "hangar-license-policy", "territories": "DE"}', "territories must be a list"),
                          ('{"format": "hangar-license-policy", "territories": ["Germany"]}', "not ISO 3166"),
                          ('{"format": "hangar-license-policy", "max_monthly_users": -1}', "max_monthly_users"),
                          ('{"format": "hangar-license-policy", "commercial_use_required": "yes"}', "true or false")):  # fmt: skip
        (tmp_path / "bad.json").write_text(text)
        with pytest.raises(InvalidInput, match=problem):
            Policy.load(tmp_path / "bad.json")
    ctx = AppContext.open()
    assert current_policy(ctx) == Policy()
    save_policy(ctx, policy)
    assert current_policy(ctx) == policy


def test_openness_states_unknowns_as_unknown() -> None:
    closed = assess(KB.get("llama3.1"), {"license": "llama3.1"}, "A model card.")
    assert closed.components["parameters"] == "restricted" and closed.components["data_card"] == "not stated"
    assert closed.model_class == "none"
    card = {"datasets": ["allenai/dolma"], "model-index": [{"name": "x"}]}
    text = "Paper: https://arxiv.org/abs/2402.00838. Training code: https://github.com/allenai/OLMo"
    opened = assess(KB.get("apache-2.0"), card, text)
    assert opened.model_class == "Class III (Open Model)" and "Evaluation code" in opened.missing


def test_a_gguf_file_audit_reads_its_metadata_and_license_file(tmp_path: Path) -> None:
    model = write_gguf(tmp_path / "m.gguf", **{"general.license": "apache-2.0", "general.base_model.count": 1,
                                              "general.base_model.0.name": "Llama 3.1 8B", "general.base_model.0.organization": "Meta Llama"})  # fmt: skip
    audit = audit_file(model, Policy())
    assert audit.detection.license.id == "llama3.1" and audit.detection.warnings
    shutil.copy(KB.get("mit").text_file and (Path(KB.folder) / KB.get("mit").text_file), tmp_path / "LICENSE")
    plain = write_gguf(tmp_path / "n.gguf", **{"general.license": "mit"})
    assert audit_file(plain, Policy()).detection.confidence == "high"


def test_the_bom_validates_against_cyclonedx_1_6(tiny_gguf: Path, tmp_path: Path) -> None:
    ctx = AppContext.open()
    copy = shutil.copy(tiny_gguf, tmp_path / "Llama-3.1-8B-Q4_K_M.gguf")
    model = Library(ctx.database).add_file(Path(copy), source="download", repo="bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
                                           revision="a" * 40, license_hint="llama3.1")  # fmt: skip
    ctx.database.execute("INSERT INTO downloads (repo, revision, filename, dest_path, size_bytes, sha256, group_key, license) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (model.repo, model.revision, "Llama-3.1-8B-Q4_K_M.gguf", model.path, model.size_bytes, model.sha256, "g", "llama3.1"))  # fmt: skip
    ctx.database.execute("INSERT INTO bench_runs (model_path, runtime, device, pp_ts, tg_ts, result_json) VALUES (?, 'cpu', 'CPU', 82.1, 17.2, '{}')", (model.path,))
    bom = build_bom(ctx, audit_local(ctx, Library(ctx.database).list()))
    component = next(c for c in bom["components"] if c["type"] == "machine-learning-model")
    assert bom["specVersion"] == "1.6"
    assert component["purl"] == f"pkg:huggingface/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF@{'a' * 40}"
    assert component["hashes"] == [{"alg": "SHA-256", "content": model.sha256}]
    assert "Llama 3.1" in component["licenses"][0]["license"]["name"]
    metrics = component["modelCard"]["quantitativeAnalysis"]["performanceMetrics"]
    assert {m["value"] for m in metrics} == {"82.10", "17.20"}
    broken = json.loads(json.dumps(bom))
    broken["components"][0]["type"] = "not-a-type"
    with pytest.raises(BomInvalid):
        validate(broken)
    audits = audit_local(ctx, Library(ctx.database).list(), Policy(max_monthly_users=10_000))
    assert [a.verdict.verdict for a in audits] == ["allowed"], audits[0].verdict.reasons


def test_a_knowledge_base_without_unknown_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="unknown"):
        KnowledgeBase(tmp_path)
