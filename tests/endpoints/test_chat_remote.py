"""A chat through a remote model, end to end through the ChatController: listed, opened, streamed,
saved with the endpoint's usage and marked remote; a stream cut keeps the partial reply."""

from __future__ import annotations

import time

import pytest

from hangar.core.app.conversation import LoadFailed, ModelReady, ReplyFailed, ReplyFinished, ReplyText
from hangar.core.chat.store import MessageState
from hangar.core.endpoints.errors import EndpointModelMissing, EndpointStreamCut

REF = "remote:cluster-a:qwen2.5-7b"


def until(controller, kind, timeout: float = 30.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += controller.take_updates()
        if any(isinstance(u, kind) for u in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"no {kind} within {timeout} s; saw {seen}")


def test_remote_models_are_listed_beside_local_ones(added) -> None:
    app, fake = added
    choices = app.chat_controller().remote_models()
    assert [(c.endpoint, c.model, c.ref) for c in choices] == [
        ("cluster-a", "qwen2.5-7b", REF), ("cluster-a", "Qwen/Qwen2.5-7B-Instruct", "remote:cluster-a:Qwen/Qwen2.5-7B-Instruct")]  # fmt: skip
    assert choices[0].base_url == fake.url
    assert app.endpoints.get("cluster-a").models_fetched_at > time.time() - 60


def test_a_chat_through_the_remote_model(added) -> None:
    app, fake = added
    fake.behaviour.prompt_tokens, fake.behaviour.token_delay_s = 17, 0.02
    controller = app.chat_controller()
    assert controller.load(REF, 4096)
    updates = until(controller, (ModelReady, LoadFailed))
    ready = next(u for u in updates if isinstance(u, ModelReady))
    model = ready.model
    assert model.remote is not None and model.placement.runtime == "remote" and model.name == "qwen2.5-7b"
    assert model.has_own_chat_template
    assert any("license review" in w for w in model.warnings) is False  # qwen2.5 is Apache 2.0 by its name: allowed

    assert controller.send("What is a hangar?", "Be brief.", {"max_tokens": 64, "temperature": 0.0})
    updates = until(controller, (ReplyFinished, ReplyFailed))
    finished = next(u for u in updates if isinstance(u, ReplyFinished))
    streamed = "".join(u.text for u in updates if isinstance(u, ReplyText))
    assert streamed == finished.reply.text == "Hello, remote world!"
    assert (finished.reply.n_prompt, finished.reply.n_generated) == (17, 5)
    assert controller.reply.n_generated == 5 and controller.reply.ttft_ms is not None

    conversation = controller.store.get(controller.conversation_id)
    assert conversation.runtime == "remote" and conversation.model_path == REF and conversation.model_name == "qwen2.5-7b"
    reply = controller.messages()[-1]
    assert reply.state == MessageState.COMPLETE and reply.n_tokens == 5 and reply.ttft_ms is not None
    assert fake.behaviour.requests[-1]["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is a hangar?"}]
    assert fake.behaviour.requests[-1]["temperature"] == 0.0

    # a second turn carries the history
    assert controller.send("And a plane?", "Be brief.", {"max_tokens": 64})
    until(controller, ReplyFinished)
    assert [m["role"] for m in fake.behaviour.requests[-1]["messages"]] == ["system", "user", "assistant", "user"]
    controller.close()
    assert controller.model is None


def test_a_stream_cut_keeps_the_partial_reply_and_the_model(added) -> None:
    app, fake = added
    controller = app.chat_controller()
    controller.load(REF, 4096)
    until(controller, ModelReady)
    fake.behaviour.cut_after = 2
    controller.send("hi", "", {"max_tokens": 64})
    updates = until(controller, (ReplyFinished, ReplyFailed))
    failed = next(u for u in updates if isinstance(u, ReplyFailed))
    assert isinstance(failed.error, EndpointStreamCut) and "after 2 tokens; the partial reply is kept" in str(failed.error)
    assert not failed.worker_died and controller.model is not None, "the endpoint is still there: no reload needed"
    reply = controller.messages()[-1]
    assert reply.content == "Hello," and reply.state == MessageState.INTERRUPTED
    controller.close()


def test_stop_cancels_the_remote_reply(added) -> None:
    app, fake = added
    fake.behaviour.tokens, fake.behaviour.token_delay_s = ["tok "] * 300, 0.05
    controller = app.chat_controller()
    controller.load(REF, 4096)
    until(controller, ModelReady)
    controller.send("go on", "", {"max_tokens": 300})
    until(controller, ReplyText)
    started = time.monotonic()
    controller.stop()
    updates = until(controller, (ReplyFinished, ReplyFailed))
    assert time.monotonic() - started < 1.0
    finished = next(u for u in updates if isinstance(u, ReplyFinished))
    assert str(finished.reply.stop_reason) == "cancelled" and controller.messages()[-1].state == MessageState.CANCELLED
    assert fake.behaviour.left_early.wait(2)
    controller.close()


def test_a_model_the_endpoint_no_longer_has_fails_the_load(added) -> None:
    app, fake = added
    fake.behaviour.models = ["other-model"]
    controller = app.chat_controller()
    controller.load(REF, 4096)
    failed = next(u for u in until(controller, LoadFailed) if isinstance(u, LoadFailed))
    assert isinstance(failed.error, EndpointModelMissing) and "it has: other-model" in str(failed.error)
    assert controller.model is None
    assert app.endpoints.get("cluster-a").models == ["other-model"], "the list was read again"


def test_a_removed_endpoint_is_a_plain_message(added) -> None:
    app, _fake = added
    app.endpoints.remove("cluster-a")
    controller = app.chat_controller()
    controller.load(REF, 4096)
    failed = next(u for u in until(controller, LoadFailed) if isinstance(u, LoadFailed))
    assert "no endpoint named cluster-a" in str(failed.error)


def test_endpoint_for_gives_the_serving_benchmark_its_target(added) -> None:
    app, fake = added
    from .conftest import KEY

    assert app.endpoints.endpoint_for("cluster-a") == (fake.url, KEY, None)
    with app.endpoints.http_client("cluster-a") as client:
        assert client.get(fake.url + "/models").status_code == 200


@pytest.mark.parametrize("ref", ["cluster-a:qwen2.5-7b", REF])
def test_both_spellings_name_the_remote_model(added, ref: str) -> None:
    app, _fake = added
    endpoint, model = app.endpoints.parse_ref(ref)
    assert (endpoint.name, model) == ("cluster-a", "qwen2.5-7b")
    assert app.endpoints.parse_ref("tiny-llama") is None and app.endpoints.parse_ref("unknown:model") is None


def test_opening_a_remote_model_is_in_the_audit_trail(added) -> None:
    app, fake = added
    app.endpoints.open_model(REF).close()
    entries = app.audit.entries(events={"model_load"})
    data = entries[-1]["data"]
    assert (data["runtime"], data["endpoint"], data["base_url"], data["name"]) == ("remote", "cluster-a", fake.url, "qwen2.5-7b")
    from .conftest import KEY

    assert KEY not in str(entries)
