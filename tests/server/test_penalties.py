"""presence_penalty and frequency_penalty through the official ``openai`` client: accepted in
OpenAI's range, refused outside it with the field named, and really applied by llama.cpp (a
greedy reply changes under a large penalty)."""

from __future__ import annotations

import openai
import pytest

from .conftest import ALIAS

pytestmark = pytest.mark.slow
ASK = [{"role": "user", "content": "Tell me a story."}]


def test_penalties_in_range_are_accepted_for_chat_and_completions(client) -> None:
    reply = client.chat.completions.create(model=ALIAS, messages=ASK, max_tokens=3, presence_penalty=1.5, frequency_penalty=-1.0)
    assert reply.choices[0].finish_reason in ("stop", "length")
    text = client.completions.create(model=ALIAS, prompt="Once", max_tokens=3, presence_penalty=-2.0, frequency_penalty=2.0)
    assert text.choices[0].finish_reason in ("stop", "length")


@pytest.mark.parametrize("name, value", [("presence_penalty", 2.5), ("presence_penalty", -3), ("frequency_penalty", 2.01), ("frequency_penalty", -100)])
def test_penalties_out_of_range_are_a_400_naming_the_field(client, name, value) -> None:
    for create in (lambda: client.chat.completions.create(model=ALIAS, messages=ASK, max_tokens=2, **{name: value}),
                   lambda: client.completions.create(model=ALIAS, prompt="Once", max_tokens=2, **{name: value})):  # fmt: skip
        with pytest.raises(openai.BadRequestError) as caught:
            create()
        body = caught.value.body
        assert body["param"] == name and name in body["message"] and "-2.0 to 2.0" in body["message"], body


def test_a_large_presence_penalty_changes_a_greedy_reply(client) -> None:
    def reply(**penalty) -> str:
        answer = client.completions.create(model=ALIAS, prompt="Once upon a time", max_tokens=40, temperature=0, seed=1, **penalty)
        return answer.choices[0].text

    plain = reply()
    assert reply(presence_penalty=0, frequency_penalty=0) == plain, "a penalty of 0 is no penalty"
    assert reply(presence_penalty=2.0) != plain, "the penalty reached the sampler"
    assert reply(frequency_penalty=2.0) != plain
