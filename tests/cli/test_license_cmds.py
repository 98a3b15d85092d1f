"""hangar-cli license and bom, as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.licenses.bom import validate

from ..conftest import run_cli

pytestmark = pytest.mark.slow


def test_license_of_hub_repos_against_a_policy(demo_hub, tmp_path: Path) -> None:
    policy = tmp_path / "eu.json"
    policy.write_text(json.dumps({"format": "hangar-license-policy", "name": "EU, commercial", "territories": ["FR"], "max_monthly_users": 50_000}))
    result = run_cli("license", "tencent/Hunyuan-7B-Instruct-GGUF", "--policy", str(policy), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["license"]["id"] == "tencent-hunyuan-community" and data["license"]["user_cap"] == 100_000_000
    assert set(data["license"]["territory_exclusions"]) == {"EU", "GB", "KR"} and data["license"]["commercial_use"] is True
    assert data["license"]["outputs_training"] == "banned" and isinstance(data["license"]["attribution"], list)
    assert data["policy"]["verdict"] == "blocked" and "FR" in data["policy"]["reasons"][0]
    assert {"source", "field", "value", "points_to"} <= set(data["evidence"][0]) and data["confidence"] in ("high", "medium", "low")
    qwen = json.loads(run_cli("license", "Qwen/Qwen3-8B-GGUF", "--policy", str(policy), "--json").stdout)
    assert qwen["license"]["spdx"] == "Apache-2.0" and qwen["policy"]["verdict"] == "allowed" and qwen["confidence"] == "high"
    text = run_cli("license", "FreedomIntelligence/openPangu-Embedded-7B-GGUF", "--policy", str(policy))
    assert "BLOCKED" in text.stdout and "Powered by openPangu" in text.stdout


def test_license_of_a_file_the_library_and_the_bom(tiny_gguf: Path, tmp_path: Path) -> None:
    result = run_cli("license", str(tiny_gguf), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["policy"]["verdict"] == "review", "no license anywhere: a person must look"
    assert run_cli("import", str(tiny_gguf)).returncode == 0
    report = tmp_path / "audit.html"
    listed = run_cli("license", "--all", "--report", str(report), "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 1 and "License audit of local models" in report.read_text()
    out = tmp_path / "bom.json"
    made = run_cli("bom", "--output", str(out))
    assert made.returncode == 0, made.stderr
    bom = json.loads(out.read_text())
    validate(bom)
    assert bom["components"][0]["type"] == "machine-learning-model" and "valid CycloneDX 1.6" in made.stderr


def test_bad_input_gets_a_clear_message(tmp_path: Path) -> None:
    missing = run_cli("license", str(tmp_path / "nope.gguf"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    bad = tmp_path / "policy.json"
    bad.write_text("{not json")
    refused = run_cli("license", "--all", "--policy", str(bad))
    assert refused.returncode == 1 and "not a policy file" in refused.stderr
    nothing = run_cli("license")
    assert nothing.returncode == 1 and "name a model" in nothing.stderr


def test_a_downloaded_re_upload_is_checked_against_the_base_model_its_card_named(tiny_gguf: Path, tmp_path: Path, monkeypatch) -> None:
    from ..fixtures.hub_repos import HubRepo
    from ..fixtures.hub_server import HubServer

    card = {"license": "apache-2.0", "base_model": ["meta-llama/Llama-3.1-8B-Instruct"], "tags": ["gguf"]}
    repo = HubRepo("someone/Llama-3.1-8B-Instruct-relicensed-GGUF", card_data=card)
    repo.add_file("Llama-3.1-8B-Instruct-Q4_K_M.gguf", tiny_gguf.read_bytes())  # no base model in its GGUF metadata
    with HubServer() as hub:
        hub.add_repo(repo)
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        assert run_cli("download", repo.repo_id, "Llama-3.1-8B-Instruct-Q4_K_M.gguf").returncode == 0
    listed = run_cli("license", "--all", "--json")  # offline now: what the card said was kept at download time
    assert listed.returncode == 0, listed.stderr
    (audit,) = json.loads(listed.stdout)
    assert audit["license"]["id"] == "llama3.1", "a re-upload cannot change the license of what it copied"
    assert any("labelled Apache License 2.0" in w and "Llama-3.1-8B-Instruct" in w for w in audit["warnings"])
