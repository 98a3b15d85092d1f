from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.gguf.synth import write_synthetic


@pytest.fixture(scope="session")
def second_tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another synthetic model (its own file), so two columns load two workers."""
    return write_synthetic(tmp_path_factory.mktemp("models") / "tiny-two.gguf", "tiny")
