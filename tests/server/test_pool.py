"""The model pool (core/app/serving.py) as the server uses it: names, the license policy,
keep-alive, state announcements, and the queue bound."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx2 as httpx
import openai
import pytest

from hangar.core.app import Hangar
from hangar.core.app.changes import Change
from hangar.core.app.pool_terms import ModelNotFound, ModelRefused, ModelState, ServeOptions, ServerBusy
from hangar.core.app.serving import _load_request
from hangar.core.runner import protocol as P

from .conftest import serving

pytestmark = pytest.mark.slow
NON_COMMERCIAL = ("Attribution-NonCommercial 4.0 International\n\nCC BY-NC 4.0\n"
                  "NonCommercial means not primarily intended for or directed towards commercial advantage or monetary compensation.\n")  # fmt: skip


def _app_with(tmp_path: Path, tiny_gguf: Path, name: str = "My-Model.gguf") -> tuple[Hangar, int]:
    app = Hangar.open()
    folder = tmp_path / "models"
    folder.mkdir(exist_ok=True)
    model = app.library.add_file(Path(shutil.copy(tiny_gguf, folder / name)))
    return app, model.id


def test_names_alias_id_and_unknown(tmp_path, tiny_gguf) -> None:
    app, model_id = _app_with(tmp_path, tiny_gguf)
    try:
        pool = app.serving
        assert pool.find("my-model").id == str(model_id) and pool.find(str(model_id)).alias == "my-model"
        assert pool.find("My-Model.gguf").alias == "my-model"
        with pytest.raises(ModelNotFound) as caught:
            pool.find("llama-70b")
        assert caught.value.available == ["my-model"] and "my-model" in caught.value.message
    finally:
        app.close()


def test_keep_alive_unloads_an_idle_model_and_says_so(tmp_path, tiny_gguf) -> None:
    app, _model_id = _app_with(tmp_path, tiny_gguf)
    seen = []
    app.changes.subscribe(lambda report: seen.append(report) if report.change is Change.SERVER else None)
    try:
        pool = app.serving
        pool.configure(ServeOptions(keep_alive_s=0.5, runtime="cpu", n_ctx=1024))
        lease = pool.acquire("my-model", "test")
        events = list(lease.stream(P.GenerateOptions(prompt="hi", max_tokens=3)))
        lease.release()
        assert isinstance(events[-1], P.Done) and events[-1].n_generated == 3
        entry = pool.find("my-model")
        assert entry.state == ModelState.READY and entry.loaded is not None
        client = entry.loaded.client
        pool.start_keep_alive(interval_s=0.1)
        deadline = time.monotonic() + 10
        while (entry.loaded is not None or entry.state != ModelState.UNLOADED) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert entry.loaded is None and entry.state == ModelState.UNLOADED and not client.alive
        states = [r.detail.state for r in seen if r.detail.kind == "model"]
        assert states == [ModelState.LOADING, ModelState.READY, ModelState.BUSY, ModelState.READY, ModelState.UNLOADED]
        # the next request loads it again
        lease = pool.acquire("my-model", "test")
        assert list(lease.stream(P.GenerateOptions(prompt="hi", max_tokens=2)))[-1].n_generated == 2
        lease.release()
    finally:
        app.close()


def test_the_queue_is_bounded(tmp_path, tiny_gguf) -> None:
    app, _model_id = _app_with(tmp_path, tiny_gguf)
    try:
        pool = app.serving
        pool.configure(ServeOptions(n_parallel=2, queue_size=1))
        leases = [pool.acquire("my-model") for _ in range(3)]
        with pytest.raises(ServerBusy) as caught:
            pool.acquire("my-model")
        assert caught.value.retry_after_s >= 1
        leases.pop().release()  # one that never started leaves the queue
        leases.append(pool.acquire("my-model"))
        for lease in leases:
            lease.release()
        assert pool.find("my-model").waiting == 0
    finally:
        app.close()


def test_a_blocked_model_is_refused_with_the_policys_reason(tmp_path, tiny_gguf) -> None:
    with serving(tmp_path / "home", tiny_gguf, alias="nc-model", license_text=NON_COMMERCIAL) as (app, runner):
        with pytest.raises(ModelRefused) as refused:
            app.serving.acquire("nc-model")
        assert "commercial" in refused.value.message
        with openai.OpenAI(base_url=runner.url + "/v1", api_key="x", max_retries=0) as client:
            with pytest.raises(openai.PermissionDeniedError) as caught:
                client.chat.completions.create(model="nc-model", messages=[{"role": "user", "content": "hi"}], max_tokens=2)
        assert caught.value.body["code"] == "model_blocked_by_policy" and "commercial" in caught.value.body["message"]
        assert httpx.get(runner.url + "/health", timeout=10).status_code == 200


def test_a_review_model_is_served_with_a_warning(tmp_path, tiny_gguf, caplog) -> None:
    with serving(tmp_path / "home", tiny_gguf) as (app, runner):
        with openai.OpenAI(base_url=runner.url + "/v1", api_key="x", max_retries=0) as client:
            client.chat.completions.create(model="served-tiny", messages=[{"role": "user", "content": "hi"}], max_tokens=2)
        assert "needs a license review" in caplog.text
        assert app.serving.find("served-tiny").warnings


def test_parallel_and_context_reach_the_load_request() -> None:
    request = _load_request(3, ServeOptions(n_parallel=4, n_ctx=2048, runtime="cpu"))
    assert (request.model, request.n_ctx, request.runtime) == (3, 2048, "cpu")
    if hasattr(request, "n_parallel"):  # once LoadRequest carries it (the parallel worker)
        assert request.n_parallel == 4


def test_serve_options_are_checked() -> None:
    for bad in (ServeOptions(n_parallel=0), ServeOptions(n_ctx=8), ServeOptions(keep_alive_s=-1), ServeOptions(queue_size=-1)):
        assert bad.problem()
    assert ServeOptions().problem() is None


def test_cors_is_off_unless_origins_are_given_and_requests_are_announced(tmp_path, tiny_gguf) -> None:
    origin = {"Origin": "http://example.test"}
    with serving(tmp_path / "off", tiny_gguf) as (_app, runner):
        response = httpx.get(runner.url + "/v1/models", headers=origin, timeout=10)
        assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    with serving(tmp_path / "on", tiny_gguf, cors_origins=["http://example.test"]) as (app, runner):
        reports = []
        app.changes.subscribe(lambda report: reports.append(report.detail) if report.change is Change.SERVER else None)
        response = httpx.get(runner.url + "/v1/models", headers=origin, timeout=10)
        assert response.headers["access-control-allow-origin"] == "http://example.test"
        assert "access-control-allow-origin" not in httpx.get(runner.url + "/v1/models", headers={"Origin": "http://evil.test"}, timeout=10).headers
        httpx.post(runner.url + "/v1/completions", json={"model": "served-tiny", "prompt": "secret words", "max_tokens": 2}, timeout=60)
        requests = [r.record for r in reports if r.kind == "request"]
        assert len(requests) == 1 and requests[0].completion_tokens == 2 and requests[0].status == "ok" and requests[0].prompt is None
        assert requests[0].tokens_per_s is not None and requests[0].endpoint == "completions"


def test_prompt_text_is_kept_only_when_asked(tmp_path, tiny_gguf) -> None:
    from hangar.core.app.pool_terms import RequestRecord

    app, _model_id = _app_with(tmp_path, tiny_gguf)
    try:
        pool = app.serving
        pool._record(RequestRecord(time=0.0, model="my-model", endpoint="chat", status="ok", prompt="private words"))
        pool.configure(ServeOptions(log_prompts=True))
        pool._record(RequestRecord(time=0.0, model="my-model", endpoint="chat", status="ok", prompt="shown words"))
        assert [r.prompt for r in pool.log] == [None, "shown words"]
    finally:
        app.close()
