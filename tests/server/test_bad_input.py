"""Bad input, each with a test: the right error object (or a clean close), and the server
keeps serving the next request; nothing logged holds a key or a prompt."""

from __future__ import annotations

import json
import logging
import threading
import time

import httpx2 as httpx
import pytest

from hangar.core.app.pool_terms import ServeOptions

from .conftest import ALIAS, serving

pytestmark = pytest.mark.slow
CHAT = "/v1/chat/completions"
GOOD = {"model": ALIAS, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2}


def _post(runner, body, path: str = CHAT, timeout: float = 60, **kwargs) -> httpx.Response:
    content = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return httpx.post(runner.url + path, content=content, headers={"Content-Type": "application/json", **kwargs.pop("headers", {})}, timeout=timeout, **kwargs)


def _error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["message"]
    return error


def _still_serves(runner) -> None:
    response = _post(runner, GOOD)
    assert response.status_code == 200, response.text
    assert response.json()["choices"][0]["finish_reason"] in ("stop", "length")


@pytest.mark.parametrize("raw", [b"{not json", b"", b"\xff\xfe", b'{"model": "x",'])
def test_invalid_json(served, raw) -> None:
    _app, runner = served
    error = _error(_post(runner, raw), 400)
    assert error["type"] == "invalid_request_error" and error["code"] == "invalid_json"
    _still_serves(runner)


@pytest.mark.parametrize("body", [[1, 2], "hello", 42, None])
def test_a_body_that_is_not_an_object(served, body) -> None:
    _app, runner = served
    error = _error(_post(runner, json.dumps(body)), 400)
    assert "JSON object" in error["message"]
    _still_serves(runner)


@pytest.mark.parametrize("messages, param", [
    ("hello", "messages"),
    ({"role": "user", "content": "hi"}, "messages"),
    ([1], "messages[0]"),
    (["hi"], "messages[0]"),
    ([{"role": "robot", "content": "hi"}], "messages[0].role"),
    ([{"content": "hi"}], "messages[0].role"),
    ([{"role": "user", "content": 5}], "messages[0].content"),
    ([{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}], "messages[0].content"),
])  # fmt: skip
def test_messages_of_the_wrong_type(served, messages, param) -> None:
    _app, runner = served
    error = _error(_post(runner, {**GOOD, "messages": messages}), 400)
    assert error["param"] == param
    _still_serves(runner)


def test_an_empty_message_list_and_none(served) -> None:
    _app, runner = served
    assert _error(_post(runner, {**GOOD, "messages": []}), 400)["param"] == "messages"
    body = dict(GOOD)
    del body["messages"]
    assert _error(_post(runner, body), 400)["code"] == "missing_required_parameter"
    _still_serves(runner)


def test_unknown_model_names_the_available_ones(served) -> None:
    _app, runner = served
    error = _error(_post(runner, {**GOOD, "model": "gpt-4o"}), 404)
    assert error["code"] == "model_not_found" and error["param"] == "model"
    assert "gpt-4o" in error["message"] and ALIAS in error["message"]
    assert _error(_post(runner, {"model": "gpt-4o", "prompt": "x"}, "/v1/completions"), 404)["code"] == "model_not_found"
    assert _error(_post(runner, {**GOOD, "model": 5}), 400)["param"] == "model"
    _still_serves(runner)


@pytest.mark.parametrize("name", ["max_tokens", "max_completion_tokens"])
@pytest.mark.parametrize("value", [-1, 0, 10**9, 2**63, 1.5, "10", True])
def test_negative_or_huge_max_tokens(served, name, value) -> None:
    _app, runner = served
    body = {**GOOD, name: value}
    body.pop("max_tokens", None) if name != "max_tokens" else None
    error = _error(_post(runner, body), 400)
    assert error["param"] == name
    _still_serves(runner)


@pytest.mark.parametrize("name, value", [("temperature", -0.1), ("temperature", 2.5), ("temperature", "hot"), ("temperature", float("inf")),
                                         ("top_p", 1.5), ("top_p", -1), ("seed", "x"), ("stop", 5), ("stop", ["a", "b", "c", "d", "e"]),
                                         ("stream", "yes"), ("n", 2), ("presence_penalty", -2.5), ("presence_penalty", "lots"),
                                         ("frequency_penalty", 3)])  # fmt: skip
def test_sampling_values_out_of_range(served, name, value) -> None:
    _app, runner = served
    raw = json.dumps({**GOOD, name: value}).replace("Infinity", "1e999")
    error = _error(_post(runner, raw), 400)
    assert error["param"] == name, error
    _still_serves(runner)


def test_penalties_at_zero_are_accepted(served) -> None:
    _app, runner = served
    assert _post(runner, {**GOOD, "presence_penalty": 0, "frequency_penalty": 0.0}).status_code == 200


@pytest.mark.parametrize("fmt, param", [
    ({"type": "json_schema", "json_schema": {"name": "a", "schema": "not a schema"}}, "response_format.json_schema.schema"),
    ({"type": "json_schema", "json_schema": {"name": "a", "schema": {"type": "banana"}}}, "response_format.json_schema.schema.type"),
    ({"type": "json_schema", "json_schema": {"name": "a", "schema": {"type": "object", "properties": ["x"]}}}, "response_format.json_schema.schema.properties"),
    ({"type": "json_schema", "json_schema": {"name": "a", "schema": {"type": "object", "properties": {"x": {"type": 7}}}}},
     "response_format.json_schema.schema.properties.x.type"),
    ({"type": "json_schema", "json_schema": {"name": "a", "schema": {"type": "object", "required": "x"}}}, "response_format.json_schema.schema.required"),
    ({"type": "json_schema", "json_schema": {"name": "bad name!", "schema": {}}}, "response_format.json_schema.name"),
    ({"type": "json_schema"}, "response_format.json_schema"),
    ({"type": "xml"}, "response_format.type"),
    ("json", "response_format"),
])  # fmt: skip
def test_an_invalid_json_schema(served, fmt, param) -> None:
    _app, runner = served
    error = _error(_post(runner, {**GOOD, "response_format": fmt}), 400)
    assert error["param"] == param, error
    _still_serves(runner)


def test_a_body_past_the_limit(served) -> None:
    _app, runner = served
    huge = {**GOOD, "messages": [{"role": "user", "content": "x" * (5 * 1024 * 1024)}]}
    error = _error(_post(runner, huge), 400)
    assert error["code"] == "request_too_large"
    _still_serves(runner)


def test_unknown_route_and_method(served) -> None:
    _app, runner = served
    assert _error(httpx.get(runner.url + "/v1/nothing", timeout=10), 404)["code"] == "unknown_url"
    assert _error(httpx.get(runner.url + CHAT, timeout=10), 405)["code"] == "method_not_allowed"


def test_a_client_that_disconnects_mid_stream(tmp_path, tiny_gguf) -> None:
    """A context long enough that the reply would run for seconds: the disconnect ends it at once."""
    with serving(tmp_path / "home", tiny_gguf, serve=ServeOptions(n_parallel=1, n_ctx=32768, runtime="cpu")) as (app, runner):
        _still_serves(runner)
        before = len(app.serving.log)
        body = {**GOOD, "max_tokens": 30000, "stream": True}
        with httpx.Client(timeout=60) as http:
            with http.stream("POST", runner.url + CHAT, json=body) as response:
                assert response.status_code == 200
                seen = 0
                for line in response.iter_lines():
                    seen += line.startswith("data: ")
                    if seen >= 3:
                        break
                left = time.monotonic()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(r.status == "client_disconnected" for r in list(app.serving.log)[before:]):
            time.sleep(0.01)
        ended = time.monotonic() - left
        record = next(r for r in list(app.serving.log)[before:] if r.status == "client_disconnected")
        assert record.finish_reason == "cancelled" and record.completion_tokens < 30000
        assert ended < 2.0, ended  # cancelled within 0.5 s of the disconnect, with room for a busy machine
        _still_serves(runner)
        # not streamed: the client gives up waiting for the whole answer
        before = len(app.serving.log)
        with pytest.raises(httpx.TimeoutException):
            _post(runner, {**GOOD, "max_tokens": 30000}, timeout=1.0)
        left = time.monotonic()
        deadline = left + 10
        while time.monotonic() < deadline and not any(r.status == "client_disconnected" for r in list(app.serving.log)[before:]):
            time.sleep(0.01)
        record = next(r for r in list(app.serving.log)[before:] if r.status == "client_disconnected")
        assert record.finish_reason == "cancelled" and time.monotonic() - left < 2.0
        _still_serves(runner)


def test_a_hundred_connections_on_two_slots(tmp_path, tiny_gguf) -> None:
    """--parallel 2 with a queue of 4: the rest get 503 with Retry-After at once, and the server still serves."""
    with serving(tmp_path / "home", tiny_gguf, serve=ServeOptions(n_parallel=2, queue_size=4, n_ctx=4096, runtime="cpu")) as (_app, runner):
        _still_serves(runner)  # loaded before the rush
        statuses: list[int] = []
        bodies: list[httpx.Response] = []
        lock = threading.Lock()
        go = threading.Event()

        def one() -> None:
            go.wait()
            try:
                response = _post(runner, {**GOOD, "max_tokens": 400}, timeout=300)  # a busy shared CPU may be slow
            except httpx.HTTPError as exc:  # a refused connection would be a failure of the server
                response = exc
            with lock:
                bodies.append(response)

        threads = [threading.Thread(target=one) for _ in range(100)]
        for t in threads:
            t.start()
        go.set()
        for t in threads:
            t.join(300)
        assert all(isinstance(r, httpx.Response) for r in bodies), [r for r in bodies if not isinstance(r, httpx.Response)][:3]
        statuses = [r.status_code for r in bodies]
        assert len(statuses) == 100 and set(statuses) <= {200, 503}, statuses
        assert statuses.count(503) >= 30 and statuses.count(200) >= 6
        busy = next(r for r in bodies if r.status_code == 503)
        assert busy.headers["retry-after"].isdigit()
        assert _error(busy, 503)["code"] == "server_busy"
        assert all(r.json()["choices"][0]["finish_reason"] for r in bodies if r.status_code == 200)
        _still_serves(runner)


def test_a_wrong_key_is_refused_and_never_logged(tmp_path, tiny_gguf, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    home = tmp_path / "home"
    with serving(home, tiny_gguf, api_key_secrets=["file-key-0123456789"]) as (app, runner):
        record, secret = app.api_keys.create("ci")
        wrong = "hk-" + record.id + "-definitely-not-the-secret-value"
        for headers in ({"Authorization": f"Bearer {wrong}"}, {"Authorization": "Bearer sk-wrong-key-abcdef"}, {}, {"Authorization": wrong}):
            error = _error(_post(runner, GOOD, headers=headers), 401)
            assert error["type"] == "authentication_error" and error["code"] == "invalid_api_key"
            assert _error(httpx.get(runner.url + "/v1/models", headers=headers, timeout=10), 401)["code"] == "invalid_api_key"
        assert _post(runner, GOOD, headers={"Authorization": f"Bearer {secret}"}).status_code == 200
        assert _post(runner, GOOD, headers={"Authorization": "Bearer file-key-0123456789"}).status_code == 200
        app.api_keys.revoke("ci")
        assert _post(runner, GOOD, headers={"Authorization": f"Bearer {secret}"}).status_code == 401
        assert httpx.get(runner.url + "/health", timeout=10).status_code == 200  # no key needed to see it is up
    logged = caplog.text + "".join(p.read_text(errors="replace") for p in (home / "logs").glob("*"))
    for key in (wrong, secret, "sk-wrong-key-abcdef", "file-key-0123456789", "definitely-not"):
        assert key not in logged
    assert "hi" not in [r.prompt for r in app.serving.log]
    stored = (home / "server-keys.json").read_text()
    assert secret.split("-", 2)[2] not in stored


def test_another_address_needs_a_key(tmp_path, tiny_gguf) -> None:
    from hangar.core.common.errors import InvalidInput

    with pytest.raises(InvalidInput, match="API key"):
        with serving(tmp_path / "home", tiny_gguf, host="0.0.0.0"):
            pass


def test_a_prompt_longer_than_the_context(served) -> None:
    """Each of the four slots holds 2048 tokens: a longer prompt is a 400, streamed or not."""
    _app, runner = served
    long = {**GOOD, "messages": [{"role": "user", "content": "lorem ipsum dolor " * 3000}]}
    error = _error(_post(runner, long), 400)
    assert error["code"] == "context_length_exceeded"
    assert _error(_post(runner, {**long, "stream": True}), 400)["code"] == "context_length_exceeded"
    _still_serves(runner)
