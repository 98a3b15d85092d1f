"""The endpoints file: names, addresses normalised to /v1, the key kept out of it, written atomically."""

from __future__ import annotations

import json
import os
import stat

import pytest

from hangar.core.app import Change
from hangar.core.common.errors import InvalidInput
from hangar.core.endpoints.errors import NoSuchEndpoint
from hangar.core.endpoints.registry import check_name, normalise_base_url

from .conftest import KEY


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1"),
        ("https://LLM.Example.com/v1/", "https://llm.example.com/v1"),
        ("https://llm.example.com/v1/chat/completions", "https://llm.example.com/v1"),
        ("https://gw.example.com/openai/v1/models", "https://gw.example.com/openai/v1"),
        ("  http://10.0.0.5:11434/  ", "http://10.0.0.5:11434/v1"),
        ("http://[::1]:8080", "http://[::1]:8080/v1"),
    ],
)
def test_addresses_end_in_v1(given: str, expected: str) -> None:
    assert normalise_base_url(given) == expected


@pytest.mark.parametrize("bad", ["llm.example.com", "ftp://x/v1", "", "https://user:secret@llm.example.com/v1", "http:///v1"])
def test_an_address_that_is_not_one_is_refused(bad: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_base_url(bad)


def test_a_key_in_the_address_is_refused_and_not_echoed() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_base_url("https://me:sk-very-secret-value@llm.example.com/v1")
    assert "sk-very-secret-value" not in str(caught.value) and "keyring" in str(caught.value)


@pytest.mark.parametrize("bad", ["", "remote", "a b", "x/y", "a:b", "-start", "n" * 65])
def test_names_are_short_words(bad: str) -> None:
    with pytest.raises(InvalidInput):
        check_name(bad)


def test_add_list_edit_remove_announced_and_the_key_only_in_the_keyring(app, memory_keyring, hangar_home) -> None:
    seen = []
    app.changes.subscribe(lambda report: seen.append((report.change, report.detail)))
    endpoint = app.endpoints.add("cluster-a", "https://llm.example.com", api_key=KEY)
    assert endpoint.base_url == "https://llm.example.com/v1" and endpoint.has_key
    assert memory_keyring[("Hangar", "endpoint:cluster-a")] == KEY
    path = app.paths.data / "endpoints.json"
    text = path.read_text()
    assert KEY not in text and json.loads(text)["endpoints"][0]["name"] == "cluster-a"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not path.with_name("endpoints.json.tmp").exists()

    with pytest.raises(InvalidInput, match="already"):
        app.endpoints.add("cluster-a", "https://other.example.com")
    app.endpoints.edit("cluster-a", url="https://llm2.example.com/v1", api_key="")
    edited = app.endpoints.get("cluster-a")
    assert edited.base_url == "https://llm2.example.com/v1" and not edited.has_key
    assert ("Hangar", "endpoint:cluster-a") not in memory_keyring

    app.endpoints.remove("cluster-a")
    assert app.endpoints.list() == []
    with pytest.raises(NoSuchEndpoint, match="no endpoint named cluster-a"):
        app.endpoints.get("cluster-a")
    assert [c for c, _ in seen] == [Change.ENDPOINTS] * 3 and {d for _, d in seen} == {"cluster-a"}


def test_a_damaged_file_is_named_and_chat_lists_no_remote_model(app) -> None:
    path = app.paths.data / "endpoints.json"
    path.write_text("{not json")
    with pytest.raises(InvalidInput, match="endpoints file"):
        app.endpoints.list()
    assert app.endpoints.choices() == []


def test_a_missing_ca_bundle_is_refused(app, tmp_path) -> None:
    with pytest.raises(InvalidInput, match="CA bundle"):
        app.endpoints.add("c", "https://llm.example.com", ca_bundle=str(tmp_path / "nope.pem"))
    assert app.endpoints.list() == []
