"""API keys: created with a name, shown once, stored as a salted hash, revoked."""

from __future__ import annotations

import json
import os
import stat

import pytest

from hangar.core.app import Hangar
from hangar.core.app.api_keys import ApiKeys, Authenticator, key_file_secrets, serve_warning_for_address
from hangar.core.common.errors import InvalidInput

from ..conftest import run_cli


def test_create_list_verify_revoke(tmp_path) -> None:
    keys = ApiKeys(tmp_path / "keys.json")
    record, secret = keys.create("laptop")
    assert secret.startswith("hk-" + record.id + "-") and len(secret) > 40
    stored = (tmp_path / "keys.json").read_text()
    assert secret not in stored and secret.split("-", 2)[2] not in stored
    data = json.loads(stored)["keys"][0]
    assert len(bytes.fromhex(data["salt"])) == 16 and len(bytes.fromhex(data["hash"])) == 32
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "keys.json").stat().st_mode) == 0o600
    assert [k.public() for k in keys.list()] == [{"id": record.id, "name": "laptop", "created_at": record.created_at}]
    assert keys.verify(secret).name == "laptop"
    assert keys.verify(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert keys.verify("hk-" + record.id + "-") is None and keys.verify("") is None and keys.verify(None) is None
    assert keys.verify("x" * 10_000) is None
    with pytest.raises(InvalidInput):
        keys.create("laptop")
    with pytest.raises(InvalidInput):
        keys.create("")
    keys.revoke("laptop")
    assert keys.list() == [] and keys.verify(secret) is None
    with pytest.raises(InvalidInput):
        keys.revoke("laptop")


def test_authenticator_and_addresses(tmp_path) -> None:
    keys = ApiKeys(tmp_path / "keys.json")
    open_auth = Authenticator(keys)
    assert not open_auth.required and open_auth.check(None)
    assert serve_warning_for_address("127.0.0.1", open_auth) is None
    assert "API key" in serve_warning_for_address("0.0.0.0", open_auth)
    (tmp_path / "file").write_text("# ours\nsecret-one\n\n")
    assert key_file_secrets(tmp_path / "file") == ["secret-one"]
    auth = Authenticator(keys, key_file_secrets(tmp_path / "file"))
    assert auth.required and auth.check("secret-one") and not auth.check("secret-two") and not auth.check(None)
    assert serve_warning_for_address("0.0.0.0", auth) is None
    (tmp_path / "empty").write_text("\n# nothing\n")
    with pytest.raises(InvalidInput):
        key_file_secrets(tmp_path / "empty")


def test_hangar_cli_keys(tmp_path) -> None:
    created = run_cli("keys", "create", "ci", "--json")
    assert created.returncode == 0, created.stderr
    secret = json.loads(created.stdout)["key"]
    listed = json.loads(run_cli("keys", "list", "--json").stdout)["keys"]
    assert [k["name"] for k in listed] == ["ci"] and secret not in json.dumps(listed)
    app = Hangar.open()
    try:
        assert app.api_keys.verify(secret).name == "ci"
    finally:
        app.close()
    assert run_cli("keys", "revoke", "ci").returncode == 0
    assert json.loads(run_cli("keys", "list", "--json").stdout)["keys"] == []
    assert run_cli("keys", "revoke", "ci").returncode == 1
