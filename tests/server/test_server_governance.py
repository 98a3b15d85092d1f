"""The server under governance: a session's counts go to the audit trail (never a prompt), and a
managed policy's refusal reaches the client as a 403 with the policy's reason."""

from __future__ import annotations

import json

import openai
import pytest

from .conftest import serving

pytestmark = pytest.mark.slow


def test_a_server_session_is_recorded_with_counts_and_no_prompt(tmp_path, tiny_gguf) -> None:
    from openai import OpenAI

    with serving(tmp_path / "home", tiny_gguf) as (app, runner):
        with OpenAI(base_url=runner.url + "/v1", api_key="unused", max_retries=0, timeout=60) as client:
            for _ in range(2):
                client.completions.create(model="served-tiny", prompt="a secret plan for the merger", max_tokens=3)
        audit = app.audit
    sessions = [e["data"] for e in audit.entries(events={"server_session"})]
    assert [s["phase"] for s in sessions] == ["start", "stop"]
    stop = sessions[1]
    assert stop["requests"] == 2 and stop["completion_tokens"] == 6 and stop["prompt_tokens"] > 0 and stop["address"] == runner.url
    assert "secret plan" not in audit.path.read_text(), "the trail never holds a prompt"
    loads = [e["data"] for e in audit.entries(events={"model_load"})]
    assert len(loads) == 1 and loads[0]["n_parallel"] == 4


def test_a_managed_policy_refusal_reaches_the_client(tmp_path, tiny_gguf, monkeypatch) -> None:
    from openai import OpenAI

    managed = tmp_path / "policy.json"
    managed.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corp"}, "require_override_reason": True}))
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(managed))
    with serving(tmp_path / "home", tiny_gguf) as (app, runner):
        with OpenAI(base_url=runner.url + "/v1", api_key="unused", max_retries=0, timeout=60) as client:
            with pytest.raises(openai.PermissionDeniedError) as caught:
                client.completions.create(model="served-tiny", prompt="hi", max_tokens=3)
    assert "asks for a reason" in caught.value.message and caught.value.status_code == 403
