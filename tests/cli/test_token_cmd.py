"""hangar-cli token status says where the token in use comes from, never the token itself."""

from __future__ import annotations

import json

from ..conftest import run_cli


def test_status_names_the_environment_variable_without_showing_it() -> None:
    result = run_cli("token", "status", "--json", env={"HF_TOKEN": "hf_fromtheenvironment123"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"stored": True, "source": "environment"}
    assert "hf_fromtheenvironment123" not in result.stdout + result.stderr
    plain = run_cli("token", "status", env={"HF_TOKEN": "hf_fromtheenvironment123"})
    assert "HF_TOKEN environment variable" in plain.stdout
