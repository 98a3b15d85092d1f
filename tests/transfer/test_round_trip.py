"""Export on one machine, import on another: every byte checked, the provenance kept, both ends
in the audit trail with the manifest's hashes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hangar.core.app import Hangar
from hangar.core.app.changes import Change
from hangar.core.licenses.bom import validate
from hangar.core.transfer.manifest import FORMAT

from .conftest import REPO, REVISION


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bundle_holds_the_model_card_license_bom_and_a_manifest_of_their_hashes(source: Hangar, model, usb: Path) -> None:
    outcome = source.transfer.export(model.id, usb)
    bundle = outcome.bundle
    assert bundle == usb / "tiny-llama-Q8_0" and not list(usb.glob(".*.partial"))
    assert sorted(p.name for p in bundle.iterdir()) == ["LICENSE", "README.md", "bom.cdx.json", "card.json", "manifest.json", "tiny-llama-Q8_0.gguf"]
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == FORMAT and manifest["hangar_version"]
    assert manifest["model"]["repo"] == REPO and manifest["model"]["revision"] == REVISION and manifest["model"]["file"] == "tiny-llama-Q8_0.gguf"
    roles = {f["name"]: f["role"] for f in manifest["files"]}
    assert roles == {"tiny-llama-Q8_0.gguf": "model", "README.md": "card", "card.json": "card", "LICENSE": "license", "bom.cdx.json": "bom"}
    for entry in manifest["files"]:  # each size and hash is the file's own
        assert (bundle / entry["name"]).stat().st_size == entry["size"] and _sha(bundle / entry["name"]) == entry["sha256"]
    assert manifest["model"]["sha256"] == model.sha256 == _sha(bundle / "tiny-llama-Q8_0.gguf")
    assert manifest["policy"]["verdict"] in ("allowed", "review", "blocked") and "reasons" in manifest["policy"]
    assert manifest["policy"]["license"]["id"] == "apache-2.0"  # from the card recorded at download and the LICENSE text

    card = json.loads((bundle / "card.json").read_text(encoding="utf-8"))
    assert card["card_data"] == {"license": "apache-2.0", "base_model": ["hangar-test/tiny-llama"]} and card["repo"] == REPO
    bom = json.loads((bundle / "bom.cdx.json").read_text(encoding="utf-8"))
    validate(bom)
    (component,) = bom["components"]
    assert component["type"] == "machine-learning-model" and component["hashes"][0]["content"] == model.sha256
    assert component["purl"] == f"pkg:huggingface/{REPO}@{REVISION}"

    (entry,) = [e for e in source.audit.entries() if e["event"] == "export"]
    data = entry["data"]
    assert data["bundle"] == str(bundle) and data["manifest_sha256"] == _sha(bundle / "manifest.json") == outcome.result.manifest_sha256
    assert {f["name"]: f["sha256"] for f in data["files"]} == {f["name"]: f["sha256"] for f in manifest["files"]}
    assert data["sha256"] == model.sha256 and data["repo"] == REPO


def test_import_on_another_machine_keeps_the_provenance(bundle: Path, target: Hangar, model) -> None:
    seen = []
    target.changes.subscribe(lambda report: seen.append(report.change))
    progress = []
    outcome = target.transfer.import_bundle(bundle, lambda label, done, total: progress.append((str(label), done, total)))
    imported = outcome.model
    assert imported.source == "bundle" and imported.repo == REPO and imported.revision == REVISION and imported.sha256 == model.sha256
    assert Path(imported.path) == (target.ctx.models_dir / REPO / "tiny-llama-Q8_0.gguf").resolve()
    assert _sha(Path(imported.path)) == model.sha256
    assert target.library.list() == [imported] and Change.LIBRARY in seen
    assert progress[-1][1] == progress[-1][2] and any("tiny-llama-Q8_0.gguf" in label for label, _d, _t in progress)

    folder = Path(imported.path).parent  # the license beside the model (the audit reads it there), the bundle's own files kept as its record
    assert (folder / "LICENSE").read_bytes() == (bundle / "LICENSE").read_bytes()
    record = outcome.provenance
    assert record == folder / "tiny-llama-Q8_0.bundle"
    assert sorted(p.name for p in record.iterdir()) == ["LICENSE", "README.md", "bom.cdx.json", "card.json", "manifest.json"]
    assert (record / "manifest.json").read_bytes() == (bundle / "manifest.json").read_bytes()
    assert outcome.signature.status == "unsigned" and outcome.verdict_here in ("allowed", "review", "blocked")

    (entry,) = [e for e in target.audit.entries() if e["event"] == "import"]
    data = entry["data"]
    assert data["how"] == "bundle" and data["source"] == "bundle" and data["repo"] == REPO and data["revision"] == REVISION
    assert data["sha256"] == model.sha256 and data["manifest_sha256"] == _sha(bundle / "manifest.json") and data["signature"] == "unsigned"
    assert target.audit.verify() == []
    assert not [p for p in target.ctx.models_dir.iterdir() if p.name.startswith(".")], "the staging folder is gone"


def test_importing_the_same_bundle_again_uses_the_file_already_there(bundle: Path, target: Hangar) -> None:
    first = target.transfer.import_bundle(bundle)
    again = target.transfer.import_bundle(bundle)
    assert again.model.id == first.model.id and len(target.library.list()) == 1
    assert again.provenance.name == "tiny-llama-Q8_0.bundle-2"  # an earlier record is never replaced
    assert len([e for e in target.audit.entries() if e["event"] == "import"]) == 2


def test_a_model_without_a_repo_goes_to_the_bundles_folder(tiny_gguf: Path, tmp_path: Path, target: Hangar) -> None:
    app = Hangar.open()
    try:
        model = app.library.add_file(tiny_gguf)
        outcome = app.transfer.export(model.id, tmp_path / "usb")
    finally:
        app.close()
    names = sorted(p.name for p in outcome.bundle.iterdir())
    license_files = [n for n in names if n.startswith("LICENSE")]
    assert license_files, "a license text or a notice saying where the terms are"
    imported = target.transfer.import_bundle(outcome.bundle).model
    assert Path(imported.path).parent == (target.ctx.models_dir / "bundles" / outcome.bundle.name).resolve()
    assert imported.repo is None and imported.source == "bundle"


def test_deleting_an_imported_model_deletes_the_copy_hangar_made(bundle: Path, target: Hangar) -> None:
    imported = target.transfer.import_bundle(bundle).model
    assert target.library.owns_file(imported), "the file in the models folder is Hangar's copy, not the user's"
    _model, freed = target.library.remove(imported.id, delete_file=True)
    assert freed > 0 and not Path(imported.path).exists() and bundle.exists(), "the copy goes; the bundle on the stick stays"
