"""The runtime registry: the real CPU build, and CUDA/CANN folders in every broken state."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineError
from hangar.core.runner.placement import start_model
from hangar.core.runner.runtimes import Runtime, best_runtime, cpu_library_dir, detect_runtime, installed_version

pytestmark = pytest.mark.slow


def _fake_build(root: Path, name: str, *, version: str | None = None, backend: bool = True, real_libs: bool = False) -> Path:
    folder = root / name
    lib = folder / "lib"
    lib.mkdir(parents=True)
    if real_libs:  # the CPU libraries stand in for a GPU build that finds no GPU
        for item in cpu_library_dir().iterdir():
            shutil.copy2(item, lib / item.name, follow_symlinks=False)
    if backend:
        (lib / ("libggml-cuda.so" if name == "cuda" else "libggml-cann.so")).write_bytes(b"")
    (folder / "manifest.json").write_text(json.dumps({"name": name, "llama_cpp_python": version or installed_version(), "lib_dir": "lib"}))
    return folder


def test_cpu_runtime_is_the_installed_llama_cpp_python(tmp_path: Path) -> None:
    cpu = detect_runtime("cpu", tmp_path)
    assert cpu.available and cpu.version == installed_version()
    assert any(d["type"] == "cpu" for d in cpu.devices)
    assert "AVX" in cpu.system_info or "NEON" in cpu.system_info or cpu.system_info
    assert cpu.env() == {}


@pytest.mark.parametrize("name", ["cuda", "cann"])
def test_missing_build_says_how_to_add_it(tmp_path: Path, name: str) -> None:
    runtime = detect_runtime(name, tmp_path)
    assert not runtime.available and "not installed" in runtime.reason
    assert f"installers/backends/build-{name}.sh" in runtime.install_command


def test_build_for_another_version_is_refused(tmp_path: Path) -> None:
    _fake_build(tmp_path, "cuda", version="0.0.1")
    runtime = detect_runtime("cuda", tmp_path)
    assert not runtime.available and "0.0.1" in runtime.reason and "rebuild" in runtime.reason


def test_cann_build_missing_its_backend_library_is_caught(tmp_path: Path) -> None:
    _fake_build(tmp_path, "cann", backend=False)
    runtime = detect_runtime("cann", tmp_path)
    assert not runtime.available and "libggml-cann.so is missing" in runtime.reason


def test_a_build_that_sees_no_gpu_is_unavailable_with_the_reason(tmp_path: Path) -> None:
    folder = _fake_build(tmp_path, "cuda", real_libs=True)
    runtime = detect_runtime("cuda", tmp_path)
    assert not runtime.available and "sees no device" in runtime.reason
    assert runtime.library_path == str(folder / "lib")
    assert best_runtime([detect_runtime("cpu", tmp_path), runtime]).name == "cpu"


def test_gpu_load_failure_falls_back_to_cpu_and_says_why(tmp_path: Path, tiny_gguf: Path) -> None:
    broken = Runtime("cuda", True, library_path=str(tmp_path / "no-such-build"))
    options = P.LoadOptions(path=str(tiny_gguf), n_ctx=256)
    statuses: list[str] = []
    client, placement = start_model(options, broken, allow_fallback=True, runtimes_dir=tmp_path, on_status=statuses.append)
    try:
        assert placement.runtime == "cpu" and placement.fallback_reason
        assert "fell back to CPU" in placement.summary()
        assert statuses and "CPU instead" in statuses[0]
        assert client.model.n_ctx == 256
    finally:
        client.close()
    with pytest.raises(EngineError):
        start_model(options, broken, allow_fallback=False, runtimes_dir=tmp_path)
