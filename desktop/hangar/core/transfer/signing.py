"""OpenSSF model signatures on a bundle: ``model.sig`` in the format of the ``model-signing``
package (a Sigstore bundle holding a DSSE envelope over every file's SHA-256).

What works offline, and so here: signatures made with an elliptic-curve key (verified with its
public key) and with a certificate (verified against the certificate chain the person trusts).
A keyless Sigstore signature is recognised and its claimed identity shown, but not verified:
that needs Sigstore's trust root and transparency log, which an air-gapped machine cannot reach.

The package is optional (``pip install 'hangar-desktop[signing]'``); without it a signed bundle
is still imported on its manifest's hashes, and the person is told its signature was not checked.
Nothing is verified unless the person names what they trust: a signature whose key came with
the bundle would prove only that someone signed it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text
from ..common.small_files import UnsuitableFile, read_small_file
from .manifest import SIGNATURE_NAME, BundleRefused

log = logging.getLogger(__name__)
MAX_SIGNATURE_BYTES = 16 * 1024 * 1024
INSTALL_HINT = QT_TR_NOOP("Install it with: pip install 'hangar-desktop[signing]'")
_SIGSTORE_ISSUER_OIDS = ("1.3.6.1.4.1.57264.1.8", "1.3.6.1.4.1.57264.1.1")


def available() -> bool:
    """Whether the model-signing package (and what it imports) is installed."""
    try:
        import model_signing.signing  # noqa: F401
        import model_signing.verifying  # noqa: F401
    except Exception as exc:  # ImportError, or a dependency it imports without declaring it
        log.info("model-signing is not usable: %s", exc)
        return False
    return True


@dataclass(frozen=True)
class Trust:
    """What the person trusts to vouch for a bundle: the signer's public key, or the certificates
    that lead to the signer's certificate."""

    public_key: Path | None = None
    certificate_chain: tuple[Path, ...] = ()

    @property
    def given(self) -> bool:
        return self.public_key is not None or bool(self.certificate_chain)


@dataclass(frozen=True)
class SignatureCheck:
    status: str  # unsigned, verified, unverified
    kind: str | None  # key, certificate, sigstore
    signer: str | None  # proven when verified, only claimed otherwise
    message: Text
    hint: Text | str = ""

    def to_dict(self) -> dict:
        return {"status": self.status, "kind": self.kind, "signer": self.signer, "message": str(self.message), "hint": str(self.hint)}


# -- reading a signature without trusting it ------------------------------------------------------
def describe(sig: Path) -> tuple[str, str]:
    """(kind, the signer it claims) of a model.sig; BundleRefused when it is no such signature."""
    try:
        doc = json.loads(read_small_file(sig, MAX_SIGNATURE_BYTES).decode("utf-8"))
    except UnsuitableFile as exc:
        raise BundleRefused(QT_TR_NOOP("{file} is refused: {reason}.", file=SIGNATURE_NAME, reason=exc.reason), file=SIGNATURE_NAME) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused(QT_TR_NOOP("{file} is not a model signature: {reason}", file=SIGNATURE_NAME, reason=str(exc)[:120]), file=SIGNATURE_NAME) from None
    material = doc.get("verificationMaterial") if isinstance(doc, dict) else None
    if not isinstance(material, dict) or not isinstance(doc.get("dsseEnvelope"), dict):
        raise BundleRefused(QT_TR_NOOP("{file} is not a model signature in the model-signing format.", file=SIGNATURE_NAME), file=SIGNATURE_NAME)
    if isinstance(material.get("publicKey"), dict):
        hint = material["publicKey"].get("hint")
        return "key", (f"key sha256:{hint}" if isinstance(hint, str) and re.fullmatch(r"[0-9a-f]{64}", hint) else "an unnamed key")
    chain = material.get("x509CertificateChain")
    if isinstance(chain, dict) and isinstance(chain.get("certificates"), list) and chain["certificates"]:
        return "certificate", _certificate_identity(chain["certificates"][0], sigstore=False)
    if isinstance(material.get("certificate"), dict):
        return "sigstore", _certificate_identity(material["certificate"], sigstore=True)
    raise BundleRefused(QT_TR_NOOP("{file} names no key or certificate: it cannot be verified.", file=SIGNATURE_NAME), file=SIGNATURE_NAME)


def _certificate_identity(entry: object, *, sigstore: bool) -> str:
    """The subject (or, for Sigstore, the identity and its OIDC issuer) a certificate names."""
    try:
        from cryptography import x509

        raw = base64.b64decode(entry["rawBytes"], validate=True)  # type: ignore[index]
        cert = x509.load_der_x509_certificate(raw)
    except ImportError:
        return "a certificate"
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise BundleRefused(QT_TR_NOOP("{file} holds a certificate that cannot be read.", file=SIGNATURE_NAME), file=SIGNATURE_NAME) from None
    names: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [str(v) for v in san.get_values_for_type(x509.RFC822Name) + san.get_values_for_type(x509.UniformResourceIdentifier)]
    except x509.ExtensionNotFound:
        pass
    if sigstore:
        issuer = next((_der_text(cert, oid) for oid in _SIGSTORE_ISSUER_OIDS if _der_text(cert, oid)), None)
        return f"{', '.join(names) or '?'}" + (f" (via {issuer})" if issuer else "")
    subject = cert.subject.rfc4514_string() or "?"
    issuer_name = cert.issuer.rfc4514_string() or "?"
    return f"{subject}" + (f" <{', '.join(names)}>" if names else "") + f", issued by {issuer_name}"


def _der_text(cert, dotted: str) -> str | None:  # noqa: ANN001
    from cryptography import x509

    try:
        value = cert.extensions.get_extension_for_oid(x509.ObjectIdentifier(dotted)).value.value
    except (x509.ExtensionNotFound, AttributeError):
        return None
    if value[:1] == b"\x0c" and len(value) > 2:  # a DER UTF8String (the newer Sigstore extension)
        value = value[2:]
    return value.decode("utf-8", "replace")[:200]


def key_fingerprint(public_key: Path) -> str:
    """The SHA-256 model-signing records as the key's hint: of its PEM SubjectPublicKeyInfo."""
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_public_key(read_small_file(public_key, 1024 * 1024))
    except (OSError, ValueError, UnsuitableFile) as exc:
        raise InvalidInput(QT_TR_NOOP("{file} is not a PEM public key: {reason}", file=public_key, reason=str(exc)[:120])) from None
    pem = key.public_bytes(encoding=serialization.Encoding.PEM, format=serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(pem).hexdigest()


# -- verifying ---------------------------------------------------------------------------------
def check(bundle: Path, trust: Trust, actual: dict[str, str] | None = None) -> SignatureCheck:
    """The bundle's signature checked against what the person trusts. Without ``trust`` a signature
    is only described; with it, a signature that does not verify raises BundleRefused, naming the
    files whose SHA-256 (``actual``, as the import computed them) differ from the signed ones."""
    sig = bundle / SIGNATURE_NAME
    if not sig.exists():
        if trust.given:
            raise BundleRefused(QT_TR_NOOP("You asked to verify the bundle's signature, but it has no {file}.", file=SIGNATURE_NAME), file=SIGNATURE_NAME,
                                hint=QT_TR_NOOP("Ask the sender for a signed bundle, or import it without a key to rely on its hashes alone."))  # fmt: skip
        return SignatureCheck("unsigned", None, None, QT_TR_NOOP("The bundle is not signed; its files matched the SHA-256 in its manifest."))
    kind, claimed = describe(sig)
    if not trust.given:
        return _unverified(kind, claimed)
    if kind == "sigstore":
        raise BundleRefused(QT_TR_NOOP("{file} is a keyless Sigstore signature (by {signer}); verifying one needs Sigstore's online services, which Hangar does not use offline.",
                                       file=SIGNATURE_NAME, signer=claimed), file=SIGNATURE_NAME,
                            hint=QT_TR_NOOP("Import it without a key to rely on its hashes, or ask for a bundle signed with a key or a certificate."))  # fmt: skip
    if not available():
        raise BundleRefused(QT_TR_NOOP("This bundle is signed, but verification needs the model-signing package."), file=SIGNATURE_NAME, hint=INSTALL_HINT)
    if kind == "key" and trust.public_key is None:
        raise BundleRefused(QT_TR_NOOP("{file} was made with a key ({signer}): give its public key, not a certificate chain.", file=SIGNATURE_NAME, signer=claimed),
                            file=SIGNATURE_NAME)  # fmt: skip
    if kind == "certificate" and not trust.certificate_chain:
        raise BundleRefused(QT_TR_NOOP("{file} was made with a certificate ({signer}): give the certificate chain you trust, not a public key.",
                                       file=SIGNATURE_NAME, signer=claimed), file=SIGNATURE_NAME)  # fmt: skip
    from model_signing import verifying

    config = verifying.Config().set_ignore_unsigned_files(True)  # a file outside the manifest is the manifest check's to refuse
    if kind == "key":
        config.use_elliptic_key_verifier(public_key=trust.public_key)
        signer = f"key sha256:{key_fingerprint(trust.public_key)} ({trust.public_key.name})"  # type: ignore[union-attr]
    else:
        config.use_certificate_verifier(certificate_chain=list(trust.certificate_chain))
        signer = claimed
    try:
        config.verify(bundle, sig)
    except Exception as exc:  # model-signing raises ValueError, cryptography's InvalidSignature or OpenSSL's errors
        log.info("signature of %s did not verify: %r", bundle, exc)
        raise _not_verified(exc, sig, actual or {}) from None
    return SignatureCheck("verified", kind, signer, QT_TR_NOOP("The signature is valid: signed by {signer}.", signer=signer))


def _unverified(kind: str, claimed: str) -> SignatureCheck:
    if kind == "sigstore":
        message = QT_TR_NOOP("The bundle carries a keyless Sigstore signature by {signer}; it was not verified (that needs Sigstore's online services).", signer=claimed)
        return SignatureCheck("unverified", kind, claimed, message, QT_TR_NOOP("Its files matched the SHA-256 in its manifest."))
    if not available():
        return SignatureCheck("unverified", kind, claimed, QT_TR_NOOP("This bundle is signed, but verification needs the model-signing package."), INSTALL_HINT)
    hint = QT_TR_NOOP("Give the signer's public key to verify it.") if kind == "key" else QT_TR_NOOP("Give the certificate chain you trust to verify it.")
    return SignatureCheck("unverified", kind, claimed, QT_TR_NOOP("The bundle is signed by {signer}; the signature was not verified.", signer=claimed), hint)


def signed_digests(sig: Path) -> dict[str, str]:
    """The SHA-256 of each file as the signature's payload states it, read without trusting it:
    only to name the files that differ once verification has failed."""
    try:
        doc = json.loads(read_small_file(sig, MAX_SIGNATURE_BYTES).decode("utf-8"))
        statement = json.loads(base64.b64decode(doc["dsseEnvelope"]["payload"]))
        resources = statement["predicate"]["resources"]
        return {r["name"]: r["digest"] for r in resources if isinstance(r, dict) and r.get("algorithm") == "sha256"}
    except Exception as exc:  # anything unreadable: the refusal then names model.sig alone
        log.info("cannot read the signed payload of %s: %r", sig, exc)
        return {}


def _not_verified(exc: BaseException, sig: Path, actual: dict[str, str]) -> BundleRefused:
    if "Key mismatch" in str(exc):
        return BundleRefused(QT_TR_NOOP("{file} was not made with the key you gave.", file=SIGNATURE_NAME), file=SIGNATURE_NAME)
    signed = signed_digests(sig)
    changed = sorted(name for name in set(signed) | set(actual) if signed.get(name) != actual.get(name)) if signed and actual else []
    if changed:
        return BundleRefused(QT_TR_NOOP("The signature does not match the bundle: {files} changed since it was signed.", files=", ".join(changed)),
                             file=changed[0], hint=QT_TR_NOOP("Nothing was imported. Ask the sender for the bundle again."))  # fmt: skip
    return BundleRefused(QT_TR_NOOP("{file} does not verify: {reason}", file=SIGNATURE_NAME, reason=str(exc)[:200] or type(exc).__name__), file=SIGNATURE_NAME,
                         hint=QT_TR_NOOP("Nothing was imported. Check that the key or certificates are the signer's."))  # fmt: skip


# -- signing -----------------------------------------------------------------------------------
def require_for_signing() -> None:
    if not available():
        raise InvalidInput(QT_TR_NOOP("Signing a bundle needs the model-signing package."), hint=INSTALL_HINT)


def sign(bundle: Path, private_key: Path, *, certificate: Path | None = None, chain: tuple[Path, ...] = ()) -> str:
    """Write ``model.sig`` over every file of ``bundle`` with an EC private key (and, with
    ``certificate``, its certificate and chain); returns the signer as a verifier will show it."""
    require_for_signing()
    from model_signing import hashing, signing

    config = signing.Config().set_hashing_config(hashing.Config().set_ignored_paths(paths=[SIGNATURE_NAME]))
    try:
        if certificate is not None:
            config.use_certificate_signer(private_key=private_key, signing_certificate=certificate, certificate_chain=list(chain))
        else:
            config.use_elliptic_key_signer(private_key=private_key)
        config.sign(bundle, bundle / SIGNATURE_NAME)
    except (OSError, TypeError, ValueError) as exc:  # no such file, a password-protected key, not an EC key
        raise InvalidInput(QT_TR_NOOP("Cannot sign the bundle with {key}: {reason}", key=private_key, reason=str(exc)[:200] or type(exc).__name__)) from None
    return describe(bundle / SIGNATURE_NAME)[1]
