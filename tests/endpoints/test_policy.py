"""The policy's switch forbids remote endpoints; the license policy applies to a remote model by its name."""

from __future__ import annotations

import json
import time

import pytest

from hangar.core.app.conversation import LoadFailed, ModelReady
from hangar.core.app.pool_terms import ModelRefused
from hangar.core.common.errors import InvalidInput
from hangar.core.endpoints.errors import RemoteEndpointsForbidden
from hangar.core.licenses.enums import PolicyVerdict
from hangar.core.licenses.policy import Policy

from .conftest import KEY


def forbid(app) -> None:
    app.policy.replace(Policy(name="Data stays here", allow_remote_endpoints=False))


def test_the_switch_is_part_of_the_policy_file() -> None:
    policy = Policy(allow_remote_endpoints=False)
    assert json.loads(policy.to_json())["allow_remote_endpoints"] is False
    assert Policy.from_json(policy.to_json()).allow_remote_endpoints is False
    assert Policy().allow_remote_endpoints is True
    older = json.loads(Policy().to_json())
    del older["allow_remote_endpoints"]
    assert Policy.from_json(json.dumps(older)).allow_remote_endpoints is True, "a policy written before the switch allows them"
    with pytest.raises(InvalidInput, match="allow_remote_endpoints must be true or false"):
        Policy.from_json(json.dumps({**older, "allow_remote_endpoints": "no"}))


def test_when_forbidden_adding_and_using_are_refused_with_the_policys_reason(added) -> None:
    app, _fake = added
    forbid(app)
    for attempt in (lambda: app.endpoints.add("cluster-b", "https://llm.example.com"), lambda: app.endpoints.refresh_models("cluster-a"),
                    lambda: app.endpoints.endpoint_for("cluster-a"), lambda: app.endpoints.open_model("remote:cluster-a:qwen2.5-7b"),
                    lambda: app.endpoints.test("https://llm.example.com")):  # fmt: skip
        with pytest.raises(RemoteEndpointsForbidden) as caught:
            attempt()
        assert 'The license policy "Data stays here" forbids remote endpoints' in str(caught.value)
    assert app.endpoints.choices() == [], "Chat lists no remote model"
    controller = app.chat_controller()
    controller.load("remote:cluster-a:qwen2.5-7b", 4096)
    deadline, seen = time.monotonic() + 10, []
    while not seen and time.monotonic() < deadline:
        seen = [u for u in controller.take_updates() if isinstance(u, (LoadFailed, ModelReady))]
        time.sleep(0.02)
    assert isinstance(seen[0], LoadFailed) and isinstance(seen[0].error, RemoteEndpointsForbidden)
    app.endpoints.remove("cluster-a")  # taking one away is always allowed
    assert app.endpoints.list() == []


def test_an_unreadable_policy_refuses_too(app) -> None:
    (app.paths.data / "license-policy.json").write_text("{broken")
    with pytest.raises(RemoteEndpointsForbidden, match="cannot be read"):
        app.endpoints.add("cluster-a", "https://llm.example.com")


def test_a_model_known_by_its_name_gets_the_policys_verdict(added) -> None:
    app, _fake = added
    audit = app.endpoints.audit("cluster-a", "Qwen/Qwen2.5-7B-Instruct")
    assert audit.verdict.verdict == PolicyVerdict.ALLOWED and audit.detection.license.id == "apache-2.0"
    assert any("Judged by the name Qwen/Qwen2.5-7B-Instruct alone" in r for r in audit.verdict.reasons)
    assert app.endpoints.audit("cluster-a", "qwen2.5:3b").verdict.verdict == PolicyVerdict.BLOCKED  # the Qwen research license


def test_a_blocked_remote_model_is_refused(added) -> None:
    app, fake = added
    fake.behaviour.models = ["qwen2.5:3b"]
    with pytest.raises(ModelRefused, match="The license policy blocks qwen2.5:3b"):
        app.endpoints.open_model("remote:cluster-a:qwen2.5:3b")
    assert fake.behaviour.requests == [], "nothing was sent"


def test_an_unknown_remote_model_needs_a_review_and_says_why(added) -> None:
    app, fake = added
    fake.behaviour.models = ["served-tiny"]
    audit = app.endpoints.audit("cluster-a", "served-tiny")
    assert audit.verdict.verdict == PolicyVerdict.REVIEW
    assert "The license of the remote model served-tiny (on cluster-a) could not be checked" in audit.verdict.reasons[0]
    model = app.endpoints.open_model("remote:cluster-a:served-tiny")
    try:
        assert model.warnings and "needs a license review before use" in model.warnings[0]
    finally:
        model.close()


def test_the_key_stays_usable_after_the_policy_allows_again(added) -> None:
    app, _fake = added
    forbid(app)
    app.policy.replace(Policy())
    assert app.endpoints.endpoint_for("cluster-a")[1] == KEY


def test_an_administrators_managed_policy_forbids_them(added, tmp_path, monkeypatch) -> None:
    app, fake = added
    path = tmp_path / "etc-hangar" / "policy.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Bank policy"}, "forbid_remote_endpoints": True}))
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(path))
    with pytest.raises(RemoteEndpointsForbidden, match='"Bank policy" forbids remote endpoints'):
        app.endpoints.open_model("remote:cluster-a:qwen2.5-7b")
    assert app.endpoints.choices() == []
    path.write_text("{not json")  # a managed policy that cannot be used refuses, never "no policy"
    with pytest.raises(RemoteEndpointsForbidden, match="cannot be read"):
        app.endpoints.endpoint_for("cluster-a")
    assert fake.behaviour.requests == []
