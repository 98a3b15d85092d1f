"""hangar-cli export and import-bundle, as a person carrying a model to an air-gapped machine types them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.transfer import signing

from ..conftest import run_cli

REPO = "hangar-test/tiny-llama-GGUF"


@pytest.fixture
def model_id(tiny_gguf: Path) -> int:
    app = Hangar.open()
    try:
        folder = app.ctx.models_dir / REPO
        folder.mkdir(parents=True)
        shutil.copyfile(tiny_gguf, folder / "tiny-llama-Q8_0.gguf")
        return app.library.add_file(folder / "tiny-llama-Q8_0.gguf", source="download", repo=REPO, revision="main").id
    finally:
        app.close()


def test_export_then_import_on_another_machine(model_id: int, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    result = run_cli("export", str(model_id), "--to", str(usb), "--json")
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)  # progress went to stderr: stdout is one JSON document
    bundle = Path(exported["bundle"])
    assert bundle == usb / "tiny-llama-Q8_0" and exported["format"] == "hangar-bundle/1" and exported["policy"]["verdict"]
    assert {f["role"] for f in exported["files"]} == {"model", "card", "license", "bom"} and "Copying" in result.stderr

    again = run_cli("export", str(model_id), "--to", str(usb))
    assert again.returncode == 1 and "never writes over a bundle" in again.stderr

    other = {"HANGAR_HOME": str(tmp_path / "air-gapped")}
    result = run_cli("import-bundle", str(bundle), env=other)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout and "files matched their SHA-256" in result.stdout and REPO in result.stdout
    models = json.loads(run_cli("models", "--json", env=other).stdout)
    assert [(m["source"], m["repo"], m["revision"]) for m in models] == [("bundle", REPO, "main")]
    assert models[0]["sha256"] == next(f["sha256"] for f in exported["files"] if f["role"] == "model")


def test_a_changed_byte_is_refused_naming_the_file(model_id: int, tmp_path: Path) -> None:
    result = run_cli("export", str(model_id), "--to", str(tmp_path / "usb"), "--json")
    bundle = Path(json.loads(result.stdout)["bundle"])
    path = bundle / "tiny-llama-Q8_0.gguf"
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    other = {"HANGAR_HOME": str(tmp_path / "air-gapped")}
    result = run_cli("import-bundle", str(bundle), "--json", env=other)
    assert result.returncode == 1
    error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "bundle_refused" and error["file"] == "tiny-llama-Q8_0.gguf" and "was changed" in error["message"]
    assert json.loads(run_cli("models", "--json", env=other).stdout) == []
    text = run_cli("import-bundle", str(bundle / "manifest.json"), env=other)
    assert text.returncode == 1 and "is a file, not a bundle folder" in text.stderr


@pytest.mark.skipif(not signing.available(), reason="the model-signing package is not installed")
def test_sign_on_export_and_verify_on_import(model_id: int, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP384R1())
    private, public = tmp_path / "release.pem", tmp_path / "release.pub.pem"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    result = run_cli("export", str(model_id), "--to", str(tmp_path / "usb"), "--sign-key", str(private))
    assert result.returncode == 0 and "signed by key sha256:" in result.stdout, result.stderr
    bundle = tmp_path / "usb" / "tiny-llama-Q8_0"
    result = run_cli("import-bundle", str(bundle), "--public-key", str(public), "--json", env={"HANGAR_HOME": str(tmp_path / "air-gapped")})
    assert result.returncode == 0, result.stderr
    signature = json.loads(result.stdout)["signature"]
    assert signature["status"] == "verified" and signature["signer"].startswith("key sha256:")
