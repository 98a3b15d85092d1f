"""OpenSSF model signatures (the model-signing package's format) on bundles: signed with a
throwaway key or certificate, verified offline, the signer shown; a tampered bundle fails."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.common.errors import InvalidInput
from hangar.core.transfer import signing
from hangar.core.transfer.manifest import BundleRefused

from .conftest import nothing_imported, rewrite_manifest

MODEL = "tiny-llama-Q8_0.gguf"
needs_package = pytest.mark.skipif(not signing.available(), reason="the model-signing package (pip install 'hangar-desktop[signing]') is not installed")


def _ec_key(folder: Path, name: str = "signer"):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    private, public = folder / f"{name}.pem", folder / f"{name}.pub.pem"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return key, private, public


def _certificate(folder: Path, key, subject: str, issuer_key=None, issuer_name: str | None = None, *, ca: bool = False, email: str | None = None) -> Path:  # noqa: ANN001
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Hangar Tests")])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Hangar Tests")]) if issuer_name else name
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))  # fmt: skip
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    cert = builder.sign(issuer_key or key, hashes.SHA256())
    path = folder / f"{subject.replace(' ', '_')}.crt"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture
def keys(tmp_path: Path):
    pytest.importorskip("cryptography")
    folder = tmp_path / "keys"
    folder.mkdir()
    return _ec_key(folder)


@pytest.fixture
def signed(source: Hangar, model, usb: Path, keys) -> Path:
    pytest.importorskip("model_signing")
    _key, private, _public = keys
    outcome = source.transfer.export(model.id, usb, sign_key=private)
    assert outcome.result.signer and outcome.result.signer.startswith("key sha256:")
    return outcome.bundle


@needs_package
def test_a_bundle_signed_with_a_key_verifies_and_shows_the_signer(signed: Path, target: Hangar, keys, source: Hangar) -> None:
    _key, _private, public = keys
    assert (signed / "model.sig").is_file()
    (export,) = [e for e in source.audit.entries() if e["event"] == "export"]
    assert export["data"]["signed_by"].startswith("key sha256:")
    outcome = target.transfer.import_bundle(signed, public_key=public)
    fingerprint = signing.key_fingerprint(public)
    assert outcome.signature.status == "verified" and outcome.signature.kind == "key"
    assert fingerprint in outcome.signature.signer and "signed by" in outcome.signature.message
    assert (outcome.provenance / "model.sig").read_bytes() == (signed / "model.sig").read_bytes()
    (entry,) = [e for e in target.audit.entries() if e["event"] == "import"]
    assert entry["data"]["signature"] == "verified" and fingerprint in entry["data"]["signer"]


@needs_package
def test_without_a_key_the_signature_is_shown_but_not_called_verified(signed: Path, target: Hangar, keys) -> None:
    _key, _private, public = keys
    outcome = target.transfer.import_bundle(signed)
    assert outcome.signature.status == "unverified" and signing.key_fingerprint(public) in outcome.signature.signer
    assert "not verified" in outcome.signature.message and "public key" in str(outcome.signature.hint)


@needs_package
def test_a_tampered_file_with_a_rewritten_manifest_fails_the_signature(signed: Path, target: Hangar, keys) -> None:
    _key, _private, public = keys
    path = signed / MODEL
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01
    path.write_bytes(bytes(data))

    def cover_up(doc) -> None:  # noqa: ANN001  the manifest's own hashes now agree: only the signature can tell
        next(f for f in doc["files"] if f["name"] == MODEL)["sha256"] = hashlib.sha256(bytes(data)).hexdigest()

    rewrite_manifest(signed, cover_up)
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(signed, public_key=public)
    message = caught.value.message
    assert "signature does not match" in message and MODEL in message and "manifest.json" in message
    nothing_imported(target)


@needs_package
def test_another_key_is_refused(signed: Path, target: Hangar, tmp_path: Path) -> None:
    _key, _private, other = _ec_key(tmp_path, "someone-else")
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(signed, public_key=other)
    assert "model.sig" in caught.value.message and "not made with the key you gave" in caught.value.message
    nothing_imported(target)


def test_a_key_given_for_an_unsigned_bundle_is_refused(bundle: Path, target: Hangar, keys) -> None:
    _key, _private, public = keys
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle, public_key=public)
    assert "model.sig" in caught.value.message
    nothing_imported(target)


@needs_package
def test_a_certificate_signature_verifies_against_the_chain_the_person_trusts(source: Hangar, model, usb: Path, target: Hangar, tmp_path: Path) -> None:
    ca_key, _p, _q = _ec_key(tmp_path, "ca")
    ca = _certificate(tmp_path, ca_key, "Hangar Test CA", ca=True)
    leaf_key, leaf_private, _pub = _ec_key(tmp_path, "release")
    leaf = _certificate(tmp_path, leaf_key, "Model Release Team", ca_key, "Hangar Test CA", email="release@example.com")
    bundle = source.transfer.export(model.id, usb, sign_key=leaf_private, sign_certificate=leaf, sign_chain=(ca,)).bundle

    other_key, _p2, _q2 = _ec_key(tmp_path, "other-ca")
    stranger = _certificate(tmp_path, other_key, "Some Other CA", ca=True)
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle, certificate_chain=(stranger,))
    assert "model.sig" in caught.value.message
    nothing_imported(target)

    outcome = target.transfer.import_bundle(bundle, certificate_chain=(ca,))
    assert outcome.signature.status == "verified" and outcome.signature.kind == "certificate"
    assert "Model Release Team" in outcome.signature.signer and "release@example.com" in outcome.signature.signer
    assert "Hangar Test CA" in outcome.signature.signer


def test_a_keyless_sigstore_signature_is_recognised_but_not_claimed_as_verified(bundle: Path, target: Hangar, tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    key, _private, _public = _ec_key(tmp_path, "ephemeral")
    cert = x509.load_pem_x509_certificate(_certificate(tmp_path, key, "sigstore", email="someone@example.com").read_bytes())
    raw = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
    (bundle / "model.sig").write_text(json.dumps({"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
                                                  "verificationMaterial": {"certificate": {"rawBytes": raw}, "tlogEntries": []},
                                                  "dsseEnvelope": {"payload": "", "payloadType": "application/vnd.in-toto+json", "signatures": []}}))  # fmt: skip
    outcome = target.transfer.import_bundle(bundle)
    assert outcome.signature.status == "unverified" and outcome.signature.kind == "sigstore"
    assert "someone@example.com" in outcome.signature.signer and "Sigstore" in outcome.signature.message


def test_without_the_package_a_signed_bundle_says_verification_needs_it(bundle: Path, target: Hangar, keys, monkeypatch) -> None:
    monkeypatch.setattr(signing, "available", lambda: False)
    (bundle / "model.sig").write_text(json.dumps({"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
                                                  "verificationMaterial": {"publicKey": {"hint": "cd" * 32}},
                                                  "dsseEnvelope": {"payload": "", "signatures": []}}))  # fmt: skip
    _key, _private, public = keys
    with pytest.raises(BundleRefused) as caught:  # asked to verify, and it cannot: refused
        target.transfer.import_bundle(bundle, public_key=public)
    assert "verification needs the model-signing package" in caught.value.message and "pip install" in caught.value.hint
    nothing_imported(target)
    outcome = target.transfer.import_bundle(bundle)  # not asked: imported on its hashes, and told so
    assert outcome.signature.status == "unverified" and "verification needs the model-signing package" in outcome.signature.message
    assert "cd" * 32 in outcome.signature.signer


def test_signing_without_the_package_is_refused_before_anything_is_written(source: Hangar, model, usb: Path, keys, monkeypatch) -> None:
    monkeypatch.setattr(signing, "available", lambda: False)
    _key, private, _public = keys
    with pytest.raises(InvalidInput) as caught:
        source.transfer.export(model.id, usb, sign_key=private)
    assert "needs the model-signing package" in caught.value.message
    assert not usb.exists() or list(usb.iterdir()) == []


def test_a_signature_file_that_is_not_one(bundle: Path, target: Hangar) -> None:
    (bundle / "model.sig").write_text("-----BEGIN PGP SIGNATURE-----\n")
    with pytest.raises(BundleRefused) as caught:
        target.transfer.import_bundle(bundle)
    assert "model.sig" in caught.value.message
    nothing_imported(target)
