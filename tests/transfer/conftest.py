"""A model in one Hangar (the connected machine) and a second, empty Hangar (the air-gapped one)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hangar.core.app import Hangar

REPO, REVISION = "hangar-test/tiny-llama-GGUF", "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def source(tiny_gguf: Path, tmp_path: Path) -> Hangar:
    """The exporting machine: tiny-llama-Q8_0.gguf downloaded from a repo, a LICENSE and README
    beside it, and the card facts a download records."""
    app = Hangar.open()
    folder = app.ctx.models_dir / REPO
    folder.mkdir(parents=True)
    path = folder / "tiny-llama-Q8_0.gguf"
    shutil.copyfile(tiny_gguf, path)
    (folder / "LICENSE").write_text("Apache License\nVersion 2.0, January 2004\n", encoding="utf-8")
    (folder / "README.md").write_text("# Tiny llama\n\nA synthetic model for tests.\n", encoding="utf-8")
    with app.ctx.database.write() as conn:
        conn.execute("INSERT INTO downloads (repo, revision, filename, dest_path, size_bytes, state, license, base_model) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)",
                     (REPO, REVISION, path.name, str(path.resolve()), path.stat().st_size, "apache-2.0", json.dumps(["hangar-test/tiny-llama"])))  # fmt: skip
    app.library.add_file(path, source="download", repo=REPO, revision=REVISION)
    yield app
    app.close()


@pytest.fixture
def model(source: Hangar):
    return source.library.list()[0]


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    return tmp_path / "usb"


@pytest.fixture
def bundle(source: Hangar, model, usb: Path) -> Path:
    return source.transfer.export(model.id, usb).bundle


@pytest.fixture
def target(tmp_path: Path) -> Hangar:
    """The air-gapped machine: another HANGAR_HOME, an empty library."""
    app = Hangar.open({"HANGAR_HOME": str(tmp_path / "air-gapped")})
    yield app
    app.close()


def rewrite_manifest(bundle: Path, change) -> None:  # noqa: ANN001
    path = bundle / "manifest.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


def nothing_imported(app: Hangar) -> None:
    """The refusal left the library, the models folder and the audit trail as they were."""
    assert app.library.list() == []
    models = app.ctx.models_dir
    left = [p for p in models.rglob("*")] if models.exists() else []
    assert left == [], left
    assert [e for e in app.audit.entries() if e["event"] == "import"] == []
