"""The manifest format, hangar-bundle/1: what it accepts, and each field it refuses by name."""

from __future__ import annotations

import json

import pytest

from hangar.core.transfer.manifest import FORMAT, BundleFile, BundleRefused, Manifest

SHA = "ab" * 32


def _doc(**change) -> dict:
    doc = {"format": FORMAT, "hangar_version": "0.1.0", "created_at": "2026-01-01T00:00:00Z",
           "model": {"name": "Tiny", "file": "tiny.gguf", "repo": "org/tiny-GGUF", "revision": "main"},
           "policy": {"verdict": "allowed", "reasons": []},
           "files": [{"name": "tiny.gguf", "role": "model", "size": 10, "sha256": SHA}, {"name": "LICENSE", "role": "license", "size": 3, "sha256": SHA}]}  # fmt: skip
    doc.update(change)
    return doc


def _parse(doc) -> Manifest:  # noqa: ANN001
    return Manifest.from_bytes(json.dumps(doc).encode())


def _refusal(doc) -> str:  # noqa: ANN001
    with pytest.raises(BundleRefused) as caught:
        _parse(doc)
    assert caught.value.file == "manifest.json" and "manifest.json" in caught.value.message
    return caught.value.message


def test_a_manifest_reads_back_as_it_was_written() -> None:
    manifest = _parse(_doc(later_field={"kept": True}))
    assert manifest.files[0] == BundleFile("tiny.gguf", "model", 10, SHA) and manifest.total_bytes == 13
    assert manifest.model_files() == [manifest.files[0]] and manifest.extra == {"later_field": {"kept": True}}
    assert Manifest.from_bytes(manifest.to_json()).to_dict() == manifest.to_dict()


@pytest.mark.parametrize(
    "change, words",
    [
        ({"format": "hangar-bundle/2"}, "this Hangar reads hangar-bundle/1"),
        ({"format": None}, "not a Hangar bundle manifest"),
        ({"files": []}, "files is missing or empty"),
        ({"files": "tiny.gguf"}, "files is missing or empty"),
        ({"model": []}, "model is missing or not an object"),
        ({"policy": None}, "policy is missing"),
        ({"hangar_version": 7}, "hangar_version is missing"),
    ],
)
def test_top_level_fields(change: dict, words: str) -> None:
    assert words in _refusal(_doc(**change))


@pytest.mark.parametrize(
    "entry, words",
    [
        ({"name": "../x.gguf"}, "files[0].name"),
        ({"name": "sub/x.gguf"}, "files[0].name"),
        ({"name": ".hidden.gguf"}, "files[0].name"),
        ({"name": "C:x.gguf"}, "files[0].name"),
        ({"name": "manifest.json"}, "reserved"),
        ({"name": "x.gguf\u0000"}, "files[0].name"),
        ({"role": "payload"}, "files[0].role"),
        ({"size": -1}, "files[0].size"),
        ({"size": True}, "files[0].size"),
        ({"size": "10"}, "files[0].size"),
        ({"sha256": "AB" * 32}, "files[0].sha256"),
        ({"sha256": "ab" * 31}, "files[0].sha256"),
    ],
)
def test_each_file_entry_is_checked(entry: dict, words: str) -> None:
    doc = _doc()
    doc["files"][0].update(entry)
    assert words in _refusal(doc)


def test_a_name_listed_twice_even_in_another_case() -> None:
    doc = _doc()
    doc["files"][1].update(name="TINY.gguf", role="model")
    assert "listed twice" in _refusal(doc)


def test_the_model_must_be_a_listed_gguf() -> None:
    doc = _doc()
    doc["model"]["file"] = "other.gguf"
    assert "model.file" in _refusal(doc)
    doc = _doc()
    doc["files"][0]["role"] = "card"
    assert "role model" in _refusal(doc)


@pytest.mark.parametrize("repo", ["../..", "org", "/etc/passwd", "org/a/b", "org/..", 5])
def test_the_repo_must_be_an_owner_and_a_name(repo) -> None:  # noqa: ANN001
    doc = _doc()
    doc["model"]["repo"] = repo
    assert "model.repo" in _refusal(doc)


def test_not_json_and_not_utf8() -> None:
    for data in (b"{", b"\xff\xfe{}", b"[1, 2]"):
        with pytest.raises(BundleRefused) as caught:
            Manifest.from_bytes(data)
        assert "manifest.json" in caught.value.message
