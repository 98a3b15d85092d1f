"""hangar-cli bench-serve as a user runs it: the table, --json and --out, the key from a file or the
environment (never shown), errors in one line, Ctrl-C that still prints what was measured, and Hangar's
own server as the target (``local``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hangar.cli import main
from hangar.core.config.context import AppContext

from ..conftest import run_cli
from ..loadgen.fake_endpoint import Behaviour, FakeEndpoint, FakeProcess

ARGS = ["--model", "fake-model", "--concurrency", "1,2", "--requests", "3", "--prompt-tokens", "40", "--output-tokens", "8"]


@pytest.fixture(scope="module")
def endpoint():
    with FakeEndpoint() as fake:
        yield fake


@pytest.fixture
def fake(endpoint: FakeEndpoint) -> FakeEndpoint:
    endpoint.behaviour = Behaviour(ttft_s=0.01, per_token_s=0.002)
    return endpoint


def test_the_table_shows_each_level_and_progress_goes_to_stderr(fake, capsys) -> None:
    assert main(["bench-serve", fake.url, *ARGS, "--slo-ttft-ms", "5000"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"fake-model at {fake.url}/v1 (fake-engine)")
    assert "conc  status" in out and "TTFT ms" in out and "goodput" in out and "goodput: requests per second meeting TTFT <= 5000 ms" in out
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(("1 ", "2 "))]
    assert [(r[0], r[1], r[2]) for r in rows] == [("1", "ok", "3/0"), ("2", "ok", "3/0")]
    assert "Prompts are exactly 40 tokens" in err and "level 2/2" in err and "concurrency 2: 3/3 requests" in err
    assert "stored as fleet run #" in err


def test_json_is_the_run_document_and_out_writes_it_too(fake, capsys, tmp_path: Path) -> None:
    target = tmp_path / "run.json"
    assert main(["bench-serve", fake.url, *ARGS, "--json", "--out", str(target), "--label", "gpu-box-7"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "hangar.run/1" and document["kind"] == "bench-serve" and document["machine"]["label"] == "gpu-box-7"
    assert [level["max_concurrency"] for level in document["levels"]] == [1, 2]
    assert json.loads(target.read_text()) == document
    stored = AppContext.open().database.query("SELECT kind, machine_label FROM fleet_runs")
    assert [(r["kind"], r["machine_label"]) for r in stored] == [("bench-serve", "gpu-box-7")]


def test_the_key_comes_from_a_file_or_the_environment_and_is_never_printed(fake, capsys, tmp_path: Path, monkeypatch) -> None:
    secret = "sk-bench-serve-secret-0123456789"
    fake.behaviour.api_key = secret
    key_file = tmp_path / "key"
    key_file.write_text(f"# the endpoint's key\n{secret}\n")
    assert main(["bench-serve", fake.url, *ARGS, "--api-key-file", str(key_file), "--json"]) == 0
    out, err = capsys.readouterr()
    assert secret not in out + err and fake.behaviour.headers_seen[-1]["authorization"] == f"Bearer {secret}"
    monkeypatch.setenv("HANGAR_API_KEY", secret)
    assert main(["bench-serve", fake.url, *ARGS]) == 0
    out, err = capsys.readouterr()
    assert secret not in out + err
    monkeypatch.delenv("HANGAR_API_KEY")
    assert main(["bench-serve", fake.url, *ARGS]) == 1
    err = capsys.readouterr().err
    assert "error: The endpoint at" in err and "HTTP 401" in err and "--api-key-file" in err


def test_a_saved_endpoint_by_its_name_with_its_key_from_the_keyring(fake, capsys) -> None:
    from hangar.core.app import Hangar

    secret = "sk-cluster-a-secret-0123456789"
    fake.behaviour.api_key = secret
    app = Hangar.open()
    app.endpoints.add("cluster-a", fake.url, api_key=secret)
    app.close()
    assert main(["bench-serve", "cluster-a", *ARGS, "--json"]) == 0
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert document["target"]["base_url"] == f"{fake.url}/v1" and document["target"]["kind"] == "endpoint"
    assert document["machine"]["label"] == "cluster-a", "the endpoint's name is what was measured"
    assert f"Prompts and replies leave this machine and go to {fake.url}/v1." in err and secret not in out + err
    assert fake.behaviour.headers_seen[-1]["authorization"] == f"Bearer {secret}"


def test_a_saved_endpoint_the_policy_forbids_or_a_model_it_blocks(fake, capsys) -> None:
    from hangar.core.app import Hangar
    from hangar.core.licenses.policy import Policy

    fake.behaviour.models = ("qwen2.5:3b", "fake-model")
    app = Hangar.open()
    app.endpoints.add("cluster-a", fake.url)
    assert main(["bench-serve", "cluster-a", "--model", "qwen2.5:3b", "--concurrency", "1", "--requests", "1"]) == 1
    assert "error: The license policy blocks qwen2.5:3b (cluster-a)" in capsys.readouterr().err
    app.policy.replace(Policy(name="On premises only", allow_remote_endpoints=False))
    app.close()
    assert main(["bench-serve", "cluster-a", *ARGS]) == 1
    assert 'error: The license policy "On premises only" forbids remote endpoints' in capsys.readouterr().err
    assert fake.behaviour.seen == [], "nothing was sent"


def test_a_key_on_the_command_line_is_not_an_option(fake, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["bench-serve", fake.url, *ARGS, "--api-key", "sk-nope-0123456789"])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and "never taken on the command line" in err and "sk-nope" not in err


@pytest.mark.parametrize(("args", "message"), [
    (["--concurrency", "0"], "concurrency levels must be 1 or more"),
    (["--concurrency", "1,x"], "not a list of whole numbers"),
])  # fmt: skip
def test_bad_levels_are_usage_errors(fake, capsys, args: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["bench-serve", fake.url, "--model", "fake-model", *args])
    assert caught.value.code == 2 and message in capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), [
    (["--model", "nope"], "does not serve a model named nope; it lists: fake-model, other-model"),
    (["--model", "fake-model", "--requests", "0"], "requests must be a whole number from 1"),
    (["--model", "fake-model", "--slo-ttft-ms", "-5"], "slo-ttft-ms must be a number of milliseconds above 0"),
    (["--model", "fake-model", "--rate", "0"], "rate must be a number above 0"),
])  # fmt: skip
def test_refusals_are_one_line_with_their_reason(fake, capsys, args: list[str], message: str) -> None:
    assert main(["bench-serve", fake.url, *args]) == 1
    err = capsys.readouterr().err
    assert "error: " in err and message in err.split("error: ", 1)[1]


def test_nothing_listening_and_a_word_that_is_no_address(capsys) -> None:
    assert main(["bench-serve", "http://127.0.0.1:9", "--model", "m"]) == 1
    assert "error: Nothing answers at http://127.0.0.1:9/v1" in capsys.readouterr().err
    assert main(["bench-serve", "somewhere", "--model", "m"]) == 1
    assert "is not an endpoint address" in capsys.readouterr().err


def test_a_failed_level_is_shown_with_its_reason(fake, capsys) -> None:
    fake.behaviour.mode, fake.behaviour.tokens_when_ignoring = "ignore_max_tokens", 400  # calibration reads only the prompt's count
    assert main(["bench-serve", fake.url, "--model", "fake-model", "--concurrency", "1", "--requests", "2", "--output-tokens", "128"]) == 1
    out = capsys.readouterr().out
    assert "   1  failed" in out and "concurrency 1: asked for 128 tokens, got 400: the endpoint at" in out


def _wait_for(stream, text: str, timeout_s: float = 60) -> str:
    seen = ""
    deadline = time.monotonic() + timeout_s
    while text not in seen and time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            break
        seen += line
    return seen


@pytest.mark.slow
def test_ctrl_c_cancels_and_prints_what_was_measured() -> None:
    with FakeProcess({"ttft_s": 0.05, "per_token_s": 0.02}) as fake:
        child = subprocess.Popen([sys.executable, "-m", "hangar.cli", "bench-serve", fake.url, "--model", "fake-model", "--concurrency", "2,4",
                                  "--requests", "40", "--output-tokens", "32", "--prompt-tokens", "16"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=os.environ.copy())  # fmt: skip
        try:
            err = _wait_for(child.stderr, "concurrency 2: ")
            assert "concurrency 2: " in err, err
            asked = time.monotonic()
            child.send_signal(signal.SIGINT)
            out, rest = child.communicate(timeout=30)
            elapsed = time.monotonic() - asked
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == 130, rest
    assert "cancelling ..." in rest and elapsed < 5
    rows = [line.split() for line in out.splitlines() if line.strip().startswith("2 ")]
    assert rows and rows[0][1] == "cancelled" and "Cancelled after" in out
    assert not any(line.strip().startswith("4 ") for line in out.splitlines())  # the next level never started


@pytest.mark.slow
def test_local_serves_a_library_model_with_hangars_own_server(tiny_gguf: Path, tmp_path: Path) -> None:
    model = tmp_path / "Tiny-Bench.gguf"
    model.write_bytes(tiny_gguf.read_bytes())
    assert run_cli("import", str(model)).returncode == 0
    result = run_cli("bench-serve", "local", "--model", "tiny-bench", "--concurrency", "1,2", "--requests", "3", "--prompt-tokens", "32",
                     "--output-tokens", "16", "--runtime", "cpu", "--json", timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["target"]["kind"] == "hangar" and document["target"]["model"] == "tiny-bench" and document["target"]["engine"] == "hangar"
    assert document["target"]["base_url"].startswith("http://127.0.0.1:")
    for level in document["levels"]:
        assert level["status"] == "ok" and [s["output_tokens"] for s in level["samples"]] == [16, 16, 16]
    assert "loading tiny-bench with 2 parallel sequences" in result.stderr and "Prompts are" in result.stderr


def test_local_without_a_model_or_with_an_unknown_one(capsys) -> None:
    assert main(["bench-serve", "local"]) == 1
    assert "bench-serve local needs --model" in capsys.readouterr().err
    assert main(["bench-serve", "local", "--model", "no-such-model"]) == 1
    assert "no-such-model" in capsys.readouterr().err
