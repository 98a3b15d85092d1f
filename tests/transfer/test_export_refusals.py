"""An export never writes over a bundle and never leaves half of one: a full disk, a cancel or a
model file changed behind the library's back remove the partial folder and say why."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.common.errors import DiskFull, InvalidInput
from hangar.core.transfer import export as export_module
from hangar.core.transfer.files import TransferCancelled


def _exports(app: Hangar) -> list:
    return [e for e in app.audit.entries() if e["event"] == "export"]


def test_a_target_that_already_holds_the_bundle_is_refused_and_left_alone(source: Hangar, model, bundle: Path) -> None:
    before = {p.name: p.read_bytes() for p in bundle.iterdir()}
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, bundle.parent)
    assert str(bundle) in caught.value.message and "never writes over a bundle" in caught.value.message
    assert {p.name: p.read_bytes() for p in bundle.iterdir()} == before
    assert len(_exports(source)) == 1


def test_a_target_that_is_itself_a_bundle_is_refused(source: Hangar, model, bundle: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, bundle)
    assert "is itself a bundle" in caught.value.message
    assert not (bundle / bundle.name).exists()


def test_a_target_that_is_a_file_is_refused(source: Hangar, model, tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x")
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, target)
    assert "is a file, not a folder" in caught.value.message and target.read_text() == "x"


def test_a_full_disk_while_exporting_removes_the_partial_bundle(source: Hangar, model, usb: Path, monkeypatch) -> None:
    real = export_module.copy_hashing

    def fills_the_disk(src: Path, dst: Path, on_block=None) -> str:  # noqa: ANN001
        if src.suffix == ".gguf":
            dst.write_bytes(src.read_bytes()[:4096])  # part of it fitted
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, on_block)

    monkeypatch.setattr(export_module, "copy_hashing", fills_the_disk)
    with pytest.raises(DiskFull) as caught:
        source.transfer.export(model.id, usb)
    assert "is full" in caught.value.message and str(usb) in caught.value.message
    assert list(usb.iterdir()) == [], "no bundle and no partial folder"
    assert _exports(source) == []


def test_a_disk_without_the_room_is_refused_before_anything_is_written(source: Hangar, model, usb: Path, monkeypatch) -> None:
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(10**6, 10**6 - 1000, 1000))
    with pytest.raises(DiskFull) as caught:
        source.transfer.export(model.id, usb)
    assert "does not fit" in caught.value.message
    assert list(usb.iterdir()) == []


def test_a_cancel_removes_the_partial_bundle(source: Hangar, model, usb: Path) -> None:
    def cancel(_label, done: int, _total: int) -> None:
        if done:
            raise TransferCancelled("stopped")

    with pytest.raises(TransferCancelled):
        source.transfer.export(model.id, usb, cancel)
    assert list(usb.iterdir()) == [] and _exports(source) == []


def test_a_model_file_changed_since_it_entered_the_library_is_not_exported(source: Hangar, model, usb: Path) -> None:
    path = Path(model.path)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, usb)
    assert path.name in caught.value.message and "changed since it entered the library" in caught.value.message
    assert list(usb.iterdir()) == []


def test_a_model_whose_file_is_gone_is_said_plainly(source: Hangar, model, usb: Path) -> None:
    Path(model.path).unlink()
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, usb)
    assert "no longer at" in caught.value.message
    assert not usb.exists() or list(usb.iterdir()) == []


def test_the_managed_policy_is_asked_before_an_export(tiny_gguf: Path, usb: Path, tmp_path: Path, monkeypatch) -> None:
    import json

    from hangar.core.app.governance import PolicyRefusal

    policy = tmp_path / "etc-hangar" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corp"}, "require_override_reason": True}))
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(policy))
    app = Hangar.open()
    try:
        model = app.library.add_file(tiny_gguf)  # no license anywhere: "review"
        with pytest.raises(PolicyRefusal) as caught:
            app.transfer.export(model.id, usb)
        assert "reason" in caught.value.message
        assert not usb.exists() or list(usb.iterdir()) == []
        outcome = app.transfer.export(model.id, usb, reason="Reviewed by legal for the test lab")
        assert outcome.result.manifest.policy["managed"] is True
        assert [e["data"]["reason"] for e in app.audit.entries() if e["event"] == "license_override"] == ["Reviewed by legal for the test lab"]
    finally:
        app.close()
