"""The API key is in the keyring and nowhere else: not the endpoints file, the database, the log,
an error message or the CLI's output, even when the endpoint echoes it back."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from hangar.core.app.conversation import ReplyFinished
from hangar.core.endpoints.errors import EndpointAuthRefused

from .conftest import KEY
from .fake_endpoint import Behaviour, FakeEndpoint


def files_holding(folder: Path, secret: str) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_the_key_is_found_nowhere_in_the_data_folder(app, added, hangar_home: Path) -> None:
    app, fake = added
    logging.getLogger("hangar.test").info("debug dump: %s", app.endpoints.connection("cluster-a"))  # a careless log of the connection
    controller = app.chat_controller()
    controller.load("remote:cluster-a:qwen2.5-7b", 4096)
    deadline = time.monotonic() + 20
    while controller.model is None and time.monotonic() < deadline:
        controller.take_updates()
        time.sleep(0.02)
    assert controller.model is not None
    controller.send("hello", "", {"max_tokens": 16})
    while controller.streaming or controller.outbox:
        if any(isinstance(u, ReplyFinished) for u in controller.take_updates()):
            break
        time.sleep(0.02)
    controller.close()
    app.endpoints.edit("cluster-a", url=fake.url)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert f"Bearer {KEY}" in fake.behaviour.auth_headers, "the key was sent"
    assert files_holding(hangar_home, KEY) == []
    assert (hangar_home / "logs").exists() or any(hangar_home.rglob("*.log"))


def test_a_key_echoed_back_in_an_error_is_masked(app, hangar_home: Path) -> None:
    with FakeEndpoint(Behaviour(api_key="sk-the-one-it-wants-000000", echo_key=True)) as fake:
        app.endpoints.add("careless", fake.url, api_key=KEY)
        with pytest.raises(EndpointAuthRefused) as caught:
            app.endpoints.refresh_models("careless")
    assert "Bearer" in fake.behaviour.auth_headers[-1] and KEY in fake.behaviour.auth_headers[-1]
    text = str(caught.value) + json.dumps(caught.value.to_dict())
    assert KEY not in text and "refused the API key" in text
    logging.getLogger("hangar.test").warning("%s", caught.value)
    assert files_holding(hangar_home, KEY) == []


def test_the_cli_never_prints_the_key(hangar_home: Path, tmp_path: Path, capsys) -> None:
    from hangar.cli.framework import main

    key_file = tmp_path / "key.txt"
    key_file.write_text(KEY + "\n")
    with FakeEndpoint(Behaviour(api_key=KEY)) as fake:
        assert main(["endpoints", "add", "cluster-a", fake.url, "--api-key-file", str(key_file)]) == 0
        assert main(["endpoints", "list", "--json"]) == 0
        assert main(["endpoints", "models", "cluster-a", "--json"]) == 0
    out = capsys.readouterr()
    assert KEY not in out.out + out.err
    assert files_holding(hangar_home, KEY) == []
