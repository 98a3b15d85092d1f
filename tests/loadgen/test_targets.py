"""The serving benchmark's targets as the application layer resolves them (app.serve_bench): a saved
endpoint by its name (its key from the keyring, its TLS choice), the license policy's switch and its
verdict on the model by name applied as for Chat, an address on this machine's loopback left alone."""

from __future__ import annotations

import time

import pytest

from hangar.core.app import Hangar
from hangar.core.app.pool_terms import ModelRefused
from hangar.core.app.serve_bench import SavedEndpoint, ServeBenchFailed, ServeBenchFinished, ServeBenchLevel, ServeBenchStatus, is_loopback, leaves_this_machine
from hangar.core.endpoints.errors import NoSuchEndpoint, RemoteEndpointsForbidden
from hangar.core.licenses.policy import Policy
from hangar.core.loadgen.target import Target

from .conftest import MACHINE, spec_for

KEY = "sk-cluster-a-0123456789abcdef"


@pytest.fixture
def app():
    app = Hangar.open()
    app.serve_bench.machine = lambda label: {**MACHINE, "label": label or "test"}
    yield app
    app.close()


def _finish(run, timeout_s: float = 60) -> tuple[list, object]:
    updates: list = []
    deadline = time.monotonic() + timeout_s
    while run.busy and time.monotonic() < deadline:
        updates += run.take_updates()
        time.sleep(0.02)
    return updates, run.outcome


def test_a_saved_endpoint_is_measured_with_its_key_and_stored_under_its_name(app, fake) -> None:
    fake.behaviour.api_key = KEY
    app.endpoints.add("cluster-a", fake.url, api_key=KEY)
    target = app.serve_bench.endpoint_target("cluster-a", timeout_s=30)
    assert (target.base_url, target.api_key, target.name, target.kind) == (fake.url + "/v1", KEY, "cluster-a", "endpoint")
    assert leaves_this_machine(target), "a saved endpoint is remote, as in Chat, even on a loopback address"
    spec = spec_for(fake.url, concurrency=(1, 2), requests=2)
    spec.target = None
    updates, outcome = _finish(app.serve_bench.start(spec, SavedEndpoint("cluster-a", timeout_s=30)))
    assert isinstance(outcome, ServeBenchFinished), outcome
    assert [level["status"] for level in outcome.document["levels"]] == ["ok", "ok"]
    assert outcome.document["machine"]["label"] == "cluster-a" and outcome.run_id is not None
    assert [u.level for u in updates if isinstance(u, ServeBenchLevel)] == outcome.document["levels"], "each level is reported as it finishes"
    texts = [str(u.text) for u in updates if isinstance(u, ServeBenchStatus)]
    assert f"Prompts and replies leave this machine and go to {fake.url}/v1." in texts
    assert any("fake-model needs a license review before use" in t for t in texts), "an unknown name is said to need a review"
    assert {h["authorization"] for h in fake.behaviour.headers_seen} == {f"Bearer {KEY}"}
    assert [r.machine_label for r in app.fleet.runs()] == ["cluster-a"]


def test_an_endpoint_that_does_not_verify_tls_and_one_that_does_not_exist(app, fake) -> None:
    app.endpoints.add("lab", fake.url, verify_tls=False)
    assert app.serve_bench.endpoint_target("lab").verify() is False
    with pytest.raises(NoSuchEndpoint):
        app.serve_bench.endpoint_target("nowhere")
    assert app.serve_bench.saved_endpoint("lab") and not app.serve_bench.saved_endpoint("nowhere")
    assert not app.serve_bench.saved_endpoint(fake.url)


def test_the_policy_that_forbids_remote_endpoints_refuses_them_before_anything_is_sent(app, fake) -> None:
    app.endpoints.add("cluster-a", fake.url)
    app.policy.replace(Policy(name="Data stays here", allow_remote_endpoints=False))
    with pytest.raises(RemoteEndpointsForbidden, match='"Data stays here" forbids remote endpoints'):
        app.serve_bench.endpoint_target("cluster-a")
    spec = spec_for(fake.url)
    spec.target = None
    _updates, outcome = _finish(app.serve_bench.start(spec, SavedEndpoint("cluster-a")))
    assert isinstance(outcome, ServeBenchFailed) and isinstance(outcome.error, RemoteEndpointsForbidden)
    remote = spec_for("http://192.0.2.7:8000")  # an address on another machine (TEST-NET: nothing is contacted)
    with pytest.raises(RemoteEndpointsForbidden):
        app.serve_bench.run(remote)
    assert fake.behaviour.seen == []
    document = app.serve_bench.run(spec_for(fake.url, requests=1))  # this machine's loopback: prompts stay here
    assert document["levels"][0]["status"] == "ok"


def test_a_model_the_license_policy_blocks_by_its_name_is_refused_before_a_prompt(app, fake) -> None:
    fake.behaviour.models = ("qwen2.5:3b", "fake-model")  # Ollama's tag of a Qwen research-license model
    app.endpoints.add("cluster-a", fake.url)
    for model in ("qwen2.5:3b", None):  # named, or the first the endpoint lists
        spec = spec_for(fake.url, model=model)
        spec.target = None
        _updates, outcome = _finish(app.serve_bench.start(spec, SavedEndpoint("cluster-a")))
        assert isinstance(outcome, ServeBenchFailed) and isinstance(outcome.error, ModelRefused), outcome
        assert "The license policy blocks qwen2.5:3b (cluster-a)" in str(outcome.error)
    with pytest.raises(ModelRefused, match=r"blocks qwen2.5:3b \(127.0.0.1:\d+\)"):  # an address given as it is: the same rule
        app.serve_bench.run(spec_for(fake.url, model="qwen2.5:3b"))
    assert fake.behaviour.seen == [], "no prompt was sent"


def test_which_addresses_are_this_machine() -> None:
    assert all(is_loopback(u) for u in ("http://127.0.0.1:8000/v1", "http://localhost:1", "http://[::1]:80", "http://127.3.2.1"))
    assert not any(is_loopback(u) for u in ("http://10.0.0.5:8000", "https://llm.example.com/v1", "http://0.0.0.0:80"))
    assert not leaves_this_machine(Target("http://127.0.0.1:9"))
    assert leaves_this_machine(Target("https://llm.example.com"))
    assert not leaves_this_machine(Target("https://llm.example.com", kind="hangar"))
