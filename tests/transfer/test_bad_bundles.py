"""Each way a bundle can arrive wrong is refused before anything enters the library, and the
refusal names the file at fault."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.transfer.manifest import BundleRefused

from .conftest import nothing_imported, rewrite_manifest

MODEL = "tiny-llama-Q8_0.gguf"


def _refused(target: Hangar, bundle: Path, *, names: str) -> BundleRefused:
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle)
    assert names in caught.value.message, caught.value.message
    nothing_imported(target)
    return caught.value


def test_a_renamed_file_is_named_with_its_new_name(bundle: Path, target: Hangar) -> None:
    (bundle / MODEL).rename(bundle / "renamed.gguf")
    error = _refused(target, bundle, names=MODEL)
    assert "renamed.gguf" in error.message and "renamed" in error.message and error.file == MODEL


def test_a_manifest_that_lies_about_a_size(bundle: Path, target: Hangar) -> None:
    def lie(doc) -> None:  # noqa: ANN001
        entry = next(f for f in doc["files"] if f["name"] == MODEL)
        entry["size"] += 1

    rewrite_manifest(bundle, lie)
    error = _refused(target, bundle, names=MODEL)
    assert "the manifest says" in error.message and "bytes" in error.message


def test_a_symlink_pointing_out_of_the_bundle(bundle: Path, target: Hangar, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of any bundle")
    (bundle / "LICENSE").unlink()
    os.symlink(outside, bundle / "LICENSE")
    error = _refused(target, bundle, names="LICENSE")
    assert "link" in error.message and str(outside) in error.message


def test_a_manifest_that_is_a_symlink(bundle: Path, target: Hangar, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.json"
    shutil.move(bundle / "manifest.json", real)
    os.symlink(real, bundle / "manifest.json")
    _refused(target, bundle, names="manifest.json")


def test_a_missing_file(bundle: Path, target: Hangar) -> None:
    (bundle / "card.json").unlink()
    error = _refused(target, bundle, names="card.json")
    assert "missing" in error.message


def test_a_changed_byte(bundle: Path, target: Hangar) -> None:
    path = bundle / MODEL
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01  # same size: only the hash can tell
    path.write_bytes(bytes(data))
    error = _refused(target, bundle, names=MODEL)
    assert "was changed" in error.message and "SHA-256" in error.message


def test_a_changed_license_text(bundle: Path, target: Hangar) -> None:
    (bundle / "LICENSE").write_text("Apache License\nVersion 2.1, January 2004\n")  # same length, other words
    _refused(target, bundle, names="LICENSE")


def test_a_manifest_that_is_not_json(bundle: Path, target: Hangar) -> None:
    (bundle / "manifest.json").write_text('{"format": "hangar-bundle/1", "files": [', encoding="utf-8")
    error = _refused(target, bundle, names="manifest.json")
    assert "not valid JSON" in error.message


def test_a_manifest_of_another_format_version(bundle: Path, target: Hangar) -> None:
    rewrite_manifest(bundle, lambda doc: doc.update(format="hangar-bundle/2"))
    error = _refused(target, bundle, names="manifest.json")
    assert "hangar-bundle/2" in error.message and "hangar-bundle/1" in error.message


def test_a_manifest_of_another_kind(bundle: Path, target: Hangar) -> None:
    (bundle / "manifest.json").write_text('{"schemaVersion": 2, "layers": []}', encoding="utf-8")
    error = _refused(target, bundle, names="manifest.json")
    assert "not a Hangar bundle manifest" in error.message


def test_a_manifest_naming_a_file_outside_the_bundle(bundle: Path, target: Hangar) -> None:
    rewrite_manifest(bundle, lambda doc: doc["files"][1].update(name="../../.bashrc"))
    error = _refused(target, bundle, names="manifest.json")
    assert "files[1].name" in error.message


def test_a_manifest_naming_a_repo_outside_the_models_folder(bundle: Path, target: Hangar) -> None:
    rewrite_manifest(bundle, lambda doc: doc["model"].update(repo="../.."))
    error = _refused(target, bundle, names="manifest.json")
    assert "model.repo" in error.message


def test_a_bundle_folder_that_is_a_file(bundle: Path, target: Hangar) -> None:
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle / MODEL)
    assert "is a file, not a bundle folder" in caught.value.message and MODEL in caught.value.message
    nothing_imported(target)


def test_a_folder_without_a_manifest(tmp_path: Path, target: Hangar) -> None:
    (tmp_path / "empty").mkdir()
    _refused(target, tmp_path / "empty", names="manifest.json")


def test_a_file_added_to_the_bundle(bundle: Path, target: Hangar) -> None:
    (bundle / "extra.gguf").write_bytes(b"GGUF")
    error = _refused(target, bundle, names="extra.gguf")
    assert "not in its manifest" in error.message


def test_what_file_managers_leave_behind_is_not_a_refusal(bundle: Path, target: Hangar) -> None:
    (bundle / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (bundle / "Thumbs.db").write_bytes(b"\0")
    assert target.transfer.import_bundle(bundle).model.source == "bundle"


def test_a_file_of_the_same_name_already_in_the_models_folder_is_not_replaced(bundle: Path, target: Hangar, model) -> None:
    there = target.ctx.models_dir / model.repo / MODEL
    there.parent.mkdir(parents=True)
    there.write_bytes(b"someone else's model")
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle)
    assert str(there) in caught.value.message
    assert there.read_bytes() == b"someone else's model" and target.library.list() == []
    assert sorted(p.name for p in there.parent.iterdir()) == [MODEL]


def test_a_file_that_is_not_a_gguf_model_is_refused_by_its_header(bundle: Path, target: Hangar) -> None:
    junk = b"not a model" * 100
    (bundle / MODEL).write_bytes(junk)

    def fix(doc) -> None:  # noqa: ANN001  the sender rewrote the manifest to match: the header check still refuses
        import hashlib

        entry = next(f for f in doc["files"] if f["name"] == MODEL)
        entry.update(size=len(junk), sha256=hashlib.sha256(junk).hexdigest())

    rewrite_manifest(bundle, fix)
    _refused(target, bundle, names=MODEL)


def test_a_failed_registration_leaves_nothing_in_the_models_folder(bundle: Path, target: Hangar, monkeypatch) -> None:
    from hangar.core.library.models import Library

    def broken(*_args, **_kwargs):
        raise OSError("the database went away")

    monkeypatch.setattr(Library, "add_file", broken)
    with pytest.raises(OSError):
        target.transfer.import_bundle(bundle)
    nothing_imported(target)
