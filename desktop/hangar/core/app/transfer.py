"""Air-gapped transfer as every face uses it: export a library model as a bundle, import one.

The export gathers what the layer knows of the model (its license audit and the policy's
verdict, the card facts recorded at download, the CycloneDX BOM) and has core/transfer write
it; the import has core/transfer check every byte, then registers the model with its
provenance (repo, revision, source "bundle", SHA-256). Both are recorded in the audit trail
before they are reported done, with the manifest's hashes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..audit.trail import AuditEvent
from ..library.models import Library, LocalModel
from ..licenses.audit import card_of
from ..transfer import signing
from ..transfer.export import ExportPlan, ExportResult, extras_for, write_bundle
from ..transfer.files import Progress, remove_tree
from ..transfer.importer import check_bundle, install
from ..transfer.manifest import Manifest
from ..transfer.signing import SignatureCheck, Trust
from .changes import Change, LibraryChange, LibraryEvent
from .library import model_facts

if TYPE_CHECKING:
    from .hangar import Hangar


@dataclass
class ExportOutcome:
    result: ExportResult
    model: LocalModel
    warnings: list[str] = field(default_factory=list)  # a "review" verdict the managed policy lets through

    @property
    def bundle(self) -> Path:
        return self.result.bundle

    def to_dict(self) -> dict:
        return {**self.result.to_dict(), "model_id": self.model.id, "warnings": [str(w) for w in self.warnings]}


@dataclass
class ImportOutcome:
    model: LocalModel
    bundle: Path
    manifest: Manifest
    manifest_sha256: str
    signature: SignatureCheck
    provenance: Path
    verdict_here: str  # the license policy of this machine on the imported model

    @property
    def verdict_at_export(self) -> str | None:
        return self.manifest.policy.get("verdict")

    def to_dict(self) -> dict:
        return {"model": self.model.to_dict(), "bundle": str(self.bundle), "manifest_sha256": self.manifest_sha256, "provenance": str(self.provenance),
                "files": [f.to_dict() for f in self.manifest.files], "exported_with": self.manifest.hangar_version,
                "exported_at": self.manifest.created_at, "verdict_at_export": self.verdict_at_export, "verdict_here": self.verdict_here,
                "signature": self.signature.to_dict()}  # fmt: skip


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle says about itself, read (structure checked, bytes not yet hashed) before the
    person decides how to import it."""

    model_name: str
    total_bytes: int
    signed: bool
    signature_kind: str | None
    claimed_signer: str | None


class TransferService:
    def __init__(self, app: "Hangar") -> None:
        self._app = app
        self._opened: Library | None = None

    @property
    def _library(self) -> Library:
        """Its own handle, as the download service has: the import is recorded once, by this
        service, with the bundle's details (LibraryService.add_file would record a bare import)."""
        if self._opened is None:
            self._opened = Library(self._app.ctx.database)
        return self._opened

    # -- export -----------------------------------------------------------------------------------
    def export(self, model_ref: str | int, to_dir: Path, on_progress: Progress | None = None, *, sign_key: Path | None = None,
               sign_certificate: Path | None = None, sign_chain: tuple[Path, ...] = (), reason: str | None = None) -> ExportOutcome:  # fmt: skip
        app = self._app
        model = app.library.usable(model_ref)
        warnings = self._gate(model, reason)
        if sign_key is not None:  # said before gigabytes are copied
            signing.require_for_signing()
        audit = app.licenses.audit_model(model.id)
        info = audit.detection.license
        policy = {"verdict": _verdict(audit.verdict), "reasons": [str(r) for r in audit.verdict.reasons], "confidence": str(audit.detection.confidence),
                  "license": {"id": info.id, "name": str(info.name), "spdx": info.spdx, "url": info.source_url},
                  "managed": app.policy.locked_by() is not None}  # fmt: skip
        card = {"repo": model.repo, "revision": model.revision, "card_data": card_of(app.ctx, model) or {}, "detected_license": info.id}
        extras = extras_for(Path(model.path), card=card, license_id=info.id, license_text=info.text(), license_url=info.source_url,
                            bom=app.licenses.bom(audits=[audit]))  # fmt: skip
        sign: Callable[[Path], str] | None = None
        if sign_key is not None:
            key, cert, chain = Path(sign_key), Path(sign_certificate) if sign_certificate else None, tuple(Path(c) for c in sign_chain)
            sign = lambda folder: signing.sign(folder, key, certificate=cert, chain=chain)  # noqa: E731
        result = write_bundle(ExportPlan(model, extras, policy), Path(to_dir), on_progress, sign)
        try:
            app.audit.record(AuditEvent.EXPORT, **model_facts(model), bundle=str(result.bundle), manifest_sha256=result.manifest_sha256,
                             files=[f.to_dict() for f in result.manifest.files], verdict=policy["verdict"], signed_by=result.signer)  # fmt: skip
        except BaseException:  # not recorded, so not done: no unrecorded bundle stays
            remove_tree(result.bundle)
            raise
        return ExportOutcome(result, model, warnings)

    def _gate(self, model: LocalModel, reason: str | None) -> list[str]:
        """The managed policy's word on exporting (core/app/governance.py, when this build has it)."""
        governance = getattr(self._app, "governance", None)
        if governance is None:
            return []
        return list(governance.check_use("export", model, reason=reason) or [])

    # -- import -----------------------------------------------------------------------------------
    def summary(self, folder: Path) -> BundleSummary:
        checked = check_bundle(Path(folder))
        kind = claimed = None
        if checked.signed:
            kind, claimed = signing.describe(checked.root / signing.SIGNATURE_NAME)
        return BundleSummary(str(checked.manifest.model["name"]), checked.manifest.total_bytes, checked.signed, kind, claimed)

    def import_bundle(self, folder: Path, on_progress: Progress | None = None, *, public_key: Path | None = None,
                      certificate_chain: tuple[Path, ...] = ()) -> ImportOutcome:  # fmt: skip
        app = self._app
        trust = Trust(Path(public_key) if public_key else None, tuple(Path(c) for c in certificate_chain))
        checked = check_bundle(Path(folder))
        placed = install(checked, app.ctx.models_dir, trust, on_progress)
        manifest, info = checked.manifest, checked.manifest.model
        models = manifest.model_files()
        existed = self._library.by_path(placed.model_path) is not None
        model = None
        try:
            model = self._library.add_file(placed.model_path, source="bundle", repo=info.get("repo"), revision=info.get("revision"),
                                           sha256=models[0].sha256 if len(models) == 1 else None, license_hint=info.get("license"))  # fmt: skip
            app.audit.record(AuditEvent.IMPORT, **model_facts(model), how="bundle", bundle=str(checked.root), manifest_sha256=checked.manifest_sha256,
                             files=[f.to_dict() for f in manifest.files], exported_with=manifest.hangar_version, exported_at=manifest.created_at,
                             verdict_at_export=manifest.policy.get("verdict"), signature=placed.signature.status,
                             signer=placed.signature.signer)  # fmt: skip
        except BaseException:
            if model is not None and not existed:
                self._library.remove(model, delete_file=False)
            placed.rollback()
            raise
        app.changes.announce(Change.LIBRARY, LibraryChange(LibraryEvent.IMPORTED, (model.id,)))
        verdict_here = _verdict(app.licenses.audit_model(model.id).verdict)
        return ImportOutcome(model, checked.root, manifest, checked.manifest_sha256, placed.signature, placed.provenance, verdict_here)


def _verdict(verdict) -> str:  # noqa: ANN001
    value = verdict.verdict
    return str(getattr(value, "value", value))
