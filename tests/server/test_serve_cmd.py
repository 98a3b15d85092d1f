"""hangar-cli serve as a user runs it: a child process, one JSON line when it listens, SIGTERM stops it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import httpx2 as httpx
import pytest

from ..conftest import run_cli

pytestmark = pytest.mark.slow


def _import(tiny_gguf, tmp_path):
    model = tmp_path / "Cli-Tiny.gguf"
    model.write_bytes(tiny_gguf.read_bytes())
    assert run_cli("import", str(model)).returncode == 0


def test_serve_listens_answers_and_stops(tiny_gguf, tmp_path) -> None:
    _import(tiny_gguf, tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "hangar.cli", "serve", "cli-tiny", "--port", "0", "--parallel", "2", "--runtime", "cpu", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))  # fmt: skip
    try:
        line = proc.stdout.readline()
        info = json.loads(line)
        assert info["event"] == "listening" and info["host"] == "127.0.0.1" and info["port"] > 0 and info["parallel"] == 2
        assert info["models"][0]["alias"] == "cli-tiny" and info["models"][0]["state"] == "ready"  # preloaded
        from openai import OpenAI

        with OpenAI(base_url=info["url"] + "/v1", api_key="none", max_retries=0) as client:
            reply = client.chat.completions.create(model="cli-tiny", messages=[{"role": "user", "content": "hi"}], max_tokens=3)
        assert reply.usage.completion_tokens == 3
        assert httpx.get(info["url"] + "/health", timeout=10).json()["status"] == "ok"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    summary = json.loads(out)
    assert summary["requests"] == 1 and summary["ok"] == 1, err


def test_serve_refuses_another_address_without_a_key(tiny_gguf, tmp_path) -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "0", "--json", timeout=60)
    assert result.returncode == 1
    assert "API key" in json.loads(result.stderr.strip().splitlines()[-1])["error"]["message"]


def test_serve_refuses_an_unknown_model_before_listening(tiny_gguf, tmp_path) -> None:
    _import(tiny_gguf, tmp_path)
    result = run_cli("serve", "no-such-model", "--port", "0", timeout=60)
    assert result.returncode == 1 and "no-such-model" in result.stderr and "cli-tiny" in result.stderr
