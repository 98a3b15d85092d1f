"""Chat lists a remote endpoint's models beside the local ones, marked remote; choosing one says
that prompts leave this machine before anything is sent; a reply streams from the endpoint."""

from __future__ import annotations

import pytest

from hangar.core.app import Hangar
from hangar.core.endpoints import keys
from hangar.core.licenses.policy import Policy
from hangar.ui.panes.chat.pane import ChatPane
from hangar.ui.services import UiServices

from ..endpoints.fake_endpoint import Behaviour, FakeEndpoint

KEY = "sk-ui-chat-key-0123456789"
REF = "remote:cluster-a:qwen2.5-7b"


@pytest.fixture(autouse=True)
def _fresh_keys(memory_keyring):
    keys.forget_cache()
    yield
    keys.forget_cache()


@pytest.fixture
def chat(qtbot, tiny_gguf):
    with FakeEndpoint(Behaviour(api_key=KEY, token_delay_s=0.01)) as fake:
        app = Hangar.open()
        app.library.add_file(tiny_gguf)
        app.endpoints.add("cluster-a", fake.url, api_key=KEY)
        app.endpoints.refresh_models("cluster-a")
        pane = ChatPane(UiServices(app))
        qtbot.addWidget(pane)
        pane.resize(1100, 700)
        yield pane, fake
        pane.controller.close()
        app.close()


def items(pane) -> list[str]:
    return [pane.model_combo.itemText(i) for i in range(pane.model_combo.count())]


def test_remote_models_are_listed_after_the_local_ones_and_marked(chat) -> None:
    pane, _fake = chat
    texts = items(pane)
    assert "synthetic" in texts[0] and texts[1:] == ["qwen2.5-7b — remote: cluster-a", "Qwen/Qwen2.5-7B-Instruct — remote: cluster-a"]
    assert pane.model_combo.itemData(1) == REF


def test_choosing_a_remote_model_says_where_prompts_go_then_a_reply_streams(qtbot, chat) -> None:
    pane, fake = chat
    pane.model_combo.setCurrentIndex(pane.model_combo.findData(REF))
    assert pane.status.text() == f"Prompts and replies to this model leave this machine and go to {fake.url}."
    pane.load_button.click()
    qtbot.waitUntil(lambda: pane.client is not None and not pane.loading, timeout=10_000)
    assert "qwen2.5-7b on the endpoint cluster-a is ready" in pane.status.text() and f"go to {fake.url}" in pane.status.text()
    pane.params.fields["max_tokens"].setValue(32)
    pane.input.setPlainText("What is a hangar?")
    pane.send()
    qtbot.waitUntil(lambda: not pane.streaming and pane.send_button.isEnabled(), timeout=10_000)
    assert "Hello, remote world!" in pane.transcript.toPlainText()
    assert pane.stats.text().startswith("5 tokens")
    conversation = pane.store.get(pane.conversation_id)
    assert conversation.runtime == "remote" and conversation.model_path == REF
    assert fake.behaviour.auth_headers[-1] == f"Bearer {KEY}"


def test_the_list_follows_endpoint_changes_and_the_policy(qtbot, chat) -> None:
    pane, fake = chat
    app = pane.app
    fake.behaviour.models.append("llama-3.1-8b")
    app.endpoints.refresh_models("cluster-a")
    qtbot.waitUntil(lambda: "llama-3.1-8b — remote: cluster-a" in items(pane), timeout=5_000)
    app.policy.replace(Policy(allow_remote_endpoints=False))
    qtbot.waitUntil(lambda: not any("remote:" in t for t in items(pane)), timeout=5_000)
    assert len(items(pane)) == 1
