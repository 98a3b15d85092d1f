"""The log file never holds a secret, whoever writes the line."""

from __future__ import annotations

import logging
from pathlib import Path

from hangar.core.config.logs import redact, setup_logging


def test_tokens_and_authorization_headers_are_redacted() -> None:
    line = "GET /x headers={'authorization': 'Bearer hf_abcdefghijklmnopqrstuvwxyz'} token=hf_SECRETSECRETSECRET1234"
    cleaned = redact(line)
    assert "hf_abcdefghijklmnopqrstuvwxyz" not in cleaned
    assert "SECRETSECRET" not in cleaned
    assert "GET /x" in cleaned


def test_file_handler_writes_redacted_lines_and_is_installed_once(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "hangar.log"
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(log_file)
        setup_logging(log_file)
        added = [h for h in root.handlers if h not in before]
        assert len(added) == 1
        logging.getLogger("hangar.test").warning("login with hf_zzzzzzzzzzzzzzzzzzzzzzzz done")
        added[0].flush()
        text = log_file.read_text()
        assert "login with hf_*** done" in text
        assert "zzzzzzzz" not in text
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
