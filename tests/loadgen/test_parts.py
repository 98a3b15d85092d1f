"""The serving benchmark's parts on their own: the SSE reader, Retry-After, vLLM's metric definitions,
arrivals, prompt files and addresses."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import numpy as np
import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.loadgen.client import Sample, retry_after_s
from hangar.core.loadgen.errors import EndpointAnswerError, EndpointError
from hangar.core.loadgen.metrics import Slo, stats, summarize
from hangar.core.loadgen.sse import DONE, SseReader
from hangar.core.loadgen.sweep import LoadShape, arrival_times
from hangar.core.loadgen.target import EndpointFacts, Target, normalize_base_url
from hangar.core.loadgen.workload import WorkloadSpec, file_requests, read_prompt_file


def _feed(lines: list[str]) -> list:
    reader = SseReader("http://x/v1")
    out = [reader.feed(line) for line in lines] + [reader.close()]
    return [o for o in out if o is not None]


def test_sse_reads_events_comments_fields_and_multi_line_data() -> None:
    events = _feed([": ping", "event: message", "id: 7", "retry: 1000", 'data: {"a":', 'data: 1}', "", "data:[DONE]", ""])
    assert events == [{"a": 1}, DONE]
    assert _feed(['data: {"b": 2}']) == [{"b": 2}]  # the last event, with no blank line after it


@pytest.mark.parametrize(("lines", "message"), [
    (["<html>oops</html>"], "Line 1 of the stream from http://x/v1 is not a Server-Sent Event: <html>oops</html>"),
    (["weird: field"], "is not a Server-Sent Event"),
    (["data: {broken", ""], "sent data that is not JSON (line 2): {broken"),
    (["data: [1, 2]", ""], "not a JSON object"),
])  # fmt: skip
def test_sse_garbage_is_an_error_that_quotes_it(lines: list[str], message: str) -> None:
    with pytest.raises(EndpointAnswerError) as caught:
        _feed(lines)
    assert message in caught.value.message


def test_an_error_inside_the_stream_is_the_endpoints_message() -> None:
    with pytest.raises(EndpointError) as caught:
        _feed(['data: {"error": {"message": "context length exceeded"}}', ""])
    assert "context length exceeded" in caught.value.message


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after_s("3") == 3.0 and retry_after_s(" 0.5 ") == 0.5 and retry_after_s(None) is None and retry_after_s("soon") is None
    now = datetime(2030, 1, 1, tzinfo=timezone.utc)
    assert retry_after_s(format_datetime(now + timedelta(seconds=7), usegmt=True), now=now.timestamp()) == pytest.approx(7.0)
    assert retry_after_s(format_datetime(now - timedelta(seconds=7), usegmt=True), now=now.timestamp()) == 0.0


def _sample(ttft: float, e2el: float, out: int, itl: list[float] | None = None, ok: bool = True, prompt: int = 10) -> Sample:
    return Sample(ok=ok, prompt_tokens=prompt, output_tokens=out, ttft_ms=ttft, e2el_ms=e2el, itl_ms=itl or [], error=None if ok else "x")


def test_metrics_follow_vllms_definitions() -> None:
    samples = [_sample(100, 1100, 11, [100.0] * 10), _sample(300, 2300, 21, [100.0] * 20), _sample(50, 50, 1), _sample(0, 0, 0, ok=False)]
    level = summarize(samples, 2.0, Slo(ttft_ms=200, tpot_ms=100))
    assert (level["completed"], level["failed"], level["total_input_tokens"], level["total_output_tokens"]) == (3, 1, 30, 33)
    assert level["request_throughput"] == 1.5 and level["output_throughput"] == 16.5 and level["total_token_throughput"] == 31.5
    assert level["mean_tpot_ms"] == 100.0 and level["median_tpot_ms"] == 100.0  # (E2EL - TTFT) / (n - 1); the one-token request has none
    assert level["mean_ttft_ms"] == pytest.approx(150.0) and level["std_ttft_ms"] == pytest.approx(float(np.std([100, 300, 50])), abs=1e-3)
    assert level["p99_ttft_ms"] == pytest.approx(float(np.percentile([100, 300, 50], 99)), abs=1e-3)
    assert level["mean_itl_ms"] == 100.0 and level["median_e2el_ms"] == 1100.0
    assert level["request_goodput"] == 1.0  # the first and the one-token request (TPOT taken as 0); the second misses TTFT


def test_a_level_with_nothing_completed_has_no_latencies_not_zero_ones() -> None:
    level = summarize([_sample(0, 0, 0, ok=False)], 1.0, Slo())
    assert level["completed"] == 0 and level["request_throughput"] == 0.0 and level["mean_ttft_ms"] is None and level["request_goodput"] is None
    assert stats("itl", []) == {"mean_itl_ms": None, "median_itl_ms": None, "std_itl_ms": None, "p90_itl_ms": None, "p99_itl_ms": None}


def test_arrivals_are_gamma_gaps_scaled_to_n_over_r() -> None:
    times = arrival_times(2000, 10.0, 1.0, seed=1)
    gaps = np.diff([0.0, *times])
    assert times[-1] == pytest.approx(200.0) and gaps.mean() == pytest.approx(0.1) and gaps.std() == pytest.approx(0.1, rel=0.1)  # exponential
    even = np.diff([0.0, *arrival_times(2000, 10.0, 50.0, seed=1)])
    assert even.std() < 0.03  # high burstiness: nearly even gaps
    assert arrival_times(3, None, 1.0, 0) == [0.0, 0.0, 0.0]


@pytest.mark.parametrize(("shape", "name"), [(LoadShape([]), "concurrency level"), (LoadShape([0]), "concurrency"), (LoadShape([1], rate=0), "rate"),
                                             (LoadShape([1], burstiness=-1), "burstiness")])  # fmt: skip
def test_load_shapes_out_of_range_say_which(shape: LoadShape, name: str) -> None:
    assert name in shape.problem()


def test_prompt_files_text_and_jsonl(tmp_path: Path) -> None:
    text = tmp_path / "prompts.txt"
    text.write_text("first prompt\n\nsecond prompt\n")
    prompts = read_prompt_file(text, "completions")
    assert prompts.entries == ["first prompt", "second prompt"] and prompts.sha256 == hashlib.sha256(text.read_bytes()).hexdigest()
    jsonl = tmp_path / "prompts.jsonl"
    jsonl.write_text(json.dumps({"prompt": "p1"}) + "\n" + json.dumps({"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]}) + "\n")
    chat = read_prompt_file(jsonl, "chat")
    assert chat.entries == ["p1", [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]]
    requests = file_requests(WorkloadSpec(requests=5, endpoint="chat", output_tokens=9), chat, 0)
    assert len(requests) == 5 and all(r.endpoint == "chat" and r.max_tokens == 9 for r in requests)
    assert {json.dumps(r.messages) for r in requests} == {json.dumps([{"role": "user", "content": "p1"}]), json.dumps(chat.entries[1])}


@pytest.mark.parametrize(("content", "endpoint", "message"), [
    ('{"prompt": "ok"}\n{broken\n', "completions", "Line 2 of the prompt file"),
    ('{"messages": [{"role": "user", "content": "x"}]}\n', "completions", "holds chat messages: run it with --endpoint chat"),
    ('{"text": "x"}\n', "completions", 'needs a "prompt" text or a "messages" list'),
    ("\n\n", "completions", "holds no prompt"),
])  # fmt: skip
def test_bad_prompt_files_name_the_line(tmp_path: Path, content: str, endpoint: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(content)
    with pytest.raises(InvalidInput) as caught:
        read_prompt_file(path, endpoint)
    assert message in caught.value.message


def test_a_missing_or_binary_prompt_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_prompt_file(tmp_path / "nope.txt", "completions")
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_prompt_file(tmp_path / "bin.txt", "completions")


@pytest.mark.parametrize(("given", "root"), [
    ("http://10.0.0.5:8000", "http://10.0.0.5:8000/v1"), ("https://api.example.com/v1/", "https://api.example.com/v1"),
    ("http://h:1/v1/chat/completions", "http://h:1/v1"), ("http://h:1/proxy", "http://h:1/proxy/v1"),
])  # fmt: skip
def test_base_urls_are_taken_as_people_write_them(given: str, root: str) -> None:
    assert normalize_base_url(given) == root


@pytest.mark.parametrize("given", ["localhost:8000", "ftp://h/v1", "", "local"])
def test_what_is_no_address_is_refused(given: str) -> None:
    with pytest.raises(InvalidInput, match="is not an endpoint address"):
        normalize_base_url(given)


def test_a_target_keeps_its_key_out_of_its_repr_and_checks_its_timeout() -> None:
    target = Target("http://h:1", api_key="sk-secret-value-123")
    assert "sk-secret" not in repr(target) and target.headers()["Authorization"] == "Bearer sk-secret-value-123"
    with pytest.raises(InvalidInput, match="timeout"):
        Target("http://h:1", timeout_s=0)


def test_the_engine_is_what_the_endpoint_says_it_is() -> None:
    assert EndpointFacts(["m"], {"m": "vllm"}, "uvicorn").engine("m") == "vllm"
    assert EndpointFacts(["m"], {"m": "system"}, "llama.cpp").engine("m") == "llama.cpp"  # a generic owner names no engine
    assert EndpointFacts(["m"], {}, None).engine("m") is None
