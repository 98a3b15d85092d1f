"""The library: import, refusal with reasons, HF cache and Ollama discovery, removal."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library


@pytest.fixture
def library() -> Library:
    return Library(AppContext.open().database)


def test_import_a_file_reads_its_header(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tiny-Q8_0.gguf"
    shutil.copy(tiny_gguf, copy)
    added, refused = library.import_path(copy)
    assert refused == [] and len(added) == 1
    model = added[0]
    assert model.architecture == "llama" and model.quant == "F32" and model.context_length == 4096
    assert model.parameters > 100_000 and model.size_bytes == copy.stat().st_size
    assert model.sha256 == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert model.source == "synthetic" and model.synthetic
    assert library.get("tiny-Q8_0").id == model.id
    again, _ = library.import_path(copy)
    assert len(library.list()) == 1 and again[0].id == model.id, "importing twice does not duplicate"


def test_folder_import_refuses_bad_files_with_reasons_and_keeps_them(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(tiny_gguf, folder / "good.gguf")
    (folder / "fake.gguf").write_bytes(b"<html>404 not found</html>")
    (folder / "cut.gguf").write_bytes(tiny_gguf.read_bytes()[:200_000])
    (folder / "notes.txt").write_text("ignored")
    added, refused = library.import_path(folder)
    assert [m.path for m in added] == [str((folder / "good.gguf").resolve())]
    reasons = dict(refused)
    assert "not a GGUF file" in reasons[str(folder / "fake.gguf")]
    assert "truncated" in reasons[str(folder / "cut.gguf")]
    assert (folder / "fake.gguf").exists() and (folder / "cut.gguf").exists()


def test_split_model_with_a_missing_part_is_refused(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    shutil.copy(tiny_gguf, tmp_path / "m-Q4_0-00001-of-00002.gguf")
    with pytest.raises(InvalidInput, match="00002-of-00002.gguf is missing"):
        library.add_file(tmp_path / "m-Q4_0-00001-of-00002.gguf")


def test_models_in_the_hugging_face_cache_are_used_in_place(library: Library, hub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    cache = tmp_path / "hf-cache"
    path = hf_hub_download("hangar-test/tiny-llama-GGUF", "tiny-llama-Q8_0.gguf", endpoint=hub.endpoint, cache_dir=cache)
    found = library.scan_hf_cache(cache)
    assert len(found) == 1
    model = found[0]
    assert model.repo == "hangar-test/tiny-llama-GGUF" and model.source == "hf-cache"
    assert model.sha256 == hashlib.sha256(Path(path).read_bytes()).hexdigest()
    assert model.revision == hub.state.repos["hangar-test/tiny-llama-GGUF"].sha
    with pytest.raises(InvalidInput, match="does not delete other tools' files"):
        library.remove(model, delete_file=True)
    assert Path(path).exists()
    library.remove(model, delete_file=False)
    assert library.list() == [] and Path(path).exists()


def test_ollama_models_are_found_by_their_manifests(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    root = tmp_path / "ollama"
    digest = hashlib.sha256(tiny_gguf.read_bytes()).hexdigest()
    (root / "blobs").mkdir(parents=True)
    shutil.copy(tiny_gguf, root / "blobs" / f"sha256-{digest}")
    manifest = root / "manifests" / "registry.ollama.ai" / "library" / "qwen3" / "0.6b"
    manifest.parent.mkdir(parents=True)
    manifest.write_text(json.dumps({"layers": [
        {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}", "size": tiny_gguf.stat().st_size},
        {"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:00", "size": 10},
    ]}))  # fmt: skip
    found = library.scan_ollama(root)
    assert [m.name for m in found] == ["qwen3:0.6b"]
    assert found[0].sha256 == digest and found[0].source == "ollama" and found[0].family == "qwen"


def test_removing_a_downloaded_model_frees_its_disk(library: Library, tiny_gguf: Path, tmp_path: Path) -> None:
    path = tmp_path / "dl.gguf"
    shutil.copy(tiny_gguf, path)
    model = library.add_file(path, source="download", repo="a/b", revision="0" * 40)
    freed = library.remove(model, delete_file=True)
    assert freed == tiny_gguf.stat().st_size and not path.exists()
    with pytest.raises(InvalidInput, match="No model"):
        library.get("dl")


def test_a_model_that_cannot_be_deleted_is_left_whole_with_a_plain_message(tiny_gguf: Path, tmp_path: Path, monkeypatch) -> None:
    """A split model whose second part is in use (Windows refuses to rename an open file):
    nothing is deleted, the library keeps it, and the message says what to do."""
    import shutil

    from hangar.core.app import Hangar
    from hangar.core.common.errors import InvalidInput

    app = Hangar.open()
    parts = [Path(shutil.copy(tiny_gguf, tmp_path / f"split-0000{i}-of-00002.gguf")) for i in (1, 2)]
    model = app.library.add_file(parts[0])
    app.ctx.database.execute("UPDATE models SET source = 'download' WHERE id = ?", (model.id,))
    real_rename = Path.rename

    def rename(self, target):
        if self.name == parts[1].name:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(InvalidInput, match="could not be deleted") as refused:
        app.library.remove(model.id, delete_file=True)
    assert "Nothing was deleted" in refused.value.hint
    assert all(p.exists() for p in parts) and app.library.by_id(model.id) is not None
    monkeypatch.setattr(Path, "rename", real_rename)
    _model, freed = app.library.remove(model.id, delete_file=True)
    assert freed == 2 * tiny_gguf.stat().st_size and not any(p.exists() for p in parts)
    app.close()
