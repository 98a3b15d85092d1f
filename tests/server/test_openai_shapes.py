"""The request checks and answer builders, without a server."""

from __future__ import annotations

import json

import pytest

from hangar.core.runner import protocol as P
from hangar.server import openai_shapes as S


def test_chat_request_to_options() -> None:
    parsed = S.parse_chat({"model": " m ", "messages": [{"role": "developer", "content": "be brief"}, {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
                                                        {"role": "assistant", "content": None}],
                           "temperature": 0, "top_p": 0.5, "max_completion_tokens": 7, "max_tokens": 99, "stop": "END", "seed": 2**40 + 5,
                           "stream": True, "stream_options": {"include_usage": True}, "user": "ignored"})  # fmt: skip
    o = parsed.options
    assert parsed.model == "m" and parsed.stream and parsed.include_usage
    assert o.messages == [{"role": "system", "content": "be brief"}, {"role": "user", "content": "ab"}, {"role": "assistant", "content": ""}]
    assert (o.max_tokens, o.temperature, o.top_p, o.stop, o.seed) == (7, 0.0, 0.5, ["END"], 5)
    assert (o.top_k, o.min_p, o.repeat_penalty) == (0, 0.0, 1.0) and o.problem() is None


def test_completion_defaults_and_prompt_list() -> None:
    parsed = S.parse_completion({"model": "m", "prompt": ["once"]})
    assert parsed.options.prompt == "once" and parsed.options.max_tokens == 16 and not parsed.stream
    with pytest.raises(S.ApiError) as caught:
        S.parse_completion({"model": "m", "prompt": ["a", "b"]})
    assert caught.value.param == "prompt"


@pytest.mark.parametrize("raw, code", [(b"{", "invalid_json"), (b"[]", "invalid_type"), (b"\xff", "invalid_json"), (b"x" * (S.MAX_BODY_BYTES + 1), "request_too_large")])
def test_body(raw, code) -> None:
    with pytest.raises(S.ApiError) as caught:
        S.parse_body(raw)
    assert caught.value.status == 400 and caught.value.code == code
    assert set(caught.value.body()["error"]) == {"message", "type", "param", "code"}


def test_grammar_for_response_formats() -> None:
    assert S.grammar_for(None, True) is None and S.grammar_for({"type": "text"}, False) is None
    with pytest.raises(S.ApiError, match="not supported yet"):
        S.grammar_for({"type": "json_object"}, False)
    assert "root" in S.grammar_for({"type": "json_object"}, True)
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    assert "root" in S.grammar_for({"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}, True)
    with pytest.raises(S.ApiError) as caught:  # an invalid schema is a 400 whether or not grammars are supported
        S.grammar_for({"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "nope"}}}, False)
    assert caught.value.param == "response_format.json_schema.schema.type"


def test_answers_and_chunks() -> None:
    done = P.Done(stop_reason=P.StopReason.CONTEXT_FULL, n_prompt=3, n_generated=4)
    answer = S.chat_completion("chatcmpl-1", "m", "hi", done, 10)
    assert answer["choices"][0]["finish_reason"] == "length" and answer["usage"] == {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}
    usage = S.chat_chunk("chatcmpl-1", "m", 10, usage_of=done)
    assert usage["choices"] == [] and usage["usage"]["total_tokens"] == 7
    assert S.sse("[DONE]") == b"data: [DONE]\n\n"
    assert json.loads(S.sse({"a": "é"})[len(b"data: "):].decode()) == {"a": "é"}
    assert S.busy("full", 2).headers == {"Retry-After": "2"} and S.busy("full", 2).status == 503


@pytest.mark.parametrize("endpoint, chunker", [("chat", S.chat_chunk), ("completions", S.completion_chunk)])
def test_a_piece_writer_writes_what_the_chunk_builder_would(endpoint, chunker) -> None:
    """The per-request prefix and suffix: every text (quotes, newlines, CJK, emoji, a NUL, the slot's own marker) makes the same bytes."""
    pieces = S.PieceWriter(endpoint, "chatcmpl-7", 'a "model" é', 1700000000)
    texts = ["", "a", 'say "hi"\n\\', "中日한🙂", "\x00", S._TEXT_SLOT, "</script>"]
    for text in texts:
        expected = S.sse(chunker("chatcmpl-7", 'a "model" é', 1700000000, **({"delta": {"content": text}} if endpoint == "chat" else {"text": text})))
        assert pieces(text) == expected
    joined = pieces.many(texts)
    events = [json.loads(event[len("data: "):]) for event in joined.decode().split("\n\n") if event]
    assert len(events) == len(texts), "several pieces in one write are still one data: event each"
    assert [e["choices"][0]["delta"]["content"] if endpoint == "chat" else e["choices"][0]["text"] for e in events] == texts
