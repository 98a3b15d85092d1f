"""Every scorer against replies a model writes: right ones in the shapes models use, and wrong ones."""

from __future__ import annotations

import time

import pytest
import regex

from hangar.core.evals import scorers as S
from hangar.core.evals.suite_checks import validator_for


@pytest.mark.parametrize(
    ("text", "shown"),
    [("  Paris  ", "paris"), ("**Paris**", "paris"), ('"Paris."', "paris"), ("`Paris`", "paris"), ("「巴黎」", "巴黎"), ("Ｐａｒｉｓ", "paris"),
     ("New   York\n", "new york"), ("巴黎。", "巴黎"), ("Yes!", "yes")],
)  # fmt: skip
def test_normalise_follows_the_written_rules(text: str, shown: str) -> None:
    assert S.normalise(text) == shown


def test_exact_and_contains() -> None:
    assert S.exact("Paris.", ["Paris"])[0]
    assert S.exact("  **paris**", ["Paris"])[0]
    assert not S.exact("Paris, France", ["Paris"])[0]
    assert S.exact("merci beaucoup", ["merci", "merci beaucoup"])[0], "any accepted answer"
    passed, detail = S.exact("London", ["Paris"])
    assert not passed and detail == "'london' is not 'Paris'"
    assert not S.exact("yes", ["YES"], case_sensitive=True)[0] and S.exact("YES", ["YES"], case_sensitive=True)[0]
    assert S.contains("I think a Whale does.", ["whale", "dolphin"])[0]
    passed, detail = S.contains("A shark.", ["whale", "dolphin"])
    assert not passed and detail == "does not contain 'whale'"


def test_regex_searches_with_its_flags_and_a_time_limit() -> None:
    assert S.regex_search("  2025-01-01 ", regex.compile(r"^\s*2025-01-01\s*$"))[0]
    assert not S.regex_search("Jan 1, 2025", regex.compile(r"^\s*2025-01-01\s*$"))[0]
    assert S.regex_search("The sea is BLUE", regex.compile(r"\bblue\s*$", regex.IGNORECASE))[0]
    started = time.monotonic()
    passed, detail = S.regex_search("x" * 5000, regex.compile(r"(x+x+)+y"), timeout_s=0.3)
    assert not passed and "backtracks catastrophically" in detail
    assert time.monotonic() - started < 2, "a catastrophic pattern is stopped, not run for hours"


@pytest.mark.parametrize(
    ("reply", "letter"),
    [("B", "B"), ("B.", "B"), ("b", None), ("(C) Jupiter", "C"), ("**D**", "D"), ("D) Pacific", "D"), ("The answer is C.", "C"),
     ("Answer: **B**", "B"), ("I think the answer is (A).", "A"), ("答案是B。", "B"), ("答案：C", "C"), ("选 D", "D"), ("选项B是正确的", "B"),
     ("A good question. It is D", "D"), ("Mars, which is B", "B"), ("Probably B, not C", "B"), ("E", None), ("No idea", None),
     ("ABBA is a band", None), ("Ｂ", "B")],
)  # fmt: skip
def test_the_choice_letter_is_found_by_the_documented_rule(reply: str, letter: str | None) -> None:
    assert S.choice_letter(reply, "ABCD") == letter


def test_choice_scores_and_says_what_was_answered() -> None:
    assert S.choice("B. Mars", "B") == (True, "answered B")
    assert S.choice("C", "B") == (False, "answered C, expected B")
    assert S.choice("nothing", "B") == (False, "no answer letter (A, B, C, D) found")
    assert S.choice("E", "E", "ABCDE")[0], "a fifth choice where the item has one"


def test_json_schema_takes_the_first_object_and_checks_values() -> None:
    validator = validator_for(1, {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}, "required": ["name", "age"]})
    expected = {"name": "Alice", "age": 30}
    assert S.json_schema('{"name": "Alice", "age": 30}', validator, expected) == (True, "valid JSON with the expected values")
    assert S.json_schema('Sure! ```json\n{"name": "alice", "age": 30}\n``` Hope it helps {not json}', validator, expected)[0]
    passed, detail = S.json_schema('{"name": "Alice", "age": "30"}', validator, expected)
    assert not passed and detail.startswith("does not match the schema at age: '30' is not of type 'integer'")
    passed, detail = S.json_schema('{"name": "Bob", "age": 30}', validator, expected)
    assert not passed and detail == 'name is "Bob", expected "Alice"'
    assert S.json_schema("no json here [1, 2]", validator) == (False, "no JSON object in the reply")
    total = validator_for(1, {"type": "object", "properties": {"total": {"type": "number"}}})
    assert S.json_schema('{"total": 450.504}', total, {"total": 450.5}, tolerance=0.01)[0]
    assert not S.json_schema('{"total": 450.6}', total, {"total": 450.5}, tolerance=0.01)[0]
    array = validator_for(1, {"type": "array", "const": [2, 4, 6]})
    assert S.json_schema("Here: [2, 4, 6]", array)[0] and not S.json_schema("[2, 4]", array)[0]


@pytest.mark.parametrize(
    ("reply", "value"),
    [("42", 42), ("The answer is 42.", 42), ("Total: 1,250.50 USD", 1250.5), ("from 10 to 12", 12), ("3-5", 5), ("it is -3", -3),
     ("it is −3", -3), ("１２３", 123), ("2.5e3 m", 2500), ("30%", 30), ("no number", None), ("version 1,23", 23)],
)  # fmt: skip
def test_the_last_number_is_read_by_the_documented_rule(reply: str, value: float | None) -> None:
    assert S.last_number(reply) == value


def test_number_within_a_tolerance() -> None:
    assert S.number("366 days", 366) == (True, "366 is within 0 of 366")
    assert S.number("365", 366) == (False, "365 is not within 0 of 366")
    assert S.number("3.14159", 3.14, tolerance=0.01)[0]
    assert S.number("102", 100, tolerance=2, relative=True)[0] and not S.number("103", 100, tolerance=2, relative=True)[0]
    assert S.number("0.1 + 0.2 = 0.30000000000000004", 0.3)[0], "floating-point noise is not a wrong answer"
    assert S.number("I don't know", 3) == (False, "no number in the reply")
