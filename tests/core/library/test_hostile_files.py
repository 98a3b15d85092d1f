"""One hostile file never stops an import or a scan, and never makes the database look damaged (issue 14)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.common.errors import InvalidInput
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library

from ..gguf.hostile import ARRAY, UINT32, UINT64, Raw, nested_array, rewrite_metadata

HOSTILE = {
    "b-int-array.gguf": ({"llama.context_length": Raw(ARRAY, [1, 2, 3], item=UINT32)}, "llama.context_length"),
    "c-uint64.gguf": ({"llama.context_length": Raw(UINT64, 2**64 - 1)}, "llama.context_length"),
    "d-alignment.gguf": ({"general.alignment": "thirty-two"}, "general.alignment"),
    "e-nested.gguf": ({"evil.nested": Raw(ARRAY, nested_array(5000))}, "evil.nested"),
}


@pytest.fixture
def library() -> Library:
    return Library(AppContext.open().database)


def _healthy(library: Library) -> None:
    assert [row[0] for row in library.db.query("PRAGMA quick_check")] == ["ok"]
    library.list()  # still answers


def _hostile_folder(tiny_gguf: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(tiny_gguf, folder / "a-good.gguf")
    for name, (changes, _key) in HOSTILE.items():
        rewrite_metadata(tiny_gguf, folder / name, changes)
    shutil.copy(tiny_gguf, folder / "z-good.gguf")
    return folder


def test_a_folder_import_goes_past_hostile_files_and_names_key_and_reason(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    folder = _hostile_folder(tiny_gguf, tmp_path / "models")
    added, refused = library.import_path(folder)
    assert sorted(Path(m.path).name for m in added) == ["a-good.gguf", "z-good.gguf"]
    reasons = {Path(p).name: r for p, r in refused}
    assert sorted(reasons) == sorted(HOSTILE)
    for name, (_changes, key) in HOSTILE.items():
        assert f"{name} was refused: this file's header is malformed: {key}: " in reasons[name]
    _healthy(library)
    assert len(library.list()) == 2


def test_a_single_hostile_file_is_invalid_input_not_a_database_error(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    path = rewrite_metadata(tiny_gguf, tmp_path / "m.gguf", {"llama.context_length": Raw(ARRAY, [7], item=UINT32)})
    with pytest.raises(InvalidInput, match="llama.context_length: expected a whole number, found an array"):
        library.add_file(path)
    _healthy(library)
    assert library.list() == []


def test_the_hf_cache_scan_goes_past_a_hostile_file_and_reports_it(tiny_gguf: Path, tmp_path: Path) -> None:
    cache = tmp_path / "hf-cache"
    for repo, changes in (("org--a", {}), ("org--b", {"llama.context_length": Raw(UINT64, 2**64 - 1)}), ("org--c", {})):
        snapshot = cache / f"models--{repo}" / "snapshots" / ("0" * 40)
        snapshot.mkdir(parents=True)
        rewrite_metadata(tiny_gguf, snapshot / "model-Q8_0.gguf", changes)
    app = Hangar(AppContext.open())
    try:
        result = app.library.scan_other_apps(hf_cache_dir=cache, ollama_dir=tmp_path / "no-ollama")
        assert sorted(m.repo for m in result.hf_cache) == ["org/a", "org/c"]
        assert len(result.refused) == 1
        path, reason = result.refused[0]
        assert "models--org--b" in path and "llama.context_length: 18,446,744,073,709,551,615 is outside" in reason
        assert [row[0] for row in app.ctx.database.query("PRAGMA quick_check")] == ["ok"]
    finally:
        app.close()


def test_the_ollama_scan_goes_past_hostile_manifests(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    import hashlib

    root = tmp_path / "ollama"
    blobs = root / "blobs"
    blobs.mkdir(parents=True)
    digest = hashlib.sha256(tiny_gguf.read_bytes()).hexdigest()
    shutil.copy(tiny_gguf, blobs / f"sha256-{digest}")
    layer = {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}"}
    manifests = root / "manifests" / "registry.ollama.ai" / "library"
    (manifests / "good").mkdir(parents=True)
    (manifests / "good" / "latest").write_text(json.dumps({"layers": [layer]}))
    (manifests / "deep").mkdir()
    (manifests / "deep" / "latest").write_text("[" * 100_000 + "]" * 100_000)
    (manifests / "odd").mkdir()
    (manifests / "odd" / "latest").write_text(json.dumps({"layers": ["not a layer", {"mediaType": layer["mediaType"], "digest": "../../../etc/passwd"}]}))
    (manifests / "list").mkdir()
    (manifests / "list" / "latest").write_text("[1, 2]")
    if hasattr(os, "mkfifo"):
        (manifests / "pipe").mkdir()
        os.mkfifo(manifests / "pipe" / "latest")
    refused: list[tuple[str, str]] = []
    found = library.scan_ollama(root, refused)
    assert [m.name for m in found] == ["good:latest"]
    reasons = {Path(p).parent.name: r for p, r in refused}
    assert "nested too deeply" in reasons["deep"]
    assert "not a SHA-256" in reasons["odd"]
    if hasattr(os, "mkfifo"):
        assert "named pipe" in reasons["pipe"]
    _healthy(library)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_like_a_model_is_refused_unopened(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(tiny_gguf, folder / "good.gguf")
    os.mkfifo(folder / "pipe.gguf")
    added, refused = library.import_path(folder)  # would block forever if the FIFO were opened
    assert [Path(m.path).name for m in added] == ["good.gguf"]
    assert "not a file" in dict(refused)[str(folder / "pipe.gguf")]


@pytest.mark.skipif(sys.platform == "win32", reason="symlink loops need privileges on Windows")
def test_a_symlink_loop_is_refused(library: Library, tmp_path: Path) -> None:
    loop = tmp_path / "loop.gguf"
    loop.symlink_to(loop)
    with pytest.raises(InvalidInput):
        library.add_file(loop)
