"""A policy file (and a knowledge-base entry) is bounded: `--policy /dev/zero` read 5.8 GB (issue 14)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.licenses.kb import KnowledgeBase
from hangar.core.licenses.policy import MAX_POLICY_BYTES, Policy


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(InvalidInput, match="Cannot read the policy file /dev/zero: it is a device, not a regular file"):
        Policy.load(Path("/dev/zero"))
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    os.mkfifo(path)
    errors: list[BaseException] = []

    def load() -> None:
        try:
            Policy.load(path)
        except InvalidInput as exc:
            errors.append(exc)

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(5)
    assert errors and "named pipe" in errors[0].message


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    with open(path, "wb") as handle:
        handle.truncate(6 * 1024**3)  # 6 GiB, sparse: nothing of it is read
    with pytest.raises(InvalidInput, match="more than the 1.0 MiB") as raised:
        Policy.load(path)
    assert str(path) in raised.value.message
    assert MAX_POLICY_BYTES == 1024 * 1024


def test_deep_nesting_is_not_a_policy(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InvalidInput, match="not JSON: it is nested too deeply"):
        Policy.load(path)


def test_a_policy_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(b"\xef\xbb\xbf" + Policy(name="Ours", territories=["DE"]).to_json().encode())
    assert Policy.load(path).territories == ["DE"]


def test_a_damaged_knowledge_base_entry_is_named(tmp_path: Path) -> None:
    from hangar.core.config.resources import resource

    folder = tmp_path / "licenses"
    shutil.copytree(resource("licenses"), folder)
    (folder / "zz-deep.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InvalidInput, match="zz-deep.json is damaged: it is nested too deeply"):
        KnowledgeBase(folder)
    (folder / "zz-deep.json").write_text('{"name": "no id"}')
    with pytest.raises(InvalidInput, match="zz-deep.json is damaged: KeyError"):
        KnowledgeBase(folder)
