"""hangar-cli endpoints add / list / models / remove, and hangar-cli chat with a remote model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.cli.framework import main
from hangar.core.app import Hangar
from hangar.core.licenses.policy import Policy

from .conftest import KEY
from .fake_endpoint import Behaviour, FakeEndpoint


@pytest.fixture
def served():
    with FakeEndpoint(Behaviour(api_key=KEY)) as fake:
        yield fake


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "key"
    path.write_text(f"# the cluster's key\n{KEY}\n")
    return path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_models_remove(capsys, served, key_file: Path, memory_keyring) -> None:
    code, out, err = cli(capsys, "endpoints", "add", "cluster-a", served.url.removesuffix("/v1"), "--api-key-file", str(key_file))
    assert code == 0, err
    assert f"endpoint cluster-a added at {served.url}" in out and "models: qwen2.5-7b, Qwen/Qwen2.5-7B-Instruct" in out
    assert "leave this machine" in out and memory_keyring[("Hangar", "endpoint:cluster-a")] == KEY

    code, out, _ = cli(capsys, "endpoints", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["allowed"] is True
    assert [(e["name"], e["base_url"], e["has_key"], e["models"]) for e in listed["endpoints"]] == [
        ("cluster-a", served.url, True, ["qwen2.5-7b", "Qwen/Qwen2.5-7B-Instruct"])]  # fmt: skip

    served.behaviour.models.append("llama-3.1-8b")
    code, out, _ = cli(capsys, "endpoints", "models", "cluster-a")
    assert code == 0 and out.split() == ["qwen2.5-7b", "Qwen/Qwen2.5-7B-Instruct", "llama-3.1-8b"]

    code, out, _ = cli(capsys, "endpoints", "remove", "cluster-a")
    assert code == 0 and "removed" in out and ("Hangar", "endpoint:cluster-a") not in memory_keyring
    code, _out, err = cli(capsys, "endpoints", "models", "cluster-a")
    assert code == 1 and "There is no endpoint named cluster-a" in err


def test_an_endpoint_that_cannot_be_read_is_still_added_and_says_why(capsys, served) -> None:
    code, out, _ = cli(capsys, "endpoints", "add", "cluster-a", served.url)  # no key: it wants one
    assert code == 0 and "its model list could not be read: The endpoint cluster-a asks for an API key" in out


def test_bad_input_exits_with_a_message(capsys, tmp_path: Path) -> None:
    code, _out, err = cli(capsys, "endpoints", "add", "cluster-a", "llm.example.com")
    assert code == 1 and "http:// or https://" in err
    code, _out, err = cli(capsys, "endpoints", "add", "cluster-a")
    assert code == 2 and "needs a NAME and a URL" in err
    empty = tmp_path / "empty"
    empty.write_text("\n")
    code, _out, err = cli(capsys, "endpoints", "add", "c", "https://llm.example.com", "--api-key-file", str(empty))
    assert code == 1 and "one key on one line" in err


def test_chat_with_endpoint_colon_model_and_with_the_flag(capsys, served, key_file: Path) -> None:
    assert cli(capsys, "endpoints", "add", "cluster-a", served.url, "--api-key-file", str(key_file))[0] == 0
    code, out, err = cli(capsys, "chat", "cluster-a:qwen2.5-7b", "--prompt", "hello", "--max-tokens", "32")
    assert code == 0, err
    assert out.strip() == "Hello, remote world!"
    assert f"leave this machine and go to {served.url}" in err
    code, out, err = cli(capsys, "chat", "Qwen/Qwen2.5-7B-Instruct", "--endpoint", "cluster-a", "--prompt", "hi", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["replies"][0]["text"] == "Hello, remote world!" and data["replies"][0]["n_prompt"] == 11
    assert data["placement"]["runtime"] == "remote"
    app = Hangar.open()
    try:
        conversation = app.chats.store.get(data["conversation"])
        assert conversation.runtime == "remote" and conversation.model_path == "remote:cluster-a:Qwen/Qwen2.5-7B-Instruct"
    finally:
        app.close()


def test_chat_refused_when_the_policy_forbids_remote_endpoints(capsys, served, key_file: Path) -> None:
    assert cli(capsys, "endpoints", "add", "cluster-a", served.url, "--api-key-file", str(key_file))[0] == 0
    app = Hangar.open()
    app.policy.replace(Policy(name="On premises only", allow_remote_endpoints=False))
    app.close()
    code, _out, err = cli(capsys, "chat", "cluster-a:qwen2.5-7b", "--prompt", "hello")
    assert code == 1 and 'The license policy "On premises only" forbids remote endpoints' in err
    assert served.behaviour.requests == []
    code, out, _ = cli(capsys, "endpoints", "list")
    assert "forbids remote endpoints" in out
