"""The administrator's managed policy: it wins over the user's, a broken one refuses downloads
(never "no policy"), and its rules hold at download and load with the reason in each refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.governance import OverrideReasonNeeded, PolicyRefusal
from hangar.core.common.errors import InvalidInput
from hangar.core.licenses.managed import ManagedPolicyError, load_managed
from hangar.core.licenses.policy import Policy

pytestmark = pytest.mark.slow
QWEN = ("Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf")
HUNYUAN = ("tencent/Hunyuan-7B-Instruct-GGUF", "Hunyuan-7B-Instruct-Q4_K_M.gguf")


@pytest.fixture
def managed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "etc-hangar" / "policy.json"
    path.parent.mkdir()
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(path))

    def write(body) -> Path:
        path.write_text(body if isinstance(body, str) else json.dumps({"format": "hangar-managed-policy", "version": 1, **body}))
        return path

    return write


@pytest.fixture
def app():
    app = Hangar.open()
    yield app
    app.close()


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{not json", "it is not JSON"),
        ({"policy": {"name": "Corp"}, "forbid_blocked_download": True}, "fields Hangar does not know: forbid_blocked_download"),
        ({"policy": {"name": "Corp", "territoriez": ["FR"]}}, "its policy has fields Hangar does not know: territoriez"),
        ({"policy": {"name": "Corp"}, "download_endpoints": "https://hub.corp"}, "download_endpoints must be a list"),
        ('{"format": "hangar-managed-policy", "version": 2}', "this Hangar reads version 1"),
    ],
)
def test_a_broken_managed_policy_refuses_downloads_and_says_why(managed, app, demo_hub, body, says) -> None:
    path = managed(body)
    with pytest.raises(ManagedPolicyError) as caught:
        app.downloads.download_now(*QWEN)
    assert says in caught.value.message and str(path) in caught.value.message
    assert "refused until it is fixed" in caught.value.hint
    assert app.library.list() == [] and not any(app.downloads.models_dir.glob("*.gguf")), "nothing was downloaded"


def test_a_managed_policy_that_cannot_be_read_is_not_no_policy(managed, app, monkeypatch) -> None:
    managed({"policy": {"name": "Corp"}})
    import hangar.core.licenses.managed as module

    def denied(path, limit):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(module, "read_small_file", denied)
    with pytest.raises(ManagedPolicyError, match="may not read it"):
        app.downloads.download_now(*QWEN)


def test_the_managed_policy_wins_and_is_locked(managed, app) -> None:
    app.policy.replace(Policy(name="Mine", commercial_use_required=False))
    path = managed({"policy": {"name": "Corporate", "territories": ["FR"]}})
    assert app.policy.current().name == "Corporate" and app.policy.locked_by() == path
    with pytest.raises(InvalidInput, match="Your administrator manages the license policy"):
        app.policy.replace(Policy(name="Mine again"))
    assert load_managed().policy.territories == ["FR"]


def test_blocked_models_are_not_downloaded_and_the_verdict_is_recorded(managed, app, demo_hub) -> None:
    managed({"policy": {"name": "Corporate", "territories": ["FR"]}, "forbid_blocked_downloads": True})
    with pytest.raises(PolicyRefusal) as caught:
        app.downloads.download_now(*HUNYUAN)
    assert "blocks tencent/Hunyuan-7B-Instruct-GGUF" in caught.value.message and "FR" in caught.value.message
    assert "cannot be overridden" in caught.value.hint
    with pytest.raises(PolicyRefusal):
        app.downloads.queue(*HUNYUAN)
    assert app.downloads.list() == [] and app.library.list() == []
    assert app.downloads.download_now(*QWEN).verified
    verdicts = [e["data"] for e in app.audit.entries(events={"license_verdict"})]
    assert [(v["subject"], v["verdict"]) for v in verdicts] == [(HUNYUAN[0], "blocked"), (HUNYUAN[0], "blocked"), (QWEN[0], "allowed")]


def test_downloads_only_from_the_listed_mirror(managed, app, demo_hub) -> None:
    managed({"policy": {"name": "Corporate"}, "download_endpoints": ["https://hub-mirror.corp.example"]})
    with pytest.raises(PolicyRefusal) as caught:
        app.downloads.download_now(*QWEN)
    assert "only from https://hub-mirror.corp.example" in caught.value.message and demo_hub.endpoint in caught.value.message
    managed({"policy": {"name": "Corporate"}, "download_endpoints": [demo_hub.endpoint + "/"]})
    assert app.downloads.download_now(*QWEN).verified


def test_a_review_model_needs_a_reason_that_the_trail_keeps(managed, app, demo_hub) -> None:
    managed({"policy": {"name": "Corporate"}, "require_override_reason": True})  # Hunyuan's user cap: "review"
    with pytest.raises(OverrideReasonNeeded) as caught:
        app.downloads.download_now(*HUNYUAN)
    assert "asks for a reason" in caught.value.message and caught.value.subject == HUNYUAN[0]
    with pytest.raises(InvalidInput, match="needs a reason"):
        app.downloads.download_now(*HUNYUAN, reason="   ")
    outcome = app.downloads.download_now(*HUNYUAN, reason="Internal pilot, under 1,000 users; legal approved ticket LEG-42")
    assert outcome.verified
    override = app.audit.entries(events={"license_override"})[0]
    assert override["data"]["reason"].startswith("Internal pilot") and override["data"]["verdict"] == "review" and override["user"]

    from hangar.core.app.hosting import LoadRequest

    loaded = app.models.load(LoadRequest(outcome.model.id, n_ctx=512, runtime="cpu"))  # the download's override covers the load
    try:
        assert not any("license review" in str(w) for w in loaded.warnings), "the recorded override stands: no new question"
    finally:
        loaded.close()
    load = app.audit.entries(events={"model_load"})[0]["data"]
    assert load["sha256"] == outcome.model.sha256 and load["runtime"] == "cpu"

    managed({"policy": {"name": "Corporate, version 2"}, "require_override_reason": True})  # another policy: asked again
    with pytest.raises(OverrideReasonNeeded):
        app.models.load(LoadRequest(outcome.model.id, n_ctx=512, runtime="cpu"))
